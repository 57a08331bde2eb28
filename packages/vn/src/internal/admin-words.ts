import type { AdminLevel, AdminUnitType } from '../types';

/** A piece of an address segment: an optional unit word and the text after it. */
export interface UnitPiece {
  type?: AdminUnitType;
  name: string;
}

// Written forms of unit words, longest first; `ascii` forms count only in text typed without diacritics.
const WORDS: { type: AdminUnitType; re: string; ascii?: boolean; glued?: boolean }[] = [
  { type: 'thành phố', re: 'thành phố', glued: true },
  { type: 'thành phố', re: 'tp\\.?|t\\.p\\.?' },
  { type: 'thành phố', re: 'thanh pho', ascii: true },
  { type: 'thị xã', re: 'thị xã', glued: true },
  { type: 'thị xã', re: 'tx\\.?|t\\.\\s?x\\.|t\\.\\s?xã\\.?' },
  { type: 'thị xã', re: 'thi xa', ascii: true },
  { type: 'thị trấn', re: 'thị trấn', glued: true },
  { type: 'thị trấn', re: 'tt\\.?|t\\.\\s?t\\.' },
  { type: 'thị trấn', re: 'thi tran', ascii: true },
  { type: 'đặc khu', re: 'đặc khu', glued: true },
  { type: 'đặc khu', re: 'dac khu', ascii: true },
  { type: 'phường', re: 'phường', glued: true },
  { type: 'phường', re: 'ph\\.|p\\.|p(?=\\d)|f\\.|f(?=\\d)' },
  { type: 'phường', re: 'phuong|ward', ascii: true },
  { type: 'quận', re: 'quận', glued: true },
  { type: 'quận', re: 'q\\.|q(?=\\d)' },
  { type: 'quận', re: 'quan|district', ascii: true },
  { type: 'huyện', re: 'huyện', glued: true },
  { type: 'huyện', re: 'h\\.' },
  { type: 'huyện', re: 'huyen', ascii: true },
  { type: 'xã', re: 'xã', glued: true },
  { type: 'xã', re: 'x\\.' },
  { type: 'xã', re: 'xa', ascii: true },
  { type: 'tỉnh', re: 'tỉnh', glued: true },
  { type: 'tỉnh', re: 't\\.' },
  { type: 'tỉnh', re: 'tinh', ascii: true },
];

function markerRegex(ascii: boolean): RegExp {
  // A unit word starts a word and is followed by a space, a digit, the end, or was abbreviated with a dot;
  // a written-out word with its marks is also taken glued to the name (OCR drops spaces: `TỉnhQuảng Nam`).
  // Unmarked words (`tinh`, `quan`) are also syllables of names (`Hà Tĩnh`, `Quan Hoá`): only at the start of a
  // segment or before a number.
  const alternatives = WORDS.filter((w) => ascii || !w.ascii).map((w) =>
    w.glued
      ? `(${w.re})`
      : w.ascii
        ? `((?<=^\\s*)(?:${w.re})(?=\\s)|(?:${w.re})(?=\\s*\\d))`
        : `(${w.re})(?=[\\s\\d]|$|(?<=\\.))`,
  );
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'giu');
}
const MARKERS = markerRegex(false);
const MARKERS_ASCII = markerRegex(true);
const TYPES_STRICT = WORDS.filter((w) => !w.ascii).map((w) => w.type);
const TYPES_ASCII = WORDS.map((w) => w.type);

/** True when a text carries no Vietnamese letters beyond ASCII (typed without diacritics). */
export function isAsciiText(text: string): boolean {
  return !/[^\x00-\x7F]/.test(text);
}

/**
 * Split a segment at its unit words: `Đa Kao Quận 1` → `[{ name: 'Đa Kao' }, { type: 'quận', name: '1' }]`,
 * `P8 Q10` → phường 8, quận 10.
 */
export function splitUnitPieces(segment: string, ascii: boolean): UnitPiece[] {
  const re = ascii ? MARKERS_ASCII : MARKERS;
  const types = ascii ? TYPES_ASCII : TYPES_STRICT;
  const pieces: UnitPiece[] = [];
  let lastEnd = 0;
  let lastType: AdminUnitType | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(segment); m; m = re.exec(segment)) {
    const index = m.slice(1).findIndex((g) => g !== undefined);
    const name = segment.slice(lastEnd, m.index).trim();
    if (name !== '' || lastType !== undefined) pieces.push({ ...(lastType && { type: lastType }), name });
    lastType = types[index];
    lastEnd = m.index + m[0].length;
  }
  const rest = segment.slice(lastEnd).trim();
  if (rest !== '' || lastType !== undefined) pieces.push({ ...(lastType && { type: lastType }), name: rest });
  return pieces.map((p) => ({ ...p, name: p.name.replace(/^[\s.:-]+|[\s.:-]+$/gu, '') }));
}

/** The level a unit word names; `thành phố` is a province or a district depending on the name. */
export function levelOf(type: AdminUnitType): AdminLevel {
  if (type === 'tỉnh' || type === 'thành phố') return 'province';
  if (type === 'quận' || type === 'huyện' || type === 'thị xã') return 'district';
  return 'commune';
}

/** Folded unit words, for alias keys such as `quan9`. */
export const TYPE_FOLDED: Record<AdminUnitType, string> = {
  tỉnh: 'tinh',
  'thành phố': 'thanhpho',
  quận: 'quan',
  huyện: 'huyen',
  'thị xã': 'thixa',
  phường: 'phuong',
  xã: 'xa',
  'thị trấn': 'thitran',
  'đặc khu': 'dackhu',
};

/** `Phường`, `Thị trấn`: the unit word as printed before a name. */
export function displayType(type: AdminUnitType): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}

/** Parse a full unit name such as `Thành phố Hà Nội` or `Phường 12` into its type and name. */
export function splitFullName(fullName: string): { type?: AdminUnitType; name: string } {
  const m = /^(thành phố|thị xã|thị trấn|đặc khu|tỉnh|quận|huyện|phường|xã)\s+(.+)$/iu.exec(fullName.trim());
  if (!m) return { name: fullName.trim() };
  return { type: m[1]!.toLowerCase() as AdminUnitType, name: m[2]!.trim() };
}
