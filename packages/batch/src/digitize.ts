import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { sha256Hex, SohoaError, type Diagnostic } from '@sohoa/core';
import { attachToDossier, subjectOf } from './dossier';
import { toDigitisationMetadata } from './metadata';
import { runPipeline, toError, type PipelineInput } from './pipeline';
import { createProcessPool, type ProcessPool } from './process-pool';
import { REVIEW_THRESHOLD } from './report';
import { collectReviewItems } from './review/collect';
import type { DigitizeOptions, DigitizeSummary, FileResult, FileStatus, PipelineOutput } from './types';
import { TRANSIENT_FAILURES } from './internal/transient';

const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
// Failures worth another attempt: the engine or its process crashed or timed out. Bad input fails the same way every time.
const TRANSIENT = new Set<string>([...TRANSIENT_FAILURES, 'BATCH_WORKER_CRASHED']);
const DEFAULT_FILE_TIMEOUT_MS = 300_000;

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

/** Runs the pipeline here (with an AbortSignal time limit) or in a worker process of `pool` (killed at the limit). */
async function runStages(
  input: PipelineInput,
  options: DigitizeOptions,
  pool: ProcessPool | undefined,
): Promise<PipelineOutput> {
  const timeoutMs = options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;
  if (pool) return pool.run(input, { timeoutMs, ...(options.signal ? { signal: options.signal } : {}) });
  const timeout = AbortSignal.timeout(timeoutMs);
  const output = await runPipeline(
    input,
    options.engine!,
    options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
  );
  if (output.error && timeout.aborted && !options.signal?.aborted) {
    return {
      ...output,
      error: {
        code: 'BATCH_FILE_TIMEOUT',
        message: `Processing the file took longer than ${timeoutMs} ms and was stopped; it will be retried, or raise \`fileTimeoutMs\`.`,
      },
    };
  }
  return output;
}

const owners = new WeakMap<object, Map<string, string>>();

/**
 * The owner of each dossier as the manifest states it on any of its rows, so that a row without a
 * `subject` (a parent's card among a child's components) does not make its own subject the dossier's
 * owner when it happens to be processed first.
 */
function dossierOwners(manifest: NonNullable<DigitizeOptions['manifest']>): Map<string, string> {
  let found = owners.get(manifest);
  if (!found) {
    found = new Map();
    for (const row of manifest.values())
      if (row.dossier && row.subject && !found.has(row.dossier.trim())) found.set(row.dossier.trim(), row.subject);
    owners.set(manifest, found);
  }
  return found;
}

