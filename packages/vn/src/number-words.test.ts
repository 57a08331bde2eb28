import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSohoaError } from '@sohoa/core';
import { amountToVietnameseWords, parseVietnameseAmountWords } from './number-words';

describe('amountToVietnameseWords', () => {
  it.each([
    [0, 'không'],
    [15, 'mười lăm'],
    [1_000_000, 'một triệu'],
    [100_000_000, 'một trăm triệu'],
    [2_500_000_000, 'hai tỷ năm trăm triệu'],
    [5_000_000_000, 'năm tỷ'],
    [1_005_000, 'một triệu không trăm linh năm nghìn'],
    [1_000_000_000_000, 'một nghìn tỷ'],
    [125.5, 'một trăm hai mươi lăm phẩy năm'],
    [80.05, 'tám mươi phẩy không năm'],
  ])('%d', (n, words) => {
    expect(amountToVietnameseWords(n)).toBe(words);
  });

  it('refuses negative, non-finite and huge values with a stable code', () => {
    for (const bad of [-1, Number.NaN, 1e16]) {
      try {
        amountToVietnameseWords(bad);
        expect.unreachable();
      } catch (e) {
        expect(isSohoaError(e, 'VN_INVALID_NUMBER')).toBe(true);
      }
    }
  });
});

describe('parseVietnameseAmountWords', () => {
  it.each([
    ['Năm tỷ đồng', 5_000_000_000],
    ['Bằng chữ: Hai tỷ năm trăm triệu đồng', 2_500_000_000],
    ['Mot tram trieu dong chan', 100_000_000],
    ['Một trăm hai mươi lăm phẩy năm mét vuông', 125.5],
    ['Một nghìn hai trăm tỷ', 1_200_000_000_000],
  ])('%s', (text, n) => {
    expect(parseVietnameseAmountWords(text)).toBe(n);
  });

  it.each(['', 'năm năm', 'triệu triệu', 'hai tỷ ba tỷ', 'đồng', 'Nguyễn Văn An'])('rejects %j', (text) => {
    expect(parseVietnameseAmountWords(text)).toBeUndefined();
  });

  it('round-trips whole amounts up to a thousand billion', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999_999 }),
        (n) => parseVietnameseAmountWords(amountToVietnameseWords(n)) === n,
      ),
    );
  });

  it('round-trips areas with one or two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (cents) => {
        const area = cents / 100;
        return parseVietnameseAmountWords(`${amountToVietnameseWords(area)} mét vuông`) === area;
      }),
    );
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseVietnameseAmountWords(s)));
  });
});
