import sharp from 'sharp';
import { dateToVietnameseWords, formatDateVn, sexToVietnamese } from '@sohoa/vn';
import { createRng, type Rng } from './rng';
import { fullNameFor, permanentAddress, personalIdFor, randomDate, slugify } from './people';
import { applyDegradations, resolveDegradations } from './degrade';
import { ETHNICITIES, FAMILY_NAMES, GAZETTEER, GIVEN_NAMES, MIDDLE_NAMES } from './internal/people-data';
import {
  A4_WIDTH,
  drawNationalHeader,
  drawPaper,
  drawRow,
  drawSealAndSignature,
  LABEL,
  MARGIN_X,
  VALUE,
} from './internal/a4';
import type { Box, DegradeOptions, Degradation, PageText, Sex } from './types';

/** Civil-status documents the generator renders. */
export type CivilDocumentType = 'giay-khai-sinh' | 'giay-chung-nhan-ket-hon';

export const CIVIL_DOCUMENT_TYPES: readonly CivilDocumentType[] = ['giay-khai-sinh', 'giay-chung-nhan-ket-hon'];

/** A related person on a civil document, with facts under semantic keys without the role prefix. */
export interface SyntheticRelation {
  role: 'mother' | 'father' | 'spouse';
  fields: Record<string, string>;
}

/** A synthetic civil-status document: its ground truth under semantic keys. */
export interface SyntheticCivilDocument {
  type: CivilDocumentType;
  /** Short ASCII name for folders. */
  slug: string;
  /** The subject's facts and the document's metadata (`person.*`, `document.*`). */
  fields: Record<string, string>;
  relations: SyntheticRelation[];
}

/** Ground truth written beside a civil document scan as `truth.json`. */
export interface CivilDocumentTruth extends SyntheticCivilDocument {
  generator: string;
  seed: number;
  file: string;
  degradations: Degradation[];
  boxes: Record<string, Box>;
  image: { width: number; height: number };
}

export const CIVIL_GENERATOR = '@sohoa/seeds civil v1';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const DAY_MS = 86_400_000;
const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

function nameWithFamily(rng: Rng, family: string, sex: Sex): string {
  const rest = fullNameFor(rng, sex).split(' ').slice(1).join(' ');
  return `${family} ${rest}`;
}

function registrar(rng: Rng): { issuer: string; province: (typeof GAZETTEER)[number]; provinceCode: string } {
  const province = rng.pick(GAZETTEER);
  const district = rng.pick(province.districts);
  const ward = rng.pick(district.wards);
  return {
    issuer: `Ủy ban nhân dân ${ward}, ${district.name}, ${province.label}`,
    province,
    provinceCode: province.code,
  };
}

function birthCertificate(rng: Rng, index: number): SyntheticCivilDocument {
  const sex: Sex = rng.chance(0.5) ? 'male' : 'female';
  const birthDate = randomDate(rng, '2016-01-01', '2024-12-31');
  const year = Number(birthDate.slice(0, 4));
  const reg = registrar(rng);
  const hasFather = rng.chance(0.9);
  const fatherFamily = rng.weighted(FAMILY_NAMES);
  const motherName = fullNameFor(rng, 'female');
  const childFamily = hasFather ? fatherFamily : motherName.split(' ')[0]!;
  let childName = nameWithFamily(rng, childFamily, sex);
  if (childName.split(' ').length < 3)
    childName = `${childFamily} ${rng.pick(MIDDLE_NAMES[sex])} ${rng.pick(GIVEN_NAMES[sex])}`;
  const home = rng.pick(GAZETTEER);
  const homeDistrict = rng.pick(home.districts);
  const residence = permanentAddress(rng, reg.province);
  const ethnicity = rng.weighted(ETHNICITIES);
  const parent = (name: string, minAge: number): Record<string, string> => ({
    'person.fullName': name,
    'person.birthDate.year': String(year - rng.int(minAge, minAge + 15)),
    'person.ethnicity': ethnicity,
    'person.nationality': 'Việt Nam',
    'person.residence': residence,
  });
  const registrationDate = addDays(birthDate, rng.int(3, 55));
  const relations: SyntheticRelation[] = [{ role: 'mother', fields: parent(motherName, 19) }];
  if (hasFather) relations.push({ role: 'father', fields: parent(nameWithFamily(rng, fatherFamily, 'male'), 21) });
  const hospitals = ['Bệnh viện Đa khoa', 'Bệnh viện Phụ sản', 'Trung tâm Y tế'];
  return {
    type: 'giay-khai-sinh',
    slug: `${pad(index + 1, 2)}-${slugify(childName)}`,
    fields: {
      'person.fullName': childName,
      'person.birthDate': birthDate,
      'person.birthDate.words': dateToVietnameseWords(birthDate),
      'person.sex': sex,
      'person.ethnicity': ethnicity,
      'person.nationality': 'Việt Nam',
      'person.birthPlace': `${rng.pick(hospitals)} ${reg.province.label}`,
      'person.hometown': `${homeDistrict.name}, ${home.label}`,
      'person.idNumber': personalIdFor(rng, reg.provinceCode, birthDate, sex),
      'document.number': String(rng.int(1, 480)),
      'document.bookNumber': `${pad(rng.int(1, 3), 2)}/${registrationDate.slice(0, 4)}`,
      'document.issueDate': registrationDate,
      'document.issuer': reg.issuer,
      'document.signer': fullNameFor(rng, rng.chance(0.5) ? 'male' : 'female'),
    },
    relations,
  };
}

