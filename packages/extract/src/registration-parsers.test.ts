import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amountToVietnameseWords, taxCodeCheckDigit } from '@sohoa/vn';
import { parseUpperName } from './field-parsers';
import * as r from './registration-parsers';

const group = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

describe('amounts and areas', () => {
  it('reads printed capital in digits and in words back to the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999_999 }), (n) => {
        expect(r.parseAmountValue(`${group(n)} đồng`)).toBe(String(n));
        const words = r.parseAmountWordsValue(`Bằng chữ: ${amountToVietnameseWords(n)} đồng`);
        expect(words).toBe(`${amountToVietnameseWords(n).replace(/^./, (c) => c.toUpperCase())} đồng`);
      }),
    );
  });
  it('reads areas printed with a decimal comma, and their words', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), (tenths) => {
        const area = tenths / 10;
        expect(r.parseAreaValue(`${String(area).replace('.', ',')} m²`)).toBe(String(area));
        expect(r.parseAreaWordsValue(`(Bằng chữ: ${amountToVietnameseWords(area)} mét vuông)`)).toMatch(/ mét vuông$/);
      }),
    );
  });
  it('repairs look-alike letters inside digit groups and rejects prose', () => {
    expect(r.parseAmountValue('5.OOO.000.000 đồng')).toBe('5000000000');
    expect(r.parseAreaValue('8O7,4 m2')).toBe('807.4');
    expect(r.parseAreaValue('1091,8')).toBe('1091.8');
    expect(r.parseAmountValue('Năm tỷ đồng')).toBeUndefined();
    expect(r.parseAreaWordsValue('Sử dụng riêng')).toBeUndefined();
  });
  it('never throw on any string', () => {
    const parsers = [
      r.parseAmountValue,
      r.parseAmountWordsValue,
      r.parseAreaValue,
      r.parseAreaWordsValue,
      r.parseTaxCodeValue,
      r.parseAnyDateValue,
      r.parseLandTerm,
      r.parseSerialValue,
      r.parseRegistryNumber,
      r.parsePhoneValue,
      r.parseUpperText,
      r.parseListText,
      r.parseSmallNumber,
      r.parseAmendmentNumber,
    ];
    fc.assert(fc.property(fc.string(), (s) => parsers.forEach((parse) => void parse(s))));
  });
});

describe('tax codes', () => {
  it('keeps any 10 digits (spaces dropped) so that the check digit can be judged later', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (head) => {
        const code = `${head}${taxCodeCheckDigit(head)}`;
        expect(r.parseTaxCodeValue(code.replace(/(\d{4})/, '$1 '))).toBe(code);
        expect(r.hasValidTaxCheckDigit(code)).toBe(true);
        expect(r.hasValidTaxCheckDigit(`${head}${(taxCodeCheckDigit(head)! + 1) % 10}`)).toBe(false);
      }),
    );
  });
  it('reads a dependent unit suffix', () => {
    expect(r.parseTaxCodeValue('0100109106-001')).toBe('0100109106-001');
    // A dotted leader read as `..I.I` after the code does not add digits.
    expect(r.parseTaxCodeValue('8665809444 ..I.I...I.I...IIIIIIIII')).toBe('8665809444');
    expect(r.parseAmendmentNumber('5 ngày 30/09/2022')).toBe('5');
    expect(r.parseAmendmentNumber('5')).toBe('5');
  });
});

describe('dates, terms and serials', () => {
  it.each([
    ['ngày 19 tháng 04 năm 2016', '2016-04-19'],
    ['3, ngày 20 tháng 06 năm 2023', '2023-06-20'],
    ['Đến ngày 01/03/2065', '2065-03-01'],
  ])('%s', (text, iso) => {
    expect(r.parseAnyDateValue(text)).toBe(iso);
  });
  it('terms, amendment counts, serials and register numbers', () => {
    expect(r.parseLandTerm('Lâu dài')).toBe('Lâu dài');
    expect(r.parseAmendmentNumber('3, ngày 20 tháng 06 năm 2023')).toBe('3');
    expect(r.parseSerialValue('CS 123456')).toBe('CS 123456');
    expect(r.parseSerialValue('AA 01234567')).toBe('AA 01234567');
    expect(r.parseSerialValue('CS 1234567')).toBeUndefined();
    expect(r.parseRegistryNumber('CH01234')).toBe('CH 01234');
  });
});

describe('names', () => {
  it('reads one accented capital that OCR doubled as one letter, but keeps real doubles', () => {
    expect(parseUpperName('NGUYẼỄN QUANG ĐẠT')).toBe('Nguyễn Quang Đạt');
    expect(parseUpperName('LƯU THỊ HẢI')).toBe('Lưu Thị Hải');
  });
});
