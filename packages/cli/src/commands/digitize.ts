import { UsageError } from '../errors';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  buildReport,
  digitizeFiles,
  readManifest,
  reportToCsv,
  reportToHtml,
  type DigitizeSummary,
  type FileResult,
  type Journal,
  type ProcessIsolationOptions,
} from '@sohoa/batch';
import { copyFileName, directoryStore, writeArchivalCopy } from '@sohoa/archive';
import { docCodeKindOf, getDocumentType } from '@sohoa/extract';
import { listInputFiles } from '@sohoa/ingest';
import { createFastestTesseractEngine } from '@sohoa/ocr';
import { procedureFromRecord, type Procedure } from '@sohoa/vault';
import { SohoaError, writePrivateFile, type ExtractedField } from '@sohoa/core';
import { withVault } from '../context';
import { type CopyOutcome, type CopyRunSettings, copySettings, writeCopies } from './digitize-copies';
import { createProgress } from '../progress';
import { formatTable } from '../table';

export interface DigitizeCommandOptions {
  vault?: string;
  json?: boolean;
  ndjson?: boolean;
  asOf?: string;
  onlyValid?: boolean;
  concurrency?: number;
  quiet?: boolean;
  /** Journal file. @default `<vault>.journal.db` */
  journal?: string;
  resume?: boolean;
  retryParked?: boolean;
  /** Write `<prefix>.json`, `<prefix>.csv` and `<prefix>.html`. */
  report?: string;
  /** Seconds for one attempt at one file. */
  fileTimeout?: number;
  /** Manifest CSV: its files are digitised (with any paths given) and its rows guide and annotate them. */
  manifest?: string;
  /** Procedure records (JSON files of the national procedure database, or a folder of them) for dossier requirements. */
  procedures?: string;
  /** Run each file in a worker process (a crash or hang fails that file alone). @default true */
  isolate?: boolean;
  /** Folder of the administrative-unit datasets (`SOHOA_GAZETTEER_DIR`): places are checked against it. */
  gazetteer?: string;
  /** Write a digitised copy (PDF/A, DocCode, signed with `sign`) of every document into this folder. */
  copies?: string;
  /** Agency electronic code for the DocCodes (`SOHOA_AGENCY`). */
  agency?: string;
  /** PKCS#12 to sign the copies with; its password comes from `SOHOA_SIGN_PASSWORD`. */
  sign?: string;
}

/**
 * Each worker process reads one page at a time with one tesseract.js worker, or with
 * `SOHOA_OCR_ENGINE=native` whole pages through the native executable (tesseract.js's model) and
 * regions through tesseract.js; there are as many processes as files at once.
 */
export function cliIsolation(processes?: number): ProcessIsolationOptions {
  return {
    engine: { module: '@sohoa/ocr', export: 'createFastestTesseractEngine', options: { workers: 1 } },
    ...(processes ? { processes } : {}),
  };
}

/** Reads procedure records from a JSON file (one record or an array) or a folder of them. */
export function readProcedures(path: string): Map<string, Procedure> {
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(path, f))
    : [path];
  const procedures = new Map<string, Procedure>();
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (cause) {
      throw new SohoaError(
        'VAULT_DOSSIER_INVALID',
        `The procedure file \`${file}\` is not JSON: pass records of the procedure database export.`,
        { cause },
      );
    }
    for (const record of Array.isArray(data) ? data : [data]) {
      const procedure = procedureFromRecord(record);
      procedures.set(procedure.code, procedure);
    }
  }
  return procedures;
}

/** Version of the `--json` document and of the `--ndjson` events (schemas/output/digitize*.schema.json). */
export const DIGITIZE_OUTPUT_VERSION = 1;

function jsonFields(fields: Record<string, ExtractedField> | undefined) {
  return Object.fromEntries(
    Object.entries(fields ?? {}).map(([k, f]) => [
      k,
      {
        value: f.value,
        confidence: Number(f.confidence.toFixed(3)),
        method: f.evidence[0]?.method ?? null,
        page: f.evidence[0]?.page ?? null,
        box: f.evidence[0]?.box ?? null,
      },
    ]),
  );
}

