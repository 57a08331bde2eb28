import { expect, it } from 'vitest';
import { CONTRACT_LINE, CONTRACT_REGIONS, runOcrEngineContract } from './engine-contract';
import { createFakeOcrEngine } from './fake-engine';
import { renderPage } from './testing/render-text';

let regionCalls = 0;
runOcrEngineContract('fake', () =>
  createFakeOcrEngine((page) => {
    // Whole contract page → the line; region crops → the region texts in order.
    if (page.width >= 900) return CONTRACT_LINE;
    return CONTRACT_REGIONS[regionCalls++ % 2]!;
  }),
);

it('returns a canned OcrPage as is and splits canned text into lines and words', async () => {
  const page = await renderPage(300, 100, []);
  const engine = createFakeOcrEngine(() => 'Số 001099012345\nHọ và tên');
  const result = await engine.recognize(page);
  expect(result.lines.map((l) => l.words.map((w) => w.text))).toEqual([
    ['Số', '001099012345'],
    ['Họ', 'và', 'tên'],
  ]);
  expect(result.lines[1]!.box).toEqual({ x: 0, y: 50, width: 300, height: 50 });
  const offset = await engine.recognize(page, { regions: [{ box: { x: 100, y: 20, width: 50, height: 40 } }] });
  expect(offset.lines[0]!.box).toEqual({ x: 100, y: 20, width: 50, height: 20 });
});
