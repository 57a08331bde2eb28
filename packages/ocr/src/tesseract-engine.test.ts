import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSohoaError } from '@sohoa/core';
import { runOcrEngineContract } from './engine-contract';
import { resolveLanguageFolder, packagedLanguageFile } from './internal/language-data';
import { resolveTesseractEngineOptions } from './options';
import { createTesseractEngine } from './tesseract-engine';
import { CARD_LINES, renderCardPage, renderPage } from './testing/render-text';

runOcrEngineContract('tesseract.js', () => createTesseractEngine({ workers: 1 }));

describe('tesseract engine', () => {
  const engine = createTesseractEngine({ workers: 1 });
  afterAll(() => engine.dispose());

  it('reads an ID-card-like page: every labelled line, the 12-digit number verbatim', async () => {
    const card = await renderCardPage();
    const result = await engine.recognize(card);
    const lines = result.lines.map((line) => line.text.normalize('NFC'));
    expect(lines.join('\n')).toContain('001099012345');
    const found = CARD_LINES.filter((line) => lines.includes(line)).length;
    expect(found).toBeGreaterThanOrEqual(CARD_LINES.length - 1);
    expect(result.confidence).toBeGreaterThan(0.8);
    const idWord = result.lines.flatMap((l) => l.words).find((w) => w.text === '001099012345');
    expect(idWord?.box.x).toBeGreaterThan(360);
    expect(idWord?.box.y).toBeGreaterThan(200);
    expect(idWord!.box.y + idWord!.box.height).toBeLessThan(270);
  });

  it('uses a text layer instead of OCR, for the page and for regions', async () => {
    const page = await renderPage(600, 200, [{ text: 'unrelated pixels', x: 10, y: 60, size: 30 }]);
    const textLayer = [
      { text: 'Họ và tên: Nguyễn Văn A', box: { x: 10, y: 20, width: 400, height: 30 }, confidence: 1 },
      { text: 'Ngày sinh: 01/02/1990', box: { x: 10, y: 120, width: 300, height: 30 }, confidence: 1 },
    ];
    const result = await engine.recognize({ ...page, textLayer });
    expect(result.lines.map((line) => line.text)).toEqual(textLayer.map((span) => span.text));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['OCR_TEXT_LAYER_USED']);
    const regions = await engine.recognize(
      { ...page, textLayer },
      { regions: [{ box: { x: 0, y: 110, width: 600, height: 50 }, psm: 7 }] },
    );
    expect(regions.text).toBe('Ngày sinh: 01/02/1990');
    const ocr = await engine.recognize({ ...page, textLayer }, { useTextLayer: false });
    expect(ocr.text).toContain('unrelated');
  });

  it('upscales small text and maps boxes back to page pixels', async () => {
    const page = await renderPage(500, 40, [{ text: 'Ngày sinh 01/02/1990', x: 10, y: 26, size: 13 }]);
    const result = await engine.recognize(page);
    expect(result.diagnostics.map((d) => d.code)).toContain('OCR_UPSCALED');
    expect(result.text).toContain('01/02/1990');
    for (const line of result.lines) expect(line.box.x + line.box.width).toBeLessThanOrEqual(500);
  });

  it('reads a page of large text smaller and maps boxes back to page pixels; never a region', async () => {
    const page = await renderPage(1700, 1700, [
      { text: 'Ngày sinh 01/02/1990', x: 20, y: 90, size: 60 },
      { text: 'Số 123/QĐ-UBND', x: 20, y: 220, size: 60 },
    ]);
    const result = await engine.recognize(page);
    expect(result.diagnostics.map((d) => d.code)).toContain('OCR_DOWNSCALED');
    expect(result.text).toContain('01/02/1990');
    const line = result.lines.find((l) => l.text.includes('01/02/1990'))!;
    expect(line.box.y).toBeGreaterThan(20);
    expect(line.box.y + line.box.height).toBeLessThan(130);
    expect(line.box.x + line.box.width).toBeGreaterThan(500);
    const region = await engine.recognize(page, {
      regions: [{ box: { x: 0, y: 20, width: 1700, height: 110 }, psm: 7 }],
    });
    const card = await engine.recognize(
      await renderPage(1200, 300, [{ text: 'Ngày sinh 01/02/1990', x: 20, y: 90, size: 60 }]),
    );
    expect(card.diagnostics.map((d) => d.code)).not.toContain('OCR_DOWNSCALED');
    expect(region.diagnostics.map((d) => d.code)).not.toContain('OCR_DOWNSCALED');
  });

  it('rejects with OCR_ABORTED mid-flight and keeps working afterwards', async () => {
    const card = await renderCardPage();
    const controller = new AbortController();
    const pending = engine.recognize(card, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const error = await pending.catch((e: unknown) => e);
    expect(isSohoaError(error, 'OCR_ABORTED')).toBe(true);
    const page = await renderPage(300, 60, [{ text: 'Số 123', x: 10, y: 42, size: 30 }]);
    expect((await engine.recognize(page)).text).toContain('123');
  });

  it('times out with OCR_TIMEOUT, replaces the worker, and recycles workers', async () => {
    const card = await renderCardPage();
    const error = await engine.recognize(card, { timeoutMs: 5 }).catch((e: unknown) => e);
    expect(isSohoaError(error, 'OCR_TIMEOUT')).toBe(true);
    const recycling = createTesseractEngine({ workers: 1, recycleAfter: 1 });
    try {
      const page = await renderPage(300, 60, [{ text: 'Số 456', x: 10, y: 42, size: 30 }]);
      expect((await recycling.recognize(page)).text).toContain('456');
      expect((await recycling.recognize(page)).text).toContain('456');
    } finally {
      await recycling.dispose();
    }
  });

  it('rejects a malformed page image before OCR', async () => {
    const good = await renderPage(300, 60, [{ text: 'Số 789', x: 10, y: 42, size: 30 }]);
    const error = await engine
      .recognize({ ...good, pixels: good.pixels.subarray(0, 300 * 3) })
      .catch((e: unknown) => e);
    expect(isSohoaError(error, 'OCR_INVALID_OPTION')).toBe(true);
  });

  it('rejects bad options with OCR_INVALID_OPTION', async () => {
    const page = await renderPage(100, 40, []);
    for (const call of [
      { psm: 2 as never },
      { languages: ['eng'] },
      { regions: [{ box: { x: 0, y: 0, width: 5, height: 5 }, psm: 0 as never }] },
    ]) {
      const error = await engine.recognize(page, call).catch((e: unknown) => e);
      expect(isSohoaError(error, 'OCR_INVALID_OPTION')).toBe(true);
    }
    expect(() => resolveTesseractEngineOptions({ workers: 0 })).toThrow(/workers/);
  });

  it('disposing rejects queued and running jobs with OCR_ENGINE_DISPOSED', async () => {
    const local = createTesseractEngine({ workers: 1 });
    const card = await renderCardPage();
    const jobs = [local.recognize(card), local.recognize(card)].map((p) => p.catch((e: unknown) => e));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await local.dispose();
    for (const error of await Promise.all(jobs)) expect(isSohoaError(error, 'OCR_ENGINE_DISPOSED')).toBe(true);
  });
});

