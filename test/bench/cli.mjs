// Whole-CLI throughput: `sohoa digitize` exactly as documented (the built CLI, a fresh SQLite vault,
// `--json`, `--report`) against the native tesseract CLI (`tesseract <img> - -l vie`, 2 processes,
// OMP_THREAD_LIMIT=1) on the same files, in one run per set: native, sohoa, native again. PDFs are
// rendered to 300-dpi PNG with pdftoppm for native beforehand (not timed, which favours native).
// Sets: the real full pages of ../shared/data/scans (skipped with a message when absent), freshly
// generated ID cards (all card types, both sides) and civil certificates. Per set it prints both
// native times, sohoa's time, the ratio (mean native / sohoa; > 1 means sohoa is faster) and the
// per-stage breakdown from the run report (`stages` in `<prefix>.json`). Then `sohoa fill` per call
// (one form, warm vault: the vault file exists and was read before). The load (`uptime`) is printed
// with every figure: the machine is shared, so only ratios measured side by side mean anything.
// Usage: pnpm bench:cli [--sets real,cards,certificates,fill] [--cards 2] [--certs 1] [--seed 15]
//        [--concurrency 2] [--fill-calls 7] [--keep] [--baseline <other checkout>/packages/cli/dist/bin.js]
// With --baseline, another build's CLI runs too, right after this one's (before/after in one run).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runParallel } from './run-parallel.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
  options: {
    sets: { type: 'string', default: 'real,cards,certificates,fill' },
    cards: { type: 'string', default: '2' },
    certs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '15' },
    concurrency: { type: 'string', default: '2' },
    'fill-calls': { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
    baseline: { type: 'string' },
  },
});
const SETS = new Set(args.sets.split(','));
const CONCURRENCY = Number(args.concurrency);
const BIN = join(root, 'packages/cli/dist/bin.js');
const SCANS = join(root, '..', 'shared', 'data', 'scans');
const log = (line = '') => process.stdout.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const s = (ms) => (ms / 1000).toFixed(1);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function run(command, argv, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    let err = '';
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: err }));
  });
}

const work = mkdtempSync(join(tmpdir(), 'sohoa-bench-cli-'));
let haveNative = true;
try {
  execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
} catch {
  haveNative = false;
}

/** Native tesseract over image files, 2 processes, one thread each; wall milliseconds. */
async function native(images) {
  const started = performance.now();
  await runParallel(images, CONCURRENCY, async (image) => {
    const r = await run('tesseract', [image, '-', '-l', 'vie'], { OMP_THREAD_LIMIT: '1' });
    if (r.code !== 0) throw new Error(`native tesseract failed on ${basename(image)}: ${r.stderr.slice(0, 200)}`);
  });
  return performance.now() - started;
}

/** `sohoa digitize <files> --vault v.db --json --report r` as the README documents it; wall milliseconds and the run report. */
async function sohoa(name, files, bin = BIN) {
  const dir = join(work, `run-${name}-${bin === BIN ? 'this' : 'baseline'}`);
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const r = await run(process.execPath, [
    bin,
    'digitize',
    ...files,
    '--vault',
    join(dir, 'v.db'),
    '--json',
    '--quiet',
    '--report',
    join(dir, 'report'),
    '--concurrency',
    String(CONCURRENCY),
  ]);
  const ms = performance.now() - started;
  if (r.code !== 0 && r.code !== 1) throw new Error(`sohoa digitize exited ${r.code}: ${r.stderr.slice(0, 500)}`);
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  const documents = JSON.parse(r.stdout).documents;
  return { ms, report, documents, vault: join(dir, 'v.db') };
}

/** Images native tesseract reads for `files`: PDFs rendered to 300-dpi PNG pages (untimed). */
function nativeImages(files) {
  const images = [];
  for (const [i, file] of files.entries()) {
    if (!file.toLowerCase().endsWith('.pdf')) {
      images.push(file);
      continue;
    }
    const prefix = join(work, 'native', `${i}-${basename(file, '.pdf')}`);
    mkdirSync(join(work, 'native'), { recursive: true });
    execFileSync('pdftoppm', ['-r', '300', '-png', file, prefix]);
    const dir = join(work, 'native');
    images.push(
      ...readdirSync(dir)
        .filter((f) => f.startsWith(`${i}-${basename(file, '.pdf')}`) && f.endsWith('.png'))
        .sort()
        .map((f) => join(dir, f)),
    );
  }
  return images;
}

