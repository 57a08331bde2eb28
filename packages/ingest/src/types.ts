import type { Box, Diagnostic, PageImage, PagePreprocessing, PageQualityMetrics } from '@sohoa/core';

/**
 * File contents as bytes of any kind: a `Uint8Array` (a view with any `byteOffset`), a Node `Buffer`, any other
 * typed array or `DataView` (its bytes), or an `ArrayBuffer`. Ingest reads them without changing or detaching them.
 */
export type IngestBytes = ArrayBufferView | ArrayBufferLike;

/**
 * A file to ingest: a path on disk, bytes with a display name (the name is only used in messages), or bare
 * bytes (named `input` in messages).
 */
export type IngestInput = string | IngestBytes | { bytes: IngestBytes; name: string };

/** File types recognised from magic bytes. */
export type FileType = 'jpeg' | 'png' | 'webp' | 'tiff' | 'bmp' | 'gif' | 'pdf' | 'unknown';

/** What to do with a page that cannot become a page image yet (a born-digital PDF page, an unsupported PDF image encoding). */
export type UnsupportedPagePolicy = 'error' | 'skip';

/** Options for {@link readPages}; every field is optional and resolved once by `resolveIngestOptions`. */
export interface IngestOptions {
  /**
   * Largest accepted file, in bytes.
   * @default 209_715_200 (200 MB)
   */
  maxBytes?: number;
  /**
   * Largest accepted page, in pixels (width × height), checked from the header before decoding.
   * @default 100_000_000 (100 megapixels)
   */
  maxPixels?: number;
  /**
   * Largest accepted number of pages in one file.
   * @default 500
   */
  maxPages?: number;
  /**
   * Wall-clock limit for decoding one page, in milliseconds.
   * @default 60_000
   */
  pageTimeoutMs?: number;
  /** Cancels the read; the promise rejects with code `ABORTED`. */
  signal?: AbortSignal;
  /**
   * Pages that cannot be decoded yet: `error` throws, `skip` leaves them out and reports a warning.
   * @default 'error'
   */
  unsupportedPages?: UnsupportedPagePolicy;
  /** Receives warnings about skipped pages (no personal data). */
  report?: (diagnostic: Diagnostic) => void;
  /**
   * Resolution for rasterising PDF pages that are not plain scans (born-digital, mixed, or images
   * in encodings that are not extracted directly such as CCITT, JBIG2, JPEG 2000).
   * @default 300
   */
  renderDpi?: number;
  /**
   * PDF text layers: `auto` reads them and keeps those `assessTextLayer` judges usable (as
   * `PageImage.textLayer`); `ignore` never reads them (every page goes to OCR).
   * @default 'auto'
   */
  textLayer?: 'auto' | 'ignore';
  /**
   * Preprocess page images that will be OCRed (no text layer): `auto` turns scanned-turned pages
   * upright and deskews them; `false` leaves pixels as decoded; or pass explicit `PreprocessOptions`.
   * What was done is recorded on `PageImage.preprocessing` (with the transform back to file pixels).
   * @default 'auto'
   */
  preprocess?: PagePreprocessOption;
  /**
   * The quality gate (`assessPageQuality`): measures go to `PageImage.quality` and findings to
   * `PageImage.diagnostics`; `false` skips it; an object sets its thresholds. Not run on text-layer pages.
   * @default true
   */
  quality?: boolean | PageQualityThresholds;
  /**
   * Receives the wall-clock milliseconds of the quality gate (`quality`) and of the preprocessing
   * steps (`preprocess`) of each page, for run reports and benchmarks.
   */
  onTiming?: (stage: 'quality' | 'preprocess', ms: number, page: number) => void;
}

/** {@link IngestOptions} with every default filled in. */
export interface ResolvedIngestOptions {
  maxBytes: number;
  maxPixels: number;
  maxPages: number;
  pageTimeoutMs: number;
  signal: AbortSignal | undefined;
  unsupportedPages: UnsupportedPagePolicy;
  report: (diagnostic: Diagnostic) => void;
  renderDpi: number;
  textLayer: 'auto' | 'ignore';
  /** `false` or the steps to run on pages without a text layer. */
  preprocess: PreprocessOptions | false;
  /** `false` or the quality gate's thresholds. */
  quality: PageQualityThresholds | false;
  onTiming: ((stage: 'quality' | 'preprocess', ms: number, page: number) => void) | undefined;
}

