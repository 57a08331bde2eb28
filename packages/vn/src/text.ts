import { toModernToneMarks } from './internal/tone-marks';

/**
 * Normalise Vietnamese text: NFC, modern tone-mark placement (`Hòa` → `Hoà`, `Thủy` → `Thuỷ`),
 * `Ð` (eth) → `Đ`, whitespace collapsed and trimmed.
 *
 * @example normalizeText('  Nguyễn  Thị Hòa ') // 'Nguyễn Thị Hoà'
 */
export function normalizeText(s: string): string {
  const collapsed = s
    .replace(/\u00D0/g, '\u0110')
    .replace(/\u00F0/g, '\u0111')
    .replace(/[\s\u00A0\u200B\uFEFF]+/gu, ' ')
    .trim();
  return toModernToneMarks(collapsed);
}

/** Strip every diacritic and map `đ`/`Đ` to `d`/`D`, keeping case (`Tờ khai Đăng ký` → `To khai Dang ky`). */
export function stripDiacritics(s: string): string {
  // Vietnamese and Latin marks are all in U+0300–036F; `\p{M}` (every script's marks) only for text with
  // other characters: the first use of `\p{M}` builds its table (~5 ms of every CLI start). Same result.
  let out = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (/[\u0370-\uffff]/.test(out)) out = out.replace(/\p{M}/gu, '');
  return out.replace(/[\u0110\u00D0]/g, 'D').replace(/[\u0111\u00F0]/g, 'd');
}

/** Lower-case, strip every diacritic and map `đ` to `d`, for matching (`Hoà` → `hoa`). */
export function foldDiacritics(s: string): string {
  return stripDiacritics(s).toLowerCase();
}

/** Fold for loose matching: diacritics folded, punctuation to spaces, whitespace collapsed. */
export function toLooseKey(s: string): string {
  return foldDiacritics(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when two texts are equal ignoring case, diacritics, punctuation and spacing. */
export function looseEquals(a: string, b: string): boolean {
  return toLooseKey(a) === toLooseKey(b);
}
