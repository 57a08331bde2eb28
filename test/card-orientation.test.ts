import { describe, expect, it } from 'vitest';
import { detectOrientation, readPages } from '@sohoa/ingest';
import { generateIdCards, ID_CARD_TYPES, renderIdCard } from '../seeds/src/id-cards';
import { layoutDocuments, renderLayoutDocument, selectLayoutFamilies } from '../seeds/src/layout-families';

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

// A photocopied card back is sparse: no tint or guilloche, only labels, fingerprints and (2021, 2024) the
// MRZ, whose monospaced character columns, seen sideways, once passed for 28–30 text lines, so that
// `detectOrientation` said "turned 90°" and an `orient` step with its default options turned the card.
describe('orientation of sparse photocopied card backs', () => {
  it.each(['cccd-2021', 'can-cuoc-2024', 'cccd-2016', 'cmnd-9'])('never turns a %s back a quarter', async (type) => {
    const [family] = selectLayoutFamilies({ families: [`${type}/photocopy-bw`] });
    for (const [i, doc] of layoutDocuments(family!, 2026, 3).entries()) {
      const rendered = await renderLayoutDocument(doc, { seed: i, degraded: false });
      const pages = await readPages(
        { bytes: rendered.image, name: `${type}.tif` },
        { preprocess: { orient: true, deskew: false, contrast: false, crop: false, grey: false }, quality: false },
      );
      const back = pages[1]!;
      // Still landscape: not turned a quarter (a half turn on few upper-case lines is a separate, known weakness).
      expect([back.width, back.height], `${type} card ${i + 1}`).toEqual([rendered.width, rendered.height]);
      const raw = await readPages(
        { bytes: rendered.image, name: `${type}.tif` },
        { preprocess: false, quality: false },
      );
      expect([0, 180], `${type} card ${i + 1}`).toContain(detectOrientation(raw[1]!).rotation);
    }
  });
});
