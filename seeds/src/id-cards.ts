import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { formatDateVn, getProvince63, sexToVietnamese } from '@sohoa/vn';
import { createRng, type Rng } from './rng';
import { ageOn, birthdayAt, cccdExpiry, generatePeople, hometown, randomDate } from './people';
import { composeCccdMrz } from './mrz-td1';
import { applyDegradations, resolveDegradations } from './degrade';
import { GAZETTEER } from './internal/people-data';
import { drawIdCard, type PrintedCard } from './internal/id-card-draw';
import type { Box, CardSide, DegradeOptions, Degradation, SyntheticPerson } from './types';

/** ID card models besides the 2021 chip CCCD that the generator renders. */
export type IdCardType = 'cmnd-9' | 'cccd-2016' | 'can-cuoc-2024';

/** Every ID card model the layout families draw (the 2021 chip CCCD included). */
export type IdCardModelId = IdCardType | 'cccd-2021';

export const ID_CARD_TYPES: readonly IdCardType[] = ['cmnd-9', 'cccd-2016', 'can-cuoc-2024'];

export const ID_CARD_GENERATOR = '@sohoa/seeds id-cards v1';

/** A synthetic ID card: what is printed, and the ground truth per side under semantic keys. */
export interface SyntheticIdCard {
  type: IdCardModelId;
  slug: string;
  /** Values each side shows (and its QR/MRZ hold), as the extractor should report them. */
  truth: Record<CardSide, Record<string, string>>;
  /** Last day of validity (ISO), or null when the card has none. */
  validUntil: string | null;
  printed: PrintedCard;
}

/** Ground truth written beside an ID card scan pair as `truth.json`. */
export interface IdCardTruth extends Omit<SyntheticIdCard, 'printed'> {
  generator: string;
  seed: number;
  files: Record<CardSide, string>;
  degradations: Record<CardSide, Degradation[]>;
  boxes: Record<CardSide, Record<string, Box>>;
}

