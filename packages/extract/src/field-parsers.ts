import { findProvince, isPersonalId, normalizeText, parseDate, parseSex, parseVietnameseWordsDate, snapEthnicity, snapFamilyName, snapNationality, toProperCaseName } from '@sohoa/vn';
import { cleanValue } from './lines';
import { findDigitRuns, findNumericDates, toDigits } from './ocr-fixes';

/** Parsers that turn a value's OCR text into a stored value, by field type. Each returns undefined for a non-value. */

/** A name printed in capitals, to proper case; the family name snaps to a common one when unambiguous. */
export function parseUpperName(text: string): string | undefined {
  const words = text
    .replace(/[^\p{L}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0 && /^\p{Lu}+$/u.test(w));
  return words.length >= 2 ? snapFamilyName(toProperCaseName(words.join(' '))).value : undefined;
}

/** A name in mixed case (a signer's name). */
export function parseMixedName(text: string): string | undefined {
  const words = cleanValue(text).split(/\s+/).filter((w) => /^\p{Lu}\p{Ll}*$/u.test(w));
  return words.length >= 2 && words.length <= 5 ? normalizeText(words.join(' ')) : undefined;
}

export function parseNumericDateValue(text: string): string | undefined {
  return findNumericDates(text).map((d) => parseDate(d)).find((d) => d?.precision === 'day')?.iso;
}

/** A date in words: stored in its canonical spelling so that equal dates compare equal. */
export function parseWordsDate(text: string): string | undefined {
  return parseVietnameseWordsDate(text);
}

export function parseSexValue(text: string): string | undefined {
  return text.split(/[\s:,]+/).map((w) => parseSex(w)).find(Boolean);
}

export function parseEthnicity(text: string): string | undefined {
  return snapEthnicity(cleanValue(text))?.value;
}

export function parseNationality(text: string): string | undefined {
  return snapNationality(cleanValue(text))?.value;
}

/** A place or address: punctuation and spacing normalised; at least one letter word. */
export function parsePlace(text: string): string | undefined {
  const cleaned = cleanValue(text.replace(/\s*,\s*/g, ', ').replace(/,\s*,/g, ','))
    .replace(/\.$/, '')
    .replace(/^\p{L}\s+(?=\p{Lu})/u, '');
  return cleaned.length >= 3 && /\p{L}{2}/u.test(cleaned) ? normalizeText(cleaned) : undefined;
}

export function parsePersonalIdValue(text: string): string | undefined {
  const run = findDigitRuns(text.replace(/[:/]/g, ' '), 12)[0] ?? findDigitRuns(text.replace(/(\d)\s+(?=\d)/g, '$1'), 12)[0];
  return run && isPersonalId(run) ? run : undefined;
}

export function parseYear(text: string): string | undefined {
  const m = /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/.exec(toDigits(text.replace(/\s+/g, ' ')));
  return m?.[1];
}

/** A register number: digits, optionally with a `/symbol` suffix (`125`, `69/GKS-BS`). */
export function parseRegisterNumber(text: string): string | undefined {
  const token = text.trim().split(/\s+/)[0] ?? '';
  const m = /^([0-9OoIl]{1,6})(\/[\p{L}0-9.-]+)?[.,;]?$/u.exec(token);
  return m ? `${toDigits(m[1]!)}${m[2] ?? ''}` : undefined;
}

/** A book number such as `01/2019`. */
export function parseBookNumber(text: string): string | undefined {
  const m = /^([0-9OoIl]{1,3})\s*\/\s*([0-9OoIl]{4})/.exec(text.trim());
  return m ? `${toDigits(m[1]!)}/${toDigits(m[2]!)}` : undefined;
}

/** The province named at the end of a place (for cross-checks), by its 3-digit pre-2025 code. */
export function provinceCodeOf(place: string): string | undefined {
  const last = place.split(',').map((s) => s.trim()).filter(Boolean).pop();
  return last ? findProvince(last)?.code : undefined;
}
