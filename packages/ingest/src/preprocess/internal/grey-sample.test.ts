import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { histogram, otsuThreshold, percentile } from './grey-sample';

describe('grey statistics', () => {
  it('percentile 0 and 1 are the darkest and lightest levels present', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (levels) => {
        const bins = histogram(levels);
        expect(percentile(bins, 0)).toBe(levels.reduce((a, b) => Math.min(a, b), 255));
        expect(percentile(bins, 1)).toBe(levels.reduce((a, b) => Math.max(a, b), 0));
        expect(percentile(bins, 0.3)).toBeLessThanOrEqual(percentile(bins, 0.7));
      }),
    );
  });

  it('Otsu splits two clusters between them', () => {
    const levels = new Uint8Array(1000);
    for (let i = 0; i < 1000; i++) levels[i] = i < 300 ? 30 + (i % 10) : 200 + (i % 20);
    const t = otsuThreshold(histogram(levels));
    expect(t).toBeGreaterThanOrEqual(39);
    expect(t).toBeLessThan(200);
  });
});
