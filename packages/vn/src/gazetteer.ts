import { SohoaError, type Diagnostic } from '@sohoa/core';
import { parseAddress } from './address';
import { displayType, isAsciiText, splitUnitPieces, TYPE_FOLDED } from './internal/admin-words';
import { editDistance } from './internal/edit-distance';
import { getProvince34 } from './provinces';
import { PROVINCES_63 } from './provinces-data';
import { normalizeText, toLooseKey } from './text';
import type {
  AdminEra,
  AdminLevel,
  AdminUnit,
  CurrentUnitsResult,
  Gazetteer,
  GazetteerSource,
  ParsedAddress,
  ResolvedAddress,
  UnitLookup,
  UnitLookupOptions,
  UnitMatch,
} from './types';
import { vnDiagnostic as diag } from './internal/diagnostic';

/** Matching key of a unit name: folded, no spaces, numbers without leading zeros (`Phường 05` → `5`). */
export function unitNameKey(name: string): string {
  const loose = toLooseKey(name);
  return /^\d+$/.test(loose) ? String(Number(loose)) : loose.replace(/ /g, '');
}

/** Letters with their marks, lower case, nothing else: `Trung Tự` and `Trung Tú` differ, `Hòa` and `hoà` do not. */
function marksKey(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const LEVELS: readonly AdminLevel[] = ['province', 'district', 'commune'];
const PARENT_LEVEL: Record<AdminEra, Record<AdminLevel, AdminLevel | undefined>> = {
  old: { province: undefined, district: 'province', commune: 'district' },
  current: { province: undefined, district: undefined, commune: 'province' },
};
// Old GSO province code (2 digits) → current province code, from the built-in table.
const PROVINCE_NEW_CODE = new Map(PROVINCES_63.map((p) => [p.code.slice(1), p.newCode]));
const id = (era: AdminEra, level: AdminLevel, code: string) => `${era}|${level}|${code}`;

function checkSource(source: GazetteerSource): void {
  if (!source || !Array.isArray(source.units)) {
    throw new SohoaError(
      'VN_GAZETTEER_INVALID',
      'The gazetteer source has no `units` array; pass `{ units: AdminUnit[] }` or use `loadGazetteer({ dir })`.',
    );
  }
  for (const unit of source.units) {
    if (
      !unit ||
      typeof unit.code !== 'string' ||
      typeof unit.name !== 'string' ||
      !LEVELS.includes(unit.level) ||
      (unit.era !== 'old' && unit.era !== 'current')
    ) {
      throw new SohoaError(
        'VN_GAZETTEER_INVALID',
        'A gazetteer unit lacks a string `code` or `name`, or has an unknown `level` or `era`; fix the source data.',
      );
    }
  }
}

interface ScanHit {
  unit: AdminUnit;
  /** Index in the pool of the piece it was found in. */
  piece: number;
  /** Words of that piece left of the match. */
  rest: string;
}

/**
 * Build a gazetteer from plain data: units of the old (pre-July-2025) and/or current era, old→new commune
 * mappings and aliases. For the public datasets use `loadGazetteer({ dir })`; for tests, `SAMPLE_GAZETTEER`.
 *
 * @example
 * const gazetteer = createGazetteer(SAMPLE_GAZETTEER);
 * gazetteer.toCurrentUnits('Phường Phúc Xá, Quận Ba Đình, Hà Nội').commune?.name; // 'Hồng Hà'
 */
export function createGazetteer(source: GazetteerSource): Gazetteer {
  checkSource(source);
  const byId = new Map<string, AdminUnit>();
  const children = new Map<string, AdminUnit[]>();
  const counts: Record<AdminEra, Record<AdminLevel, number>> = {
    old: { province: 0, district: 0, commune: 0 },
    current: { province: 0, district: 0, commune: 0 },
  };
  for (const unit of source.units) {
    byId.set(id(unit.era, unit.level, unit.code), unit);
    counts[unit.era][unit.level]++;
    const parentLevel = PARENT_LEVEL[unit.era][unit.level];
    if (parentLevel && unit.parent !== undefined) {
      const key = id(unit.era, parentLevel, unit.parent);
      children.set(key, [...(children.get(key) ?? []), unit]);
    }
  }
  const aliases = new Map<string, AdminUnit[]>();
  for (const alias of source.aliases ?? []) {
    const unit = byId.get(id(alias.era, alias.level, alias.code));
    if (!unit) continue;
    const key = `${alias.era}|${alias.level}|${unitNameKey(alias.alias)}`;
    aliases.set(key, [...(aliases.get(key) ?? []), unit]);
  }
  // A unit named after two merged ones (`Phương Liên - Trung Tự`) is still written by either old name.
  for (const unit of source.units) {
    if (!unit.name.includes(' - ')) continue;
    for (const half of unit.name.split(' - ')) {
      const key = `${unit.era}|${unit.level}|${unitNameKey(half)}`;
      aliases.set(key, [...(aliases.get(key) ?? []), unit]);
    }
  }
  const mappings = source.mappings ?? [];
  const eras = (['old', 'current'] as const).filter(
    (era) => counts[era].province + counts[era].district + counts[era].commune > 0,
  );

  const scopes = new Map<string, Map<string, AdminUnit[]>>();
  function scopeUnits(options: UnitLookupOptions): Map<string, AdminUnit[]> {
    const era = options.era ?? 'current';
    const key = `${era}|${options.level}|${options.province ?? ''}|${options.district ?? ''}`;
    let map = scopes.get(key);
    if (map) return map;
    let list: AdminUnit[];
    if (options.level === 'commune' && options.district !== undefined && era === 'old')
      list = children.get(id(era, 'district', options.district)) ?? [];
    else if (options.province !== undefined && options.level !== 'province') {
      list = [...byId.values()].filter(
        (u) => u.era === era && u.level === options.level && u.province === options.province,
      );
    } else list = [...byId.values()].filter((u) => u.era === era && u.level === options.level);
    map = new Map();
    for (const unit of list) {
      const k = unitNameKey(unit.name);
      map.set(k, [...(map.get(k) ?? []), unit]);
    }
    scopes.set(key, map);
    return map;
  }

  const inScope = (unit: AdminUnit, options: UnitLookupOptions) =>
    (options.province === undefined || unit.province === options.province) &&
    (options.district === undefined || unit.parent === options.district);

  // Marks are often garbled by OCR, but in a wide scope another unit with the same letters is too likely.
  const marksTolerated = (options: UnitLookupOptions) =>
    options.district !== undefined || (options.level === 'district' && options.province !== undefined);

  function lookup(name: string, options: UnitLookupOptions): UnitLookup {
    if (typeof name !== 'string' || name.length > 200) return { ok: false, reason: 'not-found', candidates: [] };
    const era = options.era ?? 'current';
    const pieces = splitUnitPieces(name.normalize('NFC').trim(), isAsciiText(name));
    // A name may itself start like a unit word (`Xa Dung`): the whole text is tried as a name first.
    const typed =
      pieces.length === 1 && pieces[0]!.type && !scopeUnits({ ...options, era }).has(unitNameKey(name))
        ? pieces[0]!
        : undefined;
    const bare = typed ? typed.name : name;
    const type = options.type ?? typed?.type;
    const key = unitNameKey(bare);
    if (key === '') return { ok: false, reason: 'not-found', candidates: [] };
    const map = scopeUnits({ ...options, era });
    const pick = (units: AdminUnit[], method: UnitMatch['method'], corrected: boolean): UnitLookup | undefined => {
      if (units.length === 0) return undefined;
      const preferred = type && units.length > 1 ? units.filter((u) => u.type === type) : units;
      const list = preferred.length > 0 ? preferred : units;
      return list.length === 1
        ? { ok: true, match: { unit: list[0]!, method, corrected } }
        : { ok: false, reason: 'ambiguous', candidates: list };
    };
    const folded = map.get(key) ?? [];
    // Same letters but other marks (`Trung Tự` for `Trung Tú`) is a correction, taken only where snapping is allowed.
    const marked = isAsciiText(bare) ? folded : folded.filter((u) => marksKey(u.name) === marksKey(bare));
    const exact =
      pick(marked, 'exact', false) ??
      (options.fuzzy !== false && marksTolerated(options) ? pick(folded, 'fuzzy', true) : undefined);
    if (exact) return exact;
    const aliasKeys = [key, ...(type ? [`${TYPE_FOLDED[type]}${key}`] : [])];
    const aliased = [...new Set(aliasKeys.flatMap((k) => aliases.get(`${era}|${options.level}|${k}`) ?? []))].filter(
      (u) => inScope(u, options),
    );
    const byAlias = pick(aliased, 'alias', false);
    if (byAlias) return byAlias;
    if (options.fuzzy === false || /^\d+$/.test(key) || key.length < 5)
      return { ok: false, reason: 'not-found', candidates: [] };
    const limit = key.length >= 8 ? 2 : 1;
    let best = limit + 1;
    let found: AdminUnit[] = [];
    for (const [candidate, units] of map) {
      if (/^\d+$/.test(candidate)) continue;
      const d = editDistance(key, candidate, limit);
      if (d < best) [best, found] = [d, [...units]];
      else if (d === best) found.push(...units);
    }
    return pick(found, 'fuzzy', true) ?? { ok: false, reason: 'not-found', candidates: [] };
  }

  /** Find a unit name inside free-text pieces (right to left): the rightmost, then longest, whole-word match. */
  function scan(pool: string[], options: UnitLookupOptions): ScanHit | undefined {
    const map = scopeUnits(options);
    const tolerant = marksTolerated(options);
    for (let p = 0; p < pool.length; p++) {
      const words = toLooseKey(pool[p]!).split(' ').filter(Boolean);
      const marked = normalizeText(pool[p]!)
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      const checkMarks = !tolerant && !isAsciiText(pool[p]!) && marked.length === words.length;
      for (let end = words.length; end >= 1; end--) {
        for (let start = 0; start < end; start++) {
          const key = words.slice(start, end).join('');
          if (/^\d+$/.test(key) || key.length < 3) continue;
          let units = map.get(key);
          if (units && checkMarks) units = units.filter((u) => marksKey(u.name) === marked.slice(start, end).join(''));
          if (!units?.length)
            units = aliases
              .get(`${options.era ?? 'current'}|${options.level}|${key}`)
              ?.filter((u) => inScope(u, options));
          if (units?.length === 1) return { unit: units[0]!, piece: p, rest: words.slice(0, start).join(' ') };
        }
      }
      if (checkMarks) continue;
      // OCR splits letters apart (`T,â,n B,ì,n,h`): try the piece without spaces, ending with the name.
      const joined = words.join('');
      for (let i = 0; i + 5 <= joined.length; i++) {
        const units = map.get(joined.slice(i));
        if (units?.length === 1) return { unit: units[0]!, piece: p, rest: '' };
      }
    }
    return undefined;
  }

  function matchOf(result: UnitLookup): UnitMatch | undefined {
    return result.ok ? result.match : undefined;
  }

  function resolveIn(parsed: ParsedAddress, era: AdminEra): ResolvedAddress {
    const diagnostics: Diagnostic[] = [];
    let province: UnitMatch | undefined;
    const provinceCode = era === 'old' ? parsed.province63?.code.slice(1) : parsed.province34?.code;
    const provinceUnit = provinceCode !== undefined ? byId.get(id(era, 'province', provinceCode)) : undefined;
    if (provinceUnit) province = { unit: provinceUnit, method: 'exact', corrected: false };
    const scope = { era, ...(province && { province: province.unit.code }) };
    // Free text to search when a part has no unit word or its name is not found: right to left.
    const pool: string[] = [];
    let district: UnitMatch | undefined;
    if (era === 'old' && parsed.district) {
      district = matchOf(
        lookup(parsed.district.name, {
          ...scope,
          level: 'district',
          fuzzy: !parsed.district.guessed,
          ...(parsed.district.type && { type: parsed.district.type }),
        }),
      );
      if (!district) pool.push(parsed.district.name);
      if (!district && !parsed.district.guessed)
        diagnostics.push(
          diag(
            'VN_ADDRESS_DISTRICT_NOT_FOUND',
            'info',
            'The district named in the address is not in the gazetteer for its province.',
          ),
        );
    }
    if (parsed.commune) pool.push(parsed.commune.name);
    const streetPieces = (parsed.street ?? '').split(', ').filter(Boolean).reverse();
    if (era === 'old' && !district) {
      // Without a province only the parts placed as units are searched: street names repeat unit names too often.
      for (const source of province ? [pool, streetPieces] : [pool]) {
        const hit = scan(source, { ...scope, level: 'district' });
        if (!hit) continue;
        district = { unit: hit.unit, method: 'exact', corrected: false };
        // What lies left of the district name is where the commune is.
        source.splice(0, hit.piece + 1, ...(hit.rest ? [hit.rest] : []));
        break;
      }
    }
    const communeScope: UnitLookupOptions = {
      ...scope,
      level: 'commune',
      ...(district && { district: district.unit.code, province: district.unit.province }),
    };
    let commune: UnitMatch | undefined;
    if (parsed.commune) {
      const result = lookup(parsed.commune.name, {
        ...communeScope,
        fuzzy: !parsed.commune.guessed,
        ...(parsed.commune.type && { type: parsed.commune.type }),
      });
      commune = matchOf(result);
      if (!commune && !parsed.commune.guessed && !result.ok && result.reason === 'ambiguous') {
        diagnostics.push(
          diag(
            'VN_ADDRESS_COMMUNE_AMBIGUOUS',
            'info',
            'Several units of the area share the commune name of the address; name the district to choose.',
          ),
        );
      }
    }
    if (!commune && (district || province)) {
      const hit = scan(pool, communeScope) ?? (district ? scan(streetPieces, communeScope) : undefined);
      if (hit) commune = { unit: hit.unit, method: 'exact', corrected: false };
    }
    if (!commune && district && parsed.commune && !parsed.commune.guessed && province) {
      // The commune may be written with the wrong district (or one it moved from): found elsewhere, it needs review.
      const elsewhere = lookup(parsed.commune.name, {
        ...scope,
        level: 'commune',
        fuzzy: false,
        ...(parsed.commune.type && { type: parsed.commune.type }),
      });
      if (elsewhere.ok) {
        commune = { ...elsewhere.match, corrected: true };
        diagnostics.push(
          diag(
            'VN_ADDRESS_DISTRICT_MISMATCH',
            'warning',
            'The commune of the address belongs to another district of the province than the one written; check it.',
          ),
        );
      }
    }
    if (!commune && parsed.commune && !parsed.commune.guessed) {
      diagnostics.push(
        diag(
          'VN_ADDRESS_COMMUNE_NOT_FOUND',
          'info',
          'The commune named in the address was not found in the gazetteer for its district or province.',
        ),
      );
    }
    if (commune && era === 'old' && !district && commune.unit.parent !== undefined) {
      const parent = byId.get(id('old', 'district', commune.unit.parent));
      if (parent) district = { unit: parent, method: 'parent', corrected: false };
    }
    if (!province) {
      const code = (district ?? commune)?.unit.province;
      const unit = code !== undefined ? byId.get(id(era, 'province', code)) : undefined;
      if (unit) province = { unit, method: 'parent', corrected: false };
    }
    for (const m of [district, commune]) {
      if (m?.corrected)
        diagnostics.push(
          diag(
            'VN_ADDRESS_UNIT_CORRECTED',
            'info',
            `A ${m.unit.level} name was snapped to the only unit within a small edit distance (an OCR correction).`,
          ),
        );
    }
    return {
      era,
      ...(parsed.street !== undefined && { street: parsed.street }),
      ...(province && { province }),
      ...(district && { district }),
      ...(commune && { commune }),
      diagnostics: [...parsed.diagnostics, ...diagnostics],
    };
  }

  const score = (r: ResolvedAddress) => (r.province ? 1 : 0) + (r.district ? 1 : 0) + (r.commune ? 2 : 0);

  function resolveAddress(address: ParsedAddress | string, options: { era?: AdminEra } = {}): ResolvedAddress {
    const parsed = typeof address === 'string' ? parseAddress(address) : address;
    const tried = (options.era ? [options.era] : parsed.era && eras.includes(parsed.era) ? [parsed.era] : eras).map(
      (era) => resolveIn(parsed, era),
    );
    if (tried.length === 0)
      return {
        era: options.era ?? 'current',
        diagnostics: [
          ...parsed.diagnostics,
          diag(
            'VN_GAZETTEER_EMPTY',
            'warning',
            'The gazetteer holds no units; load one with `loadGazetteer({ dir })`.',
          ),
        ],
      };
    return tried.reduce((best, r) => (score(r) > score(best) ? r : best));
  }

  function unitLabel(unit: AdminUnit): string {
    return `${displayType(unit.type)} ${unit.name}`;
  }

  function toCurrentUnits(address: ParsedAddress | string): CurrentUnitsResult {
    const parsed = typeof address === 'string' ? parseAddress(address) : address;
    // A two-level address whose commune exists now is taken as already current, not as an old one to convert.
    if (parsed.era !== 'old' && !parsed.district && eras.includes('current')) {
      const now = resolveAddress(parsed, { era: 'current' });
      if (now.commune && now.province) {
        const text = [parsed.street, unitLabel(now.commune.unit), unitLabel(now.province.unit)]
          .filter(Boolean)
          .join(', ');
        const province = getProvince34(now.province.unit.code);
        return {
          ok: !now.commune.corrected,
          old: now,
          ...(province && { province }),
          commune: now.commune.unit,
          ambiguous: false,
          candidates: [now.commune.unit],
          ...(parsed.street !== undefined && { street: parsed.street }),
          text,
          mapping: 'none (already current)',
          diagnostics: [
            ...now.diagnostics,
            diag(
              'VN_ADDRESS_ALREADY_CURRENT',
              'info',
              'The address already names current units; nothing was converted.',
            ),
          ],
        };
      }
    }
    const old = resolveAddress(parsed, { era: 'old' });
    const diagnostics: Diagnostic[] = [];
    const street = parsed.street;
    const oldProvinceCode = old.province?.unit.code ?? parsed.province63?.code.slice(1);
    const fromOld =
      oldProvinceCode !== undefined ? getProvince34(PROVINCE_NEW_CODE.get(oldProvinceCode) ?? '') : undefined;
    let province = fromOld ?? parsed.province34;
    const mapping = mappings[0];
    const base = { old, ambiguous: false, candidates: [] as AdminUnit[], ...(street !== undefined && { street }) };
    const provinceText = (code: string | undefined) => {
      const unit = code !== undefined ? byId.get(id('current', 'province', code)) : undefined;
      return unit ? unitLabel(unit) : province?.fullName;
    };
    if (!old.commune || !mapping) {
      if (!mapping && old.commune)
        diagnostics.push(
          diag(
            'VN_GAZETTEER_NO_MAPPING',
            'info',
            'The gazetteer has no old→new commune mapping; only the province was converted.',
          ),
        );
      const communeNamed = parsed.commune !== undefined && !parsed.commune.guessed;
      if (communeNamed && !old.commune)
        diagnostics.push(
          diag(
            'VN_ADDRESS_COMMUNE_NOT_CONVERTED',
            'warning',
            'The old commune was not found in the gazetteer, so only the province was converted.',
          ),
        );
      return {
        ...base,
        ok: province !== undefined && !communeNamed,
        ...(province && { province, text: provinceText(province.code), mapping: 'built-in provinces' }),
        diagnostics: [...old.diagnostics, ...diagnostics],
      };
    }
    const codes = mapping.communes[old.commune.unit.code] ?? [];
    const candidates = codes
      .map((code) => byId.get(id('current', 'commune', code)))
      .filter((u): u is AdminUnit => u !== undefined);
    const alternatives = mappings
      .slice(1)
      .map((m) => ({ mapping: m.name, codes: m.communes[old.commune!.unit.code] ?? [] }));
    if (candidates.length === 0) {
      diagnostics.push(
        diag(
          'VN_ADDRESS_COMMUNE_NOT_MAPPED',
          'warning',
          `The mapping \`${mapping.name}\` has no current commune for the old commune code; only the province was converted.`,
        ),
      );
      return {
        ...base,
        ok: false,
        ...(province && { province, text: provinceText(province.code) }),
        mapping: mapping.name,
        alternatives,
        diagnostics: [...old.diagnostics, ...diagnostics],
      };
    }
    province = getProvince34(candidates[0]!.province) ?? province;
    // A second mapping naming a commune the first does not is a dispute: offer every candidate, fill none.
    const disputed = alternatives.flatMap((a) => a.codes).filter((code) => !codes.includes(code));
    for (const code of new Set(disputed)) {
      const unit = byId.get(id('current', 'commune', code));
      if (unit) candidates.push(unit);
    }
    if (disputed.length > 0)
      diagnostics.push(
        diag(
          'VN_ADDRESS_MAPPINGS_DISAGREE',
          'warning',
          'The old→new mappings disagree on this old commune; the user must choose among the candidates.',
        ),
      );
    if (candidates.length > 1) {
      diagnostics.push(
        diag(
          'VN_ADDRESS_COMMUNE_SPLIT',
          'warning',
          `The old commune was split between ${candidates.length} current communes; the user must choose one.`,
        ),
      );
      return {
        ...base,
        ok: false,
        ambiguous: true,
        candidates,
        ...(province && { province }),
        mapping: mapping.name,
        alternatives,
        diagnostics: [...old.diagnostics, ...diagnostics],
      };
    }
    const commune = candidates[0]!;
    const text = [street, unitLabel(commune), provinceText(commune.province)].filter(Boolean).join(', ');
    // A unit snapped from an OCR slip or found under another district is offered, not taken as certain.
    const certain = !old.commune.corrected && !old.district?.corrected;
    return {
      ...base,
      ok: certain,
      commune,
      candidates,
      ...(province && { province }),
      text,
      mapping: mapping.name,
      alternatives,
      diagnostics: [...old.diagnostics, ...diagnostics],
    };
  }

  return {
    eras,
    mappings: mappings.map((m) => m.name),
    counts,
    get: (era, level, code) => byId.get(id(era, level, code)),
    children: (unit) => children.get(id(unit.era, unit.level, unit.code)) ?? [],
    lookup,
    resolveAddress,
    toCurrentUnits,
  };
}
