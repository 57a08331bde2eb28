import type { IngestOptions } from '@sohoa/ingest';
import type {
  Box,
  DigitisedPageQuality,
  Diagnostic,
  DocumentRecord,
  LinkDecision,
  OcrPage,
  PageImage,
} from '@sohoa/core';
import type { Dossier, DossierInput, Procedure } from '@sohoa/vault';
import type { Journal } from './journal/types';
import type { ManifestEntry } from './manifest';

/** Anything that recognises a page: the `OcrEngine` of `@sohoa/ocr` fits. */
export interface PageRecognizer {
  recognize(
    page: PageImage,
    options?: { signal?: AbortSignal; regions?: Array<{ box: Box; psm?: 6 | 7 }> },
  ): Promise<OcrPage>;
}

/** Where digitised records go: the `Vault` of `@sohoa/vault` fits. */
export interface DocumentSink {
  /** Stores a record; a record without a subject is stored unlinked (the vault's `link` says why and lists candidates). */
  putDocument(record: DocumentRecord): Promise<{ documentId: string; created: boolean; link?: LinkDecision }>;
  /**
   * Attaches files to the dossiers a manifest names, safely when several workers (or machines) write
   * one dossier; the reader needs a grant on the subject. A `@sohoa/vault` vault has it.
   */
  updateDossier?(code: string, update: (current: Dossier | undefined) => DossierInput | undefined): Promise<unknown>;
  /** Used (with `putDossier`) when there is no `updateDossier`: safe only within one process. */
  getDossier?(code: string): Promise<Dossier | undefined>;
  putDossier?(input: DossierInput): Promise<unknown>;
}

/** A module that creates the OCR engine inside each worker process. */
export interface EngineModule {
  /** Package name (resolved from `@sohoa/batch`) or absolute path of an ES module, e.g. `@sohoa/ocr`. */
  module: string;
  /** Name of the exported factory, called with `options`. @default 'createEngine' */
  export?: string;
  /** JSON-serialisable options for the factory, e.g. `{ workers: 1 }`. */
  options?: unknown;
}

/**
 * Run each file's ingest → OCR → extraction in a pool of child processes, so that a file that crashes
 * its process (native crash, out of memory, `process.exit`) or hangs it (even in a synchronous loop)
 * fails alone: the process is killed or replaced and the file is retried, then parked.
 */
export interface ProcessIsolationOptions {
  /** How each worker process creates its OCR engine. */
  engine: EngineModule;
  /** Worker processes. @default the batch `concurrency` */
  processes?: number;
  /** Files a worker process handles before it is replaced by a fresh one (bounds memory growth). @default 500 */
  recycleAfter?: number;
  /** Pages a worker process reads before it is replaced (a few long PDFs count as much as many cards). @default 1000 */
  recycleAfterPages?: number;
  /** Resident memory (MB) past which a worker process is replaced after its file. @default 1536 */
  recycleAboveRssMb?: number;
  /** V8 heap limit of each worker process in MB (`--max-old-space-size`); past it the process dies and its file fails alone. @default 1024 */
  maxHeapMb?: number;
  /** Time for a worker process to start and create its engine. @default 60000 */
  startTimeoutMs?: number;
}

export interface DigitizeOptions {
  /** OCR engine used in this process; its pool decides how many pages run at once. Required unless `isolation` is given. */
  engine?: PageRecognizer;
  /** Process each file in a worker process instead of in this one (see {@link ProcessIsolationOptions}). @default none: in this process */
  isolation?: ProcessIsolationOptions;
  /** Where to store each record; omitted = extract only. */
  vault?: DocumentSink;
  /** Reference date for document status (ISO). @default today */
  asOf?: string;
  /**
   * Folder of the public administrative-unit datasets (`loadGazetteer({ dir })` of `@sohoa/vn`): places
   * read from documents are checked against its units (a tone slip in a unit name snapped when one unit
   * matches, an unknown unit kept below the fill threshold). Loaded once per process, workers included.
   * @default the `SOHOA_GAZETTEER_DIR` environment variable, else none (only provinces are checked)
   */
  gazetteerDir?: string;
  /** What a manifest says about each file, by absolute path: expected type and subject, agency, procedure, dossier. */
  manifest?: Map<string, ManifestEntry>;
  /**
   * Procedures by code, to attach manifest files to the requirement of the dossier they answer (by
   * `documentTypes`). A procedure not listed is kept as its code, with one requirement per type seen.
   */
  procedures?: Map<string, Procedure>;
  /** Store only results still valid on `asOf`; others are reported as `not-valid`. @default false */
  onlyValid?: boolean;
  /** Files processed at once. @default 2 */
  concurrency?: number;
  /** Stop between files when aborted; files not started are reported as `skipped`. */
  signal?: AbortSignal;
  /** Called after each file. */
  onProgress?: (event: ProgressEvent) => void;
  /** Limits, quality gate and preprocessing passed to ingest's `readPages` (defaults: its `auto` preprocessing, gate on). */
  ingest?: Pick<IngestOptions, 'maxBytes' | 'maxPixels' | 'maxPages' | 'preprocess' | 'quality'>;
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
  /** Wall-clock limit for one attempt at one file; on expiry its OCR is cancelled (or its worker process killed) and the attempt fails with `BATCH_FILE_TIMEOUT`. @default 300000 */
  fileTimeoutMs?: number;
  /**
   * Keep each file's `record` in the summary. Turn it off for long runs: memory then stays flat, the
   * vault has the records, and `documentType`/`fieldsForReview` still feed the report. @default true
   */
  retainRecords?: boolean;
  /**
   * Keep each page's OCR words (`FileResult.pageWords`, boxes in the pixels of the page as decoded, before
   * preprocessing), e.g. for the text layer of a digitised copy without a second OCR pass. @default false
   */
  keepWords?: boolean;
}

