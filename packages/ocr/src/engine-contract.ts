import { describe, expect, it } from 'vitest';
import { isSohoaError } from '@sohoa/core';
import { renderPage, textToSvgPaths, type TextItem } from './testing/render-text';
import type { OcrEngine } from './types';

/** The Vietnamese line every engine must read back (fixed, synthetic). */
export const CONTRACT_LINE = 'Cộng hoà Xã hội Chủ nghĩa Việt Nam';
/** Two separate short lines used for the regions test. */
export const CONTRACT_REGIONS = ['Họ và tên', 'Ngày sinh'] as const;

const fold = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * The shared test suite every `OcrEngine` must pass (call it inside a vitest file). `makeEngine`
 * gets a fresh engine per test group; engines are disposed by the suite.
 */
export function runOcrEngineContract(name: string, makeEngine: () => OcrEngine): void {
  describe(`OcrEngine contract: ${name}`, () => {
    it('recognises a rendered line of Vietnamese text', async () => {
      const engine = makeEngine();
      try {
        const page = await renderPage(900, 100, [{ text: CONTRACT_LINE, x: 20, y: 62, size: 36 }]);
        const result = await engine.recognize(page);
        expect(fold(result.text)).toBe(CONTRACT_LINE);
        expect(result.engine).toBe(engine.name);
        expect(result.source).toEqual(page.source);
        expect([result.width, result.height]).toEqual([900, 100]);
        expect(result.confidence).toBeGreaterThan(0.5);
        expect(result.confidence).toBeLessThanOrEqual(1);
        for (const line of result.lines) {
          expect(line.words.length).toBeGreaterThan(0);
          expect(line.box.x).toBeGreaterThanOrEqual(0);
          expect(line.box.y + line.box.height).toBeLessThanOrEqual(100 + 1);
        }
      } finally {
        await engine.dispose();
      }
    });

    it('recognises regions and returns page coordinates', async () => {
      const engine = makeEngine();
      try {
        const items: TextItem[] = [
          { text: CONTRACT_REGIONS[0], x: 40, y: 80, size: 32 },
          { text: CONTRACT_REGIONS[1], x: 420, y: 330, size: 32 },
        ];
        const page = await renderPage(800, 400, items);
        const { boxes } = textToSvgPaths(items);
        const pad = 15;
        const regions = boxes.map((box, i) => ({
          id: `r${i}`,
          psm: 7 as const,
          box: { x: box.x - pad, y: box.y - pad, width: box.width + 2 * pad, height: box.height + 2 * pad },
        }));
        const result = await engine.recognize(page, { regions });
        expect(result.lines.map((line) => fold(line.text))).toEqual([...CONTRACT_REGIONS]);
        result.lines.forEach((line, i) => {
          const region = regions[i]!.box;
          expect(line.box.x).toBeGreaterThanOrEqual(region.x - 1);
          expect(line.box.y).toBeGreaterThanOrEqual(region.y - 1);
          expect(line.box.x + line.box.width).toBeLessThanOrEqual(region.x + region.width + 1);
          expect(line.box.y + line.box.height).toBeLessThanOrEqual(region.y + region.height + 1);
          for (const word of line.words) expect(word.box.x).toBeGreaterThanOrEqual(region.x - 1);
        });
      } finally {
        await engine.dispose();
      }
    });

    it('rejects with OCR_ABORTED when the signal is aborted', async () => {
      const engine = makeEngine();
      try {
        const page = await renderPage(200, 60, [{ text: 'Số', x: 10, y: 40, size: 30 }]);
        const error = await engine.recognize(page, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
        expect(isSohoaError(error, 'OCR_ABORTED')).toBe(true);
      } finally {
        await engine.dispose();
      }
    });

    it('dispose is idempotent and recognise after dispose rejects with OCR_ENGINE_DISPOSED', async () => {
      const engine = makeEngine();
      await engine.dispose();
      await engine.dispose();
      const page = await renderPage(200, 60, [{ text: 'Số', x: 10, y: 40, size: 30 }]);
      const error = await engine.recognize(page).catch((e: unknown) => e);
      expect(isSohoaError(error, 'OCR_ENGINE_DISPOSED')).toBe(true);
    });
  });
}
