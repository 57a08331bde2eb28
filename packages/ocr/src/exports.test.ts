import { expect, it } from 'vitest';
import * as ocr from './index';

it('pins the public exports', () => {
  expect(Object.keys(ocr).sort()).toEqual([
    'createFakeOcrEngine',
    'createFastestTesseractEngine',
    'createNativeTesseractEngine',
    'createTesseractEngine',
    'isNativeTesseractAvailable',
    'resolveTesseractEngineOptions',
  ]);
});
