import { foldDiacritics, normalizeText, parseDate } from '@sohoa/vn';
import { toDigits } from '../ocr-fixes';
import { snapOrganisationWords } from './official-words';

/** Parsers for the header fields of official letters and decisions (Nghị định 30/2020/NĐ-CP, Phụ lục I). */

const fold = (text: string): string => foldDiacritics(text.normalize('NFC')).toLowerCase();

/** Abbreviations of symbols as printed; OCR confuses Đ and D and the case of the small letters. */
const SYMBOL_WORDS = [
  'QĐ',
  'NĐ',
  'NQ',
  'TB',
  'KH',
  'CV',
  'TTr',
  'BC',
  'CT',
  'TT',
  'HD',
  'CTr',
  'CĐ',
  'GM',
  'BB',
  'ĐA',
  'PA',
  'TTg',
  'CP',
  'QH',
  'UBND',
  'HĐND',
  'SGDĐT',
  'BGDĐT',
  'GDĐT',
  'PGDĐT',
  'LĐTBXH',
  'SLĐTBXH',
  'BLĐTBXH',
  'VPCP',
  'CTrTT',
  'BTP',
  'STP',
  'SYT',
  'BYT',
  'UBTVQH',
  'TW',
  'HĐXD',
  'VPĐK',
  'ĐTN',
  'KTT',
  'TCKT',
  'BVT',
  'ĐU',
  'ĐUK',
  'BTC',
  'BNV',
  'BCA',
  'BQP',
  'BTNMT',
  'STNMT',
];
const SYMBOL_BY_FOLD = new Map(SYMBOL_WORDS.map((w) => [fold(w), w]));

/** One symbol word in its printed spelling: `SGDDT` → `SGDĐT`, `CTRTT` → `CTrTT`; a trailing course number is kept (`UBTVQH15`). */
function canonicalWord(word: string): string {
  const m = /^(\p{L}+)(\d*)$/u.exec(word);
  if (!m) return word;
  const known = SYMBOL_BY_FOLD.get(fold(m[1]!));
  return known ? `${known}${m[2]}` : word;
}

/** The kind of document a symbol's first word names (`QĐ` → Quyết định). */
export const KIND_BY_SYMBOL: Readonly<Record<string, string>> = {
  QĐ: 'Quyết định',
  NĐ: 'Nghị định',
  NQ: 'Nghị quyết',
  TB: 'Thông báo',
  KH: 'Kế hoạch',
  CV: 'Công văn',
  TTr: 'Tờ trình',
  BC: 'Báo cáo',
  TT: 'Thông tư',
  HD: 'Hướng dẫn',
  CTr: 'Chương trình',
  CĐ: 'Công điện',
  GM: 'Giấy mời',
  BB: 'Biên bản',
  ĐA: 'Đề án',
  PA: 'Phương án',
  CT: 'Chỉ thị',
};

/** Document titles printed on their own line under the header, folded. */
export const KIND_TITLES: Readonly<Record<string, string>> = {
  'quyet dinh': 'Quyết định',
  'nghi dinh': 'Nghị định',
  'nghi quyet': 'Nghị quyết',
  'thong bao': 'Thông báo',
  'ke hoach': 'Kế hoạch',
  'cong van': 'Công văn',
  'to trinh': 'Tờ trình',
  'bao cao': 'Báo cáo',
  'thong tu': 'Thông tư',
  'huong dan': 'Hướng dẫn',
  'chuong trinh': 'Chương trình',
  'cong dien': 'Công điện',
  'giay moi': 'Giấy mời',
  'bien ban': 'Biên bản',
  'de an': 'Đề án',
  'phuong an': 'Phương án',
  'chi thi': 'Chỉ thị',
  'quy che': 'Quy chế',
  'quy dinh': 'Quy định',
  luat: 'Luật',
};

/** Every kind a record may carry. */
export const DOCUMENT_KINDS: readonly string[] = [
  ...new Set([...Object.values(KIND_TITLES), ...Object.values(KIND_BY_SYMBOL)]),
];

export interface NumberSymbol {
  /** The whole number/symbol, e.g. `1906/SGDĐT-CTrTT`, `09/2023/QĐ-TTg`, `60-NQ/TW`; undefined when the number is left blank. */
  number: string | undefined;
  /** The symbol alone, e.g. `SGDĐT-CTrTT`. */
  symbol: string;
  /** The kind the symbol names, when its first word is a kind abbreviation. */
  kind: string | undefined;
}

