import type { Diagnostic } from '@sohoa/core';
import { displayType, isAsciiText, levelOf, splitUnitPieces, type UnitPiece } from './internal/admin-words';
import { matchProvinceName, type ProvinceNameMatch } from './internal/province-names';
import { normalizeText } from './text';
import type { AddressUnitText, AdminEra, ParsedAddress } from './types';
import { vnDiagnostic as diag } from './internal/diagnostic';

const MAX_LENGTH = 500;
const COUNTRY = /(?:^|[\s,;.-])(?:việt nam|viet nam|vietnam|vn)[\s.]*$/iu;
// Commas and semicolons separate units; so does a full stop after a word (`Bien hoa. Đồng Nai`), not after `TP.`.
const SEPARATORS = /[,;\n\r|]+|(?<=[\p{L}\p{N}]{3})\.\s+/u;
// Phone numbers and postal codes are not part of the place.
const PHONE = /(?<!\d)(?:\+84|0)\d{9,10}(?!\d)|(?<=\p{L}\s*)\d{6}(?=\s*(?:[,;]|$))/gu;
const DASHED_PROVINCES = /bà rịa\s*[-–]\s*vũng tàu|thừa thiên\s*[-–]\s*huế/giu;
// OCR noise that puts commas between the letters of a word (`T,â,n B,ì,n,h`).
const SPLIT_LETTERS = /(?<=(?:^|[\s,])\p{L}),(?=\p{L}(?:[\s,]|$))/gu;
// A unit initial glued to a name or standing alone before one: `XTân Thạnh`, `TBình Dương`, `H Mường Khương`.
const GLUED_INITIAL = /(?<![\p{L}\p{N}])([XHTPFQxhtpfq])(?=\p{Lu}\p{Ll})|(?<![\p{L}\p{N}.])([XHTPFQ])\s+(?=\p{Lu})/gu;
// Words that open the street part: numbers, streets, lanes, hamlets, residential groups.
const STREET_START =
  /^(?:\d|(?:số|so|sn|đường|duong|phố|ngõ|ngo|ngách|hẻm|hem|kiệt|tổ|thôn|thon|ấp|ap|khu|kp|xóm|xom|bản|khối|cụm|lô|căn|ch|chung cư|toà|tòa|đội)(?=[\s\d.]|$))/iu;

interface Piece extends UnitPiece {
  segment: number;
}

function unitText(piece: UnitPiece, guessed: boolean): AddressUnitText {
  const name = /^\d+$/.test(piece.name) ? String(Number(piece.name)) : piece.name;
  return { name, ...(piece.type && { type: piece.type }), ...(guessed && { guessed }) };
}

function pieceText(piece: UnitPiece): string {
  return piece.type ? `${displayType(piece.type)} ${piece.name}`.trim() : piece.name;
}

/** Take the province off the end of the pieces: the last piece, or the last words of an unnamed last piece. */
function takeProvince(
  pieces: Piece[],
  diagnostics: Diagnostic[],
): { unit: AddressUnitText; match: ProvinceNameMatch } | undefined {
  const last = pieces.at(-1);
  if (!last) return undefined;
  last.name = last.name.replace(/\s+(?:city|province)$/i, '');
  const asProvince = !last.type || levelOf(last.type) === 'province';
  // `T.Giang`: the initial of a two-word province name read as the unit word `T.` (tỉnh).
  const whole = asProvince
    ? (matchProvinceName(last.name) ?? (last.type === 'tỉnh' ? matchProvinceName(`t ${last.name}`) : undefined))
    : undefined;
  if (whole) {
    pieces.pop();
    if (whole.corrected)
      diagnostics.push(
        diag(
          'VN_ADDRESS_PROVINCE_CORRECTED',
          'info',
          'The province name was snapped to the nearest province by edit distance (an OCR correction).',
        ),
      );
    return { unit: { name: (whole.p63 ?? whole.p34)!.name, ...(last.type && { type: last.type }) }, match: whole };
  }
  const words = last.name.split(' ');
  for (let k = Math.min(5, words.length - 1); k >= 1; k--) {
    const tail = matchProvinceName(words.slice(-k).join(' '), false);
    if (!tail) continue;
    last.name = words.slice(0, -k).join(' ');
    return { unit: { name: (tail.p63 ?? tail.p34)!.name }, match: tail };
  }
  return undefined;
}

function eraOf(pieces: Piece[], province: ProvinceNameMatch | undefined): AdminEra | undefined {
  if (
    pieces.some(
      (p) => p.type !== undefined && (levelOf(p.type) === 'district' || p.type === 'thành phố' || p.type === 'tỉnh'),
    )
  )
    return 'old';
  if (province?.p63 && province.p34 && province.p63.name !== province.p34.name) return 'old';
  if ((province?.p34 && !province.p63) || pieces.some((p) => p.type === 'đặc khu')) return 'current';
  return undefined;
}

/**
 * Split a free-text Vietnamese address into street, commune, district and province. Reads old 4-level
 * addresses (`Phường 8, Quận 10, TP. Hồ Chí Minh`) and current 2-level ones (`Xã A, Tỉnh B`), abbreviations
 * (`P.`, `Q.`, `TP.`, `Tp`, `TX.`, `H.`, `X.`, `TT.`, `P8 Q10`, `F4`), text without diacritics and OCR noise.
 * The province is found without any data file (the 63 and 34 provinces are built in); a segment without a unit
 * word is placed by its position and marked `guessed`, which a `Gazetteer` then checks. Never throws.
 *
 * @example
 * parseAddress('123 Lê Lợi, P. Bến Thành, Q.1, TP.HCM');
 * // { street: '123 Lê Lợi', commune: { name: 'Bến Thành', type: 'phường' }, district: { name: '1', type: 'quận' },
 * //   province: { name: 'Hồ Chí Minh', type: 'thành phố' }, era: 'old', … }
 */
