import { describe, expect, it } from 'vitest';
import { readPages } from '@sohoa/ingest';
import { generateIdCards, ID_CARD_TYPES, renderIdCard } from '../seeds/src/id-cards';

// readPages' default preprocessing must never turn an upright ID card: on 2016 card backs the
// fingerprint boxes once looked like 30+ turned text lines to the quality gate, and a quarter turn
// wrecked their OCR (classification 100% → 85% in `pnpm eval:id-cards --preprocess auto`).
describe('auto preprocessing and the quality gate on upright ID cards', () => {
  it.each(ID_CARD_TYPES)('leaves %s sides unturned', async (type) => {
    const cards = generateIdCards(type, 2026, 4);
    for (const [i, card] of cards.entries()) {
      for (const side of ['front', 'back'] as const) {
        const { image } = await renderIdCard(card, { side, seed: i, degrade: false });
        const [page] = await readPages({ bytes: image, name: `${type}-${side}.jpg` });
        expect(page!.preprocessing?.steps ?? [], `${type} card ${i + 1} ${side}`).not.toContain('orient');
        // Nor does the quality gate report it turned (it measures skew and text height in that frame).
        expect(page!.quality?.rotation, `${type} card ${i + 1} ${side}`).toBe(0);
        expect(page!.width).toBeGreaterThan(page!.height);
      }
    }
  });
});
