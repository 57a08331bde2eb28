import { amountToVietnameseWords, formatDateVn, sexToVietnamese, taxCodeCheckDigit } from '@sohoa/vn';
import { createRng, type Rng } from './rng';
import { fullNameFor, permanentAddress, personalIdFor, randomDate, slugify } from './people';
import { writeDocumentSet } from './internal/document-set';
import { rasterisePages } from './internal/raster';
import { ETHNICITIES, GAZETTEER, type GazetteerProvince } from './internal/people-data';
import {
  BRAND_NAMES,
  ENTERPRISE_LINES,
  HOUSEHOLD_KINDS,
  HOUSEHOLD_LINES,
  LEGAL_FORMS,
  REPRESENTATIVE_TITLES,
  TRADES,
} from './internal/org-data';
import {
  A4_HEIGHT,
  A4_WIDTH,
  drawAgencyHeader,
  drawPaper,
  drawRow,
  drawSealAndSignature,
  LABEL,
  MARGIN_X,
} from './internal/a4';
import type { SvgCanvas } from './internal/canvas';
import type { Box, DegradeOptions, PageText, RenderedDocument, Sex, SyntheticDocument } from './types';

type DrawnPage = { svg: string; boxes: Record<string, Box>; runs: PageText['runs'] };

/** Business registration certificates the generator renders. */
export type BusinessDocumentType = 'enterprise-registration' | 'household-business-registration';

export const BUSINESS_DOCUMENT_TYPES: readonly BusinessDocumentType[] = [
  'enterprise-registration',
  'household-business-registration',
];

/** A synthetic business registration certificate: the organisation's facts and one related person. */
export type SyntheticBusinessDocument = SyntheticDocument<BusinessDocumentType, 'representative' | 'householdHead'>;

export const BUSINESS_GENERATOR = '@sohoa/seeds business v1';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const DAY_MS = 86_400_000;
const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** `5000000000` → `5.000.000.000`, as amounts are printed. */
export const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
/** `ngày 05 tháng 03 năm 2019`, as registration dates are printed. */
const longDate = (iso: string): string => `ngày ${iso.slice(8, 10)} tháng ${iso.slice(5, 7)} năm ${iso.slice(0, 4)}`;

/** A 10-digit tax code with a valid check digit; the remainder-0 case (no unambiguous digit) is avoided. */
function taxCode(rng: Rng, first: string): string {
  for (;;) {
    const head = `${first}${pad(rng.int(0, 10 ** (9 - first.length) - 1), 9 - first.length)}`;
    const check = taxCodeCheckDigit(head)!;
    const sum = [...head].reduce((s, d, i) => s + Number(d) * [31, 29, 23, 19, 17, 13, 7, 5, 3][i]!, 0);
    if (sum % 11 !== 0) return `${head}${check}`;
  }
}

/** Capital in words as printed on the certificate, e.g. `Năm tỷ đồng`. */
export function capitalWords(digits: string): string {
  return `${capitalise(amountToVietnameseWords(Number(digits)))} đồng`;
}

