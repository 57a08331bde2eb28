import { SohoaError } from '@sohoa/core';
import { createGazetteer } from './gazetteer';
import { splitFullName } from './internal/admin-words';
import type { parseCsvRecords } from './csv';
import { normalizeText, toLooseKey } from './text';
import type { AdminAlias, AdminMapping, AdminUnit, AdminUnitType, Gazetteer, GazetteerSource } from './types';

/** File access for {@link loadGazetteer}; defaults to `node:fs/promises`. */
export interface GazetteerFileSystem {
  readFile(path: string): Promise<string>;
  /** File names in a folder; rejects when it does not exist. */
  readdir(path: string): Promise<string[]>;
}

/** Options for {@link loadGazetteer}. */
export interface LoadGazetteerOptions {
  /** The folder holding the public datasets (`admin-units/`: `thanglequoc-provinces/`, `dvhcvn-20250701/`, `vietnamadminunits/`). */
  dir: string;
  /**
   * Release folder of `thanglequoc-provinces/` for the current units: `head_v4.2.0` (2026) or `v3.0.2_2025-07-01`.
   * @default the first of those two found
   */
  currentRelease?: string;
  /** @default node:fs/promises */
  fs?: GazetteerFileSystem;
}

const RELEASES = ['head_v4.2.0', 'v3.0.2_2025-07-01'];
const join = (...parts: string[]) => parts.join('/').replace(/\/+/g, '/');
const typeAndName = (fullName: string, fallback: AdminUnitType): { type: AdminUnitType; name: string } => {
  const { type, name } = splitFullName(normalizeText(fullName));
  return { type: type ?? fallback, name: /^0*\d+$/.test(name) ? String(Number(name)) : name };
};
const pad = (code: string, length: number) => String(Math.trunc(Number(code))).padStart(length, '0');
const compactKey = (fullName: string) => toLooseKey(fullName).replace(/ /g, '');

async function nodeFs(): Promise<GazetteerFileSystem> {
  const fs = await import('node:fs/promises');
  return { readFile: (path) => fs.readFile(path, 'utf8'), readdir: (path) => fs.readdir(path) };
}

async function optional<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
}

interface ThanglequocProvince {
  Code: string;
  FullName: string;
  Wards: { Code: string; FullName: string; ProvinceCode: string }[];
}

/** Current units from thanglequoc/vietnamese-provinces-database (`simplified_json_generated_data_vn_units*.json`). */
function readCurrent(json: string): AdminUnit[] {
  const provinces = JSON.parse(json) as ThanglequocProvince[];
  return provinces.flatMap((p) => [
    {
      code: p.Code,
      ...typeAndName(p.FullName, 'tỉnh'),
      level: 'province' as const,
      era: 'current' as const,
      province: p.Code,
    },
    ...p.Wards.map((w) => ({
      code: w.Code,
      ...typeAndName(w.FullName, 'xã'),
      level: 'commune' as const,
      era: 'current' as const,
      parent: p.Code,
      province: p.Code,
    })),
  ]);
}

/** Old units from the GSO lists kept by vietnamadminunits (`danhmuchanhchinh.gso.gov.vn_{ward,district}_*.csv`). */
function readOld(parseCsv: typeof parseCsvRecords, wardCsv: string, districtCsv: string | undefined): AdminUnit[] {
  const units = new Map<string, AdminUnit>();
  const add = (unit: AdminUnit) => units.set(`${unit.level}|${unit.code}`, unit);
  const province = (code: string, fullName: string) =>
    add({ code, ...typeAndName(fullName, 'tỉnh'), level: 'province', era: 'old', province: code });
  for (const row of districtCsv ? parseCsv(districtCsv) : []) {
    province(row['Mã TP']!, row['Tỉnh / Thành Phố']!);
    add({
      code: row['Mã']!,
      ...typeAndName(row['Tên']!, 'huyện'),
      level: 'district',
      era: 'old',
      parent: row['Mã TP']!,
      province: row['Mã TP']!,
    });
  }
  for (const row of parseCsv(wardCsv)) {
    const provinceCode = row['Mã TP']!;
    province(provinceCode, row['Tỉnh / Thành Phố']!);
    if (!units.has(`district|${row['Mã QH']}`))
      add({
        code: row['Mã QH']!,
        ...typeAndName(row['Quận Huyện']!, 'huyện'),
        level: 'district',
        era: 'old',
        parent: provinceCode,
        province: provinceCode,
      });
    add({
      code: row['Mã']!,
      ...typeAndName(row['Tên']!, 'xã'),
      level: 'commune',
      era: 'old',
      parent: row['Mã QH']!,
      province: provinceCode,
    });
  }
  return [...units.values()];
}

