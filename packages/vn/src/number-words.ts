import { SohoaError } from '@sohoa/core';
import { foldDiacritics } from './text';
import { DIGIT_VALUES, DIGIT_WORDS, parseNumberTokens, threeDigits } from './internal/spell';

const SCALES: ReadonlyArray<readonly [number, string]> = [
  [1e9, 'tỷ'],
  [1e6, 'triệu'],
  [1e3, 'nghìn'],
];
const MAX_AMOUNT = 999_999_999_999_999;

function spellInteger(n: number): string {
  if (n < 1000) return threeDigits(n, false);
  const words: string[] = [];
  let rest = n;
  let started = false;
  for (const [scale, name] of SCALES) {
    const group = Math.floor(rest / scale);
    rest -= group * scale;
    if (group === 0) continue;
    // Above a billion the count of billions is itself a number ("một nghìn tỷ").
    words.push(`${started ? threeDigitsOrMore(group, true) : spellInteger(group)} ${name}`);
    started = true;
  }
  if (rest > 0) words.push(threeDigits(rest, true));
  return words.join(' ');
}

function threeDigitsOrMore(n: number, full: boolean): string {
  return n < 1000 ? threeDigits(n, full) : spellInteger(n);
}

/**
 * Spell a non-negative amount in Vietnamese words, as in the "Bằng chữ" line of a certificate: whole
 * numbers up to 999 nghìn tỷ with `tỷ`, `triệu`, `nghìn`; one or two decimals after `phẩy` (areas
 * such as `125,5 m²`). Units (`đồng`, `mét vuông`) are the caller's.
 *
 * @example amountToVietnameseWords(2_500_000_000) // 'hai tỷ năm trăm triệu'
 * @example amountToVietnameseWords(125.5) // 'một trăm hai mươi lăm phẩy năm'
 */
export function amountToVietnameseWords(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_AMOUNT) {
    throw new SohoaError(
      'VN_INVALID_NUMBER',
      'amountToVietnameseWords() takes a finite number from 0 to 999999999999999.',
    );
  }
  const [whole, fraction = ''] = value
    .toFixed(2)
    .replace(/\.?0+$/, '')
    .split('.');
  const head = spellInteger(Number(whole));
  if (fraction === '') return head;
  const tail = fraction.startsWith('0')
    ? `${DIGIT_WORDS[0]} ${DIGIT_WORDS[Number(fraction.slice(1))]}`
    : spellInteger(Number(fraction));
  return `${head} phẩy ${tail}`;
}

const UNIT_WORDS = new Set(['dong', 'chan', 'met', 'vuong', 'm2', 'vnd', 'bang', 'chu']);
/**
 * Parse an amount written in words (`Năm tỷ hai trăm triệu đồng`, `Một trăm hai mươi lăm phẩy năm mét
 * vuông`), with or without diacritics; unit words (`đồng`, `mét vuông`, `chẵn`) and a leading `Bằng chữ:`
 * are ignored. Returns the number, or undefined when the words do not spell one. Never throws.
 *
 * @example parseVietnameseAmountWords('Hai tỷ năm trăm triệu đồng') // 2500000000
 */
export function parseVietnameseAmountWords(text: string): number | undefined {
  if (typeof text !== 'string' || text.length > 400) return undefined;
  const tokens = foldDiacritics(text)
    .replace(/m²/g, ' ')
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter((t) => t !== '' && !UNIT_WORDS.has(t));
  const comma = tokens.indexOf('phay');
  const whole = parseNumberTokens(comma < 0 ? tokens : tokens.slice(0, comma));
  if (whole === undefined || comma < 0) return whole;
  const rest = tokens.slice(comma + 1);
  if (rest[0] === 'khong' && rest.length === 2 && rest[1]! in DIGIT_VALUES)
    return Number(`${whole}.0${DIGIT_VALUES[rest[1]!]}`);
  const fraction = parseNumberTokens(rest);
  if (fraction === undefined || fraction > 99) return undefined;
  return Number(`${whole}.${fraction}`);
}
