import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer, loadGazetteerSource } from './gazetteer-load';
import { createGazetteer } from './gazetteer';
import { isSohoaError } from '@sohoa/core';
import type { Gazetteer } from './types';
import { canRun } from '../../../test/fixtures/skip';

const DIR = fileURLToPath(new URL('../../../../shared/data/admin-units/', import.meta.url));
const available = existsSync(DIR);
if (!available) console.info('../shared/data/admin-units not found: skipping gazetteer tests on the public datasets.');

describe.skipIf(
  !canRun('gazetteer data', available, `${DIR} is absent (see ../shared/data/README)`, { allowedInCi: true }),
)('gazetteer on the public datasets (../shared/data/admin-units; skipped when absent)', () => {
  let gazetteer: Gazetteer;
  beforeAll(async () => {
    gazetteer = await loadGazetteer({ dir: DIR });
  });

  it('loads 34 provinces / 3,321 communes now and 63 provinces before, with two mappings', () => {
    expect(gazetteer.counts.current).toEqual({ province: 34, district: 0, commune: 3321 });
    expect(gazetteer.counts.old.province).toBe(63);
    expect(gazetteer.counts.old.commune).toBeGreaterThan(10_000);
    expect(gazetteer.mappings).toEqual(['dvhcvn-20250701', 'vietnamadminunits']);
  });

  it('finds every 2025 commune name in the 2026 release although 190 changed tone placement only', async () => {
    const v3 = createGazetteer(await loadGazetteerSource({ dir: DIR, currentRelease: 'v3.0.2_2025-07-01' }));
    const wards = v3.children(v3.get('current', 'province', '56')!);
    expect(wards.length).toBeGreaterThan(40);
    const file = JSON.parse(
      readFileSync(
        `${DIR}thanglequoc-provinces/v3.0.2_2025-07-01/simplified_json_generated_data_vn_units.json`,
        'utf8',
      ),
    ) as { Code: string; Wards: { Code: string; Name: string }[] }[];
    let missed = 0;
    for (const province of file) {
      for (const ward of province.Wards) {
        const found = gazetteer.lookup(ward.Name, { level: 'commune', province: province.Code });
        if (
          !(found.ok
            ? found.match.unit.code === ward.Code
            : found.reason === 'ambiguous' && found.candidates.some((u) => u.code === ward.Code))
        )
          missed++;
      }
    }
    expect(missed).toBe(0);
  });

  it('converts old addresses, reporting splits with their candidates', () => {
    expect(gazetteer.toCurrentUnits('P. Phúc Xá, Q. Ba Đình, TP. Hà Nội')).toMatchObject({
      ok: true,
      commune: { name: 'Hồng Hà' },
      text: 'Phường Hồng Hà, Thành phố Hà Nội',
    });
    expect(gazetteer.toCurrentUnits('Phường Long Hòa, Quận Bình Thủy, Thành phố Cần Thơ').commune?.name).toBe(
      'Long Tuyền',
    );
    const split = gazetteer.toCurrentUnits('Phường Điện Biên, Quận Ba Đình, Hà Nội');
    expect(split.ambiguous).toBe(true);
    expect(split.candidates.map((u) => u.name).sort()).toEqual([
      'Ba Đình',
      'Hoàn Kiếm',
      'Văn Miếu - Quốc Tử Giám',
      'Ô Chợ Dừa',
    ]);
  });

  it('resolves informal old addresses', () => {
    const names = (text: string) => {
      const r = gazetteer.resolveAddress(text, { era: 'old' });
      return [r.commune?.unit.name, r.district?.unit.name, r.province?.unit.name];
    };
    expect(names('123 Đường Vĩnh Viễn, P8Q10, HCM')).toEqual(['8', '10', 'Hồ Chí Minh']);
    expect(names('Q2, Tp HCM')).toEqual([undefined, 'Thủ Đức', 'Hồ Chí Minh']);
    expect(names('Nam chính Tiền hải, Thái bình')).toEqual(['Nam Chính', 'Tiền Hải', 'Thái Bình']);
  });

  it('throws VN_GAZETTEER_NOT_FOUND for a folder without data', async () => {
    await loadGazetteer({ dir: `${DIR}no-such-folder` }).catch((e) =>
      expect(isSohoaError(e, 'VN_GAZETTEER_NOT_FOUND')).toBe(true),
    );
    await expect(loadGazetteer({ dir: `${DIR}no-such-folder` })).rejects.toThrow(/No administrative-unit data/);
  });
});