async function processOnce(
  file: string,
  input: { bytes: Uint8Array; sha256: string } | undefined,
  options: DigitizeOptions,
  pool: ProcessPool | undefined,
  started: number,
): Promise<FileResult> {
  const row = options.manifest?.get(resolve(file));
  const output = await runStages(
    {
      file,
      ...(input ? { bytes: input.bytes } : {}),
      ...(options.asOf ? { asOf: options.asOf } : {}),
      ...(row?.type ? { types: [row.type] } : {}),
      ...(options.ingest ? { ingest: options.ingest } : {}),
      ...(options.gazetteerDir ? { gazetteerDir: options.gazetteerDir } : {}),
      ...(options.keepWords && { keepWords: true }),
    },
    options,
    pool,
  );
  const words = output.pageWords && { pageWords: output.pageWords };
  const { pages, timings } = output;
  const diagnostics: Diagnostic[] = [...output.diagnostics];
  const ms = () => Date.now() - started;
  if (output.error || !output.record) {
    return {
      file,
      status: 'failed',
      error: output.error ?? { code: 'INTERNAL', message: 'The pipeline returned no record.' },
      diagnostics,
      pages,
      timings,
      ms: ms(),
      ...words,
    };
  }
  let record = output.record;
  try {
    const stated = row?.subject?.trim();
    // An ID printed on the document but not proven (read low, or disagreeing with the birth date) still contradicts a manifest naming someone else.
    const shown = record.subject?.id ?? record.link?.candidates?.find((c) => c.rule === 'id-unconfirmed')?.subject.id;
    if (stated && shown && shown !== stated) {
      // The manifest and the document disagree on whose it is: keep it, but an officer must look.
      record = {
        ...record,
        diagnostics: [
          ...record.diagnostics,
          {
            code: 'BATCH_SUBJECT_MISMATCH',
            severity: 'warning',
            origin: 'batch',
            key: 'person.idNumber',
            message:
              "The subject read from the document differs from the manifest's subject for this file; check the file or the ID number read.",
          },
        ],
      };
    } else if (stated && !record.subject) {
      // The manifest's subject column is the source system's word on whose result this is: it links, with the manifest as evidence.
      const subject = subjectOf(stated);
      record = {
        ...record,
        subject,
        link: {
          subject,
          evidence: [{ method: 'manifest', key: 'subject', ...(shown && { agreed: ['person.idNumber'] }) }],
          reason: 'manifest',
          ...(record.link?.candidates && { candidates: record.link.candidates }),
        },
      };
    }
    const sha256 = input?.sha256 ?? record.sources[0]?.sha256;
    if (sha256)
      record = {
        ...record,
        digitisation: toDigitisationMetadata(record, {
          sha256,
          pages,
          pageQuality: output.pageQuality,
          ...(row ? { manifest: row } : {}),
        }),
      };
    diagnostics.push(...record.diagnostics);
    if (options.onlyValid && record.status !== 'valid') {
      // Digitisation of past results keeps only those still in force on the reference date.
      return { file, status: 'not-valid', record, diagnostics, pages, timings, ms: ms(), ...words };
    }
    if (!options.vault)
      return {
        file,
        status: 'extracted',
        record,
        ...(record.link && { link: record.link }),
        diagnostics,
        pages,
        timings,
        ms: ms(),
        ...words,
      };
    const vaultStarted = performance.now();
    const stored = await options.vault.putDocument(record);
    const link = stored.link ?? record.link;
    const result: FileResult = {
      file,
      status: stored.created ? 'stored' : 'unchanged',
      record,
      documentId: stored.documentId,
      ...(link && { link }),
      diagnostics,
      pages,
      timings,
      ms: ms(),
      ...words,
    };
    if (row?.dossier && sha256) {
      // Before the journal says done: a run killed here attaches again on resume, and attaching is idempotent.
      const owner = row.subject ?? dossierOwners(options.manifest!).get(row.dossier.trim());
      const attached = await attachToDossier(
        options.vault,
        {
          row: { ...row, dossier: row.dossier },
          record,
          documentId: stored.documentId,
          sha256,
          ...(owner ? { owner } : {}),
        },
        options.procedures,
      );
      diagnostics.push(...attached.diagnostics);
      result.dossier = attached.attachment;
    }
    if (timings) timings.vaultMs = Math.round(performance.now() - vaultStarted);
    return { ...result, ms: ms() };
  } catch (error) {
    const e = toError(error);
    // Keep what was read: the record is reported even when only the vault refused it.
    return {
      file,
      status: 'failed',
      error: { code: e.code, message: e.message },
      record,
      diagnostics: [...diagnostics, ...e.diagnostics],
      pages,
      timings,
      ms: ms(),
    };
  }
}

function assertEngine(options: DigitizeOptions): void {
  if (!options.engine && !options.isolation)
    throw new SohoaError(
      'BATCH_NO_ENGINE',
      'No OCR engine: pass `engine`, or `isolation.engine` so that each worker process creates its own.',
    );
}

/** Starts the worker processes of `options.isolation`, or none. */
async function startPool(options: DigitizeOptions, processes: number): Promise<ProcessPool | undefined> {
  if (!options.isolation) return undefined;
  const pool = createProcessPool({ ...options.isolation, processes: options.isolation.processes ?? processes });
  try {
    await pool.start();
  } catch (error) {
    await pool.close();
    throw error;
  }
  return pool;
}

/**
 * Digitises one file: ingest → OCR of every page → extract → vault. Expected problems come back
 * as a `failed` result with a stable code; nothing throws for a bad file. With a journal, the file's
 * state is recorded before and after, transient failures are retried up to `maxAttempts`, and a file
 * that keeps failing is parked with its reason.
 */
export async function digitizeFile(file: string, options: DigitizeOptions): Promise<FileResult> {
  assertEngine(options);
  const pool = await startPool(options, 1);
  try {
    return await digitizeRead(
      file,
      await readInput(file, options.ingest?.maxBytes ?? DEFAULT_MAX_BYTES),
      options,
      pool,
    );
  } finally {
    await pool?.close();
  }
}

/**
 * A reusable single-file digitiser: with `isolation`, its worker processes start once and serve every
 * call (the pg-boss worker uses it per job); a call may name the manifest its file belongs to. Close it
 * when done.
 */
export async function openDigitizer(options: DigitizeOptions): Promise<{
  digitize(file: string, overrides?: Pick<DigitizeOptions, 'manifest'>): Promise<FileResult>;
  close(): Promise<void>;
}> {
  assertEngine(options);
  const pool = await startPool(options, 1);
  return {
    digitize: async (file, overrides) =>
      digitizeRead(
        file,
        await readInput(file, options.ingest?.maxBytes ?? DEFAULT_MAX_BYTES),
        overrides?.manifest ? { ...options, manifest: overrides.manifest } : options,
        pool,
      ),
    close: async () => pool?.close(),
  };
}