/** The `--json` shape of one file, stable since the foundation issue (page and box of each field since version 1). */
export function toJsonDocument(r: FileResult) {
  return {
    file: r.file,
    type: r.record?.type ?? null,
    part: r.record?.part ?? null,
    subject: (r.link ? r.link.subject?.id : r.record?.subject?.id) ?? null,
    kind: r.record?.kind ?? null,
    // Candidate ids are personal data for the operator who holds the vault: printed here, never logged.
    candidates: (r.link?.candidates ?? []).map((c) => ({
      subject: c.subject.id,
      rule: c.rule,
      ...(c.matched && { matched: c.matched }),
    })),
    link: r.link ? { reason: r.link.reason, evidence: r.link.evidence } : null,
    status: r.status,
    documentStatus: r.record?.status ?? null,
    documentId: r.documentId ?? null,
    fields: jsonFields(r.record?.fields),
    // The other people a document names (mother, father, declarant, spouse), each with its own fields.
    relations: (r.record?.relations ?? []).map((rel) => ({
      role: rel.role,
      subject: rel.subject?.id ?? null,
      fields: jsonFields(rel.fields),
    })),
    diagnostics: r.diagnostics,
    ...(r.error ? { error: r.error } : {}),
    ...(r.duplicateOf ? { duplicateOf: r.duplicateOf } : {}),
    ...(r.manifest ? { manifest: { ...r.manifest, path: undefined } } : {}),
  };
}

async function openJournal(options: DigitizeCommandOptions): Promise<Journal | undefined> {
  const path = options.journal ?? (options.vault ? `${options.vault}.journal.db` : undefined);
  if (!path) return undefined;
  mkdirSync(dirname(path), { recursive: true });
  const { sqliteJournal } = await import('@sohoa/batch/journal/sqlite');
  return sqliteJournal({ path });
}

