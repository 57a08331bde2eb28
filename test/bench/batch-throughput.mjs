// Batch throughput with real OCR (tesseract.js) on generated card scans, one page per file, through
// digitizeFiles with a SQLite journal and a SQLite vault, as `sohoa digitize` runs it:
//  - `1`:  1 OCR worker, 1 file at a time, in this process;
//  - `2`:  2 OCR workers, 2 files at a time, in this process;
//  - `2i`: 2 worker processes with 1 OCR worker each (process isolation, the CLI default), start-up included.
// Figures: pages per minute per run, the ratio of 2 to 1, and the batch machinery overhead of run `1`:
//   machinery = wall time of the run − Σ over files of (ingest + QR + page OCR + extraction) measured inside,
//   i.e. reading and hashing files, journal writes, metadata, vault writes, dossier and review work and
//   the scheduling between files; reported as a share of the page-OCR time and of the pipeline time.
// Usage: pnpm bench:batch [--pages 40] [--runs 1,2,2i] [--distinct 20] [--seed 3] [--json]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { makeCorpus, rssTree } from './batch-corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '40' },
    runs: { type: 'string', default: '1,2' },
    distinct: { type: 'string', default: '20' },
    seed: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
});
const imp = (p) => import(join(root, p));
const { digitizeFiles } = await imp('packages/batch/dist/index.js');
const { sqliteJournal } = await imp('packages/batch/dist/journal/sqlite.js');
const { readPages } = await imp('packages/ingest/dist/index.js');
const { createTesseractEngine } = await imp('packages/ocr/dist/index.js');
const { createVault } = await imp('packages/vault/dist/index.js');
const { sqliteDriver } = await imp('packages/vault/dist/drivers/sqlite.js');

const dir = mkdtempSync(join(tmpdir(), 'sohoa-bench-batch-'));
const log = (line) => process.stderr.write(`${line}\n`);
let peak = 0;
const sampler = setInterval(() => {
  const { main, children } = rssTree();
  peak = Math.max(peak, main + children.reduce((n, c) => n + c.rss, 0));
}, 500);
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
try {
  const t0 = performance.now();
  const { files, people } = await makeCorpus({
    root,
    dir,
    pages: Number(args.pages),
    distinct: Number(args.distinct),
    seed: Number(args.seed),
  });
  log(
    `corpus: ${files.length} pages from ${people} generated people in ${((performance.now() - t0) / 1000).toFixed(0)}s`,
  );
  const runs = {};
  for (const run of args.runs.split(',')) {
    const workers = Number.parseInt(run, 10);
    const isolated = run.endsWith('i');
    let engine;
    if (!isolated) {
      engine = createTesseractEngine({ workers });
      // Warm-up: start every worker before the clock starts (the isolated run pays its start-up inside).
      const [page] = await readPages(files[0]);
      await Promise.all(Array.from({ length: workers }, () => engine.recognize(page)));
    }
    const path = join(dir, `run-${run}`);
    const vault = createVault({ driver: sqliteDriver({ path: join(path, 'vault.db') }) });
    const journal = await sqliteJournal({ path: join(path, 'journal.db') });
    let done = 0;
    const start = performance.now();
    const summary = await digitizeFiles(files, {
      ...(isolated
        ? {
            isolation: {
              engine: { module: '@sohoa/ocr', export: 'createTesseractEngine', options: { workers: 1 } },
              processes: workers,
            },
          }
        : { engine }),
      vault,
      journal,
      concurrency: workers,
      retainRecords: false,
      onProgress: (e) => {
        done = e.done;
        if (done % 20 === 0)
          log(`  run ${run}: ${done}/${files.length} files, ${((performance.now() - start) / 1000).toFixed(0)}s`);
      },
    });
    const wallMs = performance.now() - start;
    const timed = summary.results.filter((r) => r.timings);
    const stages = {
      ingestMs: sum(timed.map((r) => r.timings.ingestMs)),
      ocrMs: sum(timed.map((r) => r.timings.ocrMs)),
      extractMs: sum(timed.map((r) => r.timings.extractMs)),
      // Finding and decoding QR codes, a pipeline stage of its own between ingest and OCR (not machinery).
      qrMs: sum(timed.map((r) => r.timings.qrMs ?? 0)),
    };
    const pipelineMs = stages.ingestMs + stages.qrMs + stages.ocrMs + stages.extractMs;
    const { main, children } = rssTree();
    runs[run] = {
      workers,
      isolated,
      pages: summary.pages,
      failed: summary.counts.failed,
      seconds: Number((wallMs / 1000).toFixed(1)),
      pagesPerMinute: Number(((summary.pages / wallMs) * 60_000).toFixed(1)),
      stages,
      // Stage times of parallel files overlap: the difference means something only for one file at a time.
      machineryMs: workers === 1 ? Math.round(wallMs - pipelineMs) : null,
      loadAverage: Number(loadavg()[0].toFixed(1)),
      rssMb: Math.round((main + children.reduce((n, c) => n + c.rss, 0)) / 1e6),
    };
    log(`run ${run}: ${JSON.stringify(runs[run])}`);
    await journal.close();
    await vault.close();
    await engine?.dispose();
  }
  const pct = (a, b) => `${((a / b) * 100).toFixed(1)}%`;
  const out = [
    `batch throughput, ${files.length} single-page card scans (${people} generated people, half degraded), real OCR, SQLite journal + vault`,
  ];
  for (const [name, r] of Object.entries(runs)) {
    out.push(
      `run ${name.padEnd(3)} (${r.workers} ${r.isolated ? 'worker processes x 1 OCR worker' : 'OCR worker(s), in process'}): ${r.pagesPerMinute} pages/min (${r.pages} pages in ${r.seconds}s, ${r.failed} failed; load average ${r.loadAverage} at the end)`,
    );
  }
  if (runs['1'] && runs['2'])
    out.push(`2 workers vs 1: x${(runs['2'].pagesPerMinute / runs['1'].pagesPerMinute).toFixed(2)}`);
  if (runs['2'] && runs['2i'])
    out.push(
      `isolated (2 processes) vs in-process (2 workers): x${(runs['2i'].pagesPerMinute / runs['2'].pagesPerMinute).toFixed(2)}`,
    );
  const one = runs['1'];
  if (one) {
    const pipeline = one.stages.ingestMs + one.stages.qrMs + one.stages.ocrMs + one.stages.extractMs;
    out.push(
      `run 1 time: ingest ${(one.stages.ingestMs / 1000).toFixed(1)}s, QR ${(one.stages.qrMs / 1000).toFixed(1)}s, page OCR ${(one.stages.ocrMs / 1000).toFixed(1)}s, extraction incl. region re-reads ${(one.stages.extractMs / 1000).toFixed(1)}s, batch machinery ${(one.machineryMs / 1000).toFixed(1)}s`,
    );
    out.push(
      `batch machinery overhead: ${pct(one.machineryMs, one.stages.ocrMs)} of page-OCR time, ${pct(one.machineryMs, pipeline)} of pipeline time (goal < 5%)`,
    );
  }
  out.push(`peak RSS (this process + worker processes): ${Math.round(peak / 1e6)} MB`);
  console.log(out.join('\n'));
  if (args.json) console.log(JSON.stringify({ pages: files.length, people, runs }));
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
