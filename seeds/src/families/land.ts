import { formatDateVn } from '@sohoa/vn';
import { drawLandPages, generateLandCertificates, type SyntheticLandCertificate } from '../land-certificate';
import type { LayoutFamily } from '../layout-families';
import { A4_WIDTH } from '../internal/a4';
import { dateLong, FormPage, titleCase, upper, type DrawnForm } from '../internal/form-kit';
import type { Rng } from '../rng';
import type { SyntheticDocument } from '../types';
import { motto, shiftYears, signerBlock, style } from './common';
import { fromTemplatePage, roleKey } from './tuned';
import { LAND_MORE_FAMILIES } from './land-more';

const comma = (area: string): string => area.replace('.', ',');
const term = (t: string, prefix = 'Đến ngày '): string => (t === 'Lâu dài' ? t : `${prefix}${formatDateVn(t)}`);
const holders = (doc: SyntheticDocument): Array<{ pre: string; p: Record<string, string> }> => [
  { pre: '', p: doc.fields },
  ...doc.relations.map((r) => ({ pre: `${r.role}:`, p: r.fields })),
];
const title = (p: Record<string, string>): string => (p['person.sex'] === 'male' ? 'Ông' : 'Bà');

/** Place-and-date line and the issuing department's block, right; records `document.issueDate` and `document.issuer`. */
function issueBlock(
  p: FormPage,
  rng: Rng,
  f: Record<string, string>,
  y: number,
  date: (iso: string) => string,
): number {
  const cx = A4_WIDTH - 330;
  const place = f['land.address']!.split(', ')
    .pop()!
    .replace(/^TP\. /, '');
  const d = date(f['document.issueDate']!);
  const box = p.c.text(`${place}, ${d}`, cx, y, {
    font: p.style.labelFont,
    size: 21,
    anchor: 'middle',
    fill: p.style.ink,
  });
  p.record('document.issueDate', `${place}, ${d}`, [box]);
  const [, unit, name] = /^Sở Tài nguyên và Môi trường (thành phố|tỉnh) (.+)$/.exec(f['document.issuer']!)!;
  const a = p.c.text('SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', cx, y + 38, {
    font: p.style.headingFont,
    size: 21,
    anchor: 'middle',
    fill: p.style.ink,
  });
  const b = p.c.text(upper(`${unit} ${name}`), cx, y + 68, {
    font: p.style.headingFont,
    size: 21,
    anchor: 'middle',
    fill: p.style.ink,
  });
  p.record('document.issuer', `SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG ${upper(`${unit} ${name}`)}`, [a, b]);
  return signerBlock(p, rng, cx, y + 100, ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], undefined);
}

