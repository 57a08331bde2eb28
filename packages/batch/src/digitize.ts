import { isSohoaError, SohoaError, type Diagnostic } from '@sohoa/core';
import { safeExtractDocument } from '@sohoa/extract';
import { readPages } from '@sohoa/ingest';
import type { DigitizeOptions, DigitizeSummary, FileResult, FileStatus } from './types';

function failure(file: string, error: unknown, started: number, pages = 0): FileResult {
  const known = isSohoaError(error);
  return {
    file,
    status: 'failed',
    error: known ? { code: error.code, message: error.message } : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) },
    diagnostics: known ? error.diagnostics : [],
    pages,
    ms: Date.now() - started,
  };
}

/**
 * Digitises one file: ingest → OCR of every page → extract → vault. Expected problems come back
 * as a `failed` result with a stable code; nothing throws for a bad file.
 */
export async function digitizeFile(file: string, options: DigitizeOptions): Promise<FileResult> {
  const started = Date.now();
  let pageCount = 0;
  try {
    const pages = await readPages(file, { ...options.ingest, signal: options.signal });
    pageCount = pages.length;
    const ocr = await Promise.all(pages.map((page) => options.engine.recognize(page, { signal: options.signal })));
    const extracted = await safeExtractDocument({ pages, ocr }, { asOf: options.asOf, recognizer: options.engine, ...(options.signal ? { signal: options.signal } : {}) });
    const diagnostics: Diagnostic[] = [...pages.flatMap((p) => p.diagnostics), ...ocr.flatMap((o) => o.diagnostics)];
    if (!extracted.ok) {
      return { file, status: 'failed', error: { code: 'EXTRACT_UNKNOWN_DOCUMENT', message: extracted.diagnostics[0]?.message ?? 'Unknown document.' }, diagnostics: [...diagnostics, ...extracted.diagnostics], pages: pageCount, ms: Date.now() - started };
    }
    const record = extracted.value;
    diagnostics.push(...record.diagnostics);
    let status: FileStatus = 'extracted';
    let documentId: string | undefined;
    if (options.vault) {
      try {
        const stored = await options.vault.putDocument(record);
        documentId = stored.documentId;
        status = stored.created ? 'stored' : 'unchanged';
      } catch (error) {
        // Keep what was read: the record is reported even when the vault refuses it.
        return { ...failure(file, error, started, pageCount), record, diagnostics: [...diagnostics, ...failure(file, error, started).diagnostics] };
      }
    }
    return { file, status, record, ...(documentId ? { documentId } : {}), diagnostics, pages: pageCount, ms: Date.now() - started };
  } catch (error) {
    return failure(file, error, started, pageCount);
  }
}

/**
 * Digitises many files with bounded concurrency. Results keep the input order; one bad file
 * never stops the others.
 */
export async function digitizeFiles(files: string[], options: DigitizeOptions): Promise<DigitizeSummary> {
  if (files.length === 0) throw new SohoaError('BATCH_NO_INPUT', 'No supported files to digitise: pass image or PDF files, or folders that contain them.');
  const started = Date.now();
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index]!;
      const result = options.signal?.aborted
        ? { file, status: 'skipped' as const, diagnostics: [], pages: 0, ms: 0 }
        : await digitizeFile(file, options);
      results[index] = result;
      done++;
      options.onProgress?.({ done, total: files.length, file, status: result.status, pages: result.pages });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  const counts: Record<FileStatus, number> = { stored: 0, unchanged: 0, extracted: 0, failed: 0, skipped: 0 };
  for (const r of results) counts[r.status]++;
  return { results, counts, pages: results.reduce((n, r) => n + r.pages, 0), ms: Date.now() - started };
}
