import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeText } from './text';
import { snapFamilyName } from './names';

describe('snapFamilyName', () => {
  it('restores the marks of an unambiguous family name', () => {
    expect(snapFamilyName('Nguyên Thành Thuỷ')).toEqual({ value: normalizeText('Nguyễn Thành Thuỷ'), corrected: true });
    expect(snapFamilyName('TRAN VAN AN')).toEqual({ value: 'TRẦN VAN AN', corrected: true });
    expect(snapFamilyName('Huỳnh Văn Dũng')).toEqual({ value: 'Huỳnh Văn Dũng', corrected: false });
  });
  it('leaves ambiguous, unknown and one-word names alone', () => {
    expect(snapFamilyName('Duong Van An').corrected).toBe(false);
    expect(snapFamilyName('Xyz Văn An').corrected).toBe(false);
    expect(snapFamilyName('Nguyên').corrected).toBe(false);
  });
  it('never throws and only ever changes the first word', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const { value } = snapFamilyName(s);
        expect(value.split(' ').slice(1)).toEqual(
          normalizeText(s)
            .split(' ')
            .filter((w) => w !== '')
            .slice(1),
        );
      }),
    );
  });
});