/** 2009–2014 model: holders run on as "Ông: …, sinh năm: …, CCCD số: …", parcel items lettered a) to h), two items on a line. */
function landLettered(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const p = new FormPage(
    rng,
    style({
      labelFont: 'serif',
      valueFont: 'serif-bold',
      headingFont: 'serif-bold',
      size: 22,
      lineHeight: 38,
      paper: '#fcf1f1',
      ink: '#2a1515',
    }),
  );
  p.frame(42, true, '#b0151b');
  let y = motto(p, 120, A4_WIDTH / 2, 24);
  p.centred('GIẤY CHỨNG NHẬN', y + 10, 38, 'serif-bold', '#b0151b');
  p.centred(
    'QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU NHÀ Ở VÀ TÀI SẢN KHÁC GẮN LIỀN VỚI ĐẤT',
    y + 46,
    21,
    'serif-bold',
    '#b0151b',
  );
  y += 100;
  p.text('I. Người sử dụng đất, chủ sở hữu nhà ở và tài sản khác gắn liền với đất', 110, y, { font: 'serif-bold' });
  y += 42;
  for (const { pre, p: h } of holders(doc)) {
    y = p.row(
      y,
      [
        { label: title(h), value: upper(h['person.fullName']!), key: `${pre}person.fullName` },
        { label: 'sinh năm', value: h['person.birthDate.year']!, key: `${pre}person.birthDate.year` },
        { label: 'CCCD số', value: h['person.idNumber']!, key: `${pre}person.idNumber` },
      ],
      [130, 560, 780],
    );
  }
  y = p.row(
    y,
    [{ label: 'Địa chỉ thường trú', value: f['person.permanentAddress']!, key: 'person.permanentAddress' }],
    [130],
  );
  p.text('II. Thửa đất, nhà ở và tài sản khác gắn liền với đất', 110, y + 4, { font: 'serif-bold' });
  y += 46;
  y = p.row(
    y,
    [
      { label: 'a) Thửa đất số', value: f['land.parcelNumber']!, key: 'land.parcelNumber' },
      { label: 'b) Tờ bản đồ số', value: f['land.mapSheetNumber']!, key: 'land.mapSheetNumber' },
    ],
    [130, 560],
  );
  y = p.row(y, [{ label: 'c) Địa chỉ thửa đất', value: f['land.address']!, key: 'land.address' }], [130]);
  y = p.row(y, [{ label: 'd) Diện tích', value: `${comma(f['land.area']!)} m²`, key: 'land.area' }], [130]);
  y = p.row(y, [{ label: '(bằng chữ', value: `${f['land.area.words']!})`, key: 'land.area.words' }], [160]);
  y = p.row(y, [{ label: 'đ) Hình thức sử dụng', value: f['land.useForm']!, key: 'land.useForm' }], [130]);
  y = p.row(y, [{ label: 'e) Mục đích sử dụng', value: f['land.purpose']!, key: 'land.purpose' }], [130]);
  y = p.row(y, [{ label: 'g) Thời hạn sử dụng', value: term(f['land.term']!), key: 'land.term' }], [130]);
  y = p.row(y, [{ label: 'h) Nguồn gốc sử dụng', value: f['land.origin']!, key: 'land.origin' }], [130]);
  p.text('2. Nhà ở: -/-     3. Công trình xây dựng khác: -/-', 130, y + 4, {});
  const end = issueBlock(p, rng, f, y + 70, (d) => dateLong(d, false, true));
  p.text(
    f['land.certificate.serial']!,
    130,
    end - 60,
    { font: 'serif-bold', size: 30, fill: '#b0151b' },
    'land.certificate.serial',
  );
  p.row(
    end - 10,
    [
      {
        label: 'Số vào sổ cấp GCN',
        value: f['land.certificate.registryNumber']!,
        key: 'land.certificate.registryNumber',
      },
    ],
    [130],
  );
  return [p.done()];
}

/** Two columns: holders on the left, the parcel on the right, values under their labels, condensed type; phone photo. */
function landColumns(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const p = new FormPage(
    rng,
    style({
      labelFont: 'condensed',
      valueFont: 'condensed-bold',
      headingFont: 'condensed-bold',
      size: 21,
      lineHeight: 33,
      valueBelow: true,
      paper: '#fbf3ee',
    }),
  );
  let y = motto(p, 110, A4_WIDTH / 2, 23);
  p.centred('GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT', y + 8, 32, 'condensed-bold', '#a01318');
  p.centred('QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT', y + 42, 22, 'condensed-bold', '#a01318');
  const top = y + 100;
  // Left column: holders, drawn with a narrow right edge.
  let ly = top;
  p.text('1. Người sử dụng đất', 110, ly, { font: 'condensed-bold' });
  ly += 40;
  for (const { pre, p: h } of holders(doc)) {
    ly = p.row(
      ly,
      [{ label: `${title(h)} (họ và tên)`, value: titleCase(h['person.fullName']!), key: `${pre}person.fullName` }],
      [110],
      600,
    );
    ly = p.row(
      ly,
      [
        { label: 'Năm sinh', value: h['person.birthDate.year']!, key: `${pre}person.birthDate.year` },
        { label: 'Số định danh', value: h['person.idNumber']!, key: `${pre}person.idNumber` },
      ],
      [110, 300],
      600,
    );
  }
  ly = p.row(
    ly,
    [{ label: 'Thường trú tại', value: f['person.permanentAddress']!, key: 'person.permanentAddress' }],
    [110],
    600,
  );
  // Right column: the parcel.
  let ry = top;
  p.text('2. Thửa đất', 640, ry, { font: 'condensed-bold' });
  ry += 40;
  ry = p.row(
    ry,
    [
      { label: 'Thửa số', value: f['land.parcelNumber']!, key: 'land.parcelNumber' },
      { label: 'Tờ bản đồ', value: f['land.mapSheetNumber']!, key: 'land.mapSheetNumber' },
    ],
    [640, 860],
  );
  ry = p.row(ry, [{ label: 'Vị trí thửa đất', value: f['land.address']!, key: 'land.address' }], [640]);
  ry = p.row(
    ry,
    [
      { label: 'Diện tích (m²)', value: comma(f['land.area']!), key: 'land.area' },
      { label: 'Hình thức', value: f['land.useForm']!, key: 'land.useForm' },
    ],
    [640, 860],
  );
  ry = p.row(ry, [{ label: 'Loại đất', value: f['land.purpose']!, key: 'land.purpose' }], [640]);
  ry = p.row(ry, [{ label: 'Thời hạn', value: term(f['land.term']!, 'đến '), key: 'land.term' }], [640]);
  ry = p.row(ry, [{ label: 'Nguồn gốc', value: f['land.origin']!, key: 'land.origin' }], [640]);
  y = Math.max(ly, ry) + 10;
  y = p.row(
    y,
    [
      { label: 'Số phát hành', value: f['land.certificate.serial']!, key: 'land.certificate.serial' },
      {
        label: 'Số vào sổ cấp GCN',
        value: f['land.certificate.registryNumber']!,
        key: 'land.certificate.registryNumber',
      },
    ],
    [110, 640],
  );
  issueBlock(p, rng, f, y + 20, (d) => `ngày ${d.slice(8)} tháng ${d.slice(5, 7)} năm ${d.slice(0, 4)}`);
  return [p.done()];
}