describe('offline language data', () => {
  it('resolves a local folder of links to the installed packages, never a URL', async () => {
    const folder = await resolveLanguageFolder(['vie', 'eng'], undefined);
    expect(folder).not.toMatch(/^[a-z]+:\/\//i);
    for (const language of ['vie', 'eng']) {
      const file = join(folder, `${language}.traineddata.gz`);
      expect(existsSync(file)).toBe(true);
      const target = packagedLanguageFile(language)!;
      if (lstatSync(file).isSymbolicLink()) expect(realpathSync(file)).toBe(realpathSync(target));
    }
  });

  it('refuses a URL langPath and reports missing data', async () => {
    const url = await resolveLanguageFolder(['vie'], 'https://cdn.example/tessdata').catch((e: unknown) => e);
    expect(isSohoaError(url, 'OCR_INVALID_OPTION')).toBe(true);
    const missing = await resolveLanguageFolder(['xyz'], undefined).catch((e: unknown) => e);
    expect(isSohoaError(missing, 'OCR_LANGUAGE_DATA_MISSING')).toBe(true);
    const empty = await resolveLanguageFolder(['vie'], '/nonexistent-folder').catch((e: unknown) => e);
    expect(isSohoaError(empty, 'OCR_LANGUAGE_DATA_MISSING')).toBe(true);
  });
});