/** The OCR of one page as the digitised copy's text layer needs it: words on the page as decoded from the file. */
export interface PageWords {
  /** 1-based page number in the file. */
  page: number;
  /** Size of the page as decoded (before preprocessing): the pixels the boxes are in. */
  width: number;
  height: number;
  text: string;
  words: Array<{ text: string; box: Box }>;
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
  /** The dossier the manifest attaches this file to, and whether it is attached in the vault. */
  dossier?: DossierAttachment;
  /** Wall-clock milliseconds of the pipeline stages for this file's last attempt (OCR re-reads of regions count as extraction). */
  timings?: StageTimings;
  /** Processing attempts recorded for this file (journal), including this run's. */
  attempts?: number;
  record?: DocumentRecord;
  /** The record's type, kept when `retainRecords` is off. */
  documentType?: string;
  /** Fields of the record below the review threshold, kept when `retainRecords` is off. */
  fieldsForReview?: number;
  documentId?: string;
  /**
   * Whose document it is and what proved it (the vault's decision when stored), or why it is unlinked and
   * who it may be. Candidate ids are personal data: show them to the operator, never log them.
   */
  link?: LinkDecision;
  /** Set when `status` is `failed`: a stable code and a message without personal data. */
  error?: { code: string; message: string };
  diagnostics: Diagnostic[];
  pages: number;
  ms: number;
  /** With `keepWords`: each page's OCR words (in memory only, never journaled). */
  pageWords?: PageWords[];
}

/** Where a manifest file went in its dossier. */
export interface DossierAttachment {
  code: string;
  role: 'component' | 'result';
  /** True once the vault's dossier lists the file (also when an earlier run attached it). */
  attached: boolean;
  /** For a component: the procedure requirement it answers. */
  requirementId?: string;
}

/** Time spent in each stage of the pipeline for one file. */
export interface StageTimings {
  /** Decoding, quality gate and preprocessing. */
  ingestMs: number;
  /** OCR before extraction (full pages, or the regions codes leave unread). */
  ocrMs: number;
  /** Extraction, including the region re-reads it asks for (`regionMs`). */
  extractMs: number;
  /** Of `ingestMs`: the quality gate. */
  qualityMs?: number;
  /** Of `ingestMs`: preprocessing (orientation, deskew). */
  preprocessMs?: number;
  /** Finding and decoding QR codes. */
  qrMs?: number;
  /** Of `extractMs`: wall time with at least one region re-read in flight. */
  regionMs?: number;
  /** Full-page OCR passes. */
  ocrPasses?: number;
  /** Region OCR calls (each may read several boxes). */
  regionReads?: number;
  /** Storing the record (and attaching it to its dossier). */
  vaultMs?: number;
}

/** What the ingest → OCR → extraction pipeline yields for one file (plain data: it crosses process boundaries). */
export interface PipelineOutput {
  record?: DocumentRecord;
  pages: number;
  pageQuality: DigitisedPageQuality[];
  diagnostics: Diagnostic[];
  error?: { code: string; message: string };
  timings: StageTimings;
  /** With `keepWords`: each page's OCR words, mapped back to the page as decoded. */
  pageWords?: PageWords[];
}

export interface ProgressEvent {
  done: number;
  total: number;
  file: string;
  status: FileStatus;
  pages: number;
  /** The document type read, `null` when none was (failed, unknown document). */
  type: string | null;
  /** The vault's id of the stored (or unchanged) document, `null` when none was stored. */
  documentId: string | null;
  /** Number of fields read. */
  fields: number;
}

export interface DigitizeSummary {
  results: FileResult[];
  counts: Record<FileStatus, number>;
  pages: number;
  ms: number;
  /** Milliseconds from starting each isolated worker process to its engine being ready (replacements included). */
  workerStartMs?: number[];
}
