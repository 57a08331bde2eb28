// The cost of `digitize --copies` (issue 14): the built CLI on the same files into a fresh vault with `--copies`
// (unsigned); the copy pass's own time (the `ms` of each copy in the `--json` output: reading the pages, writing,
// storing, recording) is set against the same run's OCR time (`stages.ocrMs` of the run report, summed over
// files), so both come from one process at one load. A second run digitises into another fresh vault without
// copies, and a third makes that vault's copies with `--resume` (every file done before, no OCR in memory): the
// copy pass then OCRs each page again, as it did for every file before it took the run's own words. The wall times
// of the first two runs are printed too (noisy on a shared machine).
// Files: synthetic ID cards and birth certificates from seeds/, and the real Đà Nẵng scans (`4_1.jpg`, `2.pdf`,
// `1.pdf`) of ../shared/data/scans when present (read there, never copied).
// Usage: pnpm build && node test/bench/copy-pass.mjs [--cards 1] [--certs 1] [--rounds 2] [--concurrency 1]
//        [--real 4_1.jpg,2.pdf,1.pdf]   (which of the Đà Nẵng files; 1.pdf is a CCITT scan the copy pass renders)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
  options: {
    cards: { type: 'string', default: '1' },
    certs: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '1' },
    real: { type: 'string', default: '4_1.jpg,2.pdf,1.pdf' },
  },
});
const BIN = join(root, 'packages/cli/dist/bin.js');
const DANANG = join(root, '..', 'shared', 'data', 'scans', 'vietadmin-danang', 'data');
const log = (line = '') => process.stdout.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;
const pct = (part, whole) => `${((100 * part) / whole).toFixed(1)}%`;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function run(argv) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      env: { ...process.env, SOHOA_SIGN_PASSWORD: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c.toString()));
    child.stderr.on('data', (c) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: out, stderr: err }));
  });
}

const work = mkdtempSync(join(tmpdir(), 'sohoa-bench-copy-pass-'));
const seeds = await import('../../seeds/dist/index.js');
const files = [];
if (Number(args.cards) > 0) {
  const set = await seeds.generateSeedSet({ seed: 21, count: Number(args.cards), outDir: join(work, 'in') });
  files.push(...set.folders.flatMap((f) => ['front.jpg', 'back.jpg'].map((s) => join(work, 'in', f, s))));
}
if (Number(args.certs) > 0) {
  const out = join(work, 'in');
  const set = await seeds.generateCivilSet({ seed: 21, count: Number(args.certs), outDir: out });
  for (const f of set.folders)
    files.push(
      join(
        out,
        f,
        readdirSync(join(out, f)).find((n) => n.startsWith('scan.')),
      ),
    );
}
const real = args.real
  .split(',')
  .filter(Boolean)
  .map((f) => join(DANANG, f))
  .filter((f) => existsSync(f));
if (real.length === 0) log(`(${DANANG} is absent: synthetic pages only)`);
files.push(...real);

let n = 0;
/** One `sohoa digitize` run into a fresh vault (or `vault`); wall ms, OCR ms summed over files, pages, copies. */
async function digitize(extra, vault) {
  const dir = join(work, `run-${n++}`);
  mkdirSync(dir, { recursive: true });
  const v = vault ?? join(dir, 'v.db');
  const started = performance.now();
  const r = await run([
    'digitize',
    ...files,
    '--vault',
    v,
    '--json',
    '--quiet',
    '--report',
    join(dir, 'report'),
    '--concurrency',
    args.concurrency,
    ...extra.flatMap((x) => (x === '<copies>' ? [join(dir, 'copies')] : [x])),
  ]);
  const ms = performance.now() - started;
  if (r.code !== 0 && r.code !== 1) throw new Error(`sohoa digitize exited ${r.code}: ${r.stderr.slice(0, 500)}`);
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  const copies = JSON.parse(r.stdout).copies ?? [];
  const failed = copies.filter((c) => c.status === 'failed');
  if (failed.length > 0) throw new Error(`copies failed: ${JSON.stringify(failed.map((c) => c.error))}`);
  return {
    ms,
    ocrMs: report.stages?.ocrMs ?? Number.NaN,
    pages: report.pages ?? report.totals?.pages,
    written: copies.filter((c) => c.status === 'written').length,
    copyMs: copies.reduce((sum, c) => sum + (c.ms ?? 0), 0),
    perFile: copies.map((c) => [c.file.split('/').slice(-2).join('/'), c.ms]),
    ocrAgain: copies.filter((c) => c.ocrAgain).length,
    vault: v,
  };
}

const COPIES = ['--copies', '<copies>', '--agency', 'G09.01.02'];
log(`# digitize with and without --copies: ${files.length} files, concurrency ${args.concurrency}`);
const rows = [];
for (let round = 0; round < Number(args.rounds); round++) {
  const loadBefore = load();
  const pair = round % 2 === 0 ? [[], COPIES] : [COPIES, []];
  const [a, b] = [await digitize(pair[0]), await digitize(pair[1])];
  const [plain, copies] = round % 2 === 0 ? [a, b] : [b, a];
  // The old path: every file done before (journal), so the copy pass has no words and OCRs each page again.
  const reread = await digitize(['--resume', ...COPIES], plain.vault);
  rows.push({ plain, copies, reread });
  log(
    `| round ${round + 1} | --copies: OCR ${sec(copies.ocrMs)}, copy pass ${sec(copies.copyMs)} (${pct(copies.copyMs, copies.ocrMs)} of OCR), wall ${sec(copies.ms)}, ${copies.written} written, ${copies.ocrAgain} OCRed again | plain: OCR ${sec(plain.ocrMs)}, wall ${sec(plain.ms)} | --resume --copies: copy pass ${sec(reread.copyMs)} (${pct(reread.copyMs, plain.ocrMs)} of the plain run's OCR), ${reread.ocrAgain} OCRed again | load ${loadBefore} → ${load()} |`,
  );
}
log(
  `copy pass per file, last round: ${rows
    .at(-1)
    .copies.perFile.map(([f, ms]) => `${f} ${ms} ms`)
    .join(', ')}`,
);
const share = median(rows.map((r) => r.copies.copyMs / r.copies.ocrMs));
const rereadShare = median(rows.map((r) => r.reread.copyMs / r.plain.ocrMs));
log(`\nmedian copy pass / OCR of the same run: ${(100 * share).toFixed(1)}% (goal < 10%)`);
log(`median copy pass that OCRs again (--resume) / OCR of the digitize run: ${(100 * rereadShare).toFixed(1)}%`);
rmSync(work, { recursive: true, force: true });
