import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeScale, scaleFactorFor } from './normalize-scale';
import { estimateSkew } from './skew';
import { textLikePage } from './internal/text-like-page';

describe('normalizeScale (DPI normalisation)', () => {
  it('upsamples small text and downsamples large text towards 32 px lines', async () => {
    const small = await textLikePage({ width: 620, height: 877, lineHeight: 14, dpi: 150 });
    const up = await normalizeScale(small);
    expect(up.width).toBeGreaterThan(small.width * 2);
    expect(up.dpi).toBeGreaterThan(300);
    expect(Math.abs(estimateSkew(up).textHeight! - 32)).toBeLessThanOrEqual(4);
    const large = await textLikePage({ width: 2480, height: 3508, lineHeight: 80 });
    const down = await normalizeScale(large);
    expect(down.width).toBeLessThan(large.width / 2);
    expect(Math.abs(estimateSkew(down).textHeight! - 32)).toBeLessThanOrEqual(4);
  });

  it('leaves a page whose text is already the right size, or has none, alone', async () => {
    const right = await textLikePage({ lineHeight: 32 });
    expect((await normalizeScale(right)).width).toBe(right.width);
    const blank = await textLikePage({ width: 100, height: 100 });
    blank.pixels.fill(255);
    expect((await normalizeScale(blank)).width).toBe(100);
  });

  it('scaleFactorFor stays within its bounds and is 1 inside the tolerance (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 2000, noNaN: true }), fc.integer({ min: 8, max: 80 }), (height, target) => {
        const factor = scaleFactorFor(height, { targetTextHeight: target });
        expect(factor).toBeGreaterThanOrEqual(0.25);
        expect(factor).toBeLessThanOrEqual(3);
        if (Math.abs(target / height - 1) <= 0.15) expect(factor).toBe(1);
      }),
    );
    expect(scaleFactorFor(undefined)).toBe(1);
    expect(() => scaleFactorFor(10, { targetTextHeight: 2 })).toThrow(/targetTextHeight/);
  });
});
