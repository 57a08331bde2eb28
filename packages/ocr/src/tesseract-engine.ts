import type Tesseract from 'tesseract.js';
import { SohoaError, createDiagnostic, type Diagnostic, type OcrLine, type OcrPage, type PageImage } from '@sohoa/core';
import { linesFromBlocks, type TesseractBlock } from './internal/blocks';
import { abortedError, disposedError } from './internal/errors';
import { offsetLine } from './internal/geometry';
import { resolveLanguageFolder } from './internal/language-data';
import { prepareImage, type PreparedImage } from './internal/prepare';
import { WorkerPool } from './internal/worker-pool';
import { assertPageSegMode, resolveTesseractEngineOptions } from './options';
import type { OcrEngine, PageSegMode, RecognizeOptions, TesseractEngineOptions } from './types';

const NAME = 'tesseract.js';
const MIN_DPI = 70;

function tesseractParameters(psm: PageSegMode, prepared: PreparedImage): Record<string, string> {
  const parameters: Record<string, string> = { tessedit_pageseg_mode: String(psm) };
  // A declared resolution spares Tesseract its estimate (and its stderr notice about it).
  if (prepared.dpi !== undefined && prepared.dpi >= MIN_DPI) parameters.user_defined_dpi = String(prepared.dpi);
  return parameters;
}

function assertPageImage(page: PageImage): void {
  const { width, height, channels, pixels } = page;
  const valid = Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0 && [1, 3, 4].includes(channels) && pixels.length === width * height * channels;
  if (!valid) {
    throw new SohoaError(
      'OCR_INVALID_OPTION',
      `Page ${page.source.page} is not a valid page image: expected ${width}×${height}×${channels} = ${width * height * channels} bytes of pixels, got ${pixels.length}. Produce pages with \`readPages\` from \`@sohoa/ingest\`.`,
      { details: { page: page.source.page } },
    );
  }
}

function checkLanguages(requested: string[] | undefined, loaded: string[]): string[] {
  if (requested === undefined) return loaded;
  const unknown = requested.filter((language) => !loaded.includes(language));
  if (requested.length === 0 || unknown.length > 0) {
    throw new SohoaError(
      'OCR_INVALID_OPTION',
      `\`languages\` for one call must be a non-empty subset of the engine's languages (${loaded.join(', ')}); add the others to \`createTesseractEngine({ languages })\`.`,
      { details: { option: 'languages' } },
    );
  }
  return requested;
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

  async function recognizeImage(prepared: PreparedImage, psm: PageSegMode, page: number, call: RecognizeOptions, languages: string[]): Promise<OcrLine[]> {
    const result = await pool.run(
      (worker: Tesseract.Worker) =>
        worker.recognize(Buffer.from(prepared.bytes.buffer, prepared.bytes.byteOffset, prepared.bytes.byteLength), tesseractParameters(psm, prepared) as never, {
          blocks: true,
          text: false,
        }),
      { page, timeoutMs: call.timeoutMs ?? config.timeoutMs, signal: call.signal, languages },
    );
    const blocks = result.data.blocks as unknown as TesseractBlock[] | null;
    return linesFromBlocks(blocks).map((line) => offsetLine(line, prepared.dx, prepared.dy, prepared.scale));
  }

  return {
    name: NAME,
    async recognize(page: PageImage, call: RecognizeOptions = {}): Promise<OcrPage> {
      const pageNumber = page.source.page;
      if (disposed) throw disposedError(NAME);
      if (call.signal?.aborted) throw abortedError(pageNumber, call.signal.reason);
      assertPageImage(page);
      const psm = call.psm ?? config.psm;
      assertPageSegMode(psm);
      const languages = checkLanguages(call.languages, config.languages);
      const diagnostics: Diagnostic[] = [];
      const jobs = call.regions ?? [{ box: undefined, psm }];
      const lines: OcrLine[] = [];
      let upscaled = 0;
      // Regions run one after another: pages are the unit of parallelism across the pool.
      for (const [index, region] of jobs.entries()) {
        const regionPsm = region.psm ?? psm;
        assertPageSegMode(regionPsm, `regions[${index}].psm`);
        const prepared = await prepareImage(page, region.box, config.upscaleBelowTextHeight);
        if (!prepared) {
          diagnostics.push(createDiagnostic('OCR_REGION_OUTSIDE_PAGE', 'warning', `Region ${index} lies outside the page and was skipped.`, { origin: 'ocr', page: pageNumber, pointer: `/regions/${index}` }));
          continue;
        }
        if (prepared.scale !== 1) upscaled++;
        lines.push(...(await recognizeImage(prepared, regionPsm, pageNumber, call, languages)));
      }
      if (upscaled > 0) {
        diagnostics.push(createDiagnostic('OCR_UPSCALED', 'info', `Small text: ${upscaled} image(s) were upscaled ×2 before OCR.`, { origin: 'ocr', page: pageNumber }));
      }
      if (lines.length === 0) {
        diagnostics.push(createDiagnostic('OCR_NO_TEXT', 'warning', 'No text was recognised.', { origin: 'ocr', page: pageNumber }));
      }
      const words = lines.flatMap((line) => line.words);
      const confidence = words.length > 0 ? words.reduce((sum, word) => sum + word.confidence, 0) / words.length : 0;
      return {
        source: page.source,
        width: page.width,
        height: page.height,
        text: lines.map((line) => line.text).join('\n'),
        confidence,
        lines,
        engine: NAME,
        diagnostics,
      };
    },
    async dispose(): Promise<void> {
      disposed = true;
      await pool.dispose();
    },
  };
}
