import type { FieldValue } from '@sohoa/core';
import type { FieldSource, FillProfile, FillProfileValue } from '../types';
import { ADDRESS_KEYS, getKeyInfo } from '../vocabulary';
import { dateToVietnameseWords, findProvince, splitVietnameseName, type Gazetteer } from '@sohoa/vn';
import { addressPart, currentUnitsPart, type AddressPart, type AddressPartResult } from './address-units';

/** A value found for a key, with where it came from. */
export interface ResolvedValue {
  value: FieldValue;
  source: FieldSource;
  expired: boolean;
  /** Set instead of a usable value when an old commune was split: the current units to choose from. */
  split?: string[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Text as printed (`05`); integer fields get numbers from the field transform.
const DATE_PARTS: Record<string, (m: RegExpExecArray) => FieldValue> = {
  day: (m) => m[3]!,
  month: (m) => m[2]!,
  year: (m) => m[1]!,
};
// Luật Cư trú 2020: nơi cư trú is the permanent residence, else the temporary one, else where one lives now.
const RESIDENCE_CHAIN = ['permanentAddress', 'temporaryAddress', 'currentAddress'];

function fromProfile(value: FillProfileValue): ResolvedValue {
  return {
    value: value.value,
    expired: value.expired,
    source: {
      documentId: value.documentId,
      documentType: value.documentType,
      method: value.method,
      confidence: value.confidence,
      ...(value.page !== undefined && { page: value.page }),
      ...(value.box !== undefined && { box: value.box }),
      ...(value.sha256 !== undefined && { sha256: value.sha256 }),
    },
  };
}

/** The value of a key from a profile, computing derived keys (date parts and words, residence, signing date). */
export function resolveKey(
  key: string,
  profile: FillProfile,
  now: Date,
  depth = 0,
  gazetteer?: Gazetteer,
): ResolvedValue | undefined {
  const direct = profile.values[key];
  if (direct) return fromProfile(direct);
  if (depth > 4) return undefined;
  if (key === 'form.signingDate') {
    return { value: localIsoDate(now), expired: false, source: { method: 'computed', confidence: 1 } };
  }
  // The declaration is made where the subject lives: the current commune of their residence, when it is known.
  if (key === 'form.signingPlace')
    return resolveKey('person.residence.currentUnits.ward', profile, now, depth + 1, gazetteer);
  const dot = key.lastIndexOf('.');
  const parent = key.slice(0, dot);
  const last = key.slice(dot + 1);
  const part = DATE_PARTS[last];
  if (part || last === 'words') {
    const date = resolveKey(parent, profile, now, depth + 1);
    const match = typeof date?.value === 'string' ? ISO_DATE.exec(date.value) : null;
    if (!date || !match) return undefined;
    const value = part ? part(match) : dateToWords(date.value as string);
    if (value === undefined) return undefined;
    return { ...date, value, source: { ...date.source } };
  }
  if (last === 'summary' && parent.endsWith('.idDocument')) return idDocumentSummary(parent, profile, now, depth);
  if (last in NAME_PARTS) {
    const full = resolveKey(`${parent}.fullName`, profile, now, depth + 1);
    if (!full || typeof full.value !== 'string') return undefined;
    const value = NAME_PARTS[last]!(full.value);
    return value === '' ? undefined : { ...full, value, source: { ...full.source } };
  }
  if (last === 'age') {
    const birth = resolveKey(`${parent}.birthDate`, profile, now, depth + 1);
    const match = typeof birth?.value === 'string' ? ISO_DATE.exec(birth.value) : null;
    if (!birth || !match) return undefined;
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const age =
      now.getFullYear() - y - (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d) ? 1 : 0);
    return age < 0 ? undefined : { ...birth, value: age, source: { ...birth.source } };
  }
  const unitsOf = parent.endsWith('.currentUnits')
    ? parent.slice(0, -'.currentUnits'.length)
    : last === 'currentUnits'
      ? parent
      : undefined;
  if (
    unitsOf !== undefined &&
    ADDRESS_KEYS.has(unitsOf.slice(unitsOf.lastIndexOf('.') + 1)) &&
    (last === 'currentUnits' || last === 'province' || last === 'ward')
  ) {
    const address = resolveKey(unitsOf, profile, now, depth + 1, gazetteer);
    if (!address || typeof address.value !== 'string') return undefined;
    return fromAddressPart(
      address,
      currentUnitsPart(address.value, last === 'currentUnits' ? 'whole' : last, gazetteer),
    );
  }
  const partOf = ADDRESS_PARTS[last];
  if ((partOf || last === 'street') && ADDRESS_KEYS.has(parent.slice(parent.lastIndexOf('.') + 1))) {
    const address = resolveKey(parent, profile, now, depth + 1, gazetteer);
    if (!address || typeof address.value !== 'string') return undefined;
    // The official name of a recognised province first (`TP.HCM` → `Thành phố Hồ Chí Minh`), else the part as written.
    const parsed = last === 'province' ? addressPart(address.value, 'province', gazetteer) : undefined;
    const value =
      parsed ??
      partOf?.(
        address.value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ) ??
      addressPart(address.value, last as AddressPart, gazetteer);
    return value === undefined ? undefined : { ...address, value, source: { ...address.source } };
  }
  if (last === 'residence') {
    for (const step of RESIDENCE_CHAIN) {
      const found = resolveKey(`${parent}.${step}`, profile, now, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** A value computed from an address keeps the address's source; a split commune carries its candidates instead. */
function fromAddressPart(address: ResolvedValue, part: AddressPartResult | undefined): ResolvedValue | undefined {
  if (!part) return undefined;
  if ('split' in part) return { ...address, value: '', source: { ...address.source }, split: part.split };
  return { ...address, value: part.value, source: { ...address.source } };
}

const NAME_PARTS: Record<string, (fullName: string) => string> = {
  familyName: (n) => splitVietnameseName(n).family,
  middleName: (n) => splitVietnameseName(n).middle,
  givenName: (n) => splitVietnameseName(n).given,
  middleAndGivenName: (n) => {
    const { middle, given } = splitVietnameseName(n);
    return [middle, given].filter(Boolean).join(' ');
  },
  fullNameUpper: (n) => n.normalize('NFC').toLocaleUpperCase('vi'),
};

// Only parts named by their unit word are taken: an unnamed segment could be anything.
const ADDRESS_PARTS: Record<string, (parts: string[]) => string | undefined> = {
  province: (parts) => {
    const last = parts.at(-1);
    return last !== undefined &&
      parts.length > 1 &&
      (/^(tỉnh|thành phố|tp\.?)\s/iu.test(last) || findProvince(last) !== undefined)
      ? last
      : undefined;
  },
  district: (parts) => parts.slice(1, -1).find((p) => /^(quận|huyện|thị xã|thành phố)\s/iu.test(p)),
  ward: (parts) => parts.slice(0, -1).find((p) => /^(xã|phường|thị trấn|đặc khu)\s/iu.test(p)),
};

function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function dateToWords(iso: string): string | undefined {
  try {
    return dateToVietnameseWords(iso);
  } catch {
    return undefined; // not a real calendar day: leave the field to the user
  }
}

/** `Căn cước công dân số 001… do Cục … cấp ngày 10/05/2021` (TT 04/2024 footnote 3), from the document's parts. */
function idDocumentSummary(prefix: string, profile: FillProfile, now: Date, depth: number): ResolvedValue | undefined {
  const part = (name: string) => resolveKey(`${prefix}.${name}`, profile, now, depth + 1);
  const type = part('type');
  const number = part('number');
  if (!type || !number) return undefined;
  const issuer = part('issuer');
  const issued = part('issueDate');
  const typeLabel =
    (typeof type.value === 'string' && getKeyInfo(`${prefix}.type`)?.values?.[type.value]?.[0]) || String(type.value);
  const date = typeof issued?.value === 'string' ? ISO_DATE.exec(issued.value) : null;
  let value = `${typeLabel} số ${String(number.value)}`;
  if (issuer) value += ` do ${String(issuer.value)}`;
  if (issuer || date) value += ' cấp';
  if (date) value += ` ngày ${date[3]}/${date[2]}/${date[1]}`;
  const used = [type, number, issuer, date ? issued : undefined].filter((p): p is ResolvedValue => p !== undefined);
  return {
    value,
    expired: used.some((p) => p.expired),
    source: { ...number.source, confidence: Math.min(...used.map((p) => p.source.confidence)) },
  };
}
