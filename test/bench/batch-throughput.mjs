// Batch throughput with real OCR on generated card scans, measured side by side in one run:
//  - bare pipeline (ingest → OCR → extract, no journal, no vault), 1 OCR worker, one file at a time;
//  - digitizeFiles with SQLite journal + SQLite vault, 1 worker, concurrency 1  → batch overhead vs bare;
//  - digitizeFiles with 2 workers, concurrency 2                                → scaling 1 → 2;
// and the process RSS sampled through the runs.
// Usage: pnpm bench:batch [--people 40] [--seed 3] [--rounds 1]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({ options: { people: { type: 'string', default: '40' }, seed: { type: 'string', default: '3' }, rounds: { type: 'string', default: '1' } } });
const imp = (p) => import(join(root, p));
const { digitizeFiles } = await imp('packages/batch/dist/index.js');
const { sqliteJournal } = await imp('packages/batch/dist/journal/sqlite.js');
const { safeExtractDocument } = await imp('packages/extract/dist/index.js');
const { listInputFiles, readPages } = await imp('packages/ingest/dist/index.js');
const { createTesseractEngine } = await imp('packages/ocr/dist/index.js');
const { createVault } = await imp('packages/vault/dist/index.js');
const { sqliteDriver } = await imp('packages/vault/dist/drivers/sqlite.js');
const { generateSeedSet } = await imp('seeds/dist/index.js');

const dir = mkdtempSync(join(tmpdir(), 'sohoa-bench-batch-'));
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 200);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  await generateSeedSet({ seed: Number(args.seed), count: Number(args.people), outDir: join(dir, 'scans'), degradedShare: 0.5 });
  const files = await listInputFiles([join(dir, 'scans')]);
  const results = { bare: [], batch1: [], batch2: [] };
  const rss = {};
  for (let round = 0; round < Number(args.rounds); round++) {
    {
      const engine = createTesseractEngine({ workers: 1 });
      await engine.recognize((await readPages(files[0]))[0]); // warm-up: start the worker
      const t0 = performance.now();
      for (const file of files) {
        const pages = await readPages(file);
        const ocr = await Promise.all(pages.map((p) => engine.recognize(p)));
        await safeExtractDocument({ pages, ocr }, { recognizer: engine });
      }
      results.bare.push(performance.now() - t0);
      await engine.dispose();
    }
    for (const [name, workers] of [['batch1', 1], ['batch2', 2]]) {
      const engine = createTesseractEngine({ workers });
      await Promise.all(Array.from({ length: workers }, () => readPages(files[0]).then((p) => engine.recognize(p[0]))));
      const run = join(dir, `${name}-${round}`);
      const vault = createVault({ driver: sqliteDriver({ path: join(run, 'vault.db') }) });
      const journal = await sqliteJournal({ path: join(run, 'journal.db') });
      const t0 = performance.now();
      const summary = await digitizeFiles(files, { engine, vault, journal, concurrency: workers });
      results[name].push(performance.now() - t0);
      if (summary.counts.failed > 0) process.stderr.write(`${name}: ${summary.counts.failed} file(s) failed\n`);
      rss[name] = Math.round(process.memoryUsage.rss() / 1e6);
      await journal.close();
      await vault.close();
      await engine.dispose();
    }
  }
  const pages = files.length;
  const ppm = (ms) => ((pages / (ms / 1000)) * 60).toFixed(1);
  const bare = median(results.bare);
  const b1 = median(results.batch1);
  const b2 = median(results.batch2);
  console.log(`batch throughput, ${pages} single-page scans (${args.people} people, half degraded), real OCR, median of ${args.rounds} round(s)`);
  console.log(`bare pipeline, 1 worker:            ${ppm(bare)} pages/min`);
  console.log(`digitizeFiles, 1 worker + journal:  ${ppm(b1)} pages/min  (batch overhead ${(((b1 - bare) / bare) * 100).toFixed(1)}% of the bare pipeline)`);
  console.log(`digitizeFiles, 2 workers + journal: ${ppm(b2)} pages/min  (×${(b1 / b2).toFixed(2)} vs 1 worker)`);
  console.log(`RSS after each run: ${JSON.stringify(rss)} MB; peak ${Math.round(peakRss / 1e6)} MB`);
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
