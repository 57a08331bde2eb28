// Digitise a folder of scans into an encrypted SQLite vault with @sohoa/batch: progress on stderr, a
// journal so that a stopped run continues with --resume, a review queue, and a report (JSON + HTML).
// Running again without --resume reads every file again; the vault stores each document once (`unchanged`).
//
//   node examples/batch/run.mjs [folder] [--out dir] [--limit N] [--resume]
//
// Defaults: the committed synthetic seed scans (seeds/data) and out/example-batch/. Needs `pnpm build`.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildReport, digitizeFiles, reportToHtml } from '@sohoa/batch';
import { sqliteJournal } from '@sohoa/batch/journal/sqlite';
import { listInputFiles } from '@sohoa/ingest';
import { createTesseractEngine } from '@sohoa/ocr';
import { createVault, operatorAccess } from '@sohoa/vault';
import { sqliteDriver } from '@sohoa/vault/drivers/sqlite';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, limit: { type: 'string' }, resume: { type: 'boolean', default: false } },
});
const input = resolve(positionals[0] ?? fileURLToPath(new URL('../../seeds/data/', import.meta.url)));
const out = resolve(args.out ?? 'out/example-batch');
const vaultPath = join(out, 'vault.db');
mkdirSync(out, { recursive: true });

// The master key encrypts every value at rest. In production it comes from a secret store; here a key
// file beside the vault (mode 600), as the `sohoa` CLI does.
const keyFile = `${vaultPath}.key`;
if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
const masterKey = { id: 'k1', key: Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex') };

const vault = createVault({ driver: sqliteDriver({ path: vaultPath }), masterKey, ...operatorAccess('example-batch') });
const journal = await sqliteJournal({ path: `${vaultPath}.journal.db` });
const engine = createTesseractEngine(); // a worker pool sized to the cores, offline vie + eng models

let files = await listInputFiles([input]);
if (args.limit) files = files.slice(0, Number(args.limit));
console.error(
  `digitising ${files.length} files from ${relative(process.cwd(), input) || '.'} into ${relative(process.cwd(), vaultPath)}`,
);

const started = Date.now();
const stop = new AbortController();
process.once('SIGINT', () => stop.abort()); // Ctrl-C: finish the files in progress, then report; --resume continues
try {
  const summary = await digitizeFiles(files, {
    engine,
    vault,
    journal,
    resume: args.resume,
    signal: stop.signal,
    onProgress: ({ done, total, file, status }) => {
      const rate = done / ((Date.now() - started) / 60_000);
      console.error(`[${done}/${total}] ${status.padEnd(9)} ${relative(input, file)}  (${rate.toFixed(1)} files/min)`);
    },
  });
  const report = buildReport(summary);
  writeFileSync(join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(out, 'report.html'), reportToHtml(report));
  const review = await journal.review.list({ status: 'open' });
  // The report holds file names, counts and codes, never field values.
  console.log(`files ${report.files}, pages ${report.pages}, ${report.seconds} s, ${report.pagesPerMinute} pages/min`);
  console.log(`by status: ${JSON.stringify(report.byStatus)}`);
  console.log(`by type: ${JSON.stringify(report.byType)}`);
  console.log(
    `fields for review: ${review.length} open in the review queue (sohoa review list --vault ${relative(process.cwd(), vaultPath)})`,
  );
  for (const failure of report.failures) console.log(`failed: ${failure.file}: ${failure.code}`);
  console.log(`report: ${relative(process.cwd(), join(out, 'report.html'))}`);
  process.exitCode = summary.counts.failed > 0 ? 1 : 0;
} finally {
  await engine.dispose();
  await journal.close?.();
  await vault.close();
}
