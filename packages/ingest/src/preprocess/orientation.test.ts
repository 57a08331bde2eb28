import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { PageImage } from '@sohoa/core';
import { detectOrientation, orientPage } from './orientation';
import { rotatePage } from './deskew';
import { textLikePage } from './internal/text-like-page';
import { readPages } from '../read-pages';

const SENTENCES = [
  'The quick brown fox jumps over the lazy dog while the committee reviews',
  'its annual budget, approving funds for roads, schools and public health.',
  'Applications filed before the deadline will be processed within thirty days',
  'by the district office; late filings require a written explanation signed',
];

/** A page of real (ASCII) text rendered from a PDF at 150 dpi. */
async function textPage(): Promise<PageImage> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const page = doc.addPage([595, 842]);
  for (let i = 0; i < 28; i++)
    page.drawText(SENTENCES[i % SENTENCES.length]!, { x: 60, y: 770 - i * 24, size: 12, font });
  const [rendered] = await readPages(
    { bytes: await doc.save(), name: 'letter.pdf' },
    { textLayer: 'ignore', renderDpi: 150 },
  );
  return rendered!;
}

describe('detectOrientation', () => {
  it.each([0, 90, 180, 270] as const)('recognises rendered text turned %s° clockwise', async (turn) => {
    const page = await textPage();
    const turned = turn ? await rotatePage(page, turn) : page;
    const estimate = detectOrientation(turned);
    expect(estimate.rotation).toBe(turn);
    expect(estimate.confidence).toBeGreaterThan(0.1);
  });

  it('also reads turned, slightly skewed pages', async () => {
    const page = await rotatePage(await textPage(), 182);
    expect(detectOrientation(page).rotation).toBe(180);
  });

  it('orientPage turns a page upright; an upright one is left alone', async () => {
    const page = await textPage();
    const upright = await orientPage(await rotatePage(page, 90));
    expect([upright.width, upright.height]).toEqual([page.width, page.height]);
    expect(detectOrientation(upright).rotation).toBe(0);
    const same = await orientPage(page);
    expect(Buffer.from(same.pixels).equals(Buffer.from(page.pixels))).toBe(true);
  });

  it('has no confidence on a blank page', async () => {
    const blank = await textLikePage({ width: 50, height: 50 });
    blank.pixels.fill(255);
    expect(detectOrientation(blank)).toEqual({ rotation: 0, confidence: 0, lines: 0 });
  });
});
