import { describe, expect, it } from 'vitest';
import { isSohoaError } from '@sohoa/core';
import { deskewPage, rotatePage } from './deskew';
import { estimateSkew } from './skew';
import { textLikePage } from './internal/text-like-page';
import { toGrey } from '../grey';

describe('deskewPage', () => {
  it.each([3, -7.5, 12])('straightens a page rotated by %s°', async (rotate) => {
    const page = await textLikePage({ rotate });
    const straight = await deskewPage(page);
    expect(Math.abs(estimateSkew(straight).angle)).toBeLessThanOrEqual(0.2);
    expect(straight.width).toBeGreaterThanOrEqual(page.width);
    expect(straight.source).toEqual(page.source);
  });

  it('leaves a straight page alone (same pixels)', async () => {
    const page = await textLikePage();
    const out = await deskewPage(page);
    expect(out.width).toBe(page.width);
    expect(Buffer.from(out.pixels).equals(Buffer.from(page.pixels))).toBe(true);
  });

  it('keeps grey pages grey', async () => {
    const grey = toGrey(await textLikePage({ rotate: 4 }));
    const out = await deskewPage(grey);
    expect(out.channels).toBe(1);
    expect(out.pixels.length).toBe(out.width * out.height);
  });

  it('rotatePage turns by the given angle', async () => {
    const rotated = await rotatePage(await textLikePage(), 6);
    expect(estimateSkew(rotated).angle).toBeCloseTo(6, 0);
  });

  it('refuses a nonsensical maxAngle with a typed error', async () => {
    const page = await textLikePage({ width: 80, height: 80 });
    await expect(deskewPage(page, { maxAngle: 0 })).rejects.toSatisfy((e: unknown) =>
      isSohoaError(e, 'INGEST_INVALID_OPTION'),
    );
  });
});
