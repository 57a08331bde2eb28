import { amountToVietnameseWords, formatDateVn } from '@sohoa/vn';
import { createRng, type Rng } from './rng';
import { fullNameFor, permanentAddress, personalIdFor, randomDate, slugify } from './people';
import { writeDocumentSet } from './internal/document-set';
import { rasterisePages } from './internal/raster';
import { GAZETTEER, HAMLETS } from './internal/people-data';
import { LAND_ORIGINS, LAND_PURPOSES } from './internal/org-data';
import {
  A4_WIDTH,
  A4_HEIGHT,
  drawNationalHeader,
  drawPaper,
  drawPlaceholder,
  drawRow,
  drawSealAndSignature,
  MARGIN_X,
} from './internal/a4';
import type { SvgCanvas } from './internal/canvas';
import type { Box, DegradeOptions, PageText, RenderedDocument, Sex, SyntheticDocument } from './types';

/** A synthetic land use right certificate; a second holder is the first one's spouse. */
export type SyntheticLandCertificate = SyntheticDocument<'land-use-certificate', 'spouse'>;

export const LAND_GENERATOR = '@sohoa/seeds land v1';
/** The 2024 one-sheet model (NĐ 101/2024) replaced the four-page 2014 model from 1 August 2024. */
const MODEL_2024_FROM = '2024-08-01';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
/** `125.5` → `125,5`, as areas are printed. */
const decimalComma = (s: string): string => s.replace('.', ',');

/** Area in words as printed: `Một trăm hai mươi lăm phẩy năm mét vuông`. */
export function areaWords(area: string): string {
  return `${capitalise(amountToVietnameseWords(Number(area)))} mét vuông`;
}

function holder(rng: Rng, sex: Sex, provinceCode: string, address: string): Record<string, string> {
  const birthDate = randomDate(rng, '1950-01-01', '1995-12-31');
  return {
    'person.fullName': fullNameFor(rng, sex),
    'person.sex': sex,
    'person.birthDate.year': birthDate.slice(0, 4),
    'person.idNumber': personalIdFor(rng, provinceCode, birthDate, sex),
    'person.permanentAddress': address,
  };
}

function certificate(rng: Rng, index: number): SyntheticLandCertificate {
  const province = rng.pick(GAZETTEER);
  const district = rng.pick(province.districts);
  const ward = rng.pick(district.wards);
  const issueDate = randomDate(rng, '2015-01-01', '2025-10-31');
  const model2024 = issueDate >= MODEL_2024_FROM;
  const home = permanentAddress(rng, province);
  const firstSex: Sex = rng.chance(0.7) ? 'male' : 'female';
  const first = holder(rng, firstSex, province.code, home);
  const joint = rng.chance(0.5);
  const [purpose, kind] = rng.pick(
    LAND_PURPOSES.filter(([p]) => (district.urban ? !p.includes('nông thôn') : !p.includes('đô thị'))),
  );
  const area = (rng.int(400, 30_000) / 10).toFixed(1).replace(/\.0$/, '');
  const street = district.urban
    ? `Số ${rng.int(1, 200)}${district.streets ? ` đường ${rng.pick(district.streets)}` : ''}`
    : rng.pick(HAMLETS);
  const fields: Record<string, string> = {
    ...first,
    'land.parcelNumber': String(rng.int(1, 999)),
    'land.mapSheetNumber': String(rng.int(1, 85)),
    'land.address': `${street}, ${ward}, ${district.name}, ${province.label}`,
    'land.area': area,
    'land.area.words': areaWords(area),
    'land.useForm': joint ? 'Sử dụng chung' : 'Sử dụng riêng',
    'land.purpose': purpose,
    'land.term': kind === 'permanent' ? 'Lâu dài' : `${Number(issueDate.slice(0, 4)) + 50}${issueDate.slice(4)}`,
    'land.origin': rng.pick(LAND_ORIGINS),
    'land.certificate.serial': model2024
      ? `${rng.pick(['AA', 'AB', 'AC'])} ${pad(rng.int(0, 99_999_999), 8)}`
      : `${rng.pick(['CS', 'CT', 'CU', 'DB'])} ${pad(rng.int(0, 999_999), 6)}`,
    'land.certificate.registryNumber': `${rng.pick(['CS', 'CH', 'VP'])} ${pad(rng.int(1, 99_999), 5)}`,
    'document.issueDate': issueDate,
    'document.issuer': `Sở Tài nguyên và Môi trường ${['Hà Nội', 'TP. Hồ Chí Minh', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ'].includes(province.label) ? 'thành phố' : 'tỉnh'} ${province.label.replace(/^TP\. /, '')}`,
  };
  const relations: SyntheticLandCertificate['relations'] = [];
  if (joint)
    relations.push({
      role: 'spouse',
      fields: holder(rng, firstSex === 'male' ? 'female' : 'male', province.code, home),
    });
  return {
    type: 'land-use-certificate',
    slug: `${pad(index + 1, 2)}-${slugify(first['person.fullName']!)}`,
    fields,
    relations,
  };
}

