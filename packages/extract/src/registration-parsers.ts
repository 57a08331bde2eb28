import {
  amountToVietnameseWords,
  foldDiacritics,
  isTaxCode,
  normalizeText,
  parseDate,
  parseVietnameseAmountWords,
  snapToVocabulary,
} from '@sohoa/vn';
import { parseDayMonthYear } from './field-parsers';
import { cleanValue } from './lines';
import { findNumericDates, toDigits } from './ocr-fixes';

/** Parsers of business and land certificate values. Each returns undefined for a non-value. */

const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/**
 * A 10-digit tax code (or 13 as `NNNNNNNNNN-NNN`), look-alike letters repaired. The check digit is
 * not enforced here: a wrong one is kept so the record can say so (see `checkTaxCode`).
 */
export function parseTaxCodeValue(text: string): string | undefined {
  // A dotted leader after the code (`8665809444 ..I.I...`) is not part of it.
  const compact = toDigits(
    text
      .split(/\.{2,}|…|\s[._]{2,}/)[0]!
      .replace(/[\s.]/g, '')
      .replace(/^[^\dOoIlSB]+/, ''),
  );
  const m = /^(\d{10})(?:-(\d{3}))?(?!\d)/.exec(compact);
  if (!m) return undefined;
  return m[2] ? `${m[1]}-${m[2]}` : m[1];
}

/** True when a parsed tax code's check digit is right. */
export function hasValidTaxCheckDigit(code: string): boolean {
  return isTaxCode(code);
}

/** An amount in digits grouped by dots (`5.000.000.000 đồng`) → `5000000000`. */
export function parseAmountValue(text: string): string | undefined {
  const m = /^([0-9OoIl]{1,3}(?:[.,\s][0-9OoIl]{3})+|[0-9]{1,15})(?![0-9])/.exec(text.trim());
  if (!m) return undefined;
  const digits = toDigits(m[1]!).replace(/[.,\s]/g, '');
  return /^[1-9]\d{0,14}$/.test(digits) ? digits : undefined;
}

/** An amount in words → its canonical spelling with the unit (`Năm tỷ đồng`); undefined when not a number. */
export function parseAmountWordsValue(text: string): string | undefined {
  const n = parseVietnameseAmountWords(text.replace(/[()]/g, ' '));
  return n === undefined || n === 0 || !Number.isInteger(n)
    ? undefined
    : `${capitalise(amountToVietnameseWords(n))} đồng`;
}

/** An area in m² printed with a decimal comma (`807,4 m²`) → `807.4`; the unit may be lost as a faint speck. */
export function parseAreaValue(text: string): string | undefined {
  const m = /^([0-9OoIl]{1,3}(?:\.[0-9]{3})*|[0-9OoIl]+)(?:,([0-9OoIl]{1,2}))?\s*(?:m|rn|$)/.exec(text.trim());
  if (!m) return undefined;
  const whole = toDigits(m[1]!).replace(/\./g, '');
  if (!/^\d+$/.test(whole)) return undefined;
  const fraction = m[2] ? toDigits(m[2]).replace(/0+$/, '') : '';
  return `${Number(whole)}${fraction ? `.${fraction}` : ''}`;
}

/** An area in words → canonical `… mét vuông`; undefined when not a number. */
export function parseAreaWordsValue(text: string): string | undefined {
  const n = parseVietnameseAmountWords(text.replace(/[()]/g, ' '));
  return n === undefined || n === 0 ? undefined : `${capitalise(amountToVietnameseWords(n))} mét vuông`;
}

/** A date written `ngày 19 tháng 04 năm 2016` (also `dd/mm/yyyy`) anywhere in the text → ISO. */
export function parseAnyDateValue(text: string): string | undefined {
  const numeric = findNumericDates(text)
    .map((d) => parseDate(d))
    .find((d) => d?.precision === 'day');
  return numeric?.iso ?? parseDayMonthYear(text);
}

