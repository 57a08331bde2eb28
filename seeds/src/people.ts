import { centurySexDigit, foldDiacritics, formatDateVn, PROVINCES_63, sexToVietnamese } from '@sohoa/vn';
import { createRng, type Rng } from './rng';
import type { Sex, SyntheticPerson } from './types';
import { composeCccdMrz } from './mrz-td1';
import {
  ETHNICITIES,
  FAMILY_NAMES,
  GAZETTEER,
  GIVEN_NAMES,
  HAMLETS,
  ISSUER,
  MARK_KINDS,
  MARK_PLACES,
  MIDDLE_NAMES,
  type GazetteerProvince,
} from './internal/people-data';

const DAY_MS = 86_400_000;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const ms = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`);

export function randomDate(rng: Rng, from: string, to: string): string {
  return iso(ms(from) + rng.int(0, Math.round((ms(to) - ms(from)) / DAY_MS)) * DAY_MS);
}

/** The birthday at `age`, with 29 February moving to 28 February in common years. */
export function birthdayAt(birthDate: string, age: number): string {
  const year = Number(birthDate.slice(0, 4)) + age;
  const md = birthDate.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** Age in full years on `date`. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/**
 * CCCD validity (Luật Căn cước công dân 2014, Điều 21): renewed at 25, 40 and 60; a card issued within two
 * years before one of those ages is valid until the next one; from 58 on it has no expiry.
 */
export function cccdExpiry(birthDate: string, issueDate: string): string | null {
  const age = ageOn(birthDate, issueDate);
  if (age < 23) return birthdayAt(birthDate, 25);
  if (age < 38) return birthdayAt(birthDate, 40);
  if (age < 58) return birthdayAt(birthDate, 60);
  return null;
}

/** A 12-digit personal ID consistent with the birth province, century, sex and birth year. */
export function personalIdFor(rng: Rng, provinceCode: string, birthDate: string, sex: Sex): string {
  const year = Number(birthDate.slice(0, 4));
  return `${provinceCode}${centurySexDigit(year, sex)}${birthDate.slice(2, 4)}${pad(rng.int(0, 999_999), 6)}`;
}

export function fullNameFor(rng: Rng, sex: Sex): string {
  const family = rng.weighted(FAMILY_NAMES);
  const middle = rng.pick(MIDDLE_NAMES[sex]);
  let given = rng.pick(GIVEN_NAMES[sex]);
  while (foldDiacritics(middle).endsWith(foldDiacritics(given))) given = rng.pick(GIVEN_NAMES[sex]);
  return `${family} ${middle} ${given}`;
}

export function permanentAddress(rng: Rng, province: GazetteerProvince): string {
  const district = rng.pick(province.districts);
  const ward = rng.pick(district.wards);
  let street: string;
  if (district.urban && district.streets) {
    const name = rng.pick(district.streets);
    street =
      province.style === 'pho' && rng.chance(0.6)
        ? `Số ${rng.int(1, 80)}, ngõ ${rng.int(2, 180)} phố ${name}`
        : `Số ${rng.int(1, 250)}${rng.chance(0.2) ? `/${rng.int(2, 40)}` : ''} ${province.style === 'pho' ? 'phố' : 'đường'} ${name}`;
  } else {
    street = rng.pick(HAMLETS);
  }
  return `${street}, ${ward}, ${district.name}, ${province.label}`;
}

export function hometown(rng: Rng, province: GazetteerProvince): string {
  const district = rng.pick(province.districts);
  const strip = (s: string): string => s.replace(/^(Quận|Huyện|Thị xã|Thành phố|Phường|Xã|Thị trấn) /, '');
  // Printed cards usually drop the district unit word: "Xã Hải Anh, Hải Hậu, Nam Định".
  return `${rng.pick(district.wards)}, ${strip(district.name)}, ${province.label.replace(/^TP\. /, '')}`;
}

export function slugify(s: string): string {
  return foldDiacritics(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// Birth-date bands, cycled so that even a small set has every kind of expiry (none, 60, 40, 25).
const BIRTH_BANDS: readonly (readonly [string, string])[] = [
  ['1950-01-01', '1962-12-31'],
  ['1963-01-01', '1982-12-31'],
  ['1983-01-01', '1997-12-31'],
  ['1998-01-01', '2010-06-30'],
];

function makePerson(
  rng: Rng,
  index: number,
  signer: string,
  band: readonly [string, string],
  sex: Sex,
): SyntheticPerson {
  const fullName = fullNameFor(rng, sex);
  const birthDate = randomDate(rng, band[0], band[1]);
  const originProvince = rng.pick(GAZETTEER);
  const birthProvinceCode = rng.chance(0.75) ? originProvince.code : rng.pick(PROVINCES_63).code;
  const birthYear = Number(birthDate.slice(0, 4));
  const idNumber = `${birthProvinceCode}${centurySexDigit(birthYear, sex)}${birthDate.slice(2, 4)}${pad(rng.int(0, 999_999), 6)}`;
  const oldIdNumber =
    birthYear < 2005 && rng.chance(0.6)
      ? `${rng.pick(['0', '1', '2', '3'])}${pad(rng.int(0, 99_999_999), 8)}`
      : undefined;
  const issueFrom = [birthdayAt(birthDate, 14), '2021-01-01'].sort()[1]!;
  const issueDate = randomDate(rng, issueFrom, '2024-06-30');
  const expiryDate = cccdExpiry(birthDate, issueDate);
  const residence = rng.chance(0.6) ? originProvince : rng.pick(GAZETTEER);
  const address = permanentAddress(rng, residence);
  const marks = `${rng.pick(MARK_KINDS)} C:${rng.pick(['1', '1,5', '2', '2,5', '3'])}cm ${rng.pick(MARK_PLACES)}`;
  const qrPayload = [
    idNumber,
    oldIdNumber ?? '',
    fullName,
    formatDateVn(birthDate).replace(/\//g, ''),
    sexToVietnamese(sex),
    address,
    formatDateVn(issueDate).replace(/\//g, ''),
  ].join('|');
  const person: SyntheticPerson = {
    slug: `${pad(index + 1, 2)}-${slugify(fullName)}`,
    idNumber,
    fullName,
    birthDate,
    sex,
    nationality: 'Việt Nam',
    hometown: hometown(rng, originProvince),
    permanentAddress: address,
    ethnicity: rng.weighted(ETHNICITIES),
    birthProvinceCode,
    card: {
      type: 'cccd-2021',
      issueDate,
      expiryDate,
      issuer: ISSUER,
      signer,
      identifyingMarks: marks,
      qrPayload,
      mrz: composeCccdMrz({ idNumber, fullName, birthDate, sex, expiryDate }),
    },
  };
  if (oldIdNumber !== undefined) person.oldIdNumber = oldIdNumber;
  return person;
}

/**
 * Make `count` synthetic people with CCCD cards; the same seed always gives the same people.
 *
 * @example generatePeople(1, 6)[0].fullName
 */
export function generatePeople(seed: number, count: number): SyntheticPerson[] {
  const rng = createRng(seed);
  const signer = fullNameFor(rng.fork('signer'), 'male');
  const offset = rng.int(0, BIRTH_BANDS.length - 1);
  const firstSex: Sex = rng.chance(0.5) ? 'male' : 'female';
  return Array.from({ length: count }, (_, i) => {
    // Alternate sexes, but not in lock-step with the birth bands.
    const sex: Sex = (i + Math.floor(i / 4)) % 2 === 0 ? firstSex : firstSex === 'male' ? 'female' : 'male';
    return makePerson(rng.fork(`person-${i}`), i, signer, BIRTH_BANDS[(i + offset) % BIRTH_BANDS.length]!, sex);
  });
}
