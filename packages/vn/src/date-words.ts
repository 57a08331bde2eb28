import { SohoaError } from '@sohoa/core';
import { foldDiacritics } from './text';
import { isValidDate, pad2, pad4, splitIsoDay } from './internal/calendar';
import { DIGIT_WORDS as DIGITS, parseNumberTokens, threeDigits, twoDigits } from './internal/spell';

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
  const d = parseNumberTokens(tokens.slice(0, monthAt));
  // "năm" is both "year" and "five": try each "năm" as the year marker.
  for (let j = monthAt + 2; j < tokens.length; j++) {
    if (tokens[j] !== 'nam') continue;
    const m = parseNumberTokens(tokens.slice(monthAt + 1, j));
    const y = parseNumberTokens(tokens.slice(j + 1));
    if (d !== undefined && m !== undefined && y !== undefined && isValidDate(y, m, d)) {
      return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
    }
  }
  return undefined;
}