async function digitizeRead(
  file: string,
  input: { bytes: Uint8Array; sha256: string } | undefined,
  options: DigitizeOptions,
  pool: ProcessPool | undefined,
): Promise<FileResult> {
  const started = Date.now();
  const journal = input ? options.journal : undefined;
  const sha256 = input?.sha256;
  if (journal && sha256 && options.resume) {
    const entry = await journal.get(sha256);
    if (entry?.state === 'done') {
      return {
        file,
        status: 'unchanged',
        sha256,
        attempts: entry.attempts,
        ...(entry.documentId ? { documentId: entry.documentId } : {}),
        diagnostics: [],
        pages: 0,
        ms: Date.now() - started,
      };
    }
    if (entry?.state === 'parked' && !options.retryParked) {
      return {
        file,
        status: 'failed',
        sha256,
        attempts: entry.attempts,
        error: {
          code: entry.errorCode ?? 'INTERNAL',
          message: `Parked after ${entry.attempts} attempt(s): ${entry.errorMessage ?? 'no reason recorded'}`,
        },
        diagnostics: [],
        pages: 0,
        ms: Date.now() - started,
      };
    }
  }
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  for (;;) {
    const entry = journal && sha256 ? await journal.start(sha256, file) : undefined;
    const result = await processOnce(file, input, options, pool, started);
    const attempts = entry?.attempts;
    if (result.status === 'failed' && options.signal?.aborted) {
      // Stopped by the caller, not by the file: leave it to be done again on resume, never parked.
      if (journal && sha256) await journal.fail(sha256, result.error!, false);
      return {
        file,
        status: 'skipped',
        ...(sha256 ? { sha256 } : {}),
        ...(attempts ? { attempts } : {}),
        diagnostics: [],
        pages: 0,
        ms: result.ms,
      };
    }
    if (journal && sha256) {
      if (result.record && result.documentId && result.status === 'stored') {
        await journal.review.add(
          collectReviewItems(result.record, result.documentId, file, options.reviewThreshold ?? REVIEW_THRESHOLD),
        );
      }
      if (result.status !== 'failed')
        await journal.finish(sha256, {
          ...(result.documentId ? { documentId: result.documentId } : {}),
          outcome: result.status,
        });
      else {
        const transient = TRANSIENT.has(result.error!.code);
        const park = !transient || (attempts ?? 1) >= maxAttempts;
        await journal.fail(sha256, result.error!, park);
        if (!park) continue;
      }
    }
    const row = options.manifest?.get(resolve(file));
    return {
      ...result,
      ...(sha256 ? { sha256 } : {}),
      ...(attempts ? { attempts } : {}),
      ...(row ? { manifest: row } : {}),
    };
  }
}

/**
 * Digitises many files with bounded concurrency. Results keep the input order; one bad file never
 * stops the others; a file whose bytes equal an earlier file's is reported as `duplicate`.
 */
export async function digitizeFiles(files: string[], options: DigitizeOptions): Promise<DigitizeSummary> {
  if (files.length === 0)
    throw new SohoaError(
      'BATCH_NO_INPUT',
      'No supported files to digitise: pass image or PDF files, or folders that contain them.',
    );
  assertEngine(options);
  const started = Date.now();
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const pool = await startPool(options, Math.min(concurrency, files.length));
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
        if (input && first !== undefined)
          result = {
            file,
            status: 'duplicate',
            sha256: input.sha256,
            duplicateOf: first,
            diagnostics: [],
            pages: 0,
            ms: 0,
          };
        else {
          if (input) seen.set(input.sha256, file);
          result = await digitizeRead(file, input, options, pool);
        }
      }
      const fields = result.record ? Object.keys(result.record.fields).length : 0;
      if (result.record) {
        result.documentType = result.record.type;
        result.fieldsForReview = Object.values(result.record.fields).filter(
          (f) => f.confidence < REVIEW_THRESHOLD,
        ).length;
        if (options.retainRecords === false) delete result.record;
      }
      results[index] = result;
      done++;
      options.onProgress?.({
        done,
        total: files.length,
        file,
        status: result.status,
        pages: result.pages,
        type: result.documentType ?? null,
        documentId: result.documentId ?? null,
        fields,
      });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  } finally {
    await pool?.close();
  }
  const counts: Record<FileStatus, number> = {
    stored: 0,
    unchanged: 0,
    extracted: 0,
    duplicate: 0,
    'not-valid': 0,
    failed: 0,
    skipped: 0,
  };
  for (const r of results) counts[r.status]++;
  return {
    results,
    counts,
    pages: results.reduce((n, r) => n + r.pages, 0),
    ms: Date.now() - started,
    ...(pool ? { workerStartMs: pool.stats().startMs } : {}),
  };
}
