import type { Box, Diagnostic, DocumentRecord, OcrPage, PageImage } from '@sohoa/core';
import type { Journal } from './journal/types';
import type { ManifestEntry } from './manifest';

/** Anything that recognises a page: the `OcrEngine` of `@sohoa/ocr` fits. */
export interface PageRecognizer {
  recognize(page: PageImage, options?: { signal?: AbortSignal; regions?: Array<{ box: Box; psm?: 6 | 7 }> }): Promise<OcrPage>;
}

/** Where digitised records go: the `Vault` of `@sohoa/vault` fits. */
export interface DocumentSink {
  putDocument(record: DocumentRecord): Promise<{ documentId: string; created: boolean }>;
}

export interface DigitizeOptions {
  /** OCR engine; its pool decides how many pages run at once. */
  engine: PageRecognizer;
  /** Where to store each record; omitted = extract only. */
  vault?: DocumentSink;
  /** Reference date for document status (ISO). @default today */
  asOf?: string;
  /** What a manifest says about each file, by absolute path: expected type and subject, agency, procedure, dossier. */
  manifest?: Map<string, ManifestEntry>;
  /** Store only results still valid on `asOf`; others are reported as `not-valid`. @default false */
  onlyValid?: boolean;
  /** Files processed at once. @default 2 */
  concurrency?: number;
  /** Stop between files when aborted; files not started are reported as `skipped`. */
  signal?: AbortSignal;
  /** Called after each file. */
  onProgress?: (event: ProgressEvent) => void;
  /** Limits passed to ingest. */
  ingest?: { maxBytes?: number; maxPixels?: number; maxPages?: number };
  /** Records each file's progress by SHA-256 so a killed run can resume. @default none */
  journal?: Journal;
  /** Skip files the journal has as done (and parked ones, unless `retryParked`). @default false */
  resume?: boolean;
  /** With `resume`, try parked files again. @default false */
  retryParked?: boolean;
  /** Attempts per file for transient failures (OCR crash or time-out) before it is parked. @default 3 */
  maxAttempts?: number;
  /** Fields below this confidence (and fields a cross-check questions) go to the journal's review queue. @default 0.9 */
  reviewThreshold?: number;
  /** Wall-clock limit for one attempt at one file; on expiry its OCR is cancelled and the attempt fails with `BATCH_FILE_TIMEOUT`. @default 300000 */
  fileTimeoutMs?: number;
}

/**
 * `stored`: new in the vault; `unchanged`: the vault (or, on resume, the journal) had it already;
 * `extracted`: read without a vault; `duplicate`: same bytes as an earlier file of this run;
 * `not-valid`: with `onlyValid`, a result expired, revoked or superseded on `asOf` (reported, not stored);
 * `failed`: see `error`; `skipped`: not started because the run was aborted.
 */
export type FileStatus = 'stored' | 'unchanged' | 'extracted' | 'duplicate' | 'not-valid' | 'failed' | 'skipped';

/** What happened to one input file. */
export interface FileResult {
  file: string;
  status: FileStatus;
  /** SHA-256 of the file's bytes, when it could be read. */
  sha256?: string;
  /** For `duplicate`: the earlier file with the same bytes. */
  duplicateOf?: string;
  /** The manifest row of this file, when a manifest was given. */
  manifest?: ManifestEntry;
  /** Processing attempts recorded for this file (journal), including this run's. */
  attempts?: number;
  record?: DocumentRecord;
  documentId?: string;
  /** Set when `status` is `failed`: a stable code and a message without personal data. */
  error?: { code: string; message: string };
  diagnostics: Diagnostic[];
  pages: number;
  ms: number;
}

export interface ProgressEvent {
  done: number;
  total: number;
  file: string;
  status: FileStatus;
  pages: number;
}

export interface DigitizeSummary {
  results: FileResult[];
  counts: Record<FileStatus, number>;
  pages: number;
  ms: number;
}