function marriageCertificate(rng: Rng, index: number): SyntheticCivilDocument {
  const reg = registrar(rng);
  const registrationDate = randomDate(rng, '2010-01-01', '2024-12-31');
  const regYear = Number(registrationDate.slice(0, 4));
  const spouse = (sex: Sex, minAge: number): Record<string, string> => {
    const birthDate = randomDate(rng, `${regYear - minAge - 15}-01-01`, `${regYear - minAge}-01-01`);
    const province = rng.pick(GAZETTEER);
    return {
      'person.fullName': fullNameFor(rng, sex),
      'person.birthDate': birthDate,
      'person.ethnicity': rng.weighted(ETHNICITIES),
      'person.nationality': 'Việt Nam',
      'person.residence': permanentAddress(rng, province),
      'person.idNumber': personalIdFor(rng, province.code, birthDate, sex),
    };
  };
  const husband = spouse('male', 20);
  const wife = spouse('female', 18);
  return {
    type: 'giay-chung-nhan-ket-hon',
    slug: `${pad(index + 1, 2)}-${slugify(husband['person.fullName']!)}`,
    fields: {
      ...husband,
      'document.number': String(rng.int(1, 250)),
      'document.bookNumber': `${pad(rng.int(1, 2), 2)}/${regYear}`,
      'document.issueDate': registrationDate,
      'document.issuer': reg.issuer,
      'document.signer': fullNameFor(rng, rng.chance(0.5) ? 'male' : 'female'),
    },
    relations: [{ role: 'spouse', fields: wife }],
  };
}

/**
 * Make `count` synthetic documents of one type; the same seed always gives the same documents.
 *
 * @example generateCivilDocuments('giay-khai-sinh', 1, 3)[0].fields['person.fullName']
 */
export function generateCivilDocuments(type: CivilDocumentType, seed: number, count: number): SyntheticCivilDocument[] {
  const rng = createRng(`${type}:${seed}`);
  return Array.from({ length: count }, (_, i) =>
    type === 'giay-khai-sinh'
      ? birthCertificate(rng.fork(`doc-${i}`), i)
      : marriageCertificate(rng.fork(`doc-${i}`), i),
  );
}

function footer(
  c: ReturnType<typeof drawPaper>,
  rng: Rng,
  y: number,
  doc: SyntheticCivilDocument,
  title: string,
  boxes: Record<string, Box>,
): void {
  const right = A4_WIDTH - 330;
  c.text(title, right, y, { font: 'bold', size: 24, anchor: 'middle' });
  c.text('(Ký, ghi rõ họ, chữ đệm, tên, chức vụ và đóng dấu)', right, y + 32, {
    font: 'sans',
    size: 19,
    anchor: 'middle',
    fill: '#333',
  });
  drawSealAndSignature(c, rng, right, y + 120);
  boxes['document.signer'] = c.text(doc.fields['document.signer']!, right, y + 240, {
    font: 'bold',
    size: 25,
    anchor: 'middle',
  });
}

