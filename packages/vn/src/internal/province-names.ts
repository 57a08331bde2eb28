import { PROVINCES_34, PROVINCES_63 } from '../provinces-data';
import { toLooseKey } from '../text';
import type { Province34, Province63 } from '../types';
import { editDistance } from './edit-distance';

/** A province named by a text: the old one (when it is one of the 63) and the current one. */
export interface ProvinceNameMatch {
  p63?: Province63;
  p34?: Province34;
  /** True when the text was snapped to the name by edit distance (an OCR correction). */
  corrected: boolean;
}

const UNIT_WORDS = /^(?:thanh pho truc thuoc trung uong|thanh pho|thu do|tinh|tp|t p)\s+/;

/** Loose key without the unit word and without spaces (`TP.HồChíMinh` and `Hồ Chí Minh` agree). */
export function provinceKey(text: string): string {
  return toLooseKey(text).replace(UNIT_WORDS, '').replace(/ /g, '');
}

const INDEX = new Map<string, ProvinceNameMatch>();
function add(key: string, match: Omit<ProvinceNameMatch, 'corrected'>): void {
  const known = INDEX.get(key);
  INDEX.set(key, { ...known, ...match, corrected: false });
}
for (const p of PROVINCES_63) {
  for (const label of [p.name, ...p.aliases])
    add(provinceKey(label), { p63: p, p34: PROVINCES_34.find((n) => n.code === p.newCode)! });
}
// A current name that is also an old one keeps the old province (the same name meant the same place then),
// unless the old one only had it as an alias: `Huế` names the current city, not Tỉnh Thừa Thiên Huế.
for (const p of PROVINCES_34) {
  for (const label of [p.name, ...p.aliases]) {
    const key = provinceKey(label);
    const known = INDEX.get(key);
    if (!known || (label === p.name && known.p63 && provinceKey(known.p63.name) !== key))
      INDEX.set(key, { p34: p, corrected: false });
  }
}
// `T.Giang` for Tiền Giang: an initial and the last word, kept only when one province fits.
const INITIALS = new Map<string, ProvinceNameMatch>();
const initialCount = new Map<string, number>();
for (const p of PROVINCES_63) {
  const words = toLooseKey(p.name).split(' ');
  if (words.length !== 2) continue;
  const key = `${words[0]![0]} ${words[1]}`;
  initialCount.set(key, (initialCount.get(key) ?? 0) + 1);
  INITIALS.set(key, { ...INDEX.get(provinceKey(p.name))!, corrected: false });
}
for (const [key, count] of initialCount) if (count > 1) INITIALS.delete(key);
const FUZZY_KEYS = [...INDEX.keys()].filter((k) => k.length >= 6 && !/\d/.test(k));

/**
 * The province a whole text names, exactly (case, diacritics, tone placement, spaces, unit word ignored) or,
 * for texts of 6+ letters, by one unambiguous edit (two for 10+). Undefined otherwise.
 */
export function matchProvinceName(text: string, fuzzy = true): ProvinceNameMatch | undefined {
  const key = provinceKey(text);
  if (key === '') return undefined;
  const exact = INDEX.get(key);
  if (exact) return exact;
  const initial = /^([a-z]) ([a-z]+)$/.exec(toLooseKey(text));
  if (initial && fuzzy) return INITIALS.get(`${initial[1]} ${initial[2]}`);
  if (!fuzzy || key.length < 6) return undefined;
  const limit = key.length >= 10 ? 2 : 1;
  let best: { key: string; d: number } | undefined;
  let tie = false;
  for (const candidate of FUZZY_KEYS) {
    const d = editDistance(key, candidate, limit);
    if (d > limit) continue;
    if (!best || d < best.d) [best, tie] = [{ key: candidate, d }, false];
    else if (d === best.d && INDEX.get(candidate) !== INDEX.get(best.key)) tie = true;
  }
  return best && !tie ? { ...INDEX.get(best.key)!, corrected: true } : undefined;
}