/**
 * 1990s "sổ đỏ" (Luật Đất đai 1993): the holder as "Tên người sử dụng đất" with "Năm sinh" and
 * "Số CMND", the parcels in a ruled grid (Thửa đất số | Tờ bản đồ số | Diện tích | Mục đích | Thời hạn),
 * serial and register number in other words, no use form, origin or area in words; typewriter-like condensed serif,
 * dates of the 1990s and 9-digit CMND numbers.
 */
function landOld(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const p = new FormPage(
    rng,
    style({
      labelFont: 'serif-condensed',
      valueFont: 'serif-condensed',
      headingFont: 'serif-bold',
      size: 21,
      lineHeight: 36,
      colon: ':',
      leaders: true,
      paper: '#f7e9e4',
      ink: '#3a2020',
      valueInk: '#111',
    }),
  );
  p.frame(38, false, '#9a2a2a');
  let y = motto(p, 110, A4_WIDTH / 2, 22, 'serif-bold');
  p.centred('GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT', y + 20, 36, 'serif-bold', '#9a2a2a');
  y += 90;
  const [, , province] = /^Sở Tài nguyên và Môi trường (thành phố|tỉnh) (.+)$/.exec(f['document.issuer']!)!;
  p.text(`ỦY BAN NHÂN DÂN ${upper(province!)} chứng nhận:`, 110, y, { font: 'serif', size: 22 });
  y += 50;
  for (const { pre, p: h } of holders(doc)) {
    y = p.row(y, [
      {
        label: pre ? 'Và' : 'Tên người sử dụng đất',
        value: `${title(h)} ${upper(h['person.fullName']!)}`,
        key: `${pre}person.fullName`,
      },
    ]);
    y = p.row(
      y,
      [
        { label: 'Năm sinh', value: h['person.birthDate.year']!, key: `${pre}person.birthDate.year` },
        { label: 'Số CMND', value: h['person.idNumber']!, key: `${pre}person.idNumber` },
      ],
      [140, 480],
    );
  }
  y = p.row(y, [{ label: 'Địa chỉ thường trú', value: f['person.permanentAddress']!, key: 'person.permanentAddress' }]);
  y = p.row(y, [{ label: 'Được quyền sử dụng thửa đất tại', value: f['land.address']!, key: 'land.address' }]);
  // The parcel grid.
  const cols = [110, 270, 430, 620, 900, A4_WIDTH - 100];
  const heads = ['Thửa đất số', 'Tờ bản đồ số', 'Diện tích (m²)', 'Mục đích sử dụng', 'Thời hạn sử dụng'];
  const cells: Array<[string, string]> = [
    [f['land.parcelNumber']!, 'land.parcelNumber'],
    [f['land.mapSheetNumber']!, 'land.mapSheetNumber'],
    [comma(f['land.area']!), 'land.area'],
    [f['land.purpose']!, 'land.purpose'],
    [term(f['land.term']!, 'đến '), 'land.term'],
  ];
  const top = y;
  heads.forEach((h, i) => p.c.text(h, cols[i]! + 8, y + 4, { font: 'serif-bold', size: 18, fill: p.style.ink }));
  y += 20;
  p.c.rect(cols[0]!, y, cols[5]! - cols[0]!, 1.5, `fill="${p.style.ink}"`);
  y += 36;
  let lines = 1;
  cells.forEach(([v, k], i) => {
    const ls = p.c.wrap(v, cols[i + 1]! - cols[i]! - 16, p.valueStyle);
    p.record(
      k,
      v,
      ls.map((l, j) => p.c.text(l, cols[i]! + 8, y + j * 30, p.valueStyle)),
    );
    lines = Math.max(lines, ls.length);
  });
  y += (lines - 1) * 30 + 20;
  for (const x of cols) p.c.rect(x, top - 26, 1.2, y - top + 26, `fill="${p.style.ink}"`);
  p.c.rect(cols[0]!, top - 26, cols[5]! - cols[0]!, 1.2, `fill="${p.style.ink}"`);
  p.c.rect(cols[0]!, y, cols[5]! - cols[0]!, 1.2, `fill="${p.style.ink}"`);
  y += 60;
  const cx = A4_WIDTH - 330;
  const d = f['document.issueDate']!;
  const dateText = `ngày ${Number(d.slice(8))} tháng ${Number(d.slice(5, 7))} năm ${d.slice(0, 4)}`;
  p.record('document.issueDate', dateText, [
    p.c.text(dateText, cx, y, { font: 'serif-italic', size: 21, anchor: 'middle', fill: p.style.ink }),
  ]);
  const end = signerBlock(p, rng, cx, y + 40, ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], undefined);
  p.row(
    end - 40,
    [{ label: 'Số phát hành', value: f['land.certificate.serial']!, key: 'land.certificate.serial' }],
    [110],
  );
  p.row(
    end,
    [
      {
        label: 'Vào sổ cấp giấy chứng nhận số',
        value: f['land.certificate.registryNumber']!,
        key: 'land.certificate.registryNumber',
      },
    ],
    [110],
  );
  return [p.done()];
}

