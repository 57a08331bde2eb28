import { SohoaError, createDiagnostic } from '@sohoa/core';
import type { Diagnostic, SafeResult } from '@sohoa/core';
import { vnDiagnostic } from './internal/diagnostic';
import type { ParsePersonalIdOptions, PersonalIdFacts, PersonalIdInfo, Sex } from './types';
import { getProvince63 } from './provinces';

const ORIGIN = 'vn';

function fail(code: Parameters<typeof vnDiagnostic>[0], message: string): SafeResult<PersonalIdInfo> {
  return { ok: false, diagnostics: [vnDiagnostic(code, 'error', message)] };
}

/** Remove the spaces, dots and dashes people put inside ID numbers. */
function compact(s: string): string {
  return s.replace(/[\s.-]/g, '');
}

/**
 * Parse a 12-digit personal identification number (`PPP G YY NNNNNN`: birth-registration province or country,
 * century/sex digit, year digits, serial). Returns diagnostics instead of throwing; messages never repeat
 * the number.
 *
 * @example parsePersonalId('001090123456') // { ok: true, value: { provinceName: 'Hà Nội', sex: 'male', birthYear: 1990, ... } }
 */
export function parsePersonalId(id: string, options: ParsePersonalIdOptions = {}): SafeResult<PersonalIdInfo> {
  if (typeof id !== 'string') return fail('VN_ID_NOT_A_STRING', 'The personal ID must be a string of 12 digits.');
  const digits = compact(id);
  if (!/^\d{12}$/.test(digits)) {
    return fail(
      'VN_ID_FORMAT',
      `A personal ID has exactly 12 digits (spaces allowed); this value has ${digits.length} characters after removing spaces${/\D/.test(digits) ? ', some not digits' : ''}.`,
    );
  }
  const provinceCode = digits.slice(0, 3);
  const centuryDigit = Number(digits[3]);
  const birthYearSuffix = digits.slice(4, 6);
  const place = Number(provinceCode);
  const province = getProvince63(provinceCode);
  const registeredAbroad = place >= 101 && place <= 295;
  if (!province && !registeredAbroad) {
    return fail(
      'VN_ID_UNKNOWN_PLACE',
      'The first 3 digits of the personal ID are neither one of the 63 province codes (001–096) nor a country code (101–295); check for a misread digit.',
    );
  }
  if (centuryDigit > 3) {
    return fail(
      'VN_ID_CENTURY',
      'The 4th digit of the personal ID encodes a birth after 2099 (digits 4–9); only 0–3 are in use. Check for a misread digit.',
    );
  }
  const birthYear = 1900 + Math.floor(centuryDigit / 2) * 100 + Number(birthYearSuffix);
  if (options.referenceDate && birthYear > options.referenceDate.getUTCFullYear()) {
    return fail(
      'VN_ID_FUTURE_BIRTH',
      'The personal ID encodes a birth year after the reference date; check for a misread digit.',
    );
  }
  const value: PersonalIdInfo = {
    id: digits,
    provinceCode,
    registeredAbroad,
    sex: centuryDigit % 2 === 0 ? 'male' : 'female',
    centuryDigit,
    century: 20 + Math.floor(centuryDigit / 2),
    birthYearSuffix,
    birthYearMin: birthYear,
    birthYearMax: birthYear,
    birthYear,
    serial: digits.slice(6),
  };
  if (province) value.provinceName = province.name;
  return { ok: true, value };
}

/** Parse a personal ID or throw `VN_INVALID_PERSONAL_ID` with the diagnostics. */
export function parsePersonalIdOrThrow(id: string, options: ParsePersonalIdOptions = {}): PersonalIdInfo {
  const result = parsePersonalId(id, options);
  if (result.ok) return result.value;
  throw new SohoaError(
    'VN_INVALID_PERSONAL_ID',
    `Not a valid 12-digit personal ID: ${result.diagnostics.map((d) => d.message).join(' ')}`,
    { diagnostics: result.diagnostics },
  );
}

/** True when `s` is a structurally valid 12-digit personal ID (see {@link parsePersonalId}). */
export function isPersonalId(s: string): boolean {
  return parsePersonalId(s).ok;
}

/** The century/sex digit for a birth year and sex (0 = male 1900s, 1 = female 1900s, 2 = male 2000s, ...). */
export function centurySexDigit(birthYear: number, sex: Sex): number {
  if (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > 2399) {
    throw new SohoaError('VN_INVALID_PERSONAL_ID', 'centurySexDigit() needs a birth year from 1900 to 2399.');
  }
  return (Math.floor(birthYear / 100) - 19) * 2 + (sex === 'female' ? 1 : 0);
}

/**
 * Check a personal ID against a birth date and sex: the century/sex digit and the two year digits must agree.
 * Returns no diagnostics when everything agrees; never throws; messages never carry the values.
 */
export function checkPersonalIdAgainst(id: string, facts: PersonalIdFacts): Diagnostic[] {
  const parsed = parsePersonalId(id);
  if (!parsed.ok) return parsed.diagnostics;
  const info = parsed.value;
  const out: Diagnostic[] = [];
  if (facts.sex !== undefined && facts.sex !== info.sex) {
    out.push(
      createDiagnostic(
        'VN_ID_SEX_MISMATCH',
        'error',
        'The sex encoded in the personal ID (4th digit) differs from the sex given.',
        {
          origin: ORIGIN,
          key: 'person.sex',
        },
      ),
    );
  }
  if (facts.birthDate !== undefined) {
    const year = /^(\d{4})/.exec(facts.birthDate)?.[1];
    if (year === undefined) {
      out.push(
        createDiagnostic(
          'VN_ID_BIRTH_DATE_UNREADABLE',
          'warning',
          'The birth date to check against is not an ISO date `YYYY-MM-DD`.',
          {
            origin: ORIGIN,
            key: 'person.birthDate',
          },
        ),
      );
    } else if (Number(year) !== info.birthYear) {
      const centuryDiffers = Math.floor(Number(year) / 100) !== Math.floor(info.birthYear / 100);
      out.push(
        createDiagnostic(
          'VN_ID_BIRTH_YEAR_MISMATCH',
          'error',
          centuryDiffers
            ? 'The birth century encoded in the personal ID (4th digit) differs from the birth date given.'
            : 'The birth year encoded in the personal ID (5th–6th digits) differs from the birth date given.',
          { origin: ORIGIN, key: 'person.birthDate' },
        ),
      );
    }
  }
  return out;
}

/** True when `s` is an old 9-digit identity card number (CMND); spaces are ignored. */
export function isCmnd(s: string): boolean {
  return typeof s === 'string' && /^\d{9}$/.test(compact(s));
}
