import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PROVINCES_34, PROVINCES_63 } from './provinces-data';
import { findProvince, findProvince34, getProvince63, oldProvinceToNew } from './provinces';
import { normalizeText } from './text';

describe('province tables', () => {
  it('has 63 old and 34 new units with unique codes', () => {
    expect(PROVINCES_63).toHaveLength(63);
    expect(PROVINCES_34).toHaveLength(34);
    expect(new Set(PROVINCES_63.map((p) => p.code)).size).toBe(63);
    expect(new Set(PROVINCES_34.map((p) => p.code)).size).toBe(34);
    expect(PROVINCES_34.flatMap((p) => p.oldCodes).sort()).toEqual(PROVINCES_63.map((p) => p.code).sort());
  });

  it('pins the verified ID codes that a wrong public table gets wrong', () => {
    expect(getProvince63('074')?.name).toBe('Bình Dương');
    expect(getProvince63('079')?.name).toBe('Hồ Chí Minh');
    expect(getProvince63('092')?.name).toBe('Cần Thơ');
    expect(getProvince63('096')?.name).toBe('Cà Mau');
    expect(getProvince63('049')?.name).toBe('Quảng Nam');
  });

  it('stores names in normalised form', () => {
    for (const p of [...PROVINCES_63, ...PROVINCES_34]) expect(normalizeText(p.fullName)).toBe(p.fullName);
  });
});

describe('findProvince', () => {
  it.each([
    ['TP. Hồ Chí Minh', '079'],
    ['Tp HCM', '079'],
    ['Thành phố Hồ Chí Minh', '079'],
    ['HÀ NỘI', '001'],
    ['Thừa Thiên Huế', '046'],
    ['Huế', '046'],
    ['Tỉnh Thanh Hóa', '038'],
    ['thanh hoa', '038'],
    ['Bà Rịa - Vũng Tàu', '077'],
    ['Số 12, ngõ 34 phố Huế, Phường Phạm Đình Hổ, Quận Hai Bà Trưng, Hà Nội', '001'],
    ['Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh', '079'],
  ])('%s', (text, code) => {
    expect(findProvince(text)?.code).toBe(code);
  });

  it('finds nothing in unrelated text and never throws', () => {
    expect(findProvince('Paris')).toBeUndefined();
    fc.assert(fc.property(fc.string(), (s) => void findProvince(s)));
  });
});

describe('oldProvinceToNew', () => {
  it('maps by code and by name', () => {
    expect(oldProvinceToNew('049')?.name).toBe('Đà Nẵng');
    expect(oldProvinceToNew('Quảng Nam')?.code).toBe('48');
    expect(oldProvinceToNew('074')?.code).toBe('79');
    expect(oldProvinceToNew('Hà Giang')?.name).toBe('Tuyên Quang');
    expect(oldProvinceToNew('Thừa Thiên Huế')?.fullName).toBe('Thành phố Huế');
    expect(oldProvinceToNew('003')).toBeUndefined();
    expect(findProvince34('Phường Hội An, tỉnh Quảng Nam')?.code).toBe('48');
    expect(findProvince34('Thành phố Đồng Nai')?.code).toBe('75');
  });
});
