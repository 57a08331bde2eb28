import type { Box, OcrPage, PageImage } from '@sohoa/core';

/**
 * Tesseract page segmentation mode: 3 = automatic layout, 4 = one column, 6 = one uniform block,
 * 7 = one line, 8 = one word, 11 = sparse text, 13 = raw line.
 */
export type PageSegMode = 1 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13;

/** A rectangle of the page to recognise on its own. */
export interface OcrRegion {
  /** In page pixels. */
  box: Box;
  /** Segmentation mode for this region; defaults to the call's `psm`. */
  psm?: PageSegMode;
  /** Caller's name for the region (not used by the engine; kept for the caller's bookkeeping). */
  id?: string;
}

/** Options for one `recognize` call. */
export interface RecognizeOptions {
  /** Recognise only these rectangles; returned lines and words carry page coordinates. */
  regions?: OcrRegion[];
  /** Segmentation mode; defaults to the engine's. */
  psm?: PageSegMode;
  /** Cancels the call; it rejects with `OCR_ABORTED`. */
  signal?: AbortSignal;
  /** Wall-clock limit per recognition job (the page, or each region); defaults to the engine's. */
  timeoutMs?: number;
  /** Languages for this call; must be a subset of the engine's languages. */
  languages?: string[];
  /**
   * Use the page's text layer (`PageImage.textLayer`, set by `@sohoa/ingest` for born-digital PDFs)
   * instead of OCR; with `regions`, the text-layer lines inside each region, OCR only where none.
   * @default true
   */
  useTextLayer?: boolean;
}

/** Turns page images into text with positions. One interface, several implementations. */
export interface OcrEngine {
  /** Engine name, copied into `OcrPage.engine`. */
  readonly name: string;
  /** Recognise a page (or some regions of it). */
  recognize(page: PageImage, options?: RecognizeOptions): Promise<OcrPage>;
  /** Release workers; idempotent. Later `recognize` calls reject with `OCR_ENGINE_DISPOSED`. */
  dispose(): Promise<void>;
}

/** Options for `createTesseractEngine`; all optional, resolved once by `resolveTesseractEngineOptions`. */
export interface TesseractEngineOptions {
  /**
   * Worker threads in the pool, started lazily on demand.
   * @default Math.min(os.availableParallelism(), 2)
   */
  workers?: number;
  /**
   * Languages loaded into each worker (traineddata file names).
   * @default ['vie']
   */
  languages?: string[];
  /**
   * Folder holding `<lang>.traineddata.gz`; by default the files of the installed
   * `@tesseract.js-data/<lang>` packages (model `4.0.0_best_int`) are used. Never a URL.
   */
  langPath?: string;
  /**
   * Default page segmentation mode.
   * @default 6
   */
  psm?: PageSegMode;
  /**
   * Replace a worker after this many recognition jobs, to bound its memory.
   * @default 200
   */
  recycleAfter?: number;
  /**
   * Wall-clock limit per recognition job, in ms; the worker is terminated and replaced when it fires.
   * @default 60_000
   */
  timeoutMs?: number;
  /**
   * Upscale ×2 before OCR when the estimated text line height is below this many pixels; 0 disables.
   * @default 20
   */
  upscaleBelowTextHeight?: number;
  /**
   * Read a whole page at a lower resolution when its estimated text line height is above this many
   * pixels (scaled so lines are about 28 pixels high, at most halved): text that large reads as well
   * smaller, and OCR time grows with the pixels. Regions are never scaled down; 0 disables.
   * @default 44
   */
  downscaleAboveTextHeight?: number;
  /**
   * Limit for a worker to start (load language data), in ms.
   * @default 30_000
   */
  startTimeoutMs?: number;
}

/** {@link TesseractEngineOptions} with every default filled in. */
export interface ResolvedTesseractEngineOptions {
  workers: number;
  languages: string[];
  langPath: string | undefined;
  psm: PageSegMode;
  recycleAfter: number;
  timeoutMs: number;
  upscaleBelowTextHeight: number;
  downscaleAboveTextHeight: number;
  startTimeoutMs: number;
}

/** Options for `createNativeTesseractEngine`; all optional. */
/** Options of `createFastestTesseractEngine`. */
export interface FastestTesseractEngineOptions {
  /**
   * Read whole pages with the native executable when it runs. @default false, unless `SOHOA_OCR_ENGINE=native`
   */
  native?: boolean;
  /** The native executable. @default 'tesseract' */
  binary?: string;
  /** Pages read at once (native processes or tesseract.js workers). @default Math.min(os.availableParallelism(), 2) */
  workers?: number;
  /** Packaged languages (`@tesseract.js-data/<lang>`). @default ['vie'] */
  languages?: string[];
  /** @default 6 */
  psm?: PageSegMode;
  /** @default 60_000 */
  timeoutMs?: number;
  /** @default 20 */
  upscaleBelowTextHeight?: number;
  /**
   * Read a whole page at a lower resolution when its estimated text line height is above this many
   * pixels (scaled so lines are about 28 pixels high, at most halved): text that large reads as well
   * smaller, and OCR time grows with the pixels. Regions are never scaled down; 0 disables.
   * @default 44
   */
  downscaleAboveTextHeight?: number;
}

export interface NativeTesseractEngineOptions {
  /**
   * The `tesseract` executable (a path, or a name looked up on `PATH`).
   * @default 'tesseract'
   */
  binary?: string;
  /**
   * Processes run at once.
   * @default Math.min(os.availableParallelism(), 2)
   */
  concurrency?: number;
  /**
   * Languages (installed traineddata names, e.g. Debian's `tesseract-ocr-vie`).
   * @default ['vie']
   */
  languages?: string[];
  /**
   * Default page segmentation mode.
   * @default 6
   */
  psm?: PageSegMode;
  /**
   * Wall-clock limit per recognition job, in ms; the process is killed when it fires.
   * @default 60_000
   */
  timeoutMs?: number;
  /**
   * Upscale ×2 before OCR when the estimated text line height is below this many pixels; 0 disables.
   * @default 20
   */
  upscaleBelowTextHeight?: number;
  /**
   * Read a whole page at a lower resolution when its estimated text line height is above this many
   * pixels (scaled so lines are about 28 pixels high, at most halved): text that large reads as well
   * smaller, and OCR time grows with the pixels. Regions are never scaled down; 0 disables.
   * @default 44
   */
  downscaleAboveTextHeight?: number;
  /** Folder of `.traineddata` files (`--tessdata-dir`); the binary's default when omitted. */
  tessdataDir?: string;
}

/** Canned answer for the fake engine: a full `OcrPage`, or plain text (one line per `\n`). */
export type FakeOcrResponder = (page: PageImage) => OcrPage | string;