/** Options for `listInputFiles`. */
export interface ListInputFilesOptions {
  /**
   * Descend into sub-folders.
   * @default true
   */
  recursive?: boolean;
}

/** A rectangle in page pixels; an alias kept so callers of `cropPage` need only this package. */
export type CropBox = Box;

/** An encoded image ready for an OCR engine or a file. */
export interface EncodedImage {
  /** `pgm`/`ppm` (Netpbm, header + raw bytes) or `png`. */
  format: 'pgm' | 'ppm' | 'png';
  bytes: Uint8Array;
}

/** Options for `toPng`. */
export interface ToPngOptions {
  /**
   * zlib level 0–9; low levels are much faster on full pages.
   * @default 6
   */
  compressionLevel?: number;
}

export type { PageImage, PagePreprocessing, PageQualityMetrics };

/** Why a text layer was or was not trusted (see `assessTextLayer`). */
export type TextLayerVerdict =
  | 'ok'
  | 'too-little-text'
  | 'broken-encoding'
  | 'junk-tokens'
  | 'vietnamese-without-diacritics';

/** Verdict on a PDF text layer, with the measures behind it (no text is echoed). */
export interface TextLayerAssessment {
  usable: boolean;
  reason: TextLayerVerdict;
  metrics: {
    /** Word-like tokens (holding a letter). */
    tokens: number;
    /** Share of tokens shaped like a Vietnamese syllable (diacritics ignored). */
    syllableShare: number;
    /** Share of those syllables that carry a Vietnamese diacritic (about 0.6–0.8 in real Vietnamese text). */
    diacriticShare: number;
    /** Share of tokens with foreign letters, a digit inside a lowercase word, or a lower→upper case flip. */
    junkShare: number;
    /** Share of characters that are U+FFFD, control or private-use (broken font encodings). */
    brokenShare: number;
  };
}

/** Options of `estimateSkew` and `deskewPage`. */
export interface DeskewOptions {
  /**
   * Largest skew, in degrees either way, that is searched for and corrected.
   * @default 15
   */
  maxAngle?: number;
  /**
   * Skews smaller than this (degrees) are left alone: rotating resamples the page and costs time.
   * @default 0.1
   */
  minAngle?: number;
}

/** Estimated skew of a page's text lines. */
export interface SkewEstimate {
  /** Degrees the content is rotated clockwise (positive) or anticlockwise (negative); 0 when no text was found. */
  angle: number;
  /** 0..1: how much sharper the line profile is at `angle` than at a flat search; low on blank or non-text pages. */
  confidence: number;
  /** Median height in page pixels of the ink bands (text lines) at `angle`; `undefined` when none was found. */
  textHeight?: number;
  /** Number of text lines found at `angle`. */
  lines: number;
}

/** Options of `normalizeContrast`. */
export interface NormalizeContrastOptions {
  /**
   * Share of darkest and of lightest pixels clipped when stretching (0..0.2).
   * @default 0.005
   */
  clip?: number;
}

/** Options of `cropToContent`. */
export interface CropToContentOptions {
  /**
   * White margin kept around the content, in pixels.
   * @default 2% of the shorter side
   */
  margin?: number;
}

/** Options of `binarizePage`. */
export interface BinarizeOptions {
  /** `otsu`: one global threshold; `sauvola`: a local threshold per window. @default 'sauvola' */
  method?: 'otsu' | 'sauvola';
  /** Sauvola window side in pixels. @default 1/25 of the shorter side, at least 15 */
  window?: number;
  /** Sauvola sensitivity (higher keeps less ink). @default 0.2 */
  k?: number;
}

/** Options of `normalizeScale` (DPI normalisation). */
export interface NormalizeScaleOptions {
  /** Text-line height (ink band, ascender to descender) to scale to, in pixels. @default 32 */
  targetTextHeight?: number;
  /** Leave the page alone when the factor is within 1 ± this. @default 0.15 */
  tolerance?: number;
  /** Smallest factor (strongest downsampling). @default 0.25 */
  minFactor?: number;
  /** Largest factor (strongest upsampling). @default 3 */
  maxFactor?: number;
}

