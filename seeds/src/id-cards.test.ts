import { describe, expect, it } from 'vitest';
import { checkPersonalIdAgainst, findProvince } from '@sohoa/vn';
import { canCuocExpiry, generateIdCards, ID_CARD_TYPES, renderIdCard } from './id-cards';

describe('generateIdCards', () => {
  it('is deterministic per seed and type', () => {
    for (const type of ID_CARD_TYPES) expect(generateIdCards(type, 4, 3)).toEqual(generateIdCards(type, 4, 3));
    expect(generateIdCards('cmnd-9', 4, 3)).not.toEqual(generateIdCards('cmnd-9', 5, 3));
  });

  it('gives each model consistent ground truth', () => {
    for (const card of generateIdCards('cmnd-9', 2, 20)) {
      expect(card.truth.front['person.oldIdNumber']).toMatch(/^\d{9}$/);
      expect(card.truth.back['document.issueDate']! > card.truth.front['person.birthDate']!).toBe(true);
      expect(card.validUntil! <= '2024-12-31').toBe(true);
    }
    for (const type of ['cccd-2016', 'can-cuoc-2024'] as const) {
      for (const card of generateIdCards(type, 2, 20)) {
        const f = card.truth.front;
        expect(
          checkPersonalIdAgainst(f['person.idNumber']!, {
            birthDate: f['person.birthDate']!,
            sex: f['person.sex'] as 'male' | 'female',
          }),
        ).toEqual([]);
        if (type === 'can-cuoc-2024')
          expect(findProvince(card.truth.back['person.birthRegistrationPlace']!)?.code).toBe(
            f['person.idNumber']!.slice(0, 3),
          );
      }
    }
  });

  it('applies the 2023 law renewal ages', () => {
    expect(canCuocExpiry('2011-03-01', '2024-08-01')).toBe('2036-03-01');
    expect(canCuocExpiry('1990-05-02', '2024-08-01')).toBe('2030-05-02');
    expect(canCuocExpiry('1960-01-01', '2024-08-01')).toBeNull();
  });

  it('renders both sides of every model at the scanner size', async () => {
    for (const type of ID_CARD_TYPES) {
      const card = generateIdCards(type, 1, 1)[0]!;
      const back = await renderIdCard(card, { side: 'back', seed: 1, degrade: false });
      expect([back.width, back.height]).toEqual([1200, 820]);
      expect(Object.keys(back.boxes).length).toBeGreaterThan(2);
    }
  });
});