function writeReport(prefix: string, summary: DigitizeSummary): void {
  const report = buildReport(summary);
  writePrivateFile(`${prefix}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writePrivateFile(`${prefix}.csv`, reportToCsv(report));
  writePrivateFile(`${prefix}.html`, reportToHtml(report));
}

/**
 * Digitises files and folders into the vault, journaled so that `--resume` continues a killed run;
 * Ctrl-C stops after the files in progress. Returns the summary and the exit code.
 */
export async function runDigitize(
  paths: string[],
  options: DigitizeCommandOptions,
): Promise<{ summary: DigitizeSummary; exitCode: number }> {
  const gazetteerDir = options.gazetteer ?? process.env.SOHOA_GAZETTEER_DIR;
  if (gazetteerDir && !statSync(gazetteerDir, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(
      `The gazetteer folder \`${resolve(gazetteerDir)}\` does not exist (--gazetteer or SOHOA_GAZETTEER_DIR); nothing was read.`,
    );
  // `--copies`: checked (agency code, PKCS#12 and its password, the writer in this build) before any file is read.
  const copySet = copySettings(options);
  const rows = options.manifest ? await readManifest(options.manifest) : [];
  const manifest = new Map(rows.map((r) => [r.path, r]));
  // Manifest rows are taken as they are, so a missing file is reported as a failed row, not a failed run.
  const files = [...new Set([...(paths.length > 0 ? await listInputFiles(paths) : []), ...rows.map((r) => r.path)])];
  const progress = createProgress('digitize', process.stderr, options.quiet);
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(
      '\nsohoa: stopping after the files in progress (Ctrl-C again to quit now); run again with --resume to continue.\n',
    );
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  const isolation = options.isolate === false ? undefined : cliIsolation(options.concurrency);
  const engine = isolation ? undefined : await createFastestTesseractEngine();
  const procedures = options.procedures ? readProcedures(options.procedures) : undefined;
  const journal = await openJournal(options);
  try {
    let copyOutcomes: CopyOutcome[] | undefined;
    const summary = await withVault(
      options.vault,
      async (vault) => {
        const done = await digitizeFiles(files, {
          ...(engine ? { engine } : {}),
          ...(isolation ? { isolation } : {}),
          ...(procedures ? { procedures } : {}),
          vault,
          signal: controller.signal,
          // Long runs report as NDJSON; records stay in the vault, not in memory.
          retainRecords: !options.ndjson,
          // The copies' text layers come from this run's OCR, not a second pass.
          ...(copySet && { keepWords: true }),
          ...(journal ? { journal } : {}),
          ...(options.resume ? { resume: true } : {}),
          ...(options.retryParked ? { retryParked: true } : {}),
          ...(options.asOf ? { asOf: options.asOf } : {}),
          ...(options.gazetteer ? { gazetteerDir: resolve(options.gazetteer) } : {}),
          ...(options.onlyValid ? { onlyValid: true } : {}),
          ...(manifest.size > 0 ? { manifest } : {}),
          ...(options.concurrency ? { concurrency: options.concurrency } : {}),
          ...(options.fileTimeout ? { fileTimeoutMs: options.fileTimeout * 1000 } : {}),
          onProgress: (e) => {
            progress.tick(e.done, e.total, e.status);
            if (options.ndjson)
              process.stdout.write(`${JSON.stringify({ version: DIGITIZE_OUTPUT_VERSION, event: 'file', ...e })}\n`);
          },
        });
        if (copySet && !controller.signal.aborted)
          copyOutcomes = await runCopyPass(done.results, vault, copySet, engine);
        return done;
      },
      { create: true },
    );
    const c = summary.counts;
    const unlinked = summary.results.filter((r) => r.link && !r.link.subject).length;
    progress.done(
      `digitize: ${files.length} file(s), ${summary.pages} page(s) in ${(summary.ms / 1000).toFixed(1)}s — stored ${c.stored}, unchanged ${c.unchanged}, duplicate ${c.duplicate}, not valid ${c['not-valid']}, failed ${c.failed}${c.skipped ? `, not started ${c.skipped} (resumable)` : ''}${unlinked ? `; ${unlinked} unlinked (see \`sohoa review unlinked\`)` : ''}`,
    );
    if (copyOutcomes) {
      const n = (s: CopyOutcome['status']) => copyOutcomes!.filter((o) => o.status === s).length;
      progress.done(
        `copies: written ${n('written')}, already there ${n('exists')}, failed ${n('failed')}, not for a document ${n('skipped')} (in ${options.copies})`,
      );
      for (const o of copyOutcomes)
        if (o.error) process.stderr.write(`sohoa: no copy of ${o.file}: ${o.error.code}: ${o.error.message}\n`);
    }
    if (options.report) writeReport(options.report, summary);
    if (options.ndjson)
      process.stdout.write(
        `${JSON.stringify({ version: DIGITIZE_OUTPUT_VERSION, event: 'summary', report: buildReport(summary) })}\n`,
      );
    else if (options.json)
      process.stdout.write(
        `${JSON.stringify({ version: DIGITIZE_OUTPUT_VERSION, documents: summary.results.map(toJsonDocument), ...(copyOutcomes && { copies: copyOutcomes }) }, null, 2)}\n`,
      );
    else {
      const rows = summary.results.map((r) => [
        r.file,
        r.record ? `${r.record.type}${r.record.part ? `/${r.record.part}` : ''}` : '-',
        r.status,
        r.error
          ? r.error.code
          : `${Object.keys(r.record?.fields ?? {}).length}${r.dossier ? ` (${r.dossier.role} of ${r.dossier.code}${r.dossier.attached ? '' : ', not attached'})` : ''}`,
      ]);
      process.stdout.write(`${formatTable(['file', 'type', 'status', 'fields / error'], rows)}\n`);
    }
    const copyFailed = copyOutcomes?.some((o) => o.status === 'failed') ?? false;
    return { summary, exitCode: c.skipped > 0 ? 130 : c.failed > 0 || copyFailed ? 1 : 0 };
  } finally {
    process.off('SIGINT', onSigint);
    await journal?.close();
    await engine?.dispose();
  }
}

/** The copy pass after the batch: the writer, OCR for the text layer, kinds and names from the document types. */
async function runCopyPass(
  results: FileResult[],
  vault: import('@sohoa/vault').Vault,
  settings: CopyRunSettings,
  engine: Awaited<ReturnType<typeof createFastestTesseractEngine>> | undefined,
): Promise<CopyOutcome[]> {
  const ocr = engine ?? (await createFastestTesseractEngine());
  try {
    return await writeCopies(results, {
      vault,
      store: directoryStore({ root: settings.copies }),
      settings,
      writer: { writeArchivalCopy, copyFileName },
      engine: ocr,
      kindOf: (type) => docCodeKindOf(type),
      typeNameOf: (type) => getDocumentType(type)?.title,
    });
  } finally {
    if (!engine) await ocr.dispose();
  }
}
