import { describe, expect, it } from 'vitest';
import { isSohoaError } from '@sohoa/core';
import { runOcrEngineContract } from './engine-contract';
import { linesFromTsv } from './internal/tsv';
import { createNativeTesseractEngine, isNativeTesseractAvailable } from './native-tesseract-engine';
import { renderPage } from './testing/render-text';
import { canRun } from '../../../test/fixtures/skip';

const available = isNativeTesseractAvailable();

describe.skipIf(
  !canRun(
    'native tesseract engine',
    available,
    'native tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)',
    { allowedInCi: true },
  ),
)('native tesseract engine', () => {
  runOcrEngineContract('tesseract-native', () => createNativeTesseractEngine({ concurrency: 1 }));
});

describe('native tesseract engine without the binary', () => {
  it('rejects with OCR_ENGINE_UNAVAILABLE when the executable is missing', async () => {
    expect(isNativeTesseractAvailable('/nonexistent/tesseract')).toBe(false);
    const engine = createNativeTesseractEngine({ binary: '/nonexistent/tesseract' });
    try {
      const page = await renderPage(200, 60, [{ text: 'Số', x: 10, y: 40, size: 30 }]);
      const error = await engine.recognize(page).catch((e: unknown) => e);
      expect(isSohoaError(error, 'OCR_ENGINE_UNAVAILABLE')).toBe(true);
    } finally {
      await engine.dispose();
    }
  });

  it('parses TSV into lines of words with 0..1 confidence', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '4\t1\t1\t1\t1\t0\t10\t20\t200\t30\t-1\t',
      '5\t1\t1\t1\t1\t1\t10\t20\t80\t30\t96.5\tHọ',
      '5\t1\t1\t1\t1\t2\t100\t20\t110\t30\t88\ttên',
      '4\t1\t1\t1\t2\t0\t10\t60\t50\t30\t-1\t',
      '5\t1\t1\t1\t2\t1\t10\t60\t50\t30\t-1\t ',
    ].join('\n');
    const lines = linesFromTsv(tsv);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ text: 'Họ tên', box: { x: 10, y: 20, width: 200, height: 30 } });
    expect(lines[0]!.words.map((w) => w.confidence)).toEqual([0.965, 0.88]);
  });
});
