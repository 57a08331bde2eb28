import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isSohoaError, sha256Hex, SohoaError, type Diagnostic } from '@sohoa/core';
import { safeExtractDocument } from '@sohoa/extract';
import { readPages } from '@sohoa/ingest';
import { REVIEW_THRESHOLD } from './report';
import { collectReviewItems } from './review/collect';
import type { DigitizeOptions, DigitizeSummary, FileResult, FileStatus } from './types';

const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
// Failures worth another attempt: the engine crashed or timed out. Bad input fails the same way every time.
const TRANSIENT = new Set(['OCR_FAILED', 'OCR_TIMEOUT', 'OCR_INIT_FAILED', 'INGEST_TIMEOUT', 'BATCH_FILE_TIMEOUT', 'INTERNAL']);
const DEFAULT_FILE_TIMEOUT_MS = 300_000;

function toError(error: unknown): { code: string; message: string; diagnostics: Diagnostic[] } {
  if (isSohoaError(error)) return { code: error.code, message: error.message, diagnostics: error.diagnostics };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), diagnostics: [] };
}

async function readInput(file: string, maxBytes: number): Promise<{ bytes: Uint8Array; sha256: string } | undefined> {
  try {
    const info = await stat(file);
    // Too large or not a file: let ingest produce its typed error from the path.
    if (!info.isFile() || info.size > maxBytes) return undefined;
    const bytes = await readFile(file);
    return { bytes, sha256: sha256Hex(bytes) };
  } catch {
    return undefined;
  }
}

async function processOnce(file: string, bytes: Uint8Array | undefined, outer: DigitizeOptions, started: number): Promise<FileResult> {
  const timeoutMs = outer.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const options: DigitizeOptions = { ...outer, signal: outer.signal ? AbortSignal.any([outer.signal, timeout]) : timeout };
  const result = await processWithSignal(file, bytes, options, started);
  if (result.status === 'failed' && timeout.aborted && !outer.signal?.aborted) {
    return { ...result, error: { code: 'BATCH_FILE_TIMEOUT', message: `Processing the file took longer than ${timeoutMs} ms and was stopped; it will be retried, or raise \`fileTimeoutMs\`.` } };
  }
  return result;
}

async function processWithSignal(file: string, bytes: Uint8Array | undefined, options: DigitizeOptions, started: number): Promise<FileResult> {
  let pageCount = 0;
  let record: FileResult['record'];
  const diagnostics: Diagnostic[] = [];
  try {
    const input = bytes ? { bytes, name: file } : file;
    const pages = await readPages(input, { ...options.ingest, ...(options.signal ? { signal: options.signal } : {}) });
    pageCount = pages.length;
    const ocr = await Promise.all(pages.map((page) => options.engine.recognize(page, options.signal ? { signal: options.signal } : {})));
    diagnostics.push(...pages.flatMap((p) => p.diagnostics), ...ocr.flatMap((o) => o.diagnostics));
    const expected = options.manifest?.get(resolve(file));
    const extracted = await safeExtractDocument(
      { pages, ocr },
      { ...(options.asOf ? { asOf: options.asOf } : {}), ...(expected?.type ? { types: [expected.type] } : {}), recognizer: options.engine, ...(options.signal ? { signal: options.signal } : {}) },
    );
    if (!extracted.ok) {
      return { file, status: 'failed', error: { code: 'EXTRACT_UNKNOWN_DOCUMENT', message: extracted.diagnostics[0]?.message ?? 'Unknown document.' }, diagnostics: [...diagnostics, ...extracted.diagnostics], pages: pageCount, ms: Date.now() - started };
    }
    record = extracted.value;
    if (expected?.subject && record.subject && record.subject.id !== expected.subject) {
      // The manifest and the document disagree on whose it is: keep it, but an officer must look.
      record = { ...record, diagnostics: [...record.diagnostics, { code: 'BATCH_SUBJECT_MISMATCH', severity: 'warning', origin: 'batch', key: 'person.idNumber', message: 'The subject read from the document differs from the manifest\'s subject for this file; check the file or the ID number read.' }] };
    }
    diagnostics.push(...record.diagnostics);
    if (options.onlyValid && record.status !== 'valid') {
      // Digitisation of past results keeps only those still in force on the reference date.
      return { file, status: 'not-valid', record, diagnostics, pages: pageCount, ms: Date.now() - started };
    }
    if (!options.vault) return { file, status: 'extracted', record, diagnostics, pages: pageCount, ms: Date.now() - started };
    const stored = await options.vault.putDocument(record);
    return { file, status: stored.created ? 'stored' : 'unchanged', record, documentId: stored.documentId, diagnostics, pages: pageCount, ms: Date.now() - started };
  } catch (error) {
    const e = toError(error);
    // Keep what was read: the record is reported even when only the vault refused it.
    return { file, status: 'failed', error: { code: e.code, message: e.message }, ...(record ? { record } : {}), diagnostics: [...diagnostics, ...e.diagnostics], pages: pageCount, ms: Date.now() - started };
  }
}

