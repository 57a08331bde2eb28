import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldDiacritics } from './text';
import { ETHNIC_GROUPS, NATIONALITIES, snapEthnicity, snapNationality, snapToVocabulary } from './vocabulary';

describe('closed vocabularies', () => {
  it('has the 54 ethnic groups, each once', () => {
    expect(ETHNIC_GROUPS).toHaveLength(54);
    expect(new Set(ETHNIC_GROUPS.map(foldDiacritics)).size).toBe(54);
  });
  it('snaps exact, folded and alias spellings without calling them corrections', () => {
    expect(snapEthnicity('KINH')).toEqual({ value: 'Kinh', corrected: false, distance: 0 });
    expect(snapEthnicity("H'Mông")?.value).toBe('Mông');
    expect(snapNationality('viet nam')?.value).toBe('Việt Nam');
  });
  it('corrects one OCR slip only when a single value is that close', () => {
    expect(snapEthnicity('Kinn')).toEqual({ value: 'Kinh', corrected: true, distance: 1 });
    // "La Ha", "La Hủ", "La Chí": "La Hx" is one edit from two of them.
    expect(snapEthnicity('La Hx')).toBeUndefined();
    expect(snapEthnicity('Ab')).toBeUndefined();
  });
  it('never throws, and every snap is a vocabulary value (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const snapped = snapToVocabulary(s, ETHNIC_GROUPS);
        expect(snapped === undefined || ETHNIC_GROUPS.includes(snapped.value)).toBe(true);
      }),
    );
  });
  it('round-trips every value, in any case and without diacritics (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ETHNIC_GROUPS, ...NATIONALITIES), fc.boolean(), (v, upper) => {
        const vocab = ETHNIC_GROUPS.includes(v) ? ETHNIC_GROUPS : NATIONALITIES;
        const text = upper ? v.toLocaleUpperCase('vi') : foldDiacritics(v);
        expect(snapToVocabulary(text, vocab)?.value).toBe(v);
      }),
    );
  });
});