const STAGES = [
  ['workerStartMs', 'worker processes start-up (engine ready)'],
  ['decodeMs', 'ingest: decode (image / PDF render, text layer)'],
  ['qualityMs', 'ingest: quality gate'],
  ['preprocessMs', 'ingest: orientation + deskew'],
  ['qrMs', 'QR / MRZ-first decode'],
  ['ocrMs', 'OCR passes (full page or code-guided regions)'],
  ['regionMs', 'region re-reads during extraction'],
  ['extractMs', 'extraction (classify, read fields), without re-reads'],
  ['vaultMs', 'vault (store, link)'],
];

function printStages(report, wallMs) {
  const stages = report.stages;
  if (!stages) {
    log('  (the run report has no `stages`: this build does not time stages)');
    return;
  }
  log(`  stages (summed over files; files run ${CONCURRENCY} at a time, so the sum exceeds wall time):`);
  for (const [key, label] of STAGES) if (stages[key] !== undefined) log(`  | ${label} | ${s(stages[key])} s |`);
  if (stages.ocrPasses !== undefined)
    log(`  | full-page OCR passes / region OCR calls | ${stages.ocrPasses} / ${stages.regionReads ?? 0} |`);
  log(
    `  | CLI process outside the run (node start-up, module loading, vault open/close, output) | ${s(wallMs - report.seconds * 1000)} s |`,
  );
}

async function compare(name, files, pages) {
  log(`\n## ${name}: ${files.length} files, ${pages} pages — load before: ${load()}`);
  const images = nativeImages(files);
  if (!haveNative) log('native tesseract is not installed: native columns are n/a');
  const n1 = haveNative ? await native(images) : NaN;
  const loadN1 = load();
  const sohoaRun = await sohoa(name, files);
  const loadS = load();
  const baseRun = args.baseline ? await sohoa(name, files, args.baseline) : undefined;
  const loadB = load();
  const n2 = haveNative ? await native(images) : NaN;
  const loadN2 = load();
  const ratio = (n1 + n2) / 2 / sohoaRun.ms;
  const failed = sohoaRun.documents.filter((d) => d.status === 'failed').length;
  log(`| set | native (1st) | sohoa digitize | native (2nd) | ratio native/sohoa | load after each |`);
  log(`|---|---|---|---|---|---|`);
  log(
    `| ${name} (${pages} pages, ${images.length} native images) | ${s(n1)} s | ${s(sohoaRun.ms)} s | ${s(n2)} s | **${ratio.toFixed(2)}×** | ${loadN1} / ${loadS} / ${loadN2} |`,
  );
  if (baseRun)
    log(
      `| ${name}, baseline CLI (\`--baseline\`, run right after) | ${s(n1)} s | ${s(baseRun.ms)} s | ${s(n2)} s | ${((n1 + n2) / 2 / baseRun.ms).toFixed(2)}× | ${loadB} |`,
    );
  log(`  sohoa: ${sohoaRun.report.pages} pages, ${failed} failed, types ${JSON.stringify(sohoaRun.report.byType)}`);
  printStages(sohoaRun.report, sohoaRun.ms);
  return { ratio, vault: sohoaRun.vault, documents: sohoaRun.documents };
}

