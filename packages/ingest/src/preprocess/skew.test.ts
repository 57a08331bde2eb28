import { describe, expect, it } from 'vitest';
import { estimateSkew } from './skew';
import { textLikePage } from './internal/text-like-page';

describe('estimateSkew', () => {
  it.each([0, 0.7, -2.3, 5, -9.6, 14])('finds a known rotation of %s° within 0.3°', async (rotate) => {
    const estimate = estimateSkew(await textLikePage({ rotate }));
    expect(Math.abs(estimate.angle - rotate)).toBeLessThanOrEqual(0.3);
    expect(estimate.confidence).toBeGreaterThan(0.5);
    expect(estimate.lines).toBeGreaterThan(20);
  });

  it('measures the text-line height', async () => {
    for (const lineHeight of [16, 32]) {
      const { textHeight } = estimateSkew(await textLikePage({ lineHeight }));
      expect(textHeight).toBeGreaterThanOrEqual(lineHeight - 2);
      expect(textHeight).toBeLessThanOrEqual(lineHeight + 2);
    }
  });

  it('reports no skew and no confidence on a blank page', async () => {
    const blank = await textLikePage({ height: 60, width: 60 });
    const estimate = estimateSkew({ ...blank, pixels: new Uint8Array(blank.pixels.length).fill(255) });
    expect(estimate).toEqual({ angle: 0, confidence: 0, lines: 0 });
  });

  it('stays inside maxAngle', async () => {
    const estimate = estimateSkew(await textLikePage({ rotate: 12 }), { maxAngle: 5 });
    expect(Math.abs(estimate.angle)).toBeLessThanOrEqual(5);
  });
});
