import { describe, expect, it } from 'vitest';
import { assessPageQuality } from './assess-page-quality';
import { textLikePage } from '../preprocess/internal/text-like-page';
import { rotatePage } from '../preprocess/deskew';

const codes = (q: { diagnostics: { code: string }[] }) => q.diagnostics.map((d) => d.code);

describe('assessPageQuality', () => {
  it('passes a clean, sharp, straight page', async () => {
    const q = assessPageQuality(await textLikePage({ dpi: 300 }));
    expect(q.verdict).toBe('ok');
    expect(q.diagnostics).toEqual([]);
    expect(q.dpi).toBe(300);
    expect(q.dpiSource).toBe('declared');
    expect(q.textHeight).toBe(24);
    expect(q.contrast).toBeGreaterThan(200);
  });

  it('scores a blurred page lower, and a very blurred one as rescan', async () => {
    const sharp = assessPageQuality(await textLikePage()).sharpness;
    const soft = assessPageQuality(await textLikePage({ blur: 1 })).sharpness;
    const blurred = assessPageQuality(await textLikePage({ blur: 4 }));
    expect(soft).toBeLessThan(sharp);
    expect(blurred.sharpness).toBeLessThan(soft);
    expect(blurred.verdict).toBe('rescan');
    expect(codes(blurred)).toEqual(['INGEST_QUALITY_RESCAN', 'INGEST_QUALITY_BLURRY']);
  });

  it('measures sharpness relative to text size', async () => {
    const small = assessPageQuality(await textLikePage({ lineHeight: 24, blur: 2 })).sharpness;
    const large = assessPageQuality(
      await textLikePage({ lineHeight: 48, blur: 4, width: 2480, height: 3508 }),
    ).sharpness;
    expect(large / small).toBeGreaterThan(0.5);
    expect(large / small).toBeLessThan(2);
  });

  it('reports skew as a fixable finding', async () => {
    const q = assessPageQuality(await textLikePage({ rotate: 3 }));
    expect(Math.abs(q.skew - 3)).toBeLessThanOrEqual(0.3);
    expect(q.verdict).toBe('ok');
    expect(codes(q)).toContain('INGEST_QUALITY_SKEWED');
  });

  it('flags low contrast, small text and low declared dpi', async () => {
    expect(codes(assessPageQuality(await textLikePage({ ink: 120, paper: 180 })))).toContain(
      'INGEST_QUALITY_LOW_CONTRAST',
    );
    const faint = assessPageQuality(await textLikePage({ ink: 150, paper: 170 }));
    expect(faint.verdict).toBe('rescan');
    const small = assessPageQuality(await textLikePage({ lineHeight: 12 }));
    expect(small.verdict).toBe('poor');
    expect(codes(small)).toContain('INGEST_QUALITY_SMALL_TEXT');
    expect(codes(assessPageQuality(await textLikePage({ dpi: 150 })))).toContain('INGEST_QUALITY_LOW_DPI');
    // 72 dpi with 24-px lines is the JFIF placeholder, not a real resolution: the text height decides.
    const placeholder = assessPageQuality(await textLikePage({ dpi: 72 }));
    expect(placeholder.dpiSource).toBe('text-height');
    expect(codes(placeholder)).not.toContain('INGEST_QUALITY_LOW_DPI');
  });

  it('estimates dpi from text height when none is declared', async () => {
    const low = assessPageQuality(await textLikePage({ lineHeight: 16 }));
    const high = assessPageQuality(await textLikePage({ lineHeight: 32 }));
    expect(low.dpiSource).toBe('text-height');
    expect(high.dpi! / low.dpi!).toBeCloseTo(2, 0);
  });

  it('says a blank page has no text, and diagnostics carry origin and page but no content', async () => {
    const page = await textLikePage({ width: 100, height: 100 });
    page.pixels.fill(255);
    const q = assessPageQuality(page);
    expect(codes(q)).toEqual(['INGEST_QUALITY_NO_TEXT']);
    for (const d of q.diagnostics) {
      expect(d.origin).toBe('ingest');
      expect(d.page).toBe(1);
      expect(d.message).not.toContain('synthetic.png');
    }
  });
});

describe('assessPageQuality on turned pages', () => {
  it.each([90, 180, 270] as const)('reports a page turned %s° and measures it upright', async (turn) => {
    const upright = await textLikePage({ rotate: 2 });
    const page = await rotatePage(upright, turn);
    const q = assessPageQuality(page);
    expect(q.rotation).toBe(turn);
    expect(codes(q)).toContain('INGEST_QUALITY_TURNED');
    expect(q.textHeight).toBe(assessPageQuality(upright).textHeight);
    expect(Math.abs(q.skew - 2)).toBeLessThanOrEqual(0.3);
  });
});
