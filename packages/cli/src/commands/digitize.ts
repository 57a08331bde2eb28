import { digitizeFiles, type DigitizeSummary, type FileResult } from '@sohoa/batch';
import { listInputFiles } from '@sohoa/ingest';
import { createTesseractEngine } from '@sohoa/ocr';
import { withVault } from '../context';
import { createProgress } from '../progress';
import { formatTable } from '../table';

export interface DigitizeCommandOptions {
  vault?: string;
  json?: boolean;
  asOf?: string;
  concurrency?: number;
  quiet?: boolean;
}

/** The `--json` shape of one file, stable since the foundation issue. */
export function toJsonDocument(r: FileResult) {
  return {
    file: r.file,
    type: r.record?.type ?? null,
    part: r.record?.part ?? null,
    subject: r.record?.subject?.id ?? null,
    status: r.status,
    documentStatus: r.record?.status ?? null,
    documentId: r.documentId ?? null,
    fields: Object.fromEntries(Object.entries(r.record?.fields ?? {}).map(([k, f]) => [k, { value: f.value, confidence: Number(f.confidence.toFixed(3)), method: f.evidence[0]?.method ?? null }])),
    diagnostics: r.diagnostics,
    ...(r.error ? { error: r.error } : {}),
  };
}

/** Digitises files and folders into the vault; returns the summary and the exit code. */
export async function runDigitize(paths: string[], options: DigitizeCommandOptions): Promise<{ summary: DigitizeSummary; exitCode: number }> {
  const files = await listInputFiles(paths);
  const progress = createProgress('digitize', process.stderr, options.quiet);
  const engine = createTesseractEngine();
  try {
    const summary = await withVault(options.vault, (vault) =>
      digitizeFiles(files, {
        engine,
        vault,
        ...(options.asOf ? { asOf: options.asOf } : {}),
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        onProgress: (e) => progress.tick(e.done, e.total, e.status),
      }),
    );
    const c = summary.counts;
    progress.done(`digitize: ${files.length} file(s), ${summary.pages} page(s) in ${(summary.ms / 1000).toFixed(1)}s — stored ${c.stored}, unchanged ${c.unchanged}, failed ${c.failed}`);
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ documents: summary.results.map(toJsonDocument) }, null, 2)}\n`);
    } else {
      const rows = summary.results.map((r) => [r.file, r.record ? `${r.record.type}${r.record.part ? `/${r.record.part}` : ''}` : '-', r.status, r.error ? r.error.code : String(Object.keys(r.record?.fields ?? {}).length)]);
      process.stdout.write(`${formatTable(['file', 'type', 'status', 'fields / error'], rows)}\n`);
    }
    return { summary, exitCode: c.failed > 0 ? 1 : 0 };
  } finally {
    await engine.dispose();
  }
}