interface DvhcvnSplits {
  data: { level3s: { level3_id: string; splits: { new_id: string }[] }[] }[];
}

/** Old→new commune mapping of dvhcvn/20250701 (`mapping/splits.json`). */
function readSplits(json: string): AdminMapping {
  const communes: Record<string, string[]> = {};
  for (const province of (JSON.parse(json) as DvhcvnSplits).data) {
    for (const ward of province.level3s) communes[ward.level3_id] = ward.splits.map((s) => s.new_id);
  }
  return { name: 'dvhcvn-20250701', communes };
}

/** Old→new table of vietnamadminunits (`data/interim/convert_legacy_2025_simple.csv`); lists the largest part first. */
function readLegacyConversion(parseCsv: typeof parseCsvRecords, csv: string): AdminMapping {
  const communes: Record<string, string[]> = {};
  for (const row of parseCsv(csv)) {
    if (!row.wardCode || !row.newWardCode) continue;
    const old = pad(row.wardCode, 5);
    const list = (communes[old] ??= []);
    const code = pad(row.newWardCode, 5);
    if (!list.includes(code)) list.push(code);
  }
  return { name: 'vietnamadminunits', communes };
}

/** Alias keywords of vietnamadminunits (`data/alias_keywords/legacy/alias_{district,ward}.csv`), keyed by folded full names. */
function readAliases(
  parseCsv: typeof parseCsvRecords,
  units: AdminUnit[],
  districtCsv: string | undefined,
  wardCsv: string | undefined,
): AdminAlias[] {
  const byKey = new Map<string, AdminUnit>();
  const label = (u: AdminUnit) => `${u.type} ${u.name}`;
  const provinces = new Map(units.filter((u) => u.level === 'province').map((u) => [u.code, compactKey(label(u))]));
  const districts = new Map(units.filter((u) => u.level === 'district').map((u) => [u.code, compactKey(label(u))]));
  for (const u of units) {
    if (u.level === 'district') byKey.set(`${provinces.get(u.province)}|${compactKey(label(u))}`, u);
    if (u.level === 'commune')
      byKey.set(`${provinces.get(u.province)}|${districts.get(u.parent ?? '')}|${compactKey(label(u))}`, u);
  }
  const aliases: AdminAlias[] = [];
  for (const row of districtCsv ? parseCsv(districtCsv) : []) {
    const unit = byKey.get(`${row.province_key}|${row.district_key}`);
    if (unit && row.alias_keyword)
      aliases.push({ era: 'old', level: 'district', code: unit.code, alias: row.alias_keyword });
  }
  for (const row of wardCsv ? parseCsv(wardCsv) : []) {
    const unit = byKey.get(`${row.province_key}|${row.district_key}|${row.ward_key}`);
    if (unit && row.alias_keyword)
      aliases.push({ era: 'old', level: 'commune', code: unit.code, alias: row.alias_keyword });
  }
  return aliases;
}

/**
 * Read the public administrative-unit datasets from a folder into a {@link GazetteerSource}: current units
 * (thanglequoc-provinces), old units and aliases (vietnamadminunits, GSO lists) and the old→new mappings
 * (dvhcvn-20250701 first, vietnamadminunits second). Parts whose files are absent are left out.
 * Throws `VN_GAZETTEER_NOT_FOUND` when the folder holds none of them.
 */