/**
 * Make `count` synthetic land use right certificates; the same seed gives the same documents. Those
 * issued from 1 August 2024 follow the one-sheet 2024 model, earlier ones the 2014 model (cover page
 * with the holders and the serial, inner page with the parcel).
 *
 * @example generateLandCertificates(1, 3)[0].fields['land.parcelNumber']
 */
export function generateLandCertificates(seed: number, count: number): SyntheticLandCertificate[] {
  const rng = createRng(`land-use-certificate:${seed}`);
  return Array.from({ length: count }, (_, i) => certificate(rng.fork(`doc-${i}`), i));
}

function holderLines(c: SvgCanvas, y: number, doc: SyntheticLandCertificate, boxes: Record<string, Box>): number {
  const people = [{ prefix: '', p: doc.fields }, ...doc.relations.map((r) => ({ prefix: `${r.role}.`, p: r.fields }))];
  for (const { prefix, p } of people) {
    const title = p['person.sex'] === 'male' ? 'Ông:' : 'Bà:';
    y = drawRow(
      c,
      y,
      [
        { label: title, value: p['person.fullName']!.toLocaleUpperCase('vi'), key: `${prefix}person.fullName` },
        { label: 'Năm sinh:', value: p['person.birthDate.year']!, key: `${prefix}person.birthDate.year` },
      ],
      boxes,
      [MARGIN_X + 20, 820],
    );
    y = drawRow(c, y, [{ label: 'CCCD số:', value: p['person.idNumber']!, key: `${prefix}person.idNumber` }], boxes, [
      MARGIN_X + 20,
    ]);
  }
  return drawRow(
    c,
    y,
    [{ label: 'Địa chỉ thường trú:', value: doc.fields['person.permanentAddress']!, key: 'person.permanentAddress' }],
    boxes,
    [MARGIN_X + 20],
  );
}

function parcelLines(c: SvgCanvas, y: number, f: Record<string, string>, boxes: Record<string, Box>): number {
  const x = MARGIN_X + 20;
  y = drawRow(
    c,
    y,
    [
      { label: 'Thửa đất số:', value: f['land.parcelNumber']!, key: 'land.parcelNumber' },
      { label: 'Tờ bản đồ số:', value: f['land.mapSheetNumber']!, key: 'land.mapSheetNumber' },
    ],
    boxes,
    [x, 620],
  );
  y = drawRow(c, y, [{ label: 'Địa chỉ:', value: f['land.address']!, key: 'land.address' }], boxes, [x]);
  y = drawRow(c, y, [{ label: 'Diện tích:', value: `${decimalComma(f['land.area']!)} m²`, key: 'land.area' }], boxes, [
    x,
  ]);
  y = drawRow(c, y, [{ label: '(Bằng chữ:', value: `${f['land.area.words']!})`, key: 'land.area.words' }], boxes, [
    x + 40,
  ]);
  y = drawRow(c, y, [{ label: 'Hình thức sử dụng:', value: f['land.useForm']!, key: 'land.useForm' }], boxes, [x]);
  y = drawRow(c, y, [{ label: 'Mục đích sử dụng:', value: f['land.purpose']!, key: 'land.purpose' }], boxes, [x]);
  const term = f['land.term']!;
  y = drawRow(
    c,
    y,
    [
      {
        label: 'Thời hạn sử dụng:',
        value: term === 'Lâu dài' ? term : `Đến ngày ${formatDateVn(term)}`,
        key: 'land.term',
      },
    ],
    boxes,
    [x],
  );
  return drawRow(c, y, [{ label: 'Nguồn gốc sử dụng:', value: f['land.origin']!, key: 'land.origin' }], boxes, [x]);
}

