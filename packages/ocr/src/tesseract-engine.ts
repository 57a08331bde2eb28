import type Tesseract from 'tesseract.js';
import type { OcrLine } from '@sohoa/core';
import { linesFromBlocks, type TesseractBlock } from './internal/blocks';
import { resolveLanguageFolder } from './internal/language-data';
import type { PreparedImage } from './internal/prepare';
import type { EngineCore } from './internal/recognize-page';
import { engineOf } from './internal/engine-of';
import { WorkerPool } from './internal/worker-pool';
import { resolveTesseractEngineOptions } from './options';
import type { OcrEngine, PageSegMode, RecognizeOptions, TesseractEngineOptions } from './types';

const NAME = 'tesseract.js';
const MIN_DPI = 70;

function tesseractParameters(psm: PageSegMode, prepared: PreparedImage): Record<string, string> {
  const parameters: Record<string, string> = { tessedit_pageseg_mode: String(psm) };
  // A declared resolution spares Tesseract its estimate (and its stderr notice about it).
  if (prepared.dpi !== undefined && prepared.dpi >= MIN_DPI) parameters.user_defined_dpi = String(prepared.dpi);
  return parameters;
}

/**
 * An offline tesseract.js OCR engine: a lazily started pool of worker threads (default
 * `min(cores, 2)`), language data read from the installed `@tesseract.js-data/*` packages, worker
 * recycling, per-job timeouts, cancellation, and one retry on a fresh worker after a crash.
 *
 * @example
 * const engine = createTesseractEngine();
 * try { const ocr = await engine.recognize(page); } finally { await engine.dispose(); }
 */
export function createTesseractEngine(options: TesseractEngineOptions = {}): OcrEngine {
  const config = resolveTesseractEngineOptions(options);
  let folder: Promise<string> | undefined;
  const pool = new WorkerPool({
    engine: NAME,
    size: config.workers,
    languages: config.languages,
    languageFolder: () => (folder ??= resolveLanguageFolder(config.languages, config.langPath)),
    recycleAfter: config.recycleAfter,
    startTimeoutMs: config.startTimeoutMs,
  });
  let disposed = false;

  async function recognizeImage(
    prepared: PreparedImage,
    psm: PageSegMode,
    page: number,
    call: RecognizeOptions,
    languages: string[],
  ): Promise<OcrLine[]> {
    const result = await pool.run(
      (worker: Tesseract.Worker) =>
        worker.recognize(
          Buffer.from(prepared.bytes.buffer, prepared.bytes.byteOffset, prepared.bytes.byteLength),
          tesseractParameters(psm, prepared) as never,
          {
            blocks: true,
            text: false,
          },
        ),
      { page, timeoutMs: call.timeoutMs ?? config.timeoutMs, signal: call.signal, languages },
    );
    return linesFromBlocks(result.data.blocks as unknown as TesseractBlock[] | null);
  }

  const core: EngineCore = {
    name: NAME,
    psm: config.psm,
    languages: config.languages,
    upscaleBelowTextHeight: config.upscaleBelowTextHeight,
    downscaleAboveTextHeight: config.downscaleAboveTextHeight,
    recognizeImage,
  };
  return engineOf(core, {
    disposed: () => disposed,
    async dispose() {
      disposed = true;
      await pool.dispose();
    },
  });
}