export function parseAddress(text: string): ParsedAddress {
  const diagnostics: Diagnostic[] = [];
  if (typeof text !== 'string' || text.trim() === '') {
    diagnostics.push(diag('VN_ADDRESS_EMPTY', 'warning', 'The address is empty or not a text; nothing to parse.'));
    return { parts: [], diagnostics };
  }
  if (text.length > MAX_LENGTH) {
    diagnostics.push(
      diag(
        'VN_ADDRESS_TOO_LONG',
        'warning',
        `The address is longer than ${MAX_LENGTH} characters; it was not parsed. Pass one address at a time.`,
      ),
    );
    return { parts: [], diagnostics };
  }
  let normal = normalizeText(text)
    .replace(/\([^)]*\)?/g, ' ')
    .replace(PHONE, ' ')
    .replace(DASHED_PROVINCES, (m) => m.replace(/\s*[-–]\s*/, ' '))
    .trim()
    .replace(COUNTRY, '')
    .replace(SPLIT_LETTERS, '')
    .replace(GLUED_INITIAL, (_, glued: string | undefined, spaced: string | undefined) => `${glued ?? spaced}. `)
    .replace(/(\d)(?=[PpQqFf]\.?\s*\d)/g, '$1 ')
    .replace(/(?<![\p{L}\p{N}])([PpQqFf])\s+(?=\d{1,2}(?!\d))/gu, '$1.');
  // Without commas, dashes and slashes separate the units (`Trần Cung - Từ Liêm - Hà Nội`, `X/Thanh Trì/HN`).
  if (!/[,;]/.test(normal)) normal = normal.replace(/\s+[-–]\s+|(?<!\d)\/|\/(?!\s*\d)/g, ', ');
  const ascii = isAsciiText(normal);
  const parts = normal
    .split(SEPARATORS)
    .map((s) => s.replace(/^[\s.-]+|[\s.-]+$/gu, ''))
    .filter((s) => s !== '');
  const pieces: Piece[] = parts.flatMap((segment, i) =>
    splitUnitPieces(segment, ascii)
      .filter((p) => p.name !== '')
      .map((p) => ({ ...p, segment: i })),
  );

  const province = takeProvince(pieces, diagnostics);
  // `Ho Chi Minh City, Ho Chi Minh`: the province written twice.
  while (province && pieces.length > 1 && !pieces.at(-1)!.type) {
    const again = matchProvinceName(pieces.at(-1)!.name.replace(/\s+(?:city|province)$/i, ''), false);
    if (!again || (again.p63 ?? again.p34) !== (province.match.p63 ?? province.match.p34)) break;
    pieces.pop();
  }
  if (!province)
    diagnostics.push(
      diag(
        'VN_ADDRESS_PROVINCE_NOT_FOUND',
        'info',
        'No province or centrally-run city was recognised at the end of the address.',
      ),
    );
  if (pieces.at(-1)?.name === '') pieces.pop();
  // Without a province, text after the last unit word is a remark (`Q10 - đi hẻm 666`), not a unit.
  const lastTyped = pieces.findLastIndex((p) => p.type !== undefined);
  if (!province && lastTyped >= 0) pieces.splice(lastTyped + 1);
  const era = eraOf(pieces, province?.match);

  let district: AddressUnitText | undefined;
  let commune: AddressUnitText | undefined;
  const typedLeftOf = (index: number, level: 'district' | 'commune') =>
    pieces
      .slice(0, index)
      .some(
        (p) =>
          p.type !== undefined &&
          (levelOf(p.type) === level || (level === 'district' && levelOf(p.type) === 'province')),
      );
  let i = pieces.length - 1;
  for (; i >= 0; i--) {
    const piece = pieces[i]!;
    if (piece.type) {
      const level = levelOf(piece.type) === 'province' ? 'district' : levelOf(piece.type);
      if (level === 'district' && !district && !commune) district = unitText(piece, false);
      else if (level === 'commune' && !commune) commune = unitText(piece, false);
      else break;
    } else {
      if (STREET_START.test(piece.name)) break;
      const canDistrict = era !== 'current' && !district && !commune && !typedLeftOf(i, 'district');
      if (canDistrict) district = unitText(piece, true);
      else if (!commune && !typedLeftOf(i, 'commune')) commune = unitText(piece, true);
      else break;
    }
  }
  let street = '';
  for (let j = 0; j <= i; j++) {
    const piece = pieces[j]!;
    street += (j === 0 ? '' : piece.segment === pieces[j - 1]!.segment ? ' ' : ', ') + pieceText(piece);
  }
  if (district?.guessed || commune?.guessed) {
    diagnostics.push(
      diag(
        'VN_ADDRESS_UNIT_GUESSED',
        'info',
        'A part without a unit word (Phường, Xã, Quận, Huyện…) was placed by its position; check it against a gazetteer.',
      ),
    );
  }
  return {
    ...(street !== '' && { street }),
    ...(commune && { commune }),
    ...(district && { district }),
    ...(province && { province: province.unit }),
    ...(province?.match.p63 && { province63: province.match.p63 }),
    ...(province?.match.p34 && { province34: province.match.p34 }),
    ...(era && { era }),
    parts,
    diagnostics,
  };
}
