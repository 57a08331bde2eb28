import { foldDiacritics, normalizeText, parseVietnameseWordsDate, snapToVocabulary } from '@sohoa/vn';
import * as p from '../field-parsers';

/** Value parsers by field type for the shared reader: they accept the spellings other layouts print. */

/** A name in capitals (`NGUYỄN VĂN AN`) or in mixed case (`Nguyễn Văn An`), stored in proper case with its diacritics. */
export function name(text: string): string | undefined {
  const upper = p.parseUpperName(text);
  if (upper) return upper;
  const words: string[] = [];
  for (const w of text
    .replace(/[^\p{L}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)) {
    if (!/^\p{Lu}\p{Ll}*$/u.test(w)) break;
    words.push(w);
  }
  return words.length >= 2 && words.length <= 6 ? normalizeText(words.join(' ')) : undefined;
}

/** A full date: in digits (`20/09/2024`, `20-9-2024`), `ngày 20 tháng 9 năm 2024`, or in words. */
export function date(text: string): string | undefined {
  return p.parseNumericDateValue(text) ?? p.parseDayMonthYear(text) ?? parseVietnameseWordsDate(text);
}

/** Number words after which a year in words may go on (`… hai mươi` + `tư` on the next line). */
const OPEN_NUMBER_WORDS = new Set(['muoi', 'tram', 'nghin', 'ngan', 'linh', 'le', 'khong', 'nam', 'thang', 'ngay']);

/**
 * Whether a date value is complete, for a date that may wrap (a date in words runs onto the next
 * line): a date in digits or `ngày … tháng … năm 2005` is; one in words is unless it ends with a number
 * word that takes a continuation (`… năm hai nghìn không trăm hai mươi` may go on with `tư`).
 */
export function dateComplete(text: string): boolean {
  if (p.parseNumericDateValue(text) ?? p.parseDayMonthYear(text)) return true;
  if (!parseVietnameseWordsDate(text)) return false;
  const last = foldDiacritics(text.normalize('NFC'))
    .toLowerCase()
    .match(/\p{L}+(?=[^\p{L}]*$)/u)?.[0];
  return last !== undefined && !OPEN_NUMBER_WORDS.has(last);
}

/** A year: printed alone or as part of a full date. */
export function year(text: string): string | undefined {
  const full = date(text);
  return full ? full.slice(0, 4) : p.parseYear(text);
}

/**
 * A place or address; dots left by a dotted leader at its end are not part of it, nor are marks no
 * place name holds (`¡`, `|`, `~`, a colon after `Huyện`): specks and rules read as text.
 */
export function place(text: string): string | undefined {
  return p.parsePlace(
    text
      .replace(/[^\p{L}\p{N}\s,./()'&-]+/gu, ' ')
      .replace(/\s+([,.])/g, '$1')
      .replace(/\s+/g, ' ')
      .replace(/[.…\s]+$/u, ''),
  );
}

export const wordsDate = p.parseWordsDate;
export const sex = p.parseSexValue;
/**
 * A closed-list value followed by junk on its line (`Kinh Quốctih: …` when the next label was misread):
 * the whole text, else its longest leading run of one to three words that is on the list.
 */
function closedList(parse: (text: string) => string | undefined): (text: string) => string | undefined {
  return (text) => {
    const whole = parse(text);
    if (whole) return whole;
    const words = text
      .replace(/[^\p{L}\s'-]/gu, ' ')
      .split(/\s+/)
      .filter(Boolean);
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      const v = parse(words.slice(0, n).join(' '));
      if (v) return v;
    }
    return undefined;
  };
}

/** An ethnic group (closed list of 54), also when junk follows it on its line. */
export const ethnicity = closedList(p.parseEthnicity);
/** A nationality (closed list), also when junk follows it on its line. */
export const nationality = closedList(p.parseNationality);
export const personalId = p.parsePersonalIdValue;

/**
 * A personal ID number, or the 9-digit number of the old identity card (CMND) that certificates of the
 * 1990s–2010s print under the same labels (`Số CMND`, `Giấy tờ tùy thân: CMND số …`): the 12-digit number
 * when one holds its structure, else a 9-digit number when it is the only number in the text (digits
 * spaced in groups allowed); a passport or any other number is none.
 */
export function personalIdOrCmnd(text: string): string | undefined {
  const id = personalId(text);
  if (id) return id;
  if (/h[oộ]\s*chi[eế]u|passport/iu.test(text)) return undefined;
  const digits = text.replace(/(\d)[\s.]+(?=\d)/g, '$1').match(/\d+/g) ?? [];
  return digits.length === 1 && digits[0]!.length === 9 ? digits[0] : undefined;
}
/** A register number (`125`, `69/GKS-BS`), after an untranslated `No.` of a bilingual label. */
export function registerNumber(text: string): string | undefined {
  // A suffix set apart by OCR (`25 /KH`, `25/ TLKH`) is still the number's.
  return p.parseRegisterNumber(
    text.replace(/^\s*(?:no\.?|number)\s*:?\s*/i, '').replace(/(\d)\s*\/\s*(?=\p{L})/u, '$1/'),
  );
}

/** A book number (`01/2019`), after an untranslated `Book No.` of a bilingual label. */
export function bookNumber(text: string): string | undefined {
  return p.parseBookNumber(text.replace(/^\s*(?:book\s*)?(?:no\.?|number)\s*:?\s*/i, ''));
}

const KINSHIP = [
  'Cha',
  'Mẹ',
  'Ông nội',
  'Bà nội',
  'Ông ngoại',
  'Bà ngoại',
  'Anh',
  'Chị',
  'Cô',
  'Dì',
  'Chú',
  'Bác',
  'Cậu',
  'Thím',
  'Mợ',
  'Người giám hộ',
];

/** A declarant's kinship to the person registered (`Cha`, `Mẹ`, `Bà ngoại`), snapped to the common ones. */
export function kinship(text: string): string | undefined {
  return snapToVocabulary(text.replace(/[^\p{L}\s]/gu, ' ').trim(), KINSHIP)?.value;
}
