import type { Box, Diagnostic, PageImage } from '@sohoa/core';

/** A file to ingest: a path on disk, or bytes with a display name (the name is only used in messages). */
export type IngestInput = string | { bytes: Uint8Array; name: string };

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

export type { PageImage };

/** Why a text layer was or was not trusted (see `assessTextLayer`). */
export type TextLayerVerdict = 'ok' | 'too-little-text' | 'broken-encoding' | 'junk-tokens' | 'vietnamese-without-diacritics';

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
