import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isTaxCode, taxCodeCheckDigit } from './tax-code';

describe('isTaxCode', () => {
  it('accepts valid 10- and 13-digit codes', () => {
    expect(taxCodeCheckDigit('010010910')).toBe(6);
    expect(isTaxCode('0100109106')).toBe(true);
    expect(isTaxCode('0100109106-001')).toBe(true);
    expect(isTaxCode('0100109106001')).toBe(true);
  });

  it('rejects wrong check digits and shapes', () => {
    expect(isTaxCode('0100109107')).toBe(false);
    expect(isTaxCode('0100109106-000')).toBe(false);
    expect(isTaxCode('010010910')).toBe(false);
    expect(isTaxCode('01001091060')).toBe(false);
  });

  it('detects every single-digit change of a valid code', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{9}$/),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (body, pos, delta) => {
          const code = body + String(taxCodeCheckDigit(body));
          expect(isTaxCode(code)).toBe(true);
          if (pos === 9) {
            const changed = body + String((Number(code[9]) + delta) % 10);
            expect(isTaxCode(changed)).toBe(false);
          }
        },
      ),
    );
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string(), (s) => void isTaxCode(s)));
  });
});
