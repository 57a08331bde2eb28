const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/**
 * The check digit (10th digit) of a tax code from its first 9 digits: 10 − (Σ dᵢ·wᵢ mod 11),
 * w = 31, 29, 23, 19, 17, 13, 7, 5, 3. When the remainder is 0 the result would be 10; like most
 * validators we take it as 0.
 */
export function taxCodeCheckDigit(first9: string): number | undefined {
  if (typeof first9 !== 'string' || !/^\d{9}$/.test(first9)) return undefined;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * WEIGHTS[i]!;
  return (10 - (sum % 11)) % 10;
}

/**
 * True when `s` is a valid Vietnamese tax code (mã số thuế): 10 digits with a correct check digit, or
 * 13 as `NNNNNNNNNN-NNN` (dependent unit; suffix `001`..`999`). Spaces are ignored.
 *
 * @example isTaxCode('0100109106') // true
 */
export function isTaxCode(s: string): boolean {
  if (typeof s !== 'string') return false;
  const m = /^(\d{10})(?:-?(\d{3}))?$/.exec(s.replace(/\s/g, ''));
  if (!m) return false;
  if (m[2] === '000') return false;
  const base = m[1]!;
  return taxCodeCheckDigit(base.slice(0, 9)) === Number(base[9]);
}