/**
 * Parses the text after `Số:` into number and symbol. Spaces around `/` and `-` are dropped, O/I/l
 * in the number become digits, and symbol words get their printed spelling (`QD` → `QĐ`).
 * Returns undefined when the text is not a number/symbol.
 *
 * @example parseNumberSymbol('1906 /SGDDT-CTrTT') // { number: '1906/SGDĐT-CTrTT', symbol: 'SGDĐT-CTrTT', kind: undefined }
 */
export function parseNumberSymbol(text: string): NumberSymbol | undefined {
  if (typeof text !== 'string' || text.length > 200) return undefined;
  const compact = text
    .normalize('NFC')
    .replace(/^[\s:.;,]+/, '')
    .replace(/\s*([/-])\s*/g, '$1')
    .replace(/[.…]{2,}/g, '')
    .trim()
    .split(/\s+/)[0]!
    .replace(/[.,;:]+$/, '');
  const word = '\\p{L}[\\p{L}\\d.&]*';
  // 1906/SGDĐT-CTrTT, 09/2023/QĐ-TTg, /TB (number left blank)
  let m = new RegExp(`^([0-9OoIl]{0,6})(?:/((?:19|20)\\d\\d))?/(${word}(?:-${word})*)$`, 'u').exec(compact);
  // 60-NQ/TW (party documents)
  const party = m ? undefined : new RegExp(`^([0-9OoIl]{1,6})-(${word})/(${word})$`, 'u').exec(compact);
  if (!m && !party) return undefined;
  if (party) {
    const kindWord = canonicalWord(party[2]!);
    const symbol = `${kindWord}/${canonicalWord(party[3]!)}`;
    return { number: `${toDigits(party[1]!)}-${symbol}`, symbol, kind: KIND_BY_SYMBOL[kindWord] };
  }
  m = m!;
  const words = m[3]!.split('-').map(canonicalWord);
  const symbol = words.join('-');
  const digits = toDigits(m[1]!);
  if (digits !== '' && !/^\d+$/.test(digits)) return undefined;
  const number = digits === '' ? undefined : `${digits}${m[2] ? `/${m[2]}` : ''}/${symbol}`;
  return { number, symbol, kind: words.length > 1 ? KIND_BY_SYMBOL[words[0]!] : undefined };
}

export interface PlaceDate {
  place: string | undefined;
  /** ISO date. */
  date: string;
}

/**
 * Parses the place-and-date line of the header: `Đà Nẵng, ngày 26 tháng 7 năm 2020`. Digits
 * written close to the words (`26tháng`) and a stray dot after `ngày` are accepted.
 *
 * @example parsePlaceDate('Hà Nội, ngày 05 tháng 3 năm 2020') // { place: 'Hà Nội', date: '2020-03-05' }
 */
export function parsePlaceDate(text: string): PlaceDate | undefined {
  if (typeof text !== 'string' || text.length > 300) return undefined;
  const nfc = text.normalize('NFC');
  const folded = [...nfc]
    .map((c) => foldDiacritics(c).charAt(0) || c)
    .join('')
    .toLowerCase();
  const m = /ngay[\s.,:]*([0-9OoIl]{1,2})[\s.,]*thang[\s.,]*([0-9OoIl]{1,2})[\s.,]*nam[\s.,]*([0-9OoIl]{4})/.exec(
    folded,
  );
  if (!m) return undefined;
  const parsed = parseDate(`ngày ${toDigits(m[1]!)} tháng ${toDigits(m[2]!)} năm ${toDigits(m[3]!)}`);
  if (parsed?.precision !== 'day') return undefined;
  // A merged header line carries the number first: `Số: 09/2023/QĐ-TTg Hà Nội, ngày …`.
  const before = [...nfc]
    .slice(0, m.index)
    .join('')
    .replace(/^.*\S*\/\S*\s+/u, '')
    .replace(/[\s,.;:]+$/, '')
    .replace(/^[^\p{L}]+/u, '')
    .trim();
  const place = before.length >= 2 && /\p{L}{2}/u.test(before) ? normalizeText(before) : undefined;
  return { place, date: parsed.iso };
}

