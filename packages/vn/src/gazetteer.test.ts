import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSohoaError } from '@sohoa/core';
import { createGazetteer } from './gazetteer';
import { SAMPLE_GAZETTEER } from './gazetteer-sample';
import { parseAddress } from './address';

const gazetteer = createGazetteer(SAMPLE_GAZETTEER);

describe('createGazetteer', () => {
  it('counts and links units of both eras', () => {
    expect(gazetteer.eras).toEqual(['old', 'current']);
    expect(gazetteer.mappings).toEqual(['sample']);
    const baDinh = gazetteer.get('old', 'district', '001')!;
    expect(gazetteer.children(baDinh).map((u) => u.name)).toEqual(['Phúc Xá', 'Trúc Bạch', 'Ngọc Hà', 'Điện Biên']);
  });

  it('rejects a source without units', () => {
    expect(() => createGazetteer({} as never)).toThrow(expect.objectContaining({ code: 'VN_GAZETTEER_INVALID' }));
    try {
      createGazetteer({ units: [{ code: '1' } as never] });
    } catch (e) {
      expect(isSohoaError(e, 'VN_GAZETTEER_INVALID')).toBe(true);
    }
  });
});

describe('lookup', () => {
  it('treats Hòa and Hoà alike and ignores diacritics and the unit word', () => {
    for (const name of ['Long Hòa', 'Long Hoà', 'long hoa', 'Phường Long Hòa', 'P. Long Hoa']) {
      const found = gazetteer.lookup(name, { level: 'commune', era: 'old', province: '92' });
      expect(found.ok && found.match.unit.code).toBe('31180');
      expect(found.ok && found.match.corrected).toBe(false);
    }
  });

  it('snaps an OCR slip to the one close name, and records the correction', () => {
    const marks = gazetteer.lookup('Phúc Xà', { level: 'commune', era: 'old', district: '001' });
    expect(marks).toMatchObject({ ok: true, match: { unit: { code: '00001' }, method: 'fuzzy', corrected: true } });
    expect(gazetteer.lookup('Phúc Xà', { level: 'commune', era: 'old', district: '001', fuzzy: false })).toMatchObject({
      ok: false,
    });
    const slip = gazetteer.lookup('Phuc Ka', { level: 'commune', era: 'old', district: '001' });
    expect(slip).toMatchObject({ ok: true, match: { unit: { code: '00001' }, method: 'fuzzy', corrected: true } });
  });

  it('does not snap when two names are as close, nor numbers', () => {
    const units = [
      { code: '00010', name: 'Tân An', type: 'xã', level: 'commune', era: 'current', parent: '01', province: '01' },
      { code: '00011', name: 'Tân Ân', type: 'phường', level: 'commune', era: 'current', parent: '01', province: '01' },
      { code: '00012', name: 'Tân Yên', type: 'xã', level: 'commune', era: 'current', parent: '01', province: '01' },
    ] as const;
    const g = createGazetteer({ units });
    expect(g.lookup('Tan An', { level: 'commune' })).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(g.lookup('Tân An', { level: 'commune' })).toMatchObject({
      ok: true,
      match: { unit: { code: '00010' }, method: 'exact' },
    });
    expect(g.lookup('phuong Tan An', { level: 'commune' })).toMatchObject({
      ok: true,
      match: { unit: { code: '00011' } },
    });
    expect(g.lookup('Tân Ax', { level: 'commune' })).toMatchObject({ ok: false });
    expect(gazetteer.lookup('Phường 2', { level: 'commune', era: 'old' })).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
  });

  it('finds aliases', () => {
    expect(gazetteer.lookup('Q1', { level: 'district', era: 'old', province: '79' })).toMatchObject({
      ok: true,
      match: { unit: { code: '760' } },
    });
  });
});

