import type { AddressUnitText, Gazetteer, ParsedAddress, UnitMatch } from '@sohoa/vn';
import { editDistance, findProvince, findProvince34, foldDiacritics, normalizeText, parseAddress } from '@sohoa/vn';

/**
 * Places and addresses read from a page, checked against the administrative units they name. A unit
 * word (`Phường`, `Quận`, `Huyện`, `Tỉnh`, ...) followed by a name the gazetteer does not hold is
 * either an OCR slip or a unit of another time: the name is corrected only when exactly one unit of
 * its area matches it (a tone slip such as `Ninh Kiểu` for `Ninh Kiều`, which the gazetteer snaps only
 * inside a known province or district), otherwise the value is kept but must not be filled unseen.
 *
 * Without a gazetteer only the province is checked, against the 63 + 34 provinces built into
 * `@sohoa/vn`; districts and communes then go unchecked (see `ExtractOptions.gazetteer`).
 */

export interface PlaceCheck {
  /** The value with each unit name snapped to its official spelling when that was unambiguous. */
  value: string;
  /** Unit names replaced, as `printed → official`. */
  corrected: string[];
  /** Why the value must stay below the fill threshold (a named unit matches no known one), if it must; never holds the place's text. */
  unknown?: string;
}

/** Letters with their marks, lower case: `Hòa` and `hoà` are equal, `Kiều` and `Kiểu` are not. */
const marks = (s: string) =>
  normalizeText(s)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
const folded = (s: string) => foldDiacritics(marks(s));

/** Unit words printed in lower case inside a sentence (`Ủy ban nhân dân xã Tân Lập, huyện …`) start a unit too. */
const UNIT_WORD = /(^|[\s,])(phường|xã|thị trấn|quận|huyện|thị xã|thành phố|tỉnh)(?=\s+\p{Lu})/gu;

function capitaliseUnitWords(text: string): string {
  return normalizeText(text).replace(
    UNIT_WORD,
    (_m, before: string, word: string) => `${before}${word[0]!.toUpperCase()}${word.slice(1)}`,
  );
}

/** Replaces the printed unit name (marks as printed) by the official one, once, as a whole word run. */
function replaceName(value: string, printed: string, official: string): string {
  const at = value.indexOf(printed);
  if (at < 0) return value;
  const before = value[at - 1];
  const after = value[at + printed.length];
  if ((before && /\p{L}/u.test(before)) || (after && /\p{L}/u.test(after))) return value;
  return `${value.slice(0, at)}${official}${value.slice(at + printed.length)}`;
}

interface Level {
  what: string;
  text: AddressUnitText | undefined;
  match: UnitMatch | undefined;
}

/**
 * Checks the units a place names. `value` is the parsed place (normalised text). The province is
 * checked against the built-in list; with `gazetteer`, districts and communes too.
 */
export function checkPlace(value: string, gazetteer?: Gazetteer): PlaceCheck {
  const text = capitaliseUnitWords(value);
  let parsed: ParsedAddress;
  try {
    parsed = parseAddress(text);
  } catch {
    return { value, corrected: [] };
  }
  const corrected: string[] = [];
  let out = normalizeText(value);
  const unknown: string[] = [];
  const fix = (printed: string, official: string) => {
    if (marks(printed) === marks(official)) return;
    const next = replaceName(out, printed, official);
    if (next === out) return;
    out = next;
    corrected.push(`${printed} → ${official}`);
  };

  // The province, the last segment: checked against the built-in list, which needs no data.
  const segments = out.split(',').map((x) => x.trim());
  // The country after the province (`…, Hà Nội, Việt Nam`) is not a unit.
  if (segments.length > 1 && /^(?:vietnam|vn)$/.test(folded(segments[segments.length - 1]!))) segments.pop();
  const last = segments[segments.length - 1] ?? '';
  const bare = last.replace(/^(?:tỉnh|thành phố|tp\.?)\s*/iu, '').trim();
  const typed = bare !== last && /^tỉnh/iu.test(last);
  const known = bare ? (findProvince(bare) ?? findProvince34(bare)) : undefined;
  const lower = (parsed.commune && !parsed.commune.guessed) || (parsed.district && !parsed.district.guessed);
  if (known) {
    const official = [known.name, ...known.aliases].find((n) => folded(n) === folded(bare));
    if (official) fix(bare, official === known.name ? known.name : bare);
  } else if (typed || (segments.length > 1 && lower && !/^(?:phường|xã|thị trấn|quận|huyện|thị xã)\b/iu.test(last))) {
    unknown.push('the province named is not a known one');
  }
  // A house number and a province with no commune or district between them: a line of the address was lost
  // (a wrapped table cell, a line the OCR dropped); every address with a house number names its commune.
  if (parsed.street && /\d/.test(parsed.street) && parsed.province && !parsed.commune && !parsed.district)
    unknown.push('a house number and a province but no commune or district: part of the address may be missing');
  if (!gazetteer) return { value: out, corrected, ...(unknown.length ? { unknown: unknown.join('; ') } : {}) };

  const resolved = gazetteer.resolveAddress(parsed);
  const levels: Level[] = [
    { what: 'district', text: parsed.district, match: resolved.district },
    { what: 'commune', text: parsed.commune, match: resolved.commune },
  ];
  for (const { what, text: unit, match } of levels) {
    // A segment placed as a unit by its position only (no unit word) may be a street or a hospital: not checked.
    if (!unit || unit.guessed) continue;
    if (!match || match.method === 'parent') {
      unknown.push(`the ${unit.type ?? what} named matches no unit of its area`);
      continue;
    }
    if (!match.corrected) continue;
    // Only a slip a reader would also see: the same letters with other marks, or one letter off in a long name.
    const a = folded(unit.name);
    const b = folded(match.unit.name);
    if (a === b || (Math.min(a.length, b.length) >= 5 && editDistance(a, b, 1) <= 1)) fix(unit.name, match.unit.name);
    else unknown.push(`the ${unit.type ?? what} named matches no unit of its area but one far from it`);
  }
  return { value: out, corrected, ...(unknown.length ? { unknown: unknown.join('; ') } : {}) };
}