function drawBirthCertificate(
  doc: SyntheticCivilDocument,
  rng: Rng,
): { svg: string; boxes: Record<string, Box>; runs: PageText['runs'] } {
  const f = doc.fields;
  const c = drawPaper(rng, '#fbf6ea');
  const boxes: Record<string, Box> = {};
  let y = drawNationalHeader(c, 120);
  c.text('GIẤY KHAI SINH', A4_WIDTH / 2, y + 30, { font: 'bold', size: 44, anchor: 'middle', fill: '#8c1010' });
  y += 100;
  y = drawRow(
    c,
    y,
    [
      { label: 'Số:', value: f['document.number']!, key: 'document.number' },
      { label: 'Quyển số:', value: f['document.bookNumber']!, key: 'document.bookNumber' },
    ],
    boxes,
    [MARGIN_X, 720],
  );
  y = drawRow(
    c,
    y,
    [{ label: 'Họ, chữ đệm, tên:', value: f['person.fullName']!.toLocaleUpperCase('vi'), key: 'person.fullName' }],
    boxes,
  );
  y = drawRow(
    c,
    y,
    [{ label: 'Ngày, tháng, năm sinh:', value: formatDateVn(f['person.birthDate']!), key: 'person.birthDate' }],
    boxes,
  );
  y = drawRow(
    c,
    y,
    [{ label: 'ghi bằng chữ:', value: f['person.birthDate.words']!, key: 'person.birthDate.words' }],
    boxes,
  );
  y = drawRow(
    c,
    y,
    [
      { label: 'Giới tính:', value: sexToVietnamese(f['person.sex'] as Sex), key: 'person.sex' },
      { label: 'Dân tộc:', value: f['person.ethnicity']!, key: 'person.ethnicity' },
      { label: 'Quốc tịch:', value: f['person.nationality']!, key: 'person.nationality' },
    ],
    boxes,
    [MARGIN_X, 430, 760],
  );
  y = drawRow(c, y, [{ label: 'Nơi sinh:', value: f['person.birthPlace']!, key: 'person.birthPlace' }], boxes);
  y = drawRow(c, y, [{ label: 'Quê quán:', value: f['person.hometown']!, key: 'person.hometown' }], boxes);
  y = drawRow(c, y, [{ label: 'Số định danh cá nhân:', value: f['person.idNumber']!, key: 'person.idNumber' }], boxes);
  for (const rel of doc.relations) {
    y += 8;
    const who = rel.role === 'mother' ? 'người mẹ' : 'người cha';
    const r = rel.fields;
    y = drawRow(
      c,
      y,
      [
        {
          label: `Họ, chữ đệm, tên ${who}:`,
          value: r['person.fullName']!.toLocaleUpperCase('vi'),
          key: `${rel.role}.person.fullName`,
        },
      ],
      boxes,
    );
    y = drawRow(
      c,
      y,
      [
        { label: 'Năm sinh:', value: r['person.birthDate.year']!, key: `${rel.role}.person.birthDate.year` },
        { label: 'Dân tộc:', value: r['person.ethnicity']!, key: `${rel.role}.person.ethnicity` },
        { label: 'Quốc tịch:', value: r['person.nationality']!, key: `${rel.role}.person.nationality` },
      ],
      boxes,
      [MARGIN_X, 430, 760],
    );
    y = drawRow(
      c,
      y,
      [{ label: 'Nơi cư trú:', value: r['person.residence']!, key: `${rel.role}.person.residence` }],
      boxes,
    );
  }
  y += 8;
  y = drawRow(c, y, [{ label: 'Nơi đăng ký khai sinh:', value: f['document.issuer']!, key: 'document.issuer' }], boxes);
  y = drawRow(
    c,
    y,
    [{ label: 'Ngày, tháng, năm đăng ký:', value: formatDateVn(f['document.issueDate']!), key: 'document.issueDate' }],
    boxes,
  );
  footer(c, rng, y + 30, doc, 'NGƯỜI KÝ GIẤY KHAI SINH', boxes);
  return { svg: c.toString(), boxes, runs: c.runs };
}