log(
  `# pnpm bench:cli — ${new Date().toISOString()} — node ${process.version}, ${CONCURRENCY} files at a time — uptime load: ${load()}`,
);
log(
  `native: ${haveNative ? execFileSync('tesseract', ['--version']).toString().split('\n')[0] : 'not available'} (\`tesseract <img> - -l vie\`, OMP_THREAD_LIMIT=1, ${CONCURRENCY} processes); sohoa: \`node packages/cli/dist/bin.js digitize <files> --vault v.db --json --report r --concurrency ${CONCURRENCY}\``,
);
const summary = [];
let fillVault;
let fillSubject;
try {
  if (SETS.has('real')) {
    if (!existsSync(SCANS)) log('\n## real full pages: skipped, ../shared/data/scans is absent');
    else {
      const danang = join(SCANS, 'vietadmin-danang', 'data');
      // The 15 full pages of the issue: the gazette (3 pages, born-digital), the two Đà Nẵng letters, the three scanned PDFs (10 pages).
      const files = [
        join(SCANS, 'kaikenju-admin-docs', 'New_54.2014.QH13.pdf'),
        join(danang, '4_1.jpg'),
        join(danang, '4_2.jpg'),
        join(danang, '1.pdf'),
        join(danang, '2.pdf'),
        join(danang, '3.pdf'),
      ].filter(existsSync);
      const pages = files.reduce(
        (n, f) =>
          n + (f.endsWith('.pdf') ? Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f]).toString())[1]) : 1),
        0,
      );
      summary.push(['real full pages', (await compare('real full pages', files, pages)).ratio, 1.0]);
    }
  }
  const seeds = await import('../../seeds/dist/index.js');
  if (SETS.has('cards') || SETS.has('fill')) {
    const out = join(work, 'cards');
    const set = await seeds.generateIdCardSet({ seed: Number(args.seed), count: Number(args.cards), outDir: out });
    const chip = await seeds.generateSeedSet({ seed: Number(args.seed), count: Number(args.cards), outDir: out });
    const files = [...set.folders, ...chip.folders].flatMap((f) =>
      ['front.jpg', 'back.jpg'].map((side) => join(out, f, side)),
    );
    const result = await compare('ID cards', files, files.length);
    summary.push(['ID cards', result.ratio, 2.0]);
    const linked = result.documents.find((d) => d.subject && d.status === 'stored' && /^\d{12}$/.test(d.subject));
    if (linked) {
      fillVault = result.vault;
      fillSubject = linked.subject;
    }
  }
  if (SETS.has('certificates')) {
    const out = join(work, 'certs');
    const set = await seeds.generateCivilSet({ seed: Number(args.seed), count: Number(args.certs), outDir: out });
    const files = set.folders
      .map((f) =>
        join(
          out,
          f,
          readdirSync(join(out, f)).find((n) => n.startsWith('scan.')),
        ),
      )
      .filter(existsSync);
    summary.push(['civil certificates', (await compare('civil certificates', files, files.length)).ratio, 2.0]);
  }
  if (SETS.has('fill')) {
    log(`\n## sohoa fill, one form, warm vault — load before: ${load()}`);
    if (!fillVault) log('skipped: no stored card with a 12-digit subject to fill for');
    else {
      const form = join(
        root,
        'schemas/forms',
        readdirSync(join(root, 'schemas/forms'))
          .filter((f) => f.endsWith('.schema.json'))
          .sort()[0],
      );
      const fillTimes = async (bin) => {
        const times = [];
        for (let i = 0; i < Number(args['fill-calls']); i++) {
          const started = performance.now();
          const r = await run(process.execPath, [
            bin,
            'fill',
            form,
            '--vault',
            fillVault,
            '--subject',
            fillSubject,
            '--json',
          ]);
          const ms = performance.now() - started;
          if (r.code !== 0) throw new Error(`sohoa fill exited ${r.code}: ${r.stderr.slice(0, 300)}`);
          if (i > 0) times.push(ms); // the first call warms the OS file cache
        }
        return times;
      };
      const times = await fillTimes(BIN);
      if (args.baseline)
        log(
          `| baseline \`sohoa fill\` (\`--baseline\`) | median ${median(await fillTimes(args.baseline)).toFixed(0)} ms per call | load ${load()} |`,
        );
      const startup = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await run(process.execPath, ['-e', '']);
        startup.push(performance.now() - started);
      }
      log(
        `| \`sohoa fill ${basename(form)} --json\` | median ${median(times).toFixed(0)} ms per call (${times.length} calls, min ${Math.min(...times).toFixed(0)}) | bare \`node -e ''\`: ${median(startup).toFixed(0)} ms | load ${load()} |`,
      );
      summary.push(['sohoa fill (ms per call)', median(times), 300]);
    }
  }
  log(`\n## summary — load: ${load()}`);
  log('| set | figure | goal |');
  log('|---|---|---|');
  for (const [name, value, goal] of summary)
    log(
      name.includes('fill')
        ? `| ${name} | ${value.toFixed(0)} ms | < ${goal} ms |`
        : `| ${name} | ${value.toFixed(2)}× native | ≥ ${goal.toFixed(1)}× |`,
    );
} finally {
  if (!args.keep) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
}
