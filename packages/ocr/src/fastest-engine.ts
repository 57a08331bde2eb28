import { unpackedLanguageFolder } from './internal/language-data';
import { createNativeTesseractEngine, isNativeTesseractAvailable } from './native-tesseract-engine';
import { createTesseractEngine } from './tesseract-engine';
import type { FastestTesseractEngineOptions, OcrEngine } from './types';

/**
 * The fastest Tesseract this machine offers, with the model tesseract.js reads. When the native
 * `tesseract` executable runs, whole pages go to it (fed the packaged `4.0.0_best_int` model,
 * unpacked once, so both read with one model; about 1.5× faster than tesseract.js on a page) and
 * region reads go to one warm tesseract.js worker (a native process per small region would spend
 * more time loading the model than reading). Otherwise everything goes to tesseract.js.
 * Native pages are opt-in (`native: true`, or `SOHOA_OCR_ENGINE=native` for the CLI): on one committed
 * seed card front they read the ID with less confidence, so the card stayed unlinked
 * (`test/cli-e2e.test.ts`). The engine's `name` says which reads pages.
 *
 * @example
 * const engine = await createFastestTesseractEngine({ workers: 1 });
 * try { const ocr = await engine.recognize(page); } finally { await engine.dispose(); }
 */
export async function createFastestTesseractEngine(options: FastestTesseractEngineOptions = {}): Promise<OcrEngine> {
  const languages = options.languages ?? ['vie'];
  const wanted = options.native ?? process.env.SOHOA_OCR_ENGINE === 'native';
  const shared = {
    languages,
    ...(options.psm !== undefined ? { psm: options.psm } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.upscaleBelowTextHeight !== undefined ? { upscaleBelowTextHeight: options.upscaleBelowTextHeight } : {}),
    ...(options.downscaleAboveTextHeight !== undefined
      ? { downscaleAboveTextHeight: options.downscaleAboveTextHeight }
      : {}),
  };
  const wasm = createTesseractEngine({
    ...shared,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
  });
  if (!wanted || !isNativeTesseractAvailable(options.binary)) return wasm;
  const tessdataDir = await unpackedLanguageFolder(languages);
  const native = createNativeTesseractEngine({
    ...shared,
    tessdataDir,
    ...(options.binary ? { binary: options.binary } : {}),
    ...(options.workers !== undefined ? { concurrency: options.workers } : {}),
  });
  return {
    name: native.name,
    recognize: (page, call = {}) => (call.regions ? wasm : native).recognize(page, call),
    async dispose() {
      await Promise.all([native.dispose(), wasm.dispose()]);
    },
  };
}