/** Words that open the name of an organisation: a line starting with one is a body of its own, not a continuation. */
const ORG_STARTS = [
  'so ',
  'phong ',
  'cuc ',
  'chi cuc ',
  'truong ',
  'benh vien',
  'ban ',
  'van phong',
  'vu ',
  'trung tam',
  'uy ban',
  'ubnd',
  'hoi dong',
  'dang uy',
  'tong cuc',
  'vien ',
  'hoc vien',
  'cong ty',
  'bo ',
  'toa an',
  'kho bac',
  'doi ',
  'thanh tra',
  'dai ',
  'ngan hang',
  'bao hiem',
  'cong an',
  'tinh uy',
  'thanh uy',
  'huyen uy',
  'quan uy',
  'hoi ',
  'chi nhanh',
  'tap doan',
  'lien doan',
  'doan ',
];

function isUpperLine(text: string): boolean {
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  return (
    letters.length >= 3 &&
    letters.filter((c) => c === c.toLocaleUpperCase('vi') && c !== c.toLocaleLowerCase('vi')).length / letters.length >=
      0.75
  );
}

/** Cleans one header line of an issuing body: OCR debris at the ends, underline dashes. */
function cleanBodyLine(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[_—–-]{2,}/g, ' ')
    .replace(/^[^\p{L}]+/u, '')
    .replace(/[^\p{L}\d.)]+$/u, '')
    .replace(/\.$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface IssuingBody {
  /** Cơ quan ban hành. */
  issuer: string;
  /** Cơ quan chủ quản, printed above the issuer. */
  parent: string | undefined;
}

/**
 * The issuing body from the lines of the header's left block above `Số:`. Lines that start a new
 * organisation name (`SỞ …`, `PHÒNG …`) separate the parent body from the issuer; other lines
 * continue the name above them (`ỦY BAN NHÂN DÂN` / `THÀNH PHỐ ĐÀ NẴNG`).
 */
export function parseIssuingBody(lines: readonly string[]): IssuingBody | undefined {
  const bodies: string[] = [];
  for (const raw of lines) {
    // Debris before the name (a logo read as `Cơx`) is in mixed case; the name is in capitals.
    const line = cleanBodyLine(cleanBodyLine(raw).replace(/^(?:\S*\p{Ll}\S*\s+)+/u, ''));
    if (!isUpperLine(line) || bodies.includes(line)) continue;
    const f = fold(line);
    if (bodies.length > 0 && !ORG_STARTS.some((s) => f.startsWith(s))) bodies[bodies.length - 1] += ` ${line}`;
    else bodies.push(line);
  }
  if (bodies.length === 0) return undefined;
  const issuer = snapOrganisationWords(normalizeText(bodies[bodies.length - 1]!));
  const parent = bodies.length > 1 ? snapOrganisationWords(normalizeText(bodies.slice(0, -1).join(' '))) : undefined;
  return { issuer, parent };
}

/** The document kind named by a title line (`QUYẾT ĐỊNH`), or undefined. */
export function parseKindTitle(text: string): string | undefined {
  const line = cleanBodyLine(text);
  if (!isUpperLine(line)) return undefined;
  return KIND_TITLES[
    fold(line)
      .replace(/[^a-z ]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  ];
}

/** Signature block titles: `KT. GIÁM ĐỐC`, `TM. ỦY BAN NHÂN DÂN`, `CHỦ TỊCH`, `PHÓ GIÁM ĐỐC`, … (folded). */
export const SIGNER_TITLES = [
  'giam doc',
  'chu tich',
  'kt.',
  'tm.',
  'tuq.',
  'q.',
  'bo truong',
  'thu truong',
  'truong phong',
  'hieu truong',
  'chanh van phong',
  'cuc truong',
  'tong cuc truong',
  'truong ban',
  'thu tuong',
  'vien truong',
  'tong giam doc',
  'pho chu tich',
  'chanh an',
  'vien truong',
  'bi thu',
  'tong bi thu',
];

/** True when a line is a signature block title. */
export function isSignerTitle(text: string): boolean {
  const line = cleanBodyLine(text);
  if (!isUpperLine(line) || line.length > 60) return false;
  const f = fold(line);
  return SIGNER_TITLES.some((t) => f.startsWith(t) || f.startsWith(`pho ${t}`));
}