/**
 * Options of `preprocessPage`: each step can be turned on or off. Steps run in the order grey →
 * contrast → orient → deskew → scale → crop → binarize. The first five are on by default in
 * `preprocessPage`; `scale` and `binarize` are opt-in.
 */
export interface PreprocessOptions {
  /** Turn pages scanned at 90/180/270° upright (`true`, `false` or the options of `orientPage`). @default true */
  orient?: boolean | OrientOptions;
  /** Deskew (`true`, `false` or the options of `deskewPage`). @default true */
  deskew?: boolean | DeskewOptions;
  /** Stretch contrast (`true`, `false` or the options of `normalizeContrast`). @default true */
  contrast?: boolean | NormalizeContrastOptions;
  /** Crop to content (`true`, `false` or the options of `cropToContent`). @default true */
  crop?: boolean | CropToContentOptions;
  /** Convert to 1-channel grey first (cheaper for every later step and for OCR). @default true */
  grey?: boolean;
  /** DPI normalisation: rescale so text lines are about 32 px high (`true`, `false` or the options of `normalizeScale`). @default false */
  scale?: boolean | NormalizeScaleOptions;
  /** Binarise (`true` = Sauvola, `false`, or the options of `binarizePage`). @default false */
  binarize?: boolean | BinarizeOptions;
}

/**
 * Preprocessing in `readPages`: `auto` (measured defaults, see `AUTO_PREPROCESS`), `false` (none; the
 * quality gate still runs unless turned off), or explicit steps. Pages with a usable text layer are
 * never preprocessed: their text positions must stay valid.
 */
export type PagePreprocessOption = 'auto' | false | PreprocessOptions;

/** `ok`: go ahead; `poor`: OCR will likely make errors (preprocessing may help); `rescan`: do not spend OCR time. */
export type PageQualityVerdict = 'ok' | 'poor' | 'rescan';

/** Thresholds of `assessPageQuality` (the defaults suit 8-bit office scans of A4 text). */
export interface PageQualityThresholds {
  /** Below this dpi: `poor`. @default 200 */
  poorDpi?: number;
  /** Below this dpi: `rescan`. @default 100 */
  rescanDpi?: number;
  /** Below this sharpness: `poor`. @default 60 */
  poorSharpness?: number;
  /** Below this sharpness: `rescan`. @default 15 */
  rescanSharpness?: number;
  /** Below this contrast (grey levels between the 1st and 99th percentile): `poor`. @default 100 */
  poorContrast?: number;
  /** Below this contrast: `rescan`. @default 40 */
  rescanContrast?: number;
  /** Text lines shorter than this many pixels: `poor`. @default 18 */
  poorTextHeight?: number;
  /** Text lines shorter than this many pixels: `rescan`. @default 9 */
  rescanTextHeight?: number;
  /** Skews beyond this many degrees are reported (deskewPage fixes them). @default 0.5 */
  skewWarning?: number;
}

/** Measures of a page image's fitness for OCR (see `assessPageQuality`) with one diagnostic per finding; no content is echoed. */
export interface PageQuality extends PageQualityMetrics {
  /** One diagnostic per finding (codes `INGEST_QUALITY_*`, origin `ingest`), worst first. */
  diagnostics: Diagnostic[];
}

/** How a page was scanned turned (see `detectOrientation`). */
export interface OrientationEstimate {
  /** Degrees the content is turned clockwise; rotate by `360 - rotation` to make it upright. */
  rotation: 0 | 90 | 180 | 270;
  /** 0..1; low on pages with little text. */
  confidence: number;
  /** Text lines the up/down test used. */
  lines: number;
}

/** Options of `orientPage` (and the `orient` step). */
export interface OrientOptions {
  /** Turn only when `detectOrientation` is at least this sure. @default 0.1 */
  minConfidence?: number;
  /**
   * Turn only pages with at least this many text lines: on ID cards the photo, chip and MRZ can fool
   * the up/down test, while full pages of text are read reliably.
   * @default 0
   */
  minLines?: number;
}
