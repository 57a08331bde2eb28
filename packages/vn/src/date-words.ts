import { SohoaError } from '@sohoa/core';
import { foldDiacritics } from './text';
import { isValidDate, pad2, pad4, splitIsoDay } from './internal/calendar';
import { DIGIT_WORDS as DIGITS, threeDigits, twoDigits } from './internal/spell';

/**
 * Spell a whole number 0..999 999 in Vietnamese words (northern usage: `nghìn`, `linh`, `mốt`, `tư`, `lăm`).
 *
 * @example numberToVietnameseWords(2020) // 'hai nghìn không trăm hai mươi'
 */
export function numberToVietnameseWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) {
    throw new SohoaError('VN_INVALID_DATE', 'numberToVietnameseWords() takes an integer from 0 to 999999.');
  }
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  if (thousands === 0) return threeDigits(rest, false);
  const head = `${threeDigits(thousands, false)} nghìn`;
  return rest === 0 ? head : `${head} ${threeDigits(rest, true)}`;
}

/**
 * Write an ISO date in words, as in the "ghi bằng chữ" line of a birth certificate.
 * Days 1–10 take `mùng`; April is `tháng tư`.
 *
 * @example dateToVietnameseWords('2020-03-15') // 'Ngày mười lăm, tháng ba, năm hai nghìn không trăm hai mươi'
 */
export function dateToVietnameseWords(iso: string): string {
  const parts = splitIsoDay(iso);
  if (!parts) {
    throw new SohoaError(
      'VN_INVALID_DATE',
      'dateToVietnameseWords() needs an ISO date `YYYY-MM-DD` with a real calendar day.',
    );
  }
  const dayWords = parts.day <= 10 ? `mùng ${DIGITS[parts.day] ?? 'mười'}` : twoDigits(parts.day);
  const monthWords = parts.month === 4 ? 'tư' : twoDigits(parts.month);
  return `Ngày ${dayWords}, tháng ${monthWords}, năm ${numberToVietnameseWords(parts.year)}`;
}

const WORD_DIGITS: Record<string, number> = {
  khong: 0,
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  nham: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};

/** Parse Vietnamese number words (already folded, split) into a number; undefined when malformed. */
function parseNumberWords(tokens: readonly string[]): number | undefined {
  if (tokens.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let pending: number | undefined;
  for (const token of tokens) {
    if (token in WORD_DIGITS) {
      if (pending !== undefined) return undefined;
      pending = WORD_DIGITS[token];
    } else if (token === 'muoi' || token === 'chuc') {
      current += pending === undefined ? 10 : pending * 10;
      pending = undefined;
    } else if (token === 'tram') {
      if (pending === undefined) return undefined;
      current += pending * 100;
      pending = undefined;
    } else if (token === 'nghin' || token === 'ngan') {
      total += (current + (pending ?? (current === 0 ? 1 : 0))) * 1000;
      current = 0;
      pending = undefined;
    } else if (token !== 'linh' && token !== 'le') {
      return undefined;
    }
  }
  return total + current + (pending ?? 0);
}

/**
 * Parse a date written in words ("Ngày mười lăm, tháng ba, năm hai nghìn không trăm hai mươi"), with or
 * without diacritics and commas; accepts `mùng`/`mồng`, `nghìn`/`ngàn`, `linh`/`lẻ`. Returns an ISO
 * `YYYY-MM-DD` date, or undefined. Never throws.
 */
export function parseVietnameseWordsDate(text: string): string | undefined {
  if (typeof text !== 'string' || text.length > 300) return undefined;
  const tokens = foldDiacritics(text)
    .replace(/[^a-z\s]/g, ' ')
    .split(/\s+/)
    .filter((t) => t !== '');
  if (tokens[0] === 'ngay') tokens.shift();
  if (tokens[0] === 'mung' || tokens[0] === 'mong') tokens.shift();
  const monthAt = tokens.indexOf('thang');
  if (monthAt <= 0) return undefined;
  const d = parseNumberWords(tokens.slice(0, monthAt));
  // "năm" is both "year" and "five": try each "năm" as the year marker.
  for (let j = monthAt + 2; j < tokens.length; j++) {
    if (tokens[j] !== 'nam') continue;
    const m = parseNumberWords(tokens.slice(monthAt + 1, j));
    const y = parseNumberWords(tokens.slice(j + 1));
    if (d !== undefined && m !== undefined && y !== undefined && isValidDate(y, m, d)) {
      return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
    }
  }
  return undefined;
}
