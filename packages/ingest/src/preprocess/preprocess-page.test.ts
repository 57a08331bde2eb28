import { describe, expect, it } from 'vitest';
import { preprocessPage } from './preprocess-page';
import { estimateSkew } from './skew';
import { textLikePage } from './internal/text-like-page';

const lowest = (values: Uint8Array) => values.reduce((a, b) => Math.min(a, b), 255);

describe('preprocessPage', () => {
  it('runs every step by default: grey, stretched, straight and cropped', async () => {
    const page = await textLikePage({ rotate: 4, ink: 90, paper: 200 });
    const out = await preprocessPage(page);
    expect(out.channels).toBe(1);
    expect(Math.abs(estimateSkew(out).angle)).toBeLessThanOrEqual(0.2);
    expect(lowest(out.pixels.subarray(0, 200_000))).toBeLessThan(30);
    expect(out.width).toBeLessThan(page.width);
  });

  it('turns each step off', async () => {
    const page = await textLikePage({ rotate: 4 });
    const none = await preprocessPage(page, {
      grey: false,
      contrast: false,
      orient: false,
      deskew: false,
      crop: false,
    });
    expect(none).toBe(page);
    const noDeskew = await preprocessPage(page, { deskew: false, crop: false });
    expect(estimateSkew(noDeskew).angle).toBeCloseTo(4, 0);
    expect(noDeskew.width).toBe(page.width);
  });
});