/** `3, ngày 20 tháng 06 năm 2023`, `3 ngày 20/06/2023` or `3` → `3` (the amendment count before the date). */
export function parseAmendmentNumber(text: string): string | undefined {
  const m = /^([0-9OoIl]{1,2})(?:\s*[,.;:]|\s+ng[aà]y\b|$)/iu.exec(text.trim());
  const n = m ? Number(toDigits(m[1]!)) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= 99 ? String(n) : undefined;
}

/** A phone number: 9–11 digits, spaces and dots dropped. */
export function parsePhoneValue(text: string): string | undefined {
  const head = text.trim().split(/\s{2,}|Fax|E-?mail|Website|[;,]/i)[0]!;
  const digits = toDigits(head).replace(/[\s.()/-]/g, '');
  // The country code (`+84 912 …`, `(+84) 912 …`, the bracket left off by the reader) stands for the trunk `0`.
  const national = /^\+?84\d{9,10}$/.test(digits)
    ? `0${digits.replace(/^\+?84/, '')}`
    : /^[1-9]\d{8,9}$/.test(digits)
      ? `0${digits}`
      : digits;
  return /^0\d{8,10}$/.test(national) ? national : undefined;
}

/** A name printed in capitals (an organisation's), kept in capitals. */
export function parseUpperText(text: string): string | undefined {
  // A trailing full stop is a speck: names in capitals never end with one (abbreviations come before `,`).
  const cleaned = cleanValue(text)
    .replace(/\s*,\s*/g, ', ')
    .replace(/\s*\.$/, '');
  const letters = cleaned.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4 || letters !== letters.toLocaleUpperCase('vi')) return undefined;
  return normalizeText(cleaned);
}

/** A list such as business lines (`A; B`): punctuation and spacing normalised, at least one word. */
export function parseListText(text: string): string | undefined {
  const cleaned = cleanValue(text.replace(/\s*;\s*/g, '; ').replace(/\s*,\s*/g, ', ')).replace(/[.)]$/, '');
  return /\p{L}{2}/u.test(cleaned) ? normalizeText(cleaned) : undefined;
}

/** A value of a closed vocabulary, snapped; undefined when no value is close enough. */
export function snapParser(values: readonly string[]): (text: string) => string | undefined {
  return (text) => snapToVocabulary(cleanValue(text).replace(/[.)]$/, ''), values)?.value;
}

/** Land use term: `Lâu dài`, or the end date `Đến ngày 01/03/2065` as ISO. */
export function parseLandTerm(text: string): string | undefined {
  const folded = foldDiacritics(text);
  if (/lau\s*dai/.test(folded)) return 'Lâu dài';
  return parseAnyDateValue(text);
}

/** A certificate serial printed alone: two capitals and 6 (2014 model) or 8 (2024 model) digits. */
export function parseSerialValue(text: string): string | undefined {
  const m = /^([A-Z]{2})\s?([0-9OoIl]{6}|[0-9OoIl]{8})$/.exec(text.trim());
  return m ? `${m[1]} ${toDigits(m[2]!)}` : undefined;
}

/** A register entry number such as `CS 04493` or `CH01234`. */
export function parseRegistryNumber(text: string): string | undefined {
  const m = /^([A-Z]{1,3})[\s.]*([0-9OoIl]{3,6})(?![0-9])/.exec(text.trim());
  return m ? `${m[1]} ${toDigits(m[2]!)}` : undefined;
}

/** A parcel or map sheet number: 1–5 digits. */
export function parseSmallNumber(text: string): string | undefined {
  const token = text.trim().split(/\s+/)[0] ?? '';
  const m = /^([0-9OoIl]{1,5})[.,;]?$/.exec(token);
  const digits = m ? toDigits(m[1]!) : undefined;
  return digits && /^\d+$/.test(digits) ? String(Number(digits)) : undefined;
}
