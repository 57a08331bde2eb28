import { describe, expect, it } from 'vitest';
import { checkPersonalIdAgainst, parseVietnameseWordsDate } from '@sohoa/vn';
import { CIVIL_DOCUMENT_TYPES, generateCivilDocuments, renderCivilDocumentSvg } from './civil';

describe('civil documents', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(generateCivilDocuments('giay-khai-sinh', 3, 4)).toEqual(generateCivilDocuments('giay-khai-sinh', 3, 4));
    expect(generateCivilDocuments('giay-khai-sinh', 4, 4)).not.toEqual(generateCivilDocuments('giay-khai-sinh', 3, 4));
  });
  it('birth certificates are internally consistent: ID digits, words date, registration after birth, parents older', () => {
    for (const d of generateCivilDocuments('giay-khai-sinh', 11, 40)) {
      const f = d.fields;
      expect(
        checkPersonalIdAgainst(f['person.idNumber']!, {
          birthDate: f['person.birthDate'],
          sex: f['person.sex'] as 'male' | 'female',
        }),
      ).toEqual([]);
      expect(parseVietnameseWordsDate(f['person.birthDate.words']!)).toBe(f['person.birthDate']);
      expect(f['document.issueDate']! > f['person.birthDate']!).toBe(true);
      expect(d.relations[0]!.role).toBe('mother');
      for (const r of d.relations)
        expect(Number(r.fields['person.birthDate.year'])).toBeLessThan(Number(f['person.birthDate']!.slice(0, 4)) - 15);
    }
  });
  it('marriage certificates carry both spouses with valid IDs', () => {
    for (const d of generateCivilDocuments('giay-chung-nhan-ket-hon', 11, 20)) {
      const wife = d.relations[0]!;
      expect(wife.role).toBe('spouse');
      expect(
        checkPersonalIdAgainst(wife.fields['person.idNumber']!, {
          birthDate: wife.fields['person.birthDate'],
          sex: 'female',
        }),
      ).toEqual([]);
      expect(
        checkPersonalIdAgainst(d.fields['person.idNumber']!, { birthDate: d.fields['person.birthDate'], sex: 'male' }),
      ).toEqual([]);
    }
  });
  it('prints the title of each type on an A4 page', () => {
    for (const type of CIVIL_DOCUMENT_TYPES) {
      const svg = renderCivilDocumentSvg(generateCivilDocuments(type, 1, 1)[0]!);
      expect(svg).toContain('width="1240" height="1754"');
    }
  });
});