function drawMarriageCertificate(
  doc: SyntheticCivilDocument,
  rng: Rng,
): { svg: string; boxes: Record<string, Box>; runs: PageText['runs'] } {
  const f = doc.fields;
  const c = drawPaper(rng, '#f4f1fa');
  const boxes: Record<string, Box> = {};
  let y = drawNationalHeader(c, 120);
  c.text('GIẤY CHỨNG NHẬN KẾT HÔN', A4_WIDTH / 2, y + 30, {
    font: 'bold',
    size: 40,
    anchor: 'middle',
    fill: '#8c1010',
  });
  y += 100;
  y = drawRow(
    c,
    y,
    [
      { label: 'Số:', value: f['document.number']!, key: 'document.number' },
      { label: 'Quyển số:', value: f['document.bookNumber']!, key: 'document.bookNumber' },
    ],
    boxes,
    [MARGIN_X, 720],
  );
  const wife = doc.relations[0]!.fields;
  for (const [title, prefix, p] of [
    ['Thông tin người chồng', 'husband', f],
    ['Thông tin người vợ', 'spouse', wife],
  ] as const) {
    c.text(title, MARGIN_X, y, { ...LABEL, font: 'bold' });
    y += 50;
    y = drawRow(
      c,
      y,
      [
        {
          label: 'Họ, chữ đệm, tên:',
          value: p['person.fullName']!.toLocaleUpperCase('vi'),
          key: `${prefix}.person.fullName`,
        },
      ],
      boxes,
    );
    y = drawRow(
      c,
      y,
      [
        {
          label: 'Ngày, tháng, năm sinh:',
          value: formatDateVn(p['person.birthDate']!),
          key: `${prefix}.person.birthDate`,
        },
      ],
      boxes,
    );
    y = drawRow(
      c,
      y,
      [
        { label: 'Dân tộc:', value: p['person.ethnicity']!, key: `${prefix}.person.ethnicity` },
        { label: 'Quốc tịch:', value: p['person.nationality']!, key: `${prefix}.person.nationality` },
      ],
      boxes,
      [MARGIN_X, 600],
    );
    y = drawRow(
      c,
      y,
      [{ label: 'Nơi cư trú:', value: p['person.residence']!, key: `${prefix}.person.residence` }],
      boxes,
    );
    y = drawRow(
      c,
      y,
      [{ label: 'Số định danh cá nhân:', value: p['person.idNumber']!, key: `${prefix}.person.idNumber` }],
      boxes,
    );
    y += 10;
  }
  y = drawRow(c, y, [{ label: 'Nơi đăng ký:', value: f['document.issuer']!, key: 'document.issuer' }], boxes);
  y = drawRow(
    c,
    y,
    [{ label: 'Ngày, tháng, năm đăng ký:', value: formatDateVn(f['document.issueDate']!), key: 'document.issueDate' }],
    boxes,
  );
  c.text('Chữ ký của chồng', MARGIN_X + 80, y + 20, { ...VALUE, size: 20, font: 'sans' });
  c.text('Chữ ký của vợ', MARGIN_X + 80, y + 160, { ...VALUE, size: 20, font: 'sans' });
  footer(c, rng, y + 30, doc, 'TM. ỦY BAN NHÂN DÂN', boxes);
  return { svg: c.toString(), boxes, runs: c.runs };
}

/** Render a civil document as an A4 scan (150 dpi), optionally degraded like a phone photo or office scan. */
export async function renderCivilDocument(
  doc: SyntheticCivilDocument,
  options: { seed: number; degrade?: DegradeOptions | false; format?: 'jpeg' | 'png'; quality?: number },
): Promise<{ image: Buffer; width: number; height: number; boxes: Record<string, Box>; degradations: Degradation[] }> {
  const rng = createRng(`${doc.type}:${doc.slug}:${doc.fields['document.number']}`);
  const { svg, boxes } =
    doc.type === 'giay-khai-sinh' ? drawBirthCertificate(doc, rng) : drawMarriageCertificate(doc, rng);
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  const degradations = resolveDegradations(options.degrade, options.seed);
  const { image, width, height } = await applyDegradations(png, degradations, {
    seed: options.seed,
    format: options.format ?? 'jpeg',
    quality: options.quality ?? 80,
  });
  return { image, width, height, boxes, degradations };
}

/** The page of a civil document as the generator's own template draws it: SVG, value boxes, text runs. */
export function drawCivilDocument(doc: SyntheticCivilDocument): {
  svg: string;
  boxes: Record<string, Box>;
  runs: PageText['runs'];
} {
  const rng = createRng(`${doc.type}:${doc.slug}:${doc.fields['document.number']}`);
  return doc.type === 'giay-khai-sinh' ? drawBirthCertificate(doc, rng) : drawMarriageCertificate(doc, rng);
}

/** The SVG of a civil document before rasterising (for debugging layouts). */
export function renderCivilDocumentSvg(doc: SyntheticCivilDocument): string {
  const rng = createRng(`${doc.type}:${doc.slug}:${doc.fields['document.number']}`);
  return (doc.type === 'giay-khai-sinh' ? drawBirthCertificate(doc, rng) : drawMarriageCertificate(doc, rng)).svg;
}