function provinceTitle(p: GazetteerProvince): string {
  const name = p.label.replace(/^TP\. /, '');
  return ['Hà Nội', 'Hồ Chí Minh', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ'].includes(name)
    ? `thành phố ${name}`
    : `tỉnh ${name}`;
}

function person(rng: Rng, minYear: number, maxYear: number): Record<string, string> {
  const sex: Sex = rng.chance(0.6) ? 'male' : 'female';
  const birthDate = randomDate(rng, `${minYear}-01-01`, `${maxYear}-12-31`);
  const home = rng.pick(GAZETTEER);
  const residence = permanentAddress(rng, home);
  return {
    'person.fullName': fullNameFor(rng, sex),
    'person.sex': sex,
    'person.birthDate': birthDate,
    'person.ethnicity': rng.weighted(ETHNICITIES),
    'person.nationality': 'Việt Nam',
    'person.idNumber': personalIdFor(rng, home.code, birthDate, sex),
    'person.permanentAddress': residence,
    'person.currentAddress': rng.chance(0.7) ? residence : permanentAddress(rng, rng.pick(GAZETTEER)),
  };
}

function registrationDates(rng: Rng, from: string, to: string): { first: string; changes: number; last: string } {
  const first = randomDate(rng, from, to);
  const changes = rng.chance(0.5) ? rng.int(1, 6) : 0;
  const last = changes === 0 ? first : randomDate(rng, addDays(first, 30), [addDays(first, 3000), to].sort()[0]!);
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings, compared as strings
  return { first, changes, last: last < first ? first : last };
}

function enterprise(rng: Rng, index: number): SyntheticBusinessDocument {
  const legal = rng.pick(LEGAL_FORMS);
  const [trade, tradeEn] = rng.pick(TRADES);
  const brand = rng.pick(BRAND_NAMES);
  const province = rng.pick(GAZETTEER);
  const dates = registrationDates(rng, '2010-01-01', '2025-10-31');
  const rep = person(rng, 1960, 1998);
  const capital = String(rng.pick([5, 10, 15, 20, 30, 50, 100, 200, 500]) * 100_000_000);
  const department = dates.last >= '2025-03-01' ? 'Sở Tài chính' : 'Sở Kế hoạch và Đầu tư';
  const brandAscii = slugify(brand).replace(/-/g, ' ').toUpperCase();
  const fields: Record<string, string> = {
    'org.taxCode': taxCode(rng, rng.pick(['01', '02', '03', '04', '18', '29', '31', '36', '38'])),
    'org.legalForm': legal.form,
    'org.name': `${legal.prefix} ${trade} ${brand}`,
    'org.foreignName': `${brandAscii} ${tradeEn} ${legal.suffix}`,
    'org.shortName': `${brandAscii} ${legal.short}`,
    'org.address': `${permanentAddress(rng, province)}, Việt Nam`,
    'org.phone': `0${rng.int(20, 29)}${pad(rng.int(0, 99_999_999), 8)}`.slice(0, 11),
    'org.capital': capital,
    'org.capital.words': capitalWords(capital),
    'org.foundingDate': dates.first,
    'document.issueDate': dates.last,
    'document.issuer': `Phòng Đăng ký kinh doanh - ${department} ${provinceTitle(province)}`,
    'org.representative': rep['person.fullName']!,
    'org.representative.position': rng.pick(
      legal.shares
        ? REPRESENTATIVE_TITLES.filter((t) => !t.includes('thành viên'))
        : REPRESENTATIVE_TITLES.filter((t) => !t.includes('quản trị')),
    ),
    'org.representative.idNumber': rep['person.idNumber']!,
  };
  if (dates.changes > 0) fields['document.amendmentNumber'] = String(dates.changes);
  // Certificates under NĐ 43/2010 (before 1 July 2015) still listed the business lines.
  if (dates.last < '2015-07-01') fields['org.businessLines'] = rng.sample(ENTERPRISE_LINES, 2).join('; ');
  return {
    type: 'enterprise-registration',
    slug: `${pad(index + 1, 2)}-${slugify(brand)}`,
    fields,
    relations: [{ role: 'representative', fields: rep }],
  };
}

function household(rng: Rng, index: number): SyntheticBusinessDocument {
  const province = rng.pick(GAZETTEER);
  const district = rng.pick(province.districts);
  const ward = rng.pick(district.wards);
  const dates = registrationDates(rng, '2012-01-01', '2025-10-31');
  const head = person(rng, 1955, 2000);
  const capital = String(rng.int(2, 50) * 10_000_000);
  const kind = rng.pick(HOUSEHOLD_KINDS);
  const brand = rng.pick(BRAND_NAMES);
  const street = permanentAddress(rng, { ...province, districts: [{ ...district, wards: [ward] }] });
  // Since 1 July 2025 households register with the commune (NĐ 168/2025), before with the district.
  const issuer = dates.last >= '2025-07-01' ? `Ủy ban nhân dân ${ward}` : `Phòng Tài chính - Kế hoạch ${district.name}`;
  const fields: Record<string, string> = {
    'org.taxCode': taxCode(rng, '8'),
    'org.name': `HỘ KINH DOANH ${kind} ${brand}`,
    'org.address': street,
    'org.phone': `09${pad(rng.int(0, 99_999_999), 8)}`,
    'org.businessLines': rng.sample(HOUSEHOLD_LINES, rng.int(1, 2)).join('; '),
    'org.capital': capital,
    'org.capital.words': capitalWords(capital),
    'org.foundingDate': dates.first,
    'document.issueDate': dates.last,
    'document.issuer': issuer,
    'org.representative': head['person.fullName']!,
    'org.representative.idNumber': head['person.idNumber']!,
  };
  if (dates.changes > 0) fields['document.amendmentNumber'] = String(dates.changes);
  return {
    type: 'household-business-registration',
    slug: `${pad(index + 1, 2)}-${slugify(`${kind} ${brand}`)}`,
    fields,
    relations: [{ role: 'householdHead', fields: head }],
  };
}

/**
 * Make `count` synthetic business registration certificates of one type; the same seed gives the same documents.
 *
 * @example generateBusinessDocuments('enterprise-registration', 1, 3)[0].fields['org.taxCode']
 */
export function generateBusinessDocuments(
  type: BusinessDocumentType,
  seed: number,
  count: number,
): SyntheticBusinessDocument[] {
  const rng = createRng(`${type}:${seed}`);
  return Array.from({ length: count }, (_, i) =>
    type === 'enterprise-registration' ? enterprise(rng.fork(`doc-${i}`), i) : household(rng.fork(`doc-${i}`), i),
  );
}

function registrationLines(
  c: SvgCanvas,
  y: number,
  f: Record<string, string>,
  codeLabel: string,
  boxes: Record<string, Box>,
): number {
  y = drawRow(c, y, [{ label: codeLabel, value: f['org.taxCode']!, key: 'org.taxCode' }], boxes, [MARGIN_X + 200]);
  y = drawRow(
    c,
    y,
    [{ label: 'Đăng ký lần đầu:', value: longDate(f['org.foundingDate']!), key: 'org.foundingDate' }],
    boxes,
    [MARGIN_X + 200],
  );
  if (f['document.amendmentNumber']) {
    y = drawRow(
      c,
      y,
      [
        {
          label: 'Đăng ký thay đổi lần thứ:',
          value: `${f['document.amendmentNumber']}, ${longDate(f['document.issueDate']!)}`,
          key: 'document.issueDate',
        },
      ],
      boxes,
      [MARGIN_X + 200],
    );
  }
  return y + 10;
}

function capitalLines(
  c: SvgCanvas,
  y: number,
  f: Record<string, string>,
  label: string,
  boxes: Record<string, Box>,
): number {
  y = drawRow(c, y, [{ label, value: `${groupThousands(f['org.capital']!)} đồng`, key: 'org.capital' }], boxes);
  return drawRow(c, y, [{ label: 'Bằng chữ:', value: f['org.capital.words']!, key: 'org.capital.words' }], boxes, [
    MARGIN_X + 40,
  ]);
}

function personLines(
  c: SvgCanvas,
  y: number,
  p: Record<string, string>,
  prefix: string,
  boxes: Record<string, Box>,
  position?: string,
): number {
  y = drawRow(
    c,
    y,
    [
      { label: 'Họ và tên:', value: p['person.fullName']!.toLocaleUpperCase('vi'), key: `${prefix}.person.fullName` },
      { label: 'Giới tính:', value: sexToVietnamese(p['person.sex'] as Sex), key: `${prefix}.person.sex` },
    ],
    boxes,
    [MARGIN_X, 760],
  );
  if (position)
    y = drawRow(c, y, [{ label: 'Chức danh:', value: position, key: 'org.representative.position' }], boxes);
  y = drawRow(
    c,
    y,
    [
      { label: 'Sinh ngày:', value: formatDateVn(p['person.birthDate']!), key: `${prefix}.person.birthDate` },
      { label: 'Dân tộc:', value: p['person.ethnicity']!, key: `${prefix}.person.ethnicity` },
      { label: 'Quốc tịch:', value: p['person.nationality']!, key: `${prefix}.person.nationality` },
    ],
    boxes,
    [MARGIN_X, 520, 800],
  );
  y = drawRow(c, y, [{ label: 'Loại giấy tờ pháp lý của cá nhân:', value: 'Căn cước công dân' }], boxes);
  y = drawRow(
    c,
    y,
    [{ label: 'Số giấy tờ pháp lý của cá nhân:', value: p['person.idNumber']!, key: `${prefix}.person.idNumber` }],
    boxes,
  );
  y = drawRow(
    c,
    y,
    [{ label: 'Địa chỉ thường trú:', value: p['person.permanentAddress']!, key: `${prefix}.person.permanentAddress` }],
    boxes,
  );
  return drawRow(
    c,
    y,
    [{ label: 'Địa chỉ liên lạc:', value: p['person.currentAddress']!, key: `${prefix}.person.currentAddress` }],
    boxes,
  );
}

function signature(c: SvgCanvas, rng: Rng, y: number, titles: readonly string[]): void {
  const right = A4_WIDTH - 330;
  titles.forEach((t, i) => c.text(t, right, y + i * 32, { font: 'bold', size: 22, anchor: 'middle' }));
  drawSealAndSignature(c, rng, right, y + titles.length * 32 + 70);
  c.text(fullNameFor(rng, rng.chance(0.5) ? 'male' : 'female'), right, y + titles.length * 32 + 180, {
    font: 'bold',
    size: 23,
    anchor: 'middle',
  });
}

function drawEnterprise(doc: SyntheticBusinessDocument, rng: Rng): DrawnPage {
  const f = doc.fields;
  const rep = doc.relations[0]!.fields;
  const c = drawPaper(rng, '#fdfbf3');
  const boxes: Record<string, Box> = {};
  const [, department, province] = /^Phòng Đăng ký kinh doanh - (Sở Tài chính|Sở Kế hoạch và Đầu tư) (.+)$/.exec(
    f['document.issuer']!,
  )!;
  const header = drawAgencyHeader(
    c,
    [department!.toLocaleUpperCase('vi'), province!.toLocaleUpperCase('vi'), 'PHÒNG ĐĂNG KÝ KINH DOANH'],
    110,
  );
  boxes['document.issuer'] = header.box;
  let y = header.bottom + 40;
  c.text('GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP', A4_WIDTH / 2, y, {
    font: 'bold',
    size: 34,
    anchor: 'middle',
    fill: '#8c1010',
  });
  c.text(f['org.legalForm']!.toLocaleUpperCase('vi'), A4_WIDTH / 2, y + 42, {
    font: 'bold',
    size: 22,
    anchor: 'middle',
  });
  y += 100;
  y = registrationLines(c, y, f, 'Mã số doanh nghiệp:', boxes);
  c.text('1. Tên công ty', MARGIN_X, y, { ...LABEL, font: 'bold' });
  y += 46;
  y = drawRow(c, y, [{ label: 'Tên công ty viết bằng tiếng Việt:', value: f['org.name']!, key: 'org.name' }], boxes);
  y = drawRow(
    c,
    y,
    [{ label: 'Tên công ty viết bằng tiếng nước ngoài:', value: f['org.foreignName']!, key: 'org.foreignName' }],
    boxes,
  );
  y = drawRow(c, y, [{ label: 'Tên công ty viết tắt:', value: f['org.shortName']!, key: 'org.shortName' }], boxes);
  y = drawRow(c, y, [{ label: '2. Địa chỉ trụ sở chính:', value: f['org.address']!, key: 'org.address' }], boxes);
  y = drawRow(
    c,
    y,
    [
      { label: 'Điện thoại:', value: f['org.phone']!, key: 'org.phone' },
      { label: 'Fax:', value: '' },
    ],
    boxes,
    [MARGIN_X, 700],
  );
  y = capitalLines(c, y, f, '3. Vốn điều lệ:', boxes);
  if (f['org.businessLines'])
    y = drawRow(
      c,
      y,
      [{ label: 'Ngành, nghề kinh doanh:', value: f['org.businessLines'], key: 'org.businessLines' }],
      boxes,
    );
  c.text('4. Người đại diện theo pháp luật của công ty', MARGIN_X, y, { ...LABEL, font: 'bold' });
  y = personLines(c, y + 46, rep, 'representative', boxes, f['org.representative.position']);
  signature(c, rng, y + 60, ['TRƯỞNG PHÒNG']);
  return { svg: c.toString(), boxes, runs: c.runs };
}

function drawHousehold(doc: SyntheticBusinessDocument, rng: Rng): DrawnPage {
  const f = doc.fields;
  const head = doc.relations[0]!.fields;
  const c = drawPaper(rng, '#fbfaf6');
  const boxes: Record<string, Box> = {};
  const issuer = f['document.issuer']!;
  const commune = issuer.startsWith('Ủy ban');
  const agency = commune
    ? ['ỦY BAN NHÂN DÂN', issuer.replace('Ủy ban nhân dân ', '').toLocaleUpperCase('vi')]
    : ['PHÒNG TÀI CHÍNH - KẾ HOẠCH', issuer.replace('Phòng Tài chính - Kế hoạch ', '').toLocaleUpperCase('vi')];
  const header = drawAgencyHeader(c, agency, 110);
  boxes['document.issuer'] = header.box;
  let y = header.bottom + 40;
  c.text('GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH', A4_WIDTH / 2, y, {
    font: 'bold',
    size: 34,
    anchor: 'middle',
    fill: '#8c1010',
  });
  y += 70;
  y = registrationLines(c, y, f, 'Mã số hộ kinh doanh:', boxes);
  y = drawRow(c, y, [{ label: '1. Tên hộ kinh doanh:', value: f['org.name']!, key: 'org.name' }], boxes);
  y = drawRow(
    c,
    y,
    [{ label: '2. Địa chỉ trụ sở hộ kinh doanh:', value: f['org.address']!, key: 'org.address' }],
    boxes,
  );
  y = drawRow(c, y, [{ label: 'Điện thoại:', value: f['org.phone']!, key: 'org.phone' }], boxes);
  y = drawRow(
    c,
    y,
    [{ label: '3. Ngành, nghề kinh doanh:', value: f['org.businessLines']!, key: 'org.businessLines' }],
    boxes,
  );
  y = capitalLines(c, y, f, '4. Vốn kinh doanh:', boxes);
  c.text('5. Thông tin về chủ hộ kinh doanh', MARGIN_X, y, { ...LABEL, font: 'bold' });
  y = personLines(c, y + 46, head, 'householdHead', boxes);
  signature(c, rng, y + 60, commune ? ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'] : ['TRƯỞNG PHÒNG']);
  return { svg: c.toString(), boxes, runs: c.runs };
}

/** The page of a business certificate as the generator's own template draws it. */
export function drawBusiness(doc: SyntheticBusinessDocument): DrawnPage {
  const rng = createRng(`${doc.type}:${doc.slug}:${doc.fields['org.taxCode']}`);
  return doc.type === 'enterprise-registration' ? drawEnterprise(doc, rng) : drawHousehold(doc, rng);
}

/** Render a business registration certificate as an A4 scan (150 dpi), optionally degraded. */
export async function renderBusinessDocument(
  doc: SyntheticBusinessDocument,
  options: { seed: number; degrade?: DegradeOptions | false; quality?: number },
): Promise<RenderedDocument> {
  return rasterisePages([drawBusiness(doc)], options);
}

/** The SVG of a business certificate before rasterising (for debugging layouts). */
export function renderBusinessDocumentSvg(doc: SyntheticBusinessDocument): string {
  return drawBusiness(doc).svg;
}

/** The text drawn on a business certificate, with boxes: what a perfect OCR would read (for tests). */
export function businessDocumentText(doc: SyntheticBusinessDocument): PageText[] {
  return [{ width: A4_WIDTH, height: A4_HEIGHT, runs: drawBusiness(doc).runs }];
}

/**
 * Generate business certificate scans with ground truth: `outDir/<type>/<nn>-<slug>/{scan.jpg, truth.json}`.
 *
 * @example await generateBusinessSet({ seed: 1, count: 2, outDir: 'seeds/data' })
 */
export async function generateBusinessSet(options: {
  seed: number;
  count: number;
  outDir: string;
  types?: readonly BusinessDocumentType[];
  degradedShare?: number;
}): Promise<{ outDir: string; folders: string[] }> {
  const byType = (options.types ?? BUSINESS_DOCUMENT_TYPES).map((type) =>
    generateBusinessDocuments(type, options.seed, options.count),
  );
  return writeDocumentSet(byType, renderBusinessDocument, { ...options, generator: BUSINESS_GENERATOR });
}
