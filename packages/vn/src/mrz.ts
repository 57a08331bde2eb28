import { SohoaError } from '@sohoa/core';
import { foldDiacritics } from './text';
import { splitVietnameseName } from './names';

function mrzValue(ch: string, position: number): number {
  if (ch === '<') return 0;
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  throw new SohoaError(
    'VN_INVALID_MRZ_CHARACTER',
    `MRZ fields may hold only 0-9, A-Z and \`<\`; the character at position ${position + 1} is not one of them. Upper-case and fold the text first (see \`toMrzName\`).`,
    { details: { position: position + 1 } },
  );
}

/**
 * ICAO 9303 check digit of an MRZ field: weights 7-3-1, `<` = 0, `A` = 10 … `Z` = 35, sum mod 10.
 * Throws `VN_INVALID_MRZ_CHARACTER` on any other character.
 *
 * @example mrzCheckDigit('093047064') // 1
 */
export function mrzCheckDigit(field: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum += mrzValue(field[i]!, i) * weights[i % 3]!;
  return sum % 10;
}

/** Upper-case MRZ text: diacritics folded (`Đ` → `D`), anything but A-Z and 0-9 becomes `<`. */
export function toMrzText(s: string): string {
  return foldDiacritics(s)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '<');
}

/**
 * A name in MRZ form, `SURNAME<<GIVEN<NAMES`, padded with `<` (and cut) to `length` characters.
 *
 * @example toMrzName('Ứng Hoàng Hiệp') // 'UNG<<HOANG<HIEP<<<<<<<<<<<<<<<'
 */
export function toMrzName(fullName: string, length = 30): string {
  const parts = splitVietnameseName(fullName);
  const primary = toMrzText(parts.family).replace(/^<+|<+$/g, '');
  const secondary = toMrzText([parts.middle, parts.given].filter((p) => p !== '').join(' ')).replace(/^<+|<+$/g, '');
  const joined = primary === '' ? secondary : `${primary}<<${secondary}`;
  return joined.slice(0, length).padEnd(length, '<');
}
