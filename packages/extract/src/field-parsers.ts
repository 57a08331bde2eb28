import {
  findProvince,
  foldDiacritics,
  isPersonalId,
  normalizeText,
  parseDate,
  parseSex,
  parseVietnameseWordsDate,
  snapEthnicity,
  snapFamilyName,
  snapNationality,
  snapToVocabulary,
  toLooseKey,
  toProperCaseName,
} from '@sohoa/vn';
import { cleanValue } from './lines';
import { findDigitRuns, findNumericDates, toDigits } from './ocr-fixes';

/** Parsers that turn a value's OCR text into a stored value, by field type. Each returns undefined for a non-value. */

/**
 * Tesseract sometimes reads one accented capital as two (`NGUYẼỄN`); no Vietnamese syllable doubles
 * a, e, i or y (u and o do double: `LƯU`, `XOONG`), so such a pair is one letter: the one with more marks is kept.
 */
function collapseDoubledVowels(text: string): string {
  const base = (c: string) => c.normalize('NFD').charAt(0).toLowerCase();
  const out: string[] = [];
  for (const c of text.normalize('NFC')) {
    const prev = out[out.length - 1];
    if (prev !== undefined && base(prev) === base(c) && 'aeiy'.includes(base(c))) {
      if (c.normalize('NFD').length > prev.normalize('NFD').length) out[out.length - 1] = c;
    } else out.push(c);
  }
  return out.join('');
}

