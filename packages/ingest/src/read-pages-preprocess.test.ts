import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { isSohoaError, type PageImage } from '@sohoa/core';
import { readPages } from './read-pages';
import { toPng } from './encode';
import { rotatePage } from './preprocess/deskew';
import { estimateSkew } from './preprocess/skew';
import { toSourceBox } from './preprocess/preprocess-page';
import { textLikePage } from './preprocess/internal/text-like-page';

const asFile = async (page: PageImage, name = 'scan.png') => ({
  bytes: await toPng(page, { compressionLevel: 1 }),
  name,
});

describe('readPages: quality gate and preprocessing', () => {
  it('attaches quality figures and deskews a skewed scan by default; the box of a value maps back to the file', async () => {
    const input = await asFile(await textLikePage({ rotate: 3 }));
    const [page] = await readPages(input);
    expect(page!.quality).toMatchObject({ verdict: 'ok', lines: expect.any(Number) });
    expect(Math.abs(page!.quality!.skew - 3)).toBeLessThanOrEqual(0.3);
    expect(page!.diagnostics.map((d) => d.code)).toContain('INGEST_QUALITY_SKEWED');
    expect(page!.preprocessing!.steps).toEqual(['deskew']);
    expect(Math.abs(estimateSkew(page!).angle)).toBeLessThanOrEqual(0.2);
    const [raw] = await readPages(input, { preprocess: false });
    expect(raw!.preprocessing).toBeUndefined();
    expect(raw!.quality).toEqual(page!.quality);
    // The page centre stays the centre; a whole-page box maps to (about) the whole decoded page.
    const centre = toSourceBox(page!, { x: page!.width / 2 - 5, y: page!.height / 2 - 5, width: 10, height: 10 });
    expect(Math.abs(centre.x + centre.width / 2 - raw!.width / 2)).toBeLessThan(1);
    expect(Math.abs(centre.y + centre.height / 2 - raw!.height / 2)).toBeLessThan(1);
  });

  it('turns a page scanned sideways upright, and toSourceBox undoes the quarter turn exactly', async () => {
    const upright = await textLikePage({ width: 800, height: 1100 });
    const sideways = await rotatePage(upright, 90);
    const [page] = await readPages(await asFile(sideways));
    expect(page!.preprocessing!.steps).toEqual(['orient']);
    expect([page!.width, page!.height]).toEqual([800, 1100]);
    expect(page!.preprocessing!.original).toEqual({ width: 1100, height: 800 });
    // Upright top-left corner was the sideways scan's top-right corner.
    expect(toSourceBox(page!, { x: 0, y: 0, width: 100, height: 50 })).toEqual({
      x: 1050,
      y: 0,
      width: 50,
      height: 100,
    });
  });

  it('explicit steps run in place of auto, including DPI normalisation and binarisation', async () => {
    const small = await textLikePage({ width: 620, height: 877, lineHeight: 14 });
    const [page] = await readPages(await asFile(small), { preprocess: { scale: true, binarize: { method: 'otsu' } } });
    expect(page!.preprocessing!.steps).toEqual(expect.arrayContaining(['grey', 'scale', 'binarize']));
    expect(page!.channels).toBe(1);
    expect(page!.width).toBeGreaterThan(small.width);
    const box = toSourceBox(page!, { x: 0, y: 0, width: page!.width, height: page!.height });
    expect(box.width).toBeLessThanOrEqual(small.width);
  });

  it('leaves pages with a text layer untouched and skips the gate on them', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const pdfPage = doc.addPage([300, 200]);
    pdfPage.drawText('born digital', {
      x: 20,
      y: 100,
      size: 14,
      font,
      rotate: { type: 'degrees' as never, angle: 5 } as never,
    });
    const [page] = await readPages({ bytes: await doc.save(), name: 'letter.pdf' }, { renderDpi: 72 });
    expect(page!.textLayer?.length).toBeGreaterThan(0);
    expect(page!.quality).toBeUndefined();
    expect(page!.preprocessing).toBeUndefined();
  });

  it('turns the gate off, and refuses a malformed preprocess option', async () => {
    const input = await asFile(await textLikePage({ width: 300, height: 300 }));
    const [page] = await readPages(input, { quality: false, preprocess: false });
    expect(page!.quality).toBeUndefined();
    expect(page!.diagnostics).toEqual([]);
    await expect(readPages(input, { preprocess: 'yes' as never })).rejects.toSatisfy((e: unknown) =>
      isSohoaError(e, 'INGEST_INVALID_OPTION'),
    );
  });
});
