import { describe, expect, it } from 'vitest';
import { isSohoaError, type PageImage } from '@sohoa/core';
import { binarizePage } from './binarize';
import { textLikePage } from './internal/text-like-page';

/** The text-like page lit unevenly: paper fades from 250 on the left to 90 on the right, ink stays darker. */
async function unevenPage(): Promise<{ page: PageImage; ink: Uint8Array }> {
  const base = await textLikePage({ width: 600, height: 400, lineHeight: 16 });
  const grey = new Uint8Array(base.width * base.height);
  const ink = new Uint8Array(base.width * base.height);
  for (let i = 0; i < grey.length; i++) {
    const x = i % base.width;
    const light = 1 - (0.64 * x) / base.width;
    const isInk = base.pixels[i * 3]! < 128;
    ink[i] = isInk ? 1 : 0;
    grey[i] = Math.round((isInk ? 40 : 250) * light);
  }
  return { page: { ...base, channels: 1, pixels: grey }, ink };
}

const agreement = (page: PageImage, ink: Uint8Array) => {
  let right = 0;
  for (let i = 0; i < ink.length; i++) if ((page.pixels[i] === 0) === (ink[i] === 1)) right++;
  return right / ink.length;
};

describe('binarizePage', () => {
  it('gives a 1-channel page of pure black and white', async () => {
    for (const method of ['otsu', 'sauvola'] as const) {
      const out = binarizePage(await textLikePage({ width: 300, height: 200 }), { method });
      expect(out.channels).toBe(1);
      expect(out.pixels.length).toBe(300 * 200);
      expect(new Set(out.pixels)).toEqual(new Set([0, 255]));
    }
  });

  it('Sauvola keeps the text under uneven lighting where one global threshold fails', async () => {
    const { page, ink } = await unevenPage();
    const local = agreement(binarizePage(page, { method: 'sauvola' }), ink);
    const global = agreement(binarizePage(page, { method: 'otsu' }), ink);
    expect(local).toBeGreaterThan(0.97);
    expect(local).toBeGreaterThan(global + 0.02);
  });

  it('refuses nonsensical options with a typed error', async () => {
    const page = await textLikePage({ width: 40, height: 40 });
    for (const options of [{ k: 0 }, { window: 1 }, { method: 'x' as never }]) {
      expect(() => binarizePage(page, options)).toThrow(
        expect.toSatisfy((e: unknown) => isSohoaError(e, 'INGEST_INVALID_OPTION')),
      );
    }
  });
});