/** A name printed in capitals, to proper case; the family name snaps to a common one when unambiguous. */
export function parseUpperName(text: string): string | undefined {
  const words = collapseDoubledVowels(text)
    .replace(/[^\p{L}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0 && /^\p{Lu}+$/u.test(w));
  // A lone capital before a full three-word name is a speck (an Ê Đê `Y` name has fewer words after it).
  if (words.length >= 4 && [...words[0]!].length === 1) words.shift();
  return words.length >= 2 ? snapFamilyName(toProperCaseName(words.join(' '))).value : undefined;
}

/** A name in mixed case (a signer's name). */
export function parseMixedName(text: string): string | undefined {
  const words = cleanValue(text)
    .split(/\s+/)
    .filter((w) => /^\p{Lu}\p{Ll}*$/u.test(w));
  return words.length >= 2 && words.length <= 5 ? normalizeText(words.join(' ')) : undefined;
}

export function parseNumericDateValue(text: string): string | undefined {
  return findNumericDates(text)
    .map((d) => parseDate(d))
    .find((d) => d?.precision === 'day')?.iso;
}

/** A date in words: stored in its canonical spelling so that equal dates compare equal. */
export function parseWordsDate(text: string): string | undefined {
  return parseVietnameseWordsDate(text);
}

export function parseSexValue(text: string): string | undefined {
  return text
    .split(/[\s:,]+/)
    .map((w) => parseSex(w))
    .find(Boolean);
}

export function parseEthnicity(text: string): string | undefined {
  return snapEthnicity(cleanValue(text))?.value;
}

export function parseNationality(text: string): string | undefined {
  return snapNationality(cleanValue(text))?.value;
}

/** Lone letters and punctuation before the first capitalised word: specks read as text (a place never starts so). */
export const LEADING_SPECKS = /^(?:(?:\p{L}|[^\p{L}\p{N}\s]+)\s+)+(?=\p{Lu})/u;

/** A place or address: punctuation and spacing normalised; at least one letter word. */
export function parsePlace(text: string): string | undefined {
  // A full date (`05/11/2029`) is no part of a place: such a text ran into another value (a card's expiry beside it).
  if (/(?<!\d)\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d\d(?!\d)/.test(text)) return undefined;
  const cleaned = cleanValue(text.replace(/\s*,\s*/g, ', ').replace(/,\s*,/g, ','))
    .replace(/\.$/, '')
    .replace(LEADING_SPECKS, '')
    // A trailing lone one- or two-letter capital token is a speck (a QR code or chip read as text).
    .replace(/(?<=\p{Ll})\s+\p{Lu}{1,2}$/u, '');
  // A place starts with a capital (`Số 5 …`, `Xã …`): a first letter read in lower case is the OCR's slip.
  const capital = (cleaned.charAt(0).toLocaleUpperCase('vi') + cleaned.slice(1))
    // `TP.Hồ Chí Minh`, `TX.Sơn Tây`: the space after the abbreviation, lost in print or OCR, put back.
    .replace(/(?<!\p{L})(TP|Tp|TX|Tx)\.(?=\p{Lu})/gu, '$1. ');
  return cleaned.length >= 3 && /\p{L}{2}/u.test(cleaned) ? normalizeText(capital) : undefined;
}

export function parsePersonalIdValue(text: string): string | undefined {
  const run =
    findDigitRuns(text.replace(/[:/]/g, ' '), 12)[0] ?? findDigitRuns(text.replace(/(\d)\s+(?=\d)/g, '$1'), 12)[0];
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
  const last = place
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .pop();
  return last ? findProvince(last)?.code : undefined;
}

/** Free text such as identifying marks: stray punctuation at the ends dropped, spacing normalised. */
export function parseFreeText(text: string): string | undefined {
  const cleaned = cleanValue(text).replace(/\.$/, '');
  return cleaned.length >= 3 && /\p{L}{2}/u.test(cleaned) ? normalizeText(cleaned) : undefined;
}

/**
 * Identifying marks (`Nốt ruồi C:1cm trên sau cánh mũi phải`): specks before and after dropped (a
 * lone letter, a token without letters), and a capitalised word inside the sentence lowered, since
 * marks hold no proper names.
 */
export function parseIdentifyingMarks(text: string): string | undefined {
  // A lone capital pair before a lower-case word (`NH sẹo chấm`) is a speck too: marks open with a word such as `Sẹo`, `Nốt`.
  const unspecked = text.replace(LEADING_SPECKS, '').replace(/^\p{Lu}{2}\s+(?=\p{Ll})/u, '');
  const value = parseFreeText(unspecked.replace(/(\s+(\p{L}|[^\p{L}\s]+))+$/u, ''));
  return (
    value
      // A capital after a lower-case letter inside a word (`SẹO`) is a misread case: the word is in sentence case.
      ?.replace(/(?<=\p{Ll})\p{Lu}+/gu, (c) => c.toLocaleLowerCase('vi'))
      .replace(/^(\p{L})/u, (c) => c.toLocaleUpperCase('vi'))
      .replace(/(?<=\s)(\p{Lu})(?=\p{Ll}+(\s|$))/gu, (c) => c.toLocaleLowerCase('vi'))
  );
}

/**
 * Identifying marks end with the side or place they are on (`… đầu mày trái`, `… cánh mũi phải`); a
 * reading that does not may have lost its wrapped line, so it is kept below the fill threshold.
 */
export function marksLookComplete(text: string): boolean {
  return /(?:trai|phai|giua)\.?$/.test(foldDiacritics(text.normalize('NFC')).trim());
}

/** A date written `dd tháng mm năm yyyy` (the word `Ngày` already cut off), look-alike letters in the digits repaired. */
export function parseDayMonthYear(text: string): string | undefined {
  const folded = foldDiacritics(text.normalize('NFC'));
  const m = /(\S{1,2})\s*thang\s*(\S{1,2})\s*nam\s*(\S{4})/.exec(folded);
  if (!m) return undefined;
  const parsed = parseDate(`${toDigits(m[1]!)}/${toDigits(m[2]!)}/${toDigits(m[3]!)}`);
  return parsed?.precision === 'day' ? parsed.iso : undefined;
}

const RELIGIONS = ['Không', 'Phật giáo', 'Công giáo', 'Tin lành', 'Cao đài', 'Hòa Hảo', 'Hồi giáo', 'Bà-la-môn'];

/** A religion as printed on ID cards, snapped to the common ones when unambiguous. */
export function parseReligion(text: string): string | undefined {
  return snapToVocabulary(cleanValue(text), RELIGIONS)?.value;
}

/**
 * An address printed on an ID card: it ends with the province, so words read after the province (a QR
 * code or chip beside the line) are cut off. Falls back to {@link parsePlace} when no province is found.
 */
export function parseCardAddress(text: string): string | undefined {
  const place = parsePlace(text);
  if (!place || endsWithProvince(place)) return place;
  const words = place.split(' ');
  for (let cut = 1; cut <= 6 && cut < words.length; cut++) {
    const shorter = words
      .slice(0, -cut)
      .join(' ')
      .replace(/[^\p{L}\p{N})]+$/u, '');
    if (shorter.includes(',') && endsWithProvince(shorter)) return shorter;
  }
  return place;
}

/** The last part of the place is a province name and nothing more (`TP.`, `Tỉnh` allowed before it). */
export function endsWithProvince(place: string): boolean {
  const last = place.split(',').pop()!.trim();
  const province = findProvince(last);
  if (!province) return false;
  const bare = toLooseKey(last).replace(/^(tp|thanh pho|tinh)\s*/, '');
  return [province.name, province.fullName, ...province.aliases].some(
    (n) => toLooseKey(n).replace(/^(tp|thanh pho|tinh)\s*/, '') === bare,
  );
}

/** A 9-digit CMND number in OCR text (look-alike letters repaired; dates do not count). */
export function parseCmndNumber(text: string): string | undefined {
  return findDigitRuns(text.replace(/[:/]/g, ' '), 9)[0] ?? findDigitRuns(text.replace(/(\d)\s+(?=\d)/g, '$1'), 9)[0];
}

/** `CA TỈNH NAM ĐỊNH` / `CÔNG AN THÀNH PHỐ HÀ NỘI` → `Công an tỉnh Nam Định`: the province snapped to its official name. */
export function parsePoliceIssuer(text: string): string | undefined {
  const province = findProvince(cleanValue(text).replace(/^(c\.?\s*a\.?|cong an)\s+/i, ''));
  if (!province) return undefined;
  return `Công an ${province.kind === 'city' ? 'thành phố' : 'tỉnh'} ${province.name}`;
}
