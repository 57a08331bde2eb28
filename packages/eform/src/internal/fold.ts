import { foldDiacritics } from '@sohoa/vn';

const folded = new Map<string, string>();

/** Fold a label for matching: no diacritics, lower case, no footnote numbers or "(nếu có)", single spaces. */
export function foldText(text: string): string {
  // Binding folds the same titles and vocabulary labels many times over: each is folded once.
  let out = folded.get(text);
  if (out === undefined) {
    if (folded.size >= 20_000) folded.clear();
    folded.set(text, (out = fold(text)));
  }
  return out;
}

function fold(text: string): string {
  return foldDiacritics(text)
    .replace(/\(\s*neu co\s*\)/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\b\d+\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `ngaySinhBangChu` → `ngay sinh bang chu`; `ho_ten` → `ho ten`. */
export function splitName(name: string): string {
  return foldText(name.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2').replace(/[_-]+/g, ' '));
}