export async function loadGazetteerSource(options: LoadGazetteerOptions): Promise<GazetteerSource> {
  const fs = options.fs ?? (await nodeFs());
  // csv-parse needs Node's Buffer: loaded with the files, so the package's other functions bundle for the browser.
  const { parseCsvRecords } = await import('./csv');
  const parseCsv = (text: string) => {
    try {
      return parseCsvRecords(text);
    } catch (cause) {
      throw new SohoaError(
        'VN_GAZETTEER_INVALID',
        `A gazetteer CSV file could not be parsed (${(cause as Error).message}); check its quotes.`,
        { cause },
      );
    }
  };
  const dir = options.dir;
  const listing = (path: string) => optional(() => fs.readdir(path));
  const read = (path: string) => optional(() => fs.readFile(path));
  const findFile = async (folder: string, pattern: RegExp) => {
    const names = (await listing(folder)) ?? [];
    const name = names
      .filter((n) => pattern.test(n))
      .sort()
      .at(-1);
    return name === undefined ? undefined : read(join(folder, name));
  };

  const releases = options.currentRelease ? [options.currentRelease] : RELEASES;
  let current: string | undefined;
  let release: string | undefined;
  for (const candidate of releases) {
    current = await findFile(
      join(dir, 'thanglequoc-provinces', candidate),
      /^simplified_json_generated_data_vn_units.*\.json$/,
    );
    if (current !== undefined) {
      release = candidate;
      break;
    }
  }
  const raw = join(dir, 'vietnamadminunits', 'data', 'raw');
  const oldWards = await findFile(raw, /^danhmuchanhchinh\.gso\.gov\.vn_ward_.*\.csv$/);
  const oldDistricts = await findFile(raw, /^danhmuchanhchinh\.gso\.gov\.vn_district_.*\.csv$/);
  if (current === undefined && oldWards === undefined) {
    throw new SohoaError(
      'VN_GAZETTEER_NOT_FOUND',
      `No administrative-unit data was found under \`${dir}\`: expected \`thanglequoc-provinces/<release>/simplified_json_generated_data_vn_units*.json\` or \`vietnamadminunits/data/raw/danhmuchanhchinh.gso.gov.vn_ward_*.csv\`. Point \`dir\` at the folder holding the public datasets.`,
    );
  }
  const units = [
    ...(current !== undefined ? readCurrent(current) : []),
    ...(oldWards !== undefined ? readOld(parseCsv, oldWards, oldDistricts) : []),
  ];
  const splits = await read(join(dir, 'dvhcvn-20250701', 'mapping', 'splits.json'));
  const legacy = await read(join(dir, 'vietnamadminunits', 'data', 'interim', 'convert_legacy_2025_simple.csv'));
  const aliasDir = join(dir, 'vietnamadminunits', 'data', 'alias_keywords', 'legacy');
  const aliases = readAliases(
    parseCsv,
    units.filter((u) => u.era === 'old'),
    await read(join(aliasDir, 'alias_district.csv')),
    await read(join(aliasDir, 'alias_ward.csv')),
  );
  const mappings = [
    ...(splits !== undefined ? [readSplits(splits)] : []),
    ...(legacy !== undefined ? [readLegacyConversion(parseCsv, legacy)] : []),
  ];
  return {
    units,
    mappings,
    aliases,
    description: [
      release && `current: thanglequoc-provinces ${release}`,
      oldWards && 'old: GSO list (vietnamadminunits)',
      ...mappings.map((m) => `mapping: ${m.name}`),
    ]
      .filter(Boolean)
      .join('; '),
  };
}

/**
 * Load a {@link Gazetteer} from the public datasets in a folder (see {@link loadGazetteerSource}). The data is not
 * shipped with this package: download the datasets and point `dir` at them.
 *
 * @example
 * const gazetteer = await loadGazetteer({ dir: '../shared/data/admin-units' });
 * gazetteer.toCurrentUnits('Xã Tân Thạnh, Huyện Thới Lai, TP Cần Thơ'); // { ambiguous: true, candidates: [...] }
 */
export async function loadGazetteer(options: LoadGazetteerOptions): Promise<Gazetteer> {
  return createGazetteer(await loadGazetteerSource(options));
}
