import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseCardAddress,
  parseCmndNumber,
  parseIdentifyingMarks,
  parseDayMonthYear,
  parseFreeText,
  parsePlace,
  parsePoliceIssuer,
  parseReligion,
} from './field-parsers';

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('ID card parsers', () => {
  it('never throw on any string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        for (const parse of [
          parseCardAddress,
          parseCmndNumber,
          parseDayMonthYear,
          parseFreeText,
          parsePoliceIssuer,
          parseReligion,
          parsePlace,
        ])
          parse(s);
      }),
    );
  });

  it('read back a `dd tháng mm năm yyyy` date, also with look-alike letters in the digits', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        const [y, m, d] = iso.split('-');
        expect(parseDayMonthYear(`${d} tháng ${m} năm ${y}`)).toBe(iso);
        expect(parseDayMonthYear(`${d!.replace(/0/g, 'O')} tháng ${m} năm ${y!.replace(/1/g, 'l')}`)).toBe(iso);
      }),
    );
    expect(parseDayMonthYear('31 tháng 02 năm 2010')).toBeUndefined();
  });

  it('find a 9-digit CMND number, never a 12-digit ID', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (n) => {
        expect(parseCmndNumber(`SỐ ${n}`)).toBe(n);
      }),
    );
    expect(parseCmndNumber('SỐ 0O1234567')).toBe('001234567');
    expect(parseCmndNumber('001090012345')).toBeUndefined();
  });

  it('snap the police issuer to the official province name', () => {
    expect(parsePoliceIssuer('CA TỈNH THANH HOÁ')).toBe('Công an tỉnh Thanh Hoá');
    expect(parsePoliceIssuer('CA THÀNH PHỐ HÀ NỘI')).toBe('Công an thành phố Hà Nội');
    expect(parsePoliceIssuer('CA TỈNH XYZ')).toBeUndefined();
  });

  it('drop specks around a place but keep its words', () => {
    expect(parsePlace('J _ Xã Hoằng Đạo, Hoằng Hoá, Thanh Hoá')).toBe('Xã Hoằng Đạo, Hoằng Hoá, Thanh Hoá');
    expect(parsePlace('Phường 10, Quận Gò Vấp, TP.Hồ Chí Minh')).toBe('Phường 10, Quận Gò Vấp, TP. Hồ Chí Minh');
    expect(parsePlace('Phường Ngô Quyền, TX.Sơn Tây, Hà Nội')).toBe('Phường Ngô Quyền, TX. Sơn Tây, Hà Nội');
    expect(parsePlace('Phường An Mỹ, Tam Kỳ, Quảng Nam TH')).toBe('Phường An Mỹ, Tam Kỳ, Quảng Nam');
    expect(parsePlace('Số 12, ngõ 5 phố Huế, Quận Hai Bà Trưng, TP HCM')).toBe(
      'Số 12, ngõ 5 phố Huế, Quận Hai Bà Trưng, TP HCM',
    );
  });
});

describe('parseCardAddress', () => {
  it('cuts what was read after the province', () => {
    expect(parseCardAddress('Phường Xuân Khánh, Ninh Kiều, Cần Thơ [II')).toBe('Phường Xuân Khánh, Ninh Kiều, Cần Thơ');
    expect(parseCardAddress('Phường Vĩnh Ninh, Huế, Thừa Thiên Huế ko, . "VN án mã')).toBe(
      'Phường Vĩnh Ninh, Huế, Thừa Thiên Huế',
    );
    expect(parseCardAddress('Phường Tiền An, Bắc Ninh, Bắc Ninh')).toBe('Phường Tiền An, Bắc Ninh, Bắc Ninh');
    expect(parseCardAddress('Tổ 7, Xã Hải Anh, Huyện Hải Hậu, Nam')).toBe('Tổ 7, Xã Hải Anh, Huyện Hải Hậu, Nam');
  });
});

describe('parseIdentifyingMarks', () => {
  it('drops specks and lowers a capital inside the sentence', () => {
    expect(parseIdentifyingMarks('Sẹo C:1,5cm trên trước vành tai trái r')).toBe(
      'Sẹo C:1,5cm trên trước vành tai trái',
    );
    expect(parseIdentifyingMarks('Sẹo chấm C:3cm trên trước vành tai trái 0072. 0')).toBe(
      'Sẹo chấm C:3cm trên trước vành tai trái',
    );
    expect(parseIdentifyingMarks('Nốt ruồi C:1cm trên Sau cánh mũi phải')).toBe(
      'Nốt ruồi C:1cm trên sau cánh mũi phải',
    );
    expect(parseIdentifyingMarks('M Nốt ruồi C:3cm trên trước đầu mày phải')).toBe(
      'Nốt ruồi C:3cm trên trước đầu mày phải',
    );
    // OCR slips seen on photocopies: a capital pair speck before the sentence, a capital inside a word.
    expect(parseIdentifyingMarks('NH sẹo chấm C:2,5cm trên đầu mày trái')).toBe('Sẹo chấm C:2,5cm trên đầu mày trái');
    expect(parseIdentifyingMarks('SẹO chấm C:2,5cm trên đầu mày trái')).toBe('Sẹo chấm C:2,5cm trên đầu mày trái');
  });
});
