import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSohoaError } from '@sohoa/core';
import {
  centurySexDigit,
  checkPersonalIdAgainst,
  isCmnd,
  isPersonalId,
  parsePersonalId,
  parsePersonalIdOrThrow,
} from './personal-id';
import { PROVINCES_63 } from './provinces-data';

describe('parsePersonalId', () => {
  it('reads province, sex, century and year', () => {
    const r = parsePersonalId('001090123456');
    expect(r).toEqual({
      ok: true,
      value: {
        id: '001090123456',
        provinceCode: '001',
        provinceName: 'Hà Nội',
        registeredAbroad: false,
        sex: 'male',
        centuryDigit: 0,
        century: 20,
        birthYearSuffix: '90',
        birthYearMin: 1990,
        birthYearMax: 1990,
        birthYear: 1990,
        serial: '123456',
      },
    });
  });

  it('handles women, the 2000s, spaces and births abroad', () => {
    const woman = parsePersonalIdOrThrow('079 305 000 111');
    expect([woman.sex, woman.birthYear, woman.provinceName]).toEqual(['female', 2005, 'Hồ Chí Minh']);
    const abroad = parsePersonalIdOrThrow('175190000001');
    expect([abroad.registeredAbroad, abroad.provinceName, abroad.birthYear, abroad.sex]).toEqual([
      true,
      undefined,
      1990,
      'female',
    ]);
    expect(parsePersonalIdOrThrow('020093001656')).toMatchObject({
      provinceName: 'Lạng Sơn',
      birthYear: 1993,
      sex: 'male',
    });
  });

  it('rejects bad lengths, unknown places, unused centuries and future births, without echoing the number', () => {
    const cases: Array<[string, string]> = [
      ['00109012345', 'VN_ID_FORMAT'],
      ['00109012345a', 'VN_ID_FORMAT'],
      ['003090123456', 'VN_ID_UNKNOWN_PLACE'],
      ['300090123456', 'VN_ID_UNKNOWN_PLACE'],
      ['001490123456', 'VN_ID_CENTURY'],
    ];
    for (const [id, code] of cases) {
      const r = parsePersonalId(id);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.diagnostics[0]?.code).toBe(code);
        expect(r.diagnostics[0]?.message).not.toContain(id.slice(0, 9));
      }
    }
    const future = parsePersonalId('001299123456', { referenceDate: new Date('2025-01-01') });
    expect(future.ok ? undefined : future.diagnostics[0]?.code).toBe('VN_ID_FUTURE_BIRTH');
  });

  it('throws VN_INVALID_PERSONAL_ID from the throwing variant', () => {
    try {
      parsePersonalIdOrThrow('123');
      expect.unreachable();
    } catch (e) {
      expect(isSohoaError(e, 'VN_INVALID_PERSONAL_ID')).toBe(true);
    }
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string(), (s) => void parsePersonalId(s)));
  });

  it('builds and reads back any valid number', () => {
    const arb = fc.record({
      province: fc.constantFrom(...PROVINCES_63),
      year: fc.integer({ min: 1900, max: 2099 }),
      sex: fc.constantFrom('male' as const, 'female' as const),
      serial: fc.integer({ min: 0, max: 999_999 }),
    });
    fc.assert(
      fc.property(arb, ({ province, year, sex, serial }) => {
        const id = `${province.code}${centurySexDigit(year, sex)}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
        const info = parsePersonalIdOrThrow(id);
        expect([info.provinceCode, info.birthYear, info.sex]).toEqual([province.code, year, sex]);
        expect(checkPersonalIdAgainst(id, { birthDate: `${year}-06-01`, sex })).toEqual([]);
      }),
    );
  });
});

describe('checkPersonalIdAgainst', () => {
  it('reports sex and year mismatches by key, without values', () => {
    const d = checkPersonalIdAgainst('001090123456', { birthDate: '1991-01-01', sex: 'female' });
    expect(d.map((x) => [x.code, x.key])).toEqual([
      ['VN_ID_SEX_MISMATCH', 'person.sex'],
      ['VN_ID_BIRTH_YEAR_MISMATCH', 'person.birthDate'],
    ]);
    expect(JSON.stringify(d)).not.toContain('1991');
    expect(checkPersonalIdAgainst('001090123456', { birthDate: '2090-01-01' })[0]?.message).toContain('century');
    expect(checkPersonalIdAgainst('001090123456', {})).toEqual([]);
  });
});

describe('isPersonalId / isCmnd', () => {
  it('recognises the formats', () => {
    expect(isPersonalId('001090123456')).toBe(true);
    expect(isPersonalId('001090123')).toBe(false);
    expect(isCmnd('012345678')).toBe(true);
    expect(isCmnd('012 345 678')).toBe(true);
    expect(isCmnd('01234567')).toBe(false);
    expect(isCmnd('001090123456')).toBe(false);
  });
});