function signatureBlock(
  c: SvgCanvas,
  rng: Rng,
  y: number,
  f: Record<string, string>,
  boxes: Record<string, Box>,
): number {
  const right = A4_WIDTH - 340;
  const place = f['land.address']!.split(', ')
    .pop()!
    .replace(/^TP\. /, '');
  boxes['document.issueDate'] = c.text(
    `${place}, ngày ${f['document.issueDate']!.slice(8)} tháng ${f['document.issueDate']!.slice(5, 7)} năm ${f['document.issueDate']!.slice(0, 4)}`,
    right,
    y,
    { font: 'sans', size: 22, anchor: 'middle' },
  );
  const [, unit, name] = /^Sở Tài nguyên và Môi trường (thành phố|tỉnh) (.+)$/.exec(f['document.issuer']!)!;
  const a = c.text('SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', right, y + 40, { font: 'bold', size: 22, anchor: 'middle' });
  const b = c.text(`${unit} ${name}`.toLocaleUpperCase('vi'), right, y + 72, {
    font: 'bold',
    size: 22,
    anchor: 'middle',
  });
  boxes['document.issuer'] = {
    x: Math.min(a.x, b.x),
    y: a.y,
    width: Math.max(a.x + a.width, b.x + b.width) - Math.min(a.x, b.x),
    height: b.y + b.height - a.y,
  };
  c.text('KT. GIÁM ĐỐC', right, y + 104, { font: 'bold', size: 22, anchor: 'middle' });
  drawSealAndSignature(c, rng, right, y + 180);
  c.text(fullNameFor(rng, rng.chance(0.5) ? 'male' : 'female'), right, y + 290, {
    font: 'bold',
    size: 23,
    anchor: 'middle',
  });
  return y + 320;
}

function title(c: SvgCanvas, y: number): number {
  c.text('GIẤY CHỨNG NHẬN', A4_WIDTH / 2, y, { font: 'bold', size: 40, anchor: 'middle', fill: '#b0151b' });
  c.text('QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT', A4_WIDTH / 2, y + 44, {
    font: 'bold',
    size: 24,
    anchor: 'middle',
    fill: '#b0151b',
  });
  return y + 100;
}

function serial(c: SvgCanvas, f: Record<string, string>, boxes: Record<string, Box>, y: number): void {
  boxes['land.certificate.serial'] = c.text(f['land.certificate.serial']!, MARGIN_X + 20, y, {
    font: 'bold',
    size: 30,
    fill: '#b0151b',
  });
}

function registry(c: SvgCanvas, f: Record<string, string>, boxes: Record<string, Box>, y: number): number {
  return drawRow(
    c,
    y,
    [
      {
        label: 'Số vào sổ cấp Giấy chứng nhận:',
        value: f['land.certificate.registryNumber']!,
        key: 'land.certificate.registryNumber',
      },
    ],
    boxes,
    [MARGIN_X + 20],
  );
}

