import type { OcrLine, OcrPage, PageImage } from '@sohoa/core';
import { cropPage } from '@sohoa/ingest';
import { abortedError, disposedError } from './internal/errors';
import { offsetLine } from './internal/geometry';
import { ocrPageOf } from './internal/ocr-page';
import type { FakeOcrResponder, OcrEngine, RecognizeOptions } from './types';

const NAME = 'fake';

function linesFromText(text: string, width: number, height: number): OcrLine[] {
  const rows = text.split('\n').filter((row) => row.trim() !== '');
  const rowHeight = rows.length > 0 ? height / rows.length : height;
  return rows.map((row, index) => {
    const box = { x: 0, y: index * rowHeight, width, height: rowHeight };
    const words = row.trim().split(/\s+/);
    const wordWidth = width / words.length;
    return {
      text: words.join(' '),
      confidence: 1,
      box,
      words: words.map((word, w) => ({
        text: word,
        confidence: 1,
        box: { x: w * wordWidth, y: box.y, width: wordWidth, height: rowHeight },
      })),
    };
  });
}

function answer(responder: FakeOcrResponder, page: PageImage): OcrLine[] {
  const result = responder(page);
  return typeof result === 'string' ? linesFromText(result, page.width, page.height) : result.lines;
}

/**
 * An `OcrEngine` that returns canned answers, for other packages' tests (no module mocking).
 * With `regions`, the responder is called once per region with the cropped page, and the boxes it
 * returns are moved to page coordinates.
 *
 * @example
 * const engine = createFakeOcrEngine(() => 'CĂN CƯỚC CÔNG DÂN\nSố: 001099012345');
 */
export function createFakeOcrEngine(responder: FakeOcrResponder): OcrEngine {
  let disposed = false;
  return {
    name: NAME,
    async recognize(page: PageImage, options: RecognizeOptions = {}): Promise<OcrPage> {
      if (disposed) throw disposedError(NAME);
      if (options.signal?.aborted) throw abortedError(page.source.page, options.signal.reason);
      const lines = options.regions
        ? options.regions.flatMap((region) => {
            const crop = cropPage(page, region.box);
            const dx = Math.max(0, Math.floor(region.box.x));
            const dy = Math.max(0, Math.floor(region.box.y));
            return answer(responder, crop).map((line) => offsetLine(line, dx, dy, 1));
          })
        : answer(responder, page);
      return ocrPageOf(page, lines, NAME, []);
    },
    async dispose(): Promise<void> {
      disposed = true;
    },
  };
}