/**
 * Digitises one file: ingest → OCR of every page → extract → vault. Expected problems come back
 * as a `failed` result with a stable code; nothing throws for a bad file. With a journal, the file's
 * state is recorded before and after, transient failures are retried up to `maxAttempts`, and a file
 * that keeps failing is parked with its reason.
 */
export async function digitizeFile(file: string, options: DigitizeOptions): Promise<FileResult> {
  return digitizeRead(file, await readInput(file, options.ingest?.maxBytes ?? DEFAULT_MAX_BYTES), options);
}

async function digitizeRead(file: string, input: { bytes: Uint8Array; sha256: string } | undefined, options: DigitizeOptions): Promise<FileResult> {
  const started = Date.now();
  const journal = input ? options.journal : undefined;
  const sha256 = input?.sha256;
  if (journal && sha256 && options.resume) {
    const entry = await journal.get(sha256);
    if (entry?.state === 'done') {
      return { file, status: 'unchanged', sha256, attempts: entry.attempts, ...(entry.documentId ? { documentId: entry.documentId } : {}), diagnostics: [], pages: 0, ms: Date.now() - started };
    }
    if (entry?.state === 'parked' && !options.retryParked) {
      return { file, status: 'failed', sha256, attempts: entry.attempts, error: { code: entry.errorCode ?? 'INTERNAL', message: `Parked after ${entry.attempts} attempt(s): ${entry.errorMessage ?? 'no reason recorded'}` }, diagnostics: [], pages: 0, ms: Date.now() - started };
    }
  }
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  for (;;) {
    const entry = journal && sha256 ? await journal.start(sha256, file) : undefined;
    const result = await processOnce(file, input?.bytes, options, started);
    const attempts = entry?.attempts;
    if (journal && sha256) {
      if (result.record && result.documentId && result.status === 'stored') {
        await journal.review.add(collectReviewItems(result.record, result.documentId, file, options.reviewThreshold ?? REVIEW_THRESHOLD));
      }
      if (result.status !== 'failed') await journal.finish(sha256, { ...(result.documentId ? { documentId: result.documentId } : {}), outcome: result.status });
      else {
        const transient = TRANSIENT.has(result.error!.code) && !options.signal?.aborted;
        const park = !transient || (attempts ?? 1) >= maxAttempts;
        await journal.fail(sha256, result.error!, park);
        if (!park) continue;
      }
    }
    const row = options.manifest?.get(resolve(file));
    return { ...result, ...(sha256 ? { sha256 } : {}), ...(attempts ? { attempts } : {}), ...(row ? { manifest: row } : {}) };
  }
}

/**
 * Digitises many files with bounded concurrency. Results keep the input order; one bad file never
 * stops the others; a file whose bytes equal an earlier file's is reported as `duplicate`.
 */
export async function digitizeFiles(files: string[], options: DigitizeOptions): Promise<DigitizeSummary> {
  if (files.length === 0) throw new SohoaError('BATCH_NO_INPUT', 'No supported files to digitise: pass image or PDF files, or folders that contain them.');
  const started = Date.now();
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const results: FileResult[] = new Array(files.length);
  const seen = new Map<string, string>();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index]!;
      let result: FileResult;
      if (options.signal?.aborted) result = { file, status: 'skipped', diagnostics: [], pages: 0, ms: 0 };
      else {
        const input = await readInput(file, options.ingest?.maxBytes ?? DEFAULT_MAX_BYTES);
        const first = input ? seen.get(input.sha256) : undefined;
        if (input && first !== undefined) result = { file, status: 'duplicate', sha256: input.sha256, duplicateOf: first, diagnostics: [], pages: 0, ms: 0 };
        else {
          if (input) seen.set(input.sha256, file);
          result = await digitizeRead(file, input, options);
        }
      }
      results[index] = result;
      done++;
      options.onProgress?.({ done, total: files.length, file, status: result.status, pages: result.pages });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  const counts: Record<FileStatus, number> = { stored: 0, unchanged: 0, extracted: 0, duplicate: 0, 'not-valid': 0, failed: 0, skipped: 0 };
  for (const r of results) counts[r.status]++;
  return { results, counts, pages: results.reduce((n, r) => n + r.pages, 0), ms: Date.now() - started };
}
