import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAddress } from './address';

const units = (text: string) => {
  const { street, commune, district, province, era } = parseAddress(text);
  return { street, commune, district, province, era };
};

describe('parseAddress', () => {
  it('reads a full old 4-level address with unit words', () => {
    expect(units('Số 12 ngõ 34 Đội Cấn, Phường Ngọc Hà, Quận Ba Đình, Thành phố Hà Nội')).toEqual({
      street: 'Số 12 ngõ 34 Đội Cấn',
      commune: { name: 'Ngọc Hà', type: 'phường' },
      district: { name: 'Ba Đình', type: 'quận' },
      province: { name: 'Hà Nội', type: 'thành phố' },
      era: 'old',
    });
  });

  it('reads a current 2-level address', () => {
    const parsed = parseAddress('Thôn 3, Đặc khu Phú Quốc, Tỉnh An Giang');
    expect(parsed).toMatchObject({
      street: 'Thôn 3',
      commune: { name: 'Phú Quốc', type: 'đặc khu' },
      province: { name: 'An Giang' },
      era: 'current',
    });
    expect(parsed.district).toBeUndefined();
    expect(parsed.province34?.code).toBe('91');
  });

  it.each([
    ['123 Đường Vĩnh Viễn, P8Q10, HCM', '8', '10'],
    ['123 bến bãi sậy f4 q6 hcmc', '4', '6'],
    ['42/4/6 Trương Quốc Dung, F. 10, Q. Phú Nhuận, TP HCM', '10', 'Phú Nhuận'],
    ['357/28,Ng-T- Thuật,P1,Q3,TP.HồChíMinh.', '1', '3'],
    ['so 2 duong 32 phuong 6 quan 4', '6', '4'],
    ['P.Phúc Xá, Q.Ba Đình, TP.Hà Nội', 'Phúc Xá', 'Ba Đình'],
  ])('reads abbreviations in %s', (text, commune, district) => {
    const parsed = parseAddress(text);
    expect(parsed.commune).toMatchObject({ name: commune, type: 'phường' });
    expect(parsed.district).toMatchObject({ name: district, type: 'quận' });
  });

  it('finds the province by alias, without diacritics, glued or abbreviated, and snaps an OCR slip', () => {
    expect(parseAddress('Q2, Tp HCM').province63?.code).toBe('079');
    expect(parseAddress('phuong 3, quan 5, ho chi minh').province63?.code).toBe('079');
    expect(parseAddress('284DBis Ng Văn Giáo, P3, Mỹ Tho, T.Giang.').province63?.name).toBe('Tiền Giang');
    expect(parseAddress('Thanh Long, Yên Mỹ Hưng Yên').province?.name).toBe('Hưng Yên');
    const snapped = parseAddress('Xã Yên Hoà, Huyện Yên Mô, Ninh Bìnb');
    expect(snapped.province63?.name).toBe('Ninh Bình');
    expect(snapped.diagnostics.map((d) => d.code)).toContain('VN_ADDRESS_PROVINCE_CORRECTED');
  });

  it('does not take syllables of names for unit words in text without diacritics', () => {
    expect(units('p.bac ha, tp.ha tinh, ha tinh')).toMatchObject({
      commune: { name: 'bac ha', type: 'phường' },
      district: { name: 'ha tinh', type: 'thành phố' },
      province: { name: 'Hà Tĩnh' },
    });
    expect(units('x.thanh son, h.quan hoa, thanh hoa').district).toEqual({ name: 'quan hoa', type: 'huyện' });
  });

  it('treats Hòa and Hoà alike', () => {
    expect(parseAddress('Phường Long Hòa, Quận Bình Thủy, TP Cần Thơ').commune?.name).toBe('Long Hoà');
    expect(parseAddress('Xã Hoà Bình, Hòa Bình').province63?.name).toBe('Hoà Bình');
  });

  it('marks units placed by position as guessed and an old-only province as old', () => {
    const parsed = parseAddress('Khu 3 Suối Hoa, Phú Lương, Quảng Nam');
    expect(parsed.district).toEqual({ name: 'Phú Lương', guessed: true });
    expect(parsed.street).toBe('Khu 3 Suối Hoa');
    expect(parsed.era).toBe('old');
    expect(parsed.province34?.name).toBe('Đà Nẵng');
    expect(parsed.diagnostics.map((d) => d.code)).toContain('VN_ADDRESS_UNIT_GUESSED');
  });

  it('repairs letters split by commas and drops the country', () => {
    expect(parseAddress('TT T,â,n B,ì,n,h Huyện Yên Sơn, Tuyên Quang, Việt Nam').commune).toEqual({
      name: 'Tân Bình',
      type: 'thị trấn',
    });
  });

  it('reports empty, too long and province-less input', () => {
    expect(parseAddress('').diagnostics[0]?.code).toBe('VN_ADDRESS_EMPTY');
    expect(parseAddress('x'.repeat(600)).diagnostics[0]?.code).toBe('VN_ADDRESS_TOO_LONG');
    expect(parseAddress('0908464524').diagnostics.map((d) => d.code)).toContain('VN_ADDRESS_PROVINCE_NOT_FOUND');
  });

  it('never throws, and never puts the text in a diagnostic', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc
        .array(
          fc.constantFrom(
            'P.',
            'Q',
            '5',
            'Tp',
            'HCM',
            'Hòa',
            'Xã',
            ',',
            ' ',
            '.',
            'Tỉnh',
            'Huyện',
            'T,â,n',
            'Việt Nam',
            'f4q6',
          ),
          { maxLength: 20 },
        )
        .map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, (s) => {
        const parsed = parseAddress(s);
        for (const d of parsed.diagnostics) if (s.trim().length > 3) expect(d.message).not.toContain(s.trim());
        expect(Array.isArray(parsed.parts)).toBe(true);
      }),
    );
    expect(() => parseAddress(undefined as unknown as string)).not.toThrow();
  });
});
