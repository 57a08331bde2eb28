// CPU time of the QR search (`decodeQr` of @sohoa/extract) on freshly generated ID card sides, each build in a
// fresh process, cold (as a CLI worker process runs it: the first files of a process) and warm (a second
// pass over the same pages). Prints codes found and CPU milliseconds per build; with --baseline, another
// build's extract package runs the same pages (same decoded pages: ingest of this checkout).
// Usage: node test/bench/qr-search.mjs [--cards 1] [--seed 15] [--baseline <other checkout>/packages/extract/dist/index.js]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
  options: {
    cards: { type: 'string', default: '1' },
    seed: { type: 'string', default: '15' },
    baseline: { type: 'string' },
    child: { type: 'string' },
    files: { type: 'string' },
  },
});

if (args.child) {
  // One build, one fresh process.
  const { readPages } = await import(join(root, 'packages/ingest/dist/index.js'));
  const { decodeQr } = await import(args.child);
  const pages = [];
  for (const file of JSON.parse(readFileSync(args.files, 'utf8'))) pages.push((await readPages(file))[0]);
  const pass = () => {
    const start = process.cpuUsage();
    const texts = pages.map((p) => decodeQr(p)?.text ?? null);
    const used = process.cpuUsage(start);
    return { texts, ms: (used.user + used.system) / 1000 };
  };
  const cold = pass();
  const warm = pass();
  process.stdout.write(JSON.stringify({ texts: cold.texts, cold: cold.ms, warm: warm.ms }));
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'sohoa-bench-qr-'));
try {
  const seeds = await import('../../seeds/dist/index.js');
  const out = join(work, 'cards');
  const set = await seeds.generateIdCardSet({ seed: Number(args.seed), count: Number(args.cards), outDir: out });
  const chip = await seeds.generateSeedSet({ seed: Number(args.seed), count: Number(args.cards), outDir: out });
  const files = [...set.folders, ...chip.folders].flatMap((f) =>
    ['front.jpg', 'back.jpg'].map((side) => join(out, f, side)),
  );
  const list = join(work, 'files.json');
  writeFileSync(list, JSON.stringify(files));
  const builds = [['this checkout', join(root, 'packages/extract/dist/index.js')]];
  if (args.baseline) builds.push(['baseline', args.baseline]);
  const results = builds.map(([name, entry]) => {
    const r = JSON.parse(
      execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', entry, '--files', list]).toString(),
    );
    return { name, ...r };
  });
  process.stdout.write(`QR search over ${files.length} card sides (CPU time, one fresh process per build)\n`);
  for (const r of results)
    process.stdout.write(
      `| ${r.name} | codes found ${r.texts.filter(Boolean).length} | cold ${r.cold.toFixed(0)} ms | warm ${r.warm.toFixed(0)} ms |\n`,
    );
  if (results.length === 2)
    process.stdout.write(
      `same codes and payloads: ${JSON.stringify(results[0].texts) === JSON.stringify(results[1].texts)}\n`,
    );
} finally {
  rmSync(work, { recursive: true, force: true });
}
