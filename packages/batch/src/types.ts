import type { Box, Diagnostic, DocumentRecord, OcrPage, PageImage } from '@sohoa/core';

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
  /** Files processed at once. @default 2 */
  concurrency?: number;
  /** Stop between files when aborted; files not started are reported as `skipped`. */
  signal?: AbortSignal;
  /** Called after each file. */
  onProgress?: (event: ProgressEvent) => void;
  /** Limits passed to ingest. */
  ingest?: { maxBytes?: number; maxPixels?: number; maxPages?: number };
}

export type FileStatus = 'stored' | 'unchanged' | 'extracted' | 'failed' | 'skipped';

/** What happened to one input file. */
export interface FileResult {
  file: string;
  status: FileStatus;
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