describe('resolveAddress and toCurrentUnits', () => {
  it('resolves an old address to codes, abbreviations and missing marks included', () => {
    const resolved = gazetteer.resolveAddress('12 Hàng Bông, P.Phuc Xa, Q.Ba Dinh, TP.Hà Nội');
    expect(resolved.era).toBe('old');
    expect([resolved.commune?.unit.code, resolved.district?.unit.code, resolved.province?.unit.code]).toEqual([
      '00001',
      '001',
      '01',
    ]);
  });

  it('converts a whole-moved commune and keeps the street', () => {
    const result = gazetteer.toCurrentUnits('123 Phố Hàng Bông, Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội');
    expect(result).toMatchObject({
      ok: true,
      ambiguous: false,
      mapping: 'sample',
      commune: { code: '00097', name: 'Hồng Hà' },
      province: { code: '01' },
    });
    expect(result.text).toBe('123 Phố Hàng Bông, Phường Hồng Hà, Thành phố Hà Nội');
  });

  it('converts Long Hòa (old tone placement) to Long Tuyền', () => {
    expect(gazetteer.toCurrentUnits('Phường Long Hòa, Quận Bình Thủy, Thành phố Cần Thơ').commune?.name).toBe(
      'Long Tuyền',
    );
  });

  it('reports a split commune as ambiguous with every candidate', () => {
    const result = gazetteer.toCurrentUnits('Phường Điện Biên, Quận Ba Đình, Hà Nội');
    expect(result.ok).toBe(false);
    expect(result.ambiguous).toBe(true);
    expect(result.commune).toBeUndefined();
    expect(result.text).toBeUndefined();
    expect(result.candidates.map((u) => u.code)).toEqual(['00070', '00004', '00226', '00190']);
    expect(result.diagnostics.map((d) => d.code)).toContain('VN_ADDRESS_COMMUNE_SPLIT');
  });

  it('flags a commune two mappings disagree on', () => {
    const g = createGazetteer({
      ...SAMPLE_GAZETTEER,
      mappings: [...SAMPLE_GAZETTEER.mappings!, { name: 'other', communes: { '00001': ['00008'] } }],
    });
    const result = g.toCurrentUnits('Phường Phúc Xá, Quận Ba Đình, Hà Nội');
    expect(result).toMatchObject({
      ok: false,
      ambiguous: true,
      alternatives: [{ mapping: 'other', codes: ['00008'] }],
    });
    expect(result.candidates.map((u) => u.code)).toEqual(['00097', '00008']);
  });

  it('converts only the province when the commune is unknown, and says so', () => {
    const result = gazetteer.toCurrentUnits('Xã Không Có, Huyện Không Có, Tỉnh Quảng Nam');
    expect(result).toMatchObject({
      ok: false,
      province: { code: '48', name: 'Đà Nẵng' },
      mapping: 'built-in provinces',
    });
    expect(gazetteer.toCurrentUnits('Tỉnh Hà Giang')).toMatchObject({
      ok: true,
      province: { name: 'Tuyên Quang' },
      text: 'Tỉnh Tuyên Quang',
    });
    expect(gazetteer.toCurrentUnits('Tỉnh Không Tồn Tại').province).toBeUndefined();
  });

  it('leaves an address that already names current units as it is', () => {
    const result = gazetteer.toCurrentUnits('Số 5 Phố Mẫu, Phường Ngọc Hà, Thành phố Hà Nội');
    expect(result).toMatchObject({
      ok: true,
      ambiguous: false,
      mapping: 'none (already current)',
      commune: { code: '00008' },
    });
    expect(result.text).toBe('Số 5 Phố Mẫu, Phường Ngọc Hà, Thành phố Hà Nội');
  });

  it('resolves a current address in the current era', () => {
    const resolved = gazetteer.resolveAddress(parseAddress('Khu phố 7, Đặc khu Phú Quốc, An Giang'));
    expect(resolved).toMatchObject({
      era: 'current',
      commune: { unit: { code: '31078' } },
      province: { unit: { code: '91' } },
    });
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        gazetteer.toCurrentUnits(s);
        gazetteer.lookup(s, { level: 'commune' });
      }),
    );
  });
});