/** The pages of a land certificate as the generator's own template draws them. */
export function drawLandPages(
  doc: SyntheticLandCertificate,
): Array<{ svg: string; boxes: Record<string, Box>; runs: PageText['runs'] }> {
  const rng = createRng(`${doc.type}:${doc.slug}:${doc.fields['land.certificate.serial']}`);
  const f = doc.fields;
  const c = drawPaper(rng, '#fbeff0');
  const boxes: Record<string, Box> = {};
  let y = drawNationalHeader(c, 110);
  drawPlaceholder(c, MARGIN_X, 70, 110, 110, 'Quốc huy');
  y = title(c, y + 20);
  if (f['document.issueDate']! >= MODEL_2024_FROM) {
    drawPlaceholder(c, A4_WIDTH - MARGIN_X - 130, 60, 130, 130, 'Mã QR');
    c.text('1. Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất:', MARGIN_X, y, { font: 'bold', size: 24 });
    y = holderLines(c, y + 48, doc, boxes);
    c.text('2. Thông tin thửa đất:', MARGIN_X, y + 4, { font: 'bold', size: 24 });
    y = parcelLines(c, y + 52, f, boxes);
    c.text('3. Tài sản gắn liền với đất: -/-', MARGIN_X, y + 4, { font: 'bold', size: 24 });
    y = signatureBlock(c, rng, y + 70, f, boxes);
    serial(c, f, boxes, A4_HEIGHT - 120);
    registry(c, f, boxes, A4_HEIGHT - 170);
    return [{ svg: c.toString(), boxes, runs: c.runs }];
  }
  c.text('I. Người sử dụng đất, chủ sở hữu nhà ở và tài sản khác gắn liền với đất', MARGIN_X, y + 20, {
    font: 'bold',
    size: 24,
  });
  holderLines(c, y + 80, doc, boxes);
  serial(c, f, boxes, A4_HEIGHT - 160);
  const inner = drawPaper(rng, '#fdf8f8');
  const innerBoxes: Record<string, Box> = {};
  inner.text('II. Thửa đất, nhà ở và tài sản khác gắn liền với đất', MARGIN_X, 150, { font: 'bold', size: 24 });
  inner.text('1. Thửa đất:', MARGIN_X, 200, { font: 'bold', size: 24 });
  let iy = parcelLines(inner, 250, f, innerBoxes);
  inner.text('2. Nhà ở: -/-', MARGIN_X, iy + 4, { font: 'bold', size: 24 });
  iy = signatureBlock(inner, rng, iy + 70, f, innerBoxes);
  registry(inner, f, innerBoxes, iy + 40);
  return [
    { svg: c.toString(), boxes, runs: c.runs },
    { svg: inner.toString(), boxes: innerBoxes, runs: inner.runs },
  ];
}

/** Render a land certificate: one JPEG for the 2024 model, a two-page TIFF (cover, inner page) for the 2014 model. */
export async function renderLandCertificate(
  doc: SyntheticLandCertificate,
  options: { seed: number; degrade?: DegradeOptions | false; quality?: number },
): Promise<RenderedDocument> {
  return rasterisePages(drawLandPages(doc), options);
}

/** The SVG pages of a land certificate before rasterising (for debugging layouts). */
export function renderLandCertificateSvg(doc: SyntheticLandCertificate): string[] {
  return drawLandPages(doc).map((p) => p.svg);
}

/** The text drawn on each page of a land certificate, with boxes: what a perfect OCR would read (for tests). */
export function landCertificateText(doc: SyntheticLandCertificate): PageText[] {
  return drawLandPages(doc).map((p) => ({ width: A4_WIDTH, height: A4_HEIGHT, runs: p.runs }));
}

/**
 * Generate land certificate scans with ground truth: `outDir/land-use-certificate/<nn>-<slug>/{scan.jpg|scan.tif, truth.json}`.
 *
 * @example await generateLandSet({ seed: 1, count: 2, outDir: 'seeds/data' })
 */
export async function generateLandSet(options: {
  seed: number;
  count: number;
  outDir: string;
  degradedShare?: number;
}): Promise<{ outDir: string; folders: string[] }> {
  return writeDocumentSet([generateLandCertificates(options.seed, options.count)], renderLandCertificate, {
    ...options,
    generator: LAND_GENERATOR,
  });
}
