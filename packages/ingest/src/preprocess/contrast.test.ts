import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PageImage } from '@sohoa/core';
import { normalizeContrast } from './contrast';
import { rawPage } from '../test-fixtures';
import { textLikePage } from './internal/text-like-page';

const raw = (pixels: number[], channels: 1 | 3 = 1): PageImage =>
  rawPage(pixels.length / channels, 1, Uint8Array.from(pixels), channels);

const lowest = (values: Uint8Array) => values.reduce((a, b) => Math.min(a, b), 255);
const highest = (values: Uint8Array) => values.reduce((a, b) => Math.max(a, b), 0);

describe('normalizeContrast', () => {
  it('stretches a faded page to full range', async () => {
    const faded = await textLikePage({ ink: 110, paper: 160, width: 300, height: 300 });
    const out = normalizeContrast(faded);
    expect(lowest(out.pixels)).toBe(0);
    expect(highest(out.pixels)).toBe(255);
    expect(lowest(faded.pixels)).toBeGreaterThan(100);
  });

  it('maps the exact levels linearly without clipping', () => {
    expect([...normalizeContrast(raw([100, 150, 200]), { clip: 0 }).pixels]).toEqual([0, 128, 255]);
  });

  it('leaves a flat page unchanged and does not mutate its input', () => {
    const flat = raw([90, 90, 90, 90]);
    expect([...normalizeContrast(flat).pixels]).toEqual([90, 90, 90, 90]);
    const page = raw([10, 20, 30]);
    normalizeContrast(page, { clip: 0 });
    expect([...page.pixels]).toEqual([10, 20, 30]);
  });

  it('keeps the order of grey levels (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 2, maxLength: 200 }), (levels) => {
        const out = normalizeContrast(raw(levels), { clip: 0 }).pixels;
        for (let i = 0; i < levels.length; i++) {
          for (let j = 0; j < levels.length; j++)
            if (levels[i]! < levels[j]!) expect(out[i]!).toBeLessThanOrEqual(out[j]!);
        }
      }),
    );
  });
});
