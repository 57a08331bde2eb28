// Memory over a long batch run: digitizeFiles (SQLite journal + SQLite vault, records not retained, as
// `sohoa digitize --ndjson` runs) over generated card scans, one file at a time, sampling the resident memory
// of this process (after a GC) after 10%, 50% and 100% of the pages (100/500/1000 by default) and, with
// --isolate, the largest resident size of the worker process seen since the previous sample (it is
// replaced every `recycle-after` files, so a sample taken at that moment would read nothing).
//   --engine fake   simulated OCR (text from the scans' ground truth; QR codes still decoded from the
//                   pixels): measures the batch machinery, ingest and extraction over 1,000 pages quickly;
//   --engine real   tesseract.js; use a smaller --pages and a small --recycle-after to see the OCR
//                   worker recycling at work within the run.
//   --isolate       run files in worker processes (their memory is sampled too).
// Usage: pnpm bench:batch-memory [--pages 1000] [--engine fake|real] [--isolate] [--recycle-after 200] [--distinct 10] [--json]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { makeCorpus, rssTree } from './batch-corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '1000' },
    engine: { type: 'string', default: 'fake' },
    isolate: { type: 'boolean', default: false },
    'recycle-after': { type: 'string' },
    distinct: { type: 'string', default: '10' },
    seed: { type: 'string', default: '7' },
    json: { type: 'boolean', default: false },
  },
});
const imp = (p) => import(join(root, p));
const { digitizeFiles } = await imp('packages/batch/dist/index.js');
const { sqliteJournal } = await imp('packages/batch/dist/journal/sqlite.js');
const { createFakeOcrEngine, createTesseractEngine } = await imp('packages/ocr/dist/index.js');
const { createVault } = await imp('packages/vault/dist/index.js');
const { sqliteDriver } = await imp('packages/vault/dist/drivers/sqlite.js');
const { truthOcrResponder } = await imp('test/fixtures/truth-ocr.mjs');

const real = args.engine === 'real';
const recycleAfter = args['recycle-after'] ? Number(args['recycle-after']) : undefined;
const dir = mkdtempSync(join(tmpdir(), 'sohoa-bench-memory-'));
const log = (line) => process.stderr.write(`${line}\n`);
const mb = (bytes) => Math.round(bytes / 1e6);
try {
  // Simulated OCR reads only clean scans right (degraded ones fail as unreadable), so it gets clean scans.
  const { files, people } = await makeCorpus({
    root,
    dir,
    pages: Number(args.pages),
    distinct: Number(args.distinct),
    seed: Number(args.seed),
    degradedShare: real ? 0.5 : 0,
  });
  log(`corpus: ${files.length} pages from ${people} generated people`);
  const marks = [...new Set([Math.round(files.length / 10), Math.round(files.length / 2), files.length])];
  const samples = [];
  const engineOptions = { workers: 1, ...(recycleAfter ? { recycleAfter } : {}) };
  const isolation = args.isolate
    ? {
        engine: real
          ? { module: '@sohoa/ocr', export: 'createTesseractEngine', options: engineOptions }
          : { module: join(root, 'test/fixtures/truth-ocr.mjs'), export: 'createTruthOcrEngine' },
        processes: 1,
        ...(recycleAfter ? { recycleAfter } : {}),
      }
    : undefined;
  const engine = isolation
    ? undefined
    : real
      ? createTesseractEngine(engineOptions)
      : createFakeOcrEngine(truthOcrResponder(0));
  const vault = createVault({ driver: sqliteDriver({ path: join(dir, 'vault.db') }) });
  const journal = await sqliteJournal({ path: join(dir, 'journal.db') });
  // Worker processes come and go (recycling): keep the largest resident size seen between two samples.
  let workerPeak = 0;
  const watch = setInterval(
    () =>
      (workerPeak = Math.max(
        workerPeak,
        rssTree().children.reduce((n, c) => n + c.rss, 0),
      )),
    1000,
  );
  const start = performance.now();
  const failures = {};
  const summary = await digitizeFiles(files, {
    ...(isolation ? { isolation } : { engine }),
    vault,
    journal,
    concurrency: 1,
    retainRecords: false,
    onProgress: (e) => {
      if (e.status === 'failed') failures[e.file.split('/').pop()] = (failures[e.file.split('/').pop()] ?? 0) + 1;
      if (!marks.includes(e.done)) return;
      globalThis.gc?.();
      const { main, children } = rssTree();
      const now = children.reduce((n, c) => n + c.rss, 0);
      const sample = {
        pages: e.done,
        seconds: Math.round((performance.now() - start) / 1000),
        mainRssMb: mb(main),
        heapUsedMb: mb(process.memoryUsage().heapUsed),
        workerRssMb: args.isolate ? mb(Math.max(workerPeak, now)) : 0,
      };
      workerPeak = 0;
      samples.push(sample);
      log(`after ${e.done} pages: ${JSON.stringify(sample)}`);
    },
  });
  clearInterval(watch);
  await journal.close();
  await vault.close();
  await engine?.dispose();
  const total = (s) => s.mainRssMb + s.workerRssMb;
  const pct = (now, then) => `${(((now - then) / then) * 100).toFixed(1)}%`;
  const [first, , last] = samples.length === 3 ? samples : [samples[0], undefined, samples.at(-1)];
  const mid = samples[1] ?? first;
  const lines = [
    `batch memory, ${files.length} pages (${people} generated people), ${real ? 'tesseract.js' : 'simulated'} OCR${args.isolate ? ', in a worker process' : ', in process'}${recycleAfter ? `, recycling after ${recycleAfter}` : ''}; ${summary.counts.failed} failed ${JSON.stringify(failures)}`,
    ...samples.map(
      (s) =>
        `after ${String(s.pages).padStart(4)} pages: main RSS ${s.mainRssMb} MB (heap ${s.heapUsedMb} MB)${args.isolate ? `, worker process peak since the last sample ${s.workerRssMb} MB` : ''}, total ${total(s)} MB`,
    ),
    `growth ${first.pages}→${last.pages} pages: ${total(last) - total(first)} MB total = ${pct(total(last), total(first))} (${last.heapUsedMb - first.heapUsedMb} MB heap); ${mid.pages}→${last.pages}: ${total(last) - total(mid)} MB = ${pct(total(last), total(mid))} (goal: RSS growth < 10%)`,
  ];
  console.log(lines.join('\n'));
  if (args.json)
    console.log(
      JSON.stringify({
        pages: files.length,
        engine: args.engine,
        isolate: args.isolate,
        recycleAfter: recycleAfter ?? null,
        failed: summary.counts.failed,
        samples,
      }),
    );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