export const LAND_FAMILIES: LayoutFamily[] = [
  {
    type: 'land-use-certificate',
    family: 'seeds-v1',
    description:
      "The generator's original land certificates (2014 two-page model before August 2024, 2024 one-sheet model after): the layouts the readers were built on.",
    heldOut: false,
    capture: 'scanner',
    generate: (seed, count) => generateLandCertificates(seed, count),
    draw: (doc) => drawLandPages(doc as SyntheticLandCertificate).map((p) => fromTemplatePage(p, (k) => roleKey(k))),
  },
  {
    type: 'land-use-certificate',
    family: 'lettered-2009',
    description:
      'One page of the 2009–2014 model: holders run on one line each ("Ông: …  sinh năm: …  CCCD số: …"), parcel items lettered a) to h) with two on a line, the serial and register number at the foot; serif type.',
    heldOut: false,
    capture: 'scanner',
    generate: (seed, count) => generateLandCertificates(seed, count),
    draw: landLettered,
  },
  {
    type: 'land-use-certificate',
    family: 'two-columns',
    description:
      'Two columns: holders left ("Ông (họ và tên)", "Năm sinh", "Số định danh", "Thường trú tại"), parcel right ("Thửa số", "Tờ bản đồ", "Vị trí thửa đất", "Loại đất", "Thời hạn"), values under their labels; condensed type; phone photos.',
    heldOut: false,
    capture: 'phone',
    generate: (seed, count) => generateLandCertificates(seed, count),
    draw: landColumns,
  },
  {
    type: 'land-use-certificate',
    family: 'so-do-1990s',
    description:
      '1990s "sổ đỏ": "Tên người sử dụng đất", "Số CMND", the parcel in a ruled grid (Thửa đất số | Tờ bản đồ số | Diện tích | Mục đích | Thời hạn), issued under a provincial people\'s committee, condensed serif; 1990s dates, 9-digit CMND numbers; no use form, origin or area in words.',
    // Retired from held out in session 13: reader engineers read this file to add families.
    heldOut: false,
    capture: 'phone',
    generate: (seed, count) =>
      generateLandCertificates(seed, count).map((d) => {
        const s = shiftYears(d, 27);
        // 9-digit CMND numbers, as before 2016.
        for (const f of [s.fields, ...s.relations.map((r) => r.fields)])
          f['person.idNumber'] = f['person.idNumber']!.slice(3);
        return s;
      }),
    draw: landOld,
  },
  ...LAND_MORE_FAMILIES,
];
