import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSohoaError } from '@sohoa/core';
import { formatDateVn, parseDate } from './dates';
import { dateToVietnameseWords, numberToVietnameseWords, parseVietnameseWordsDate } from './date-words';

const isoDay = fc
  .date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('parseDate', () => {
  it.each([
    ['01/01/1990', '1990-01-01', 'day'],
    ['1/2/1990', '1990-02-01', 'day'],
    ['15-04-2021', '2021-04-15', 'day'],
    ['15.04.2021', '2021-04-15', 'day'],
    ['15042021', '2021-04-15', 'day'],
    ['Ngày 15/04/2021', '2021-04-15', 'day'],
    ['2021-04-15', '2021-04-15', 'day'],
    ['ngày 04 tháng 3 năm 2022', '2022-03-04', 'day'],
    ['Ngày 4, tháng 03, năm 2022.', '2022-03-04', 'day'],
    ['ngay 04 thang 3 nam 2022', '2022-03-04', 'day'],
    ['29/02/2024', '2024-02-29', 'day'],
    ['03/2022', '2022-03', 'month'],
    ['tháng 3 năm 2022', '2022-03', 'month'],
    ['2022', '2022', 'year'],
    ['năm 1985', '1985', 'year'],
  ])('%s', (text, iso, precision) => {
    expect(parseDate(text)).toEqual({ iso, precision });
  });

  it.each([
    '31/02/2020',
    '29/02/2023',
    '00/01/2000',
    '13/13/2000',
    '32012020',
    'abc',
    '',
    '1/1/90',
    '12/1799',
    '2200',
    '2021-02-30',
  ])('rejects %s', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseDate(s)));
  });

  it('round-trips through formatDateVn', () => {
    fc.assert(
      fc.property(isoDay, (iso) => {
        expect(parseDate(formatDateVn(iso))?.iso).toBe(iso);
      }),
    );
  });
});

describe('formatDateVn', () => {
  it('formats each precision', () => {
    expect(formatDateVn('1990-01-05')).toBe('05/01/1990');
    expect(formatDateVn('1990-01')).toBe('01/1990');
    expect(formatDateVn('1990')).toBe('1990');
  });

  it('throws VN_INVALID_DATE on a bad date', () => {
    expect(() => formatDateVn('2020-02-30')).toThrow(expect.objectContaining({ code: 'VN_INVALID_DATE' }));
    try {
      formatDateVn('nope');
    } catch (e) {
      expect(isSohoaError(e, 'VN_INVALID_DATE')).toBe(true);
    }
  });
});

describe('dates in words', () => {
  it('spells numbers', () => {
    expect(numberToVietnameseWords(2020)).toBe('hai nghìn không trăm hai mươi');
    expect(numberToVietnameseWords(1990)).toBe('một nghìn chín trăm chín mươi');
    expect(numberToVietnameseWords(2005)).toBe('hai nghìn không trăm linh năm');
    expect(numberToVietnameseWords(1954)).toBe('một nghìn chín trăm năm mươi tư');
    expect(numberToVietnameseWords(2021)).toBe('hai nghìn không trăm hai mươi mốt');
    expect(numberToVietnameseWords(2000)).toBe('hai nghìn');
    expect(numberToVietnameseWords(15)).toBe('mười lăm');
  });

  it('writes a birth-certificate date', () => {
    expect(dateToVietnameseWords('2020-03-15')).toBe('Ngày mười lăm, tháng ba, năm hai nghìn không trăm hai mươi');
    expect(dateToVietnameseWords('1995-04-01')).toBe('Ngày mùng một, tháng tư, năm một nghìn chín trăm chín mươi lăm');
    expect(dateToVietnameseWords('2011-05-24')).toBe('Ngày hai mươi tư, tháng năm, năm hai nghìn không trăm mười một');
  });

  it('parses variants', () => {
    expect(parseVietnameseWordsDate('ngày mồng năm tháng năm năm một ngàn chín trăm lẻ năm')).toBe('1905-05-05');
    expect(parseVietnameseWordsDate('Ngay muoi lam, thang ba, nam hai nghin khong tram hai muoi')).toBe('2020-03-15');
    expect(parseVietnameseWordsDate('Ngày ba mươi mốt, tháng hai, năm hai nghìn')).toBeUndefined();
  });

  it('round-trips every date', () => {
    fc.assert(
      fc.property(isoDay, (iso) => {
        expect(parseVietnameseWordsDate(dateToVietnameseWords(iso))).toBe(iso);
      }),
    );
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseVietnameseWordsDate(s)));
  });
});