const RELIGIONS = ['Không', 'Không', 'Không', 'Phật giáo', 'Công giáo', 'Tin lành', 'Cao đài'];
const CANH_SAT_DKQL = ['CỤC TRƯỞNG CỤC CẢNH SÁT', 'ĐKQL CƯ TRÚ VÀ DLQG VỀ DÂN CƯ'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** Luật Căn cước 2023 Điều 21: renewed at 14, 25, 40 and 60; issued within two years before an age, valid to the next; from 58 no expiry. */
export function canCuocExpiry(birthDate: string, issueDate: string): string | null {
  const age = ageOn(birthDate, issueDate);
  for (const [before, until] of [
    [12, 14],
    [23, 25],
    [38, 40],
    [58, 60],
  ] as const)
    if (age < before) return birthdayAt(birthDate, until);
  return null;
}

const words = (iso: string): string => `${iso.slice(8, 10)} tháng ${iso.slice(5, 7)} năm ${iso.slice(0, 4)}`;

function base(
  person: SyntheticPerson,
  type: IdCardModelId,
): Omit<PrintedCard, 'number' | 'issueDate' | 'issueDateWords' | 'expiry' | 'issuerLines'> {
  return {
    type,
    fullName: person.fullName,
    birthDate: formatDateVn(person.birthDate),
    sex: sexToVietnamese(person.sex),
    nationality: person.nationality,
    hometown: person.hometown,
    permanentAddress: person.permanentAddress,
    residence: person.permanentAddress,
    birthRegistrationPlace: person.hometown,
    ethnicity: person.ethnicity,
    religion: 'Không',
    identifyingMarks: person.card.identifyingMarks,
    signer: person.card.signer,
  };
}

function cmnd(person: SyntheticPerson, rng: Rng): SyntheticIdCard {
  const number =
    person.oldIdNumber ?? `${rng.pick(['0', '1', '2', '3'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  const issueDate = randomDate(rng, [birthdayAt(person.birthDate, 14), '1995-01-01'].sort()[1]!, '2015-12-31');
  // The CMND was issued by the police of the province of permanent residence.
  const provinceLabel = person.permanentAddress.split(', ').pop()!;
  const province = GAZETTEER.find((g) => g.label === provinceLabel)!;
  const official = getProvince63(province.code)!;
  const unit = official.kind === 'city' ? 'thành phố' : 'tỉnh';
  const religion = rng.pick(RELIGIONS);
  // 15 years from issue (NĐ 05/1999 Điều 2), and no CMND is valid after 31/12/2024 (Luật Căn cước Điều 46).
  const validUntil = [birthdayAt(issueDate, 15), '2024-12-31'].sort()[0]!;
  const issuer = `Công an ${unit} ${official.name}`;
  return {
    type: 'cmnd-9',
    slug: person.slug,
    truth: {
      front: {
        'person.oldIdNumber': number,
        'person.fullName': person.fullName,
        'person.birthDate': person.birthDate,
        'person.hometown': person.hometown,
        'person.permanentAddress': person.permanentAddress,
      },
      back: {
        'person.ethnicity': person.ethnicity,
        'person.religion': religion,
        'person.identifyingMarks': person.card.identifyingMarks,
        'document.issueDate': issueDate,
        'document.issuer': issuer,
      },
    },
    validUntil,
    printed: {
      ...base(person, 'cmnd-9'),
      religion,
      number,
      issueDate: formatDateVn(issueDate),
      issueDateWords: words(issueDate),
      expiry: '',
      issuerLines: [`GIÁM ĐỐC CA ${unit.toLocaleUpperCase('vi')} ${official.name.toLocaleUpperCase('vi')}`],
    },
  };
}

/** What a CCCD front (2016 and 2021 models) prints. */
function cccdFrontTruth(person: SyntheticPerson, expiry: string | null): Record<string, string> {
  return {
    'person.idNumber': person.idNumber,
    'person.fullName': person.fullName,
    'person.birthDate': person.birthDate,
    'person.sex': person.sex,
    'person.nationality': person.nationality,
    'person.hometown': person.hometown,
    'person.permanentAddress': person.permanentAddress,
    ...(expiry ? { 'document.expiryDate': expiry } : {}),
  };
}

function cccd2016(person: SyntheticPerson, rng: Rng): SyntheticIdCard {
  const issueDate = randomDate(rng, [birthdayAt(person.birthDate, 14), '2016-01-01'].sort()[1]!, '2020-12-31');
  const expiry = cccdExpiry(person.birthDate, issueDate);
  return {
    type: 'cccd-2016',
    slug: person.slug,
    truth: {
      front: cccdFrontTruth(person, expiry),
      back: {
        'person.identifyingMarks': person.card.identifyingMarks,
        'document.issueDate': issueDate,
        'document.issuer': 'Cục Cảnh sát đăng ký, quản lý cư trú và dữ liệu quốc gia về dân cư',
      },
    },
    validUntil: expiry,
    printed: {
      ...base(person, 'cccd-2016'),
      number: person.idNumber,
      issueDate: formatDateVn(issueDate),
      issueDateWords: words(issueDate),
      expiry: expiry ? formatDateVn(expiry) : 'Không thời hạn',
      issuerLines: CANH_SAT_DKQL,
    },
  };
}

function canCuoc2024(person: SyntheticPerson, rng: Rng): SyntheticIdCard {
  // The birth registration place is in the province the ID's first digits name.
  const province = GAZETTEER.find((g) => g.code === person.birthProvinceCode) ?? rng.pick(GAZETTEER);
  const idNumber = `${province.code}${person.idNumber.slice(3)}`;
  const birthPlace = hometown(rng, province);
  const issueDate = randomDate(rng, '2024-07-01', '2025-06-30');
  const expiry = canCuocExpiry(person.birthDate, issueDate);
  const qrPayload = [
    idNumber,
    person.oldIdNumber ?? '',
    person.fullName,
    formatDateVn(person.birthDate).replace(/\//g, ''),
    sexToVietnamese(person.sex),
    person.permanentAddress,
    formatDateVn(issueDate).replace(/\//g, ''),
  ].join('|');
  return {
    type: 'can-cuoc-2024',
    slug: person.slug,
    truth: {
      front: {
        'person.idNumber': idNumber,
        'person.fullName': person.fullName,
        'person.birthDate': person.birthDate,
        'person.sex': person.sex,
        'person.nationality': person.nationality,
      },
      back: {
        'person.idNumber': idNumber,
        'person.fullName': person.fullName,
        'person.birthDate': person.birthDate,
        'person.sex': person.sex,
        'person.residence': person.permanentAddress,
        'person.birthRegistrationPlace': birthPlace,
        'document.issueDate': issueDate,
        ...(expiry ? { 'document.expiryDate': expiry } : {}),
        'document.issuer': 'Bộ Công an',
        ...(person.oldIdNumber ? { 'person.oldIdNumber': person.oldIdNumber } : {}),
      },
    },
    validUntil: expiry,
    printed: {
      ...base(person, 'can-cuoc-2024'),
      number: idNumber,
      birthRegistrationPlace: birthPlace,
      issueDate: formatDateVn(issueDate),
      issueDateWords: words(issueDate),
      expiry: expiry ? formatDateVn(expiry) : 'Không thời hạn',
      issuerLines: ['BỘ CÔNG AN', 'MINISTRY OF PUBLIC SECURITY'],
      qrPayload,
      mrz: composeCccdMrz({
        idNumber,
        fullName: person.fullName,
        birthDate: person.birthDate,
        sex: person.sex,
        expiryDate: expiry,
      }),
    },
  };
}

function cccd2021(person: SyntheticPerson): SyntheticIdCard {
  const card = person.card;
  const expiry = card.expiryDate;
  return {
    type: 'cccd-2021',
    slug: person.slug,
    truth: {
      front: cccdFrontTruth(person, expiry),
      back: {
        'person.identifyingMarks': card.identifyingMarks,
        'document.issueDate': card.issueDate,
        'document.issuer': 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
      },
    },
    validUntil: expiry,
    printed: {
      ...base(person, 'cccd-2021'),
      number: person.idNumber,
      issueDate: formatDateVn(card.issueDate),
      issueDateWords: words(card.issueDate),
      expiry: expiry ? formatDateVn(expiry) : 'Không thời hạn',
      issuerLines: ['CỤC TRƯỞNG CỤC CẢNH SÁT', 'QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI'],
      qrPayload: card.qrPayload,
      mrz: card.mrz,
    },
  };
}

/** Latest birth date each model can carry (issued at 14 or older within its issue years). */
const LATEST_BIRTH: Record<IdCardModelId, string> = {
  'cmnd-9': '2001-12-31',
  'cccd-2016': '2006-12-31',
  'can-cuoc-2024': '2010-06-30',
  'cccd-2021': '2010-06-30',
};

/**
 * Make `count` synthetic cards of one model; the same seed always gives the same cards.
 *
 * @example generateIdCards('cmnd-9', 1, 3)[0].truth.front['person.oldIdNumber']
 */
export function generateIdCards(type: IdCardModelId, seed: number, count: number): SyntheticIdCard[] {
  const rng = createRng(`${seed}:${type}`);
  const salt = type === 'cccd-2021' ? 7 : ID_CARD_TYPES.indexOf(type) + 1;
  const people = generatePeople(seed * 31 + salt, count * 3).filter((p) => p.birthDate <= LATEST_BIRTH[type]);
  const make =
    type === 'cmnd-9' ? cmnd : type === 'cccd-2016' ? cccd2016 : type === 'cccd-2021' ? cccd2021 : canCuoc2024;
  return people
    .slice(0, count)
    .map((p, i) => ({ ...make(p, rng.fork(`card-${i}`)), slug: `${pad(i + 1)}-${p.slug.slice(3)}` }));
}

/** Renders one side of a generated card as a scan, optionally degraded. */
export async function renderIdCard(
  card: SyntheticIdCard,
  options: { side: CardSide; seed: number; degrade?: DegradeOptions | false; format?: 'jpeg' | 'png' },
): Promise<{ image: Buffer; width: number; height: number; boxes: Record<string, Box>; degradations: Degradation[] }> {
  const rng = createRng(`${card.type}:${card.printed.number}:${options.side}`);
  const { svg, boxes } = drawIdCard(card.printed, options.side, rng);
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  const degradations = resolveDegradations(options.degrade, options.seed);
  const { image, width, height } = await applyDegradations(png, degradations, {
    seed: options.seed,
    format: options.format ?? 'jpeg',
    quality: 85,
  });
  return { image, width, height, boxes, degradations };
}

const BOX_KEYS: Record<string, string> = {
  number: 'person.idNumber',
  issueDate: 'document.issueDate',
  expiryDate: 'document.expiryDate',
  issuer: 'document.issuer',
};

/** Both sides of a card drawn by {@link drawIdCard}: each side's SVG, value boxes under semantic keys, and text runs. */
export function renderIdCardPages(
  card: SyntheticIdCard,
): Array<{ svg: string; boxes: Record<string, Box>; runs: Array<{ text: string; box: Box }> }> {
  return (['front', 'back'] as const).map((side) => {
    const rng = createRng(`${card.type}:${card.printed.number}:${side}`);
    const { svg, boxes, runs } = drawIdCard(card.printed, side, rng);
    const keyOf = (k: string): string =>
      k === 'number' && card.type === 'cmnd-9' ? 'person.oldIdNumber' : (BOX_KEYS[k] ?? `person.${k}`);
    return { svg, boxes: Object.fromEntries(Object.entries(boxes).map(([k, b]) => [keyOf(k), b])), runs };
  });
}

/** The SVG of one side (for debugging layouts). */
export function renderIdCardSvg(card: SyntheticIdCard, side: CardSide): string {
  return drawIdCard(card.printed, side, createRng(`${card.type}:${card.printed.number}:${side}`)).svg;
}

export interface GenerateIdCardSetOptions {
  seed: number;
  /** Cards per type. */
  count: number;
  outDir: string;
  /** @default every type in {@link ID_CARD_TYPES} */
  types?: readonly IdCardType[];
  /**
   * Share of cards whose scans are degraded (the last ones of each type).
   * @default 0.5
   */
  degradedShare?: number;
}

/**
 * Generate ID card scans with ground truth: `outDir/<type>/<nn>-<slug>/{front.jpg, back.jpg, truth.json}`.
 *
 * @example await generateIdCardSet({ seed: 1, count: 2, outDir: 'seeds/data' })
 */
export async function generateIdCardSet(
  options: GenerateIdCardSetOptions,
): Promise<{ outDir: string; folders: string[] }> {
  const folders: string[] = [];
  for (const type of options.types ?? ID_CARD_TYPES) {
    const cards = generateIdCards(type, options.seed, options.count);
    const degradedCount = Math.round(options.count * (options.degradedShare ?? 0.5));
    for (const [i, card] of cards.entries()) {
      const folder = join(type, card.slug);
      await mkdir(join(options.outDir, folder), { recursive: true });
      const degrade = i >= options.count - degradedCount ? {} : false;
      const sideSeed = (side: number): number =>
        (options.seed * 7717 + ID_CARD_TYPES.indexOf(type) * 1000 + i * 2 + side) >>> 0;
      const front = await renderIdCard(card, { side: 'front', seed: sideSeed(0), degrade });
      const back = await renderIdCard(card, { side: 'back', seed: sideSeed(1), degrade });
      await writeFile(join(options.outDir, folder, 'front.jpg'), front.image);
      await writeFile(join(options.outDir, folder, 'back.jpg'), back.image);
      const truth: IdCardTruth = {
        generator: ID_CARD_GENERATOR,
        seed: options.seed,
        type: card.type,
        slug: card.slug,
        truth: card.truth,
        validUntil: card.validUntil,
        files: { front: 'front.jpg', back: 'back.jpg' },
        degradations: { front: front.degradations, back: back.degradations },
        boxes: { front: front.boxes, back: back.boxes },
      };
      await writeFile(join(options.outDir, folder, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
      folders.push(folder);
    }
  }
  return { outDir: options.outDir, folders };
}
