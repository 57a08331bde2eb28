// The cost and size of `digitize --copies` (issue 14), per source kind: the built CLI digitises each group of files
// (JPEG, PNG, TIFF, a PDF of JPEG scans, a PDF of CCITT G4 scans) into a fresh vault with `--copies` (unsigned).
// Cost: the copy pass's own time (the `ms` of each copy in the `--json` output: reading the pages, writing,
// storing, recording) against the same run's OCR time (`stages.ocrMs` of the run report, summed over files), so
// both come from one process at one load. Size: each copy's bytes against its source file's bytes and, for a PDF,
// against the bytes of the source's page images (what a copy cannot go below without re-encoding).
// With `--before <bin.js>` (the CLI of an earlier build, e.g. one unpacked from `git archive` and built), every
// group is digitised by both CLIs, alternately first, so the before/after figures come from one run at one load.
// `--reread` adds the path of a file done in an earlier run (`--resume --copies` of a vault digitised without
// copies: no words in memory, the copy pass OCRs each page again).
// Files: synthetic ID cards and a birth certificate from seeds/ (JPEG; the certificate also converted to PNG, to a
// grey Deflate TIFF and to a bilevel CCITT G4 TIFF in a temporary folder), and when present a real PNG scan of
// ../shared/data/scans/kaikenju-admin-docs and the real Đà Nẵng scans (`4_1.jpg`, `2.pdf`: two JPEG pages at 300
// dpi, `1.pdf`: two CCITT G4 pages at 200 dpi) of ../shared/data/scans (read there, never copied).
// Usage: pnpm build && node test/bench/copy-pass.mjs [--rounds 2] [--before /tmp/old/packages/cli/dist/bin.js]
//        [--kinds jpeg,png,tiff,pdf-jpeg,pdf-ccitt] [--reread]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '1' },
    before: { type: 'string' },
    kinds: { type: 'string', default: 'jpeg,png,tiff,pdf-jpeg,pdf-ccitt' },
    reread: { type: 'boolean', default: false },
  },
});
const AFTER = join(root, 'packages/cli/dist/bin.js');
const DANANG = join(root, '..', 'shared', 'data', 'scans', 'vietadmin-danang', 'data');
const KAIKENJU = join(root, '..', 'shared', 'data', 'scans', 'kaikenju-admin-docs', 'assets');
const requireArchive = createRequire(join(root, 'packages/archive/package.json'));
const { PDFDocument, PDFName, PDFRawStream } = requireArchive('pdf-lib');
const sharp = requireArchive('sharp');
const log = (line = '') => process.stdout.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const pct = (part, whole) => (Number.isFinite(part / whole) ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a');
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function run(bin, argv) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...argv], {
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

/** Bytes of the page images of a PDF (image XObjects' encoded data), the floor of a copy that keeps them. */
async function pdfImageBytes(file) {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  let total = 0;
  for (const [, object] of doc.context.enumerateIndirectObjects())
    if (object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'))
      total += object.getContentsSize();
  return total;
}

// ---------- files by kind ----------
const work = mkdtempSync(join(tmpdir(), 'sohoa-bench-copy-pass-'));
const seeds = await import('../../seeds/dist/index.js');
const input = join(work, 'in');
const cards = await seeds.generateSeedSet({ seed: 21, count: 1, outDir: input });
const certs = await seeds.generateCivilSet({ seed: 21, count: 1, outDir: input });
const cert = join(input, certs.folders[0], 'scan.jpg');
const wanted = new Set(args.kinds.split(','));
const groups = [];
const group = (kind, files) => {
  const present = files.filter((f) => existsSync(f));
  if (wanted.has(kind) && present.length > 0) groups.push({ kind, files: present });
};
group('jpeg', [
  ...cards.folders.flatMap((f) => ['front.jpg', 'back.jpg'].map((s) => join(input, f, s))),
  cert,
  join(DANANG, '4_1.jpg'),
]);
const certPng = join(work, 'made', 'certificate.png');
const certTiff = join(work, 'made', 'certificate-grey-deflate.tif');
const certG4 = join(work, 'made', 'certificate-bilevel-g4.tif');
mkdirSync(join(work, 'made'), { recursive: true });
// The folders' names are made-up people: the converted files get neutral names.
writeFileSync(certPng, await sharp(cert).png().toBuffer());
writeFileSync(certTiff, await sharp(cert).grayscale().tiff({ compression: 'deflate' }).toBuffer());
writeFileSync(
  certG4,
  await sharp(cert).threshold(150).toColourspace('b-w').tiff({ compression: 'ccittfax4', bitdepth: 1 }).toBuffer(),
);
group('png', [certPng, join(KAIKENJU, 'mau-van-ban-hanh-chinh-1.png')]);
group('tiff', [certTiff, certG4]);
group('pdf-jpeg', [join(DANANG, '2.pdf')]);
group('pdf-ccitt', [join(DANANG, '1.pdf')]);
if (!existsSync(DANANG)) log(`(${DANANG} is absent: synthetic pages only)`);

let n = 0;
/** One `sohoa digitize` of `files` into a fresh vault (or `vault`). */
async function digitize(bin, files, extra, vault) {
  const dir = join(work, `run-${n++}`);
  mkdirSync(dir, { recursive: true });
  const v = vault ?? join(dir, 'v.db');
  const copiesDir = join(dir, 'copies');
  const r = await run(bin, [
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
    ...extra.flatMap((x) => (x === '<copies>' ? [copiesDir] : [x])),
  ]);
  if (r.code !== 0 && r.code !== 1) throw new Error(`sohoa digitize exited ${r.code}: ${r.stderr.slice(0, 500)}`);
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  const copies = JSON.parse(r.stdout).copies ?? [];
  const failed = copies.filter((c) => c.status === 'failed');
  if (failed.length > 0) throw new Error(`copies failed: ${JSON.stringify(failed.map((c) => c.error))}`);
  return {
    ocrMs: report.stages?.ocrMs ?? Number.NaN,
    copyMs: copies.reduce((sum, c) => sum + (c.ms ?? 0), 0),
    copyBytes: copies.reduce((sum, c) => sum + (c.location ? statSync(join(copiesDir, c.location)).size : 0), 0),
    perFile: copies.map((c) => ({
      file: basename(c.file),
      ms: c.ms,
      bytes: c.location ? statSync(join(copiesDir, c.location)).size : Number.NaN,
    })),
    written: copies.filter((c) => c.status === 'written').length,
    ocrAgain: copies.filter((c) => c.ocrAgain).length,
    vault: v,
  };
}

const COPIES = ['--copies', '<copies>', '--agency', 'G09.01.02'];
const bins = args.before ? { before: args.before, after: AFTER } : { after: AFTER };
log(
  `# digitize --copies per source kind: ${groups.map((g) => `${g.kind} (${g.files.length})`).join(', ')}; ` +
    `concurrency ${args.concurrency}; ${Object.keys(bins).join(' and ')}`,
);
const results = []; // { kind, which, round, ...run }
for (let round = 0; round < Number(args.rounds); round++) {
  for (const g of groups) {
    const order = Object.entries(bins);
    if (round % 2 === 1) order.reverse();
    for (const [which, bin] of order) {
      const before = load();
      const r = await digitize(bin, g.files, COPIES);
      results.push({ kind: g.kind, which, round, ...r });
      log(
        `| round ${round + 1} | ${g.kind} | ${which} | OCR ${(r.ocrMs / 1000).toFixed(1)} s | copy pass ${r.copyMs} ms (${pct(r.copyMs, r.ocrMs)}) | ${r.perFile.map((f) => `${f.file} ${f.ms} ms ${(f.bytes / 1024).toFixed(1)} KB`).join(', ')} | load ${before} → ${load()} |`,
      );
      if (args.reread && which === 'after') {
        const plain = await digitize(bin, g.files, []);
        const again = await digitize(bin, g.files, ['--resume', ...COPIES], plain.vault);
        log(
          `|   | ${g.kind} | after, --resume --copies (OCR again) | copy pass ${again.copyMs} ms (${pct(again.copyMs, plain.ocrMs)} of the plain run's OCR), ${again.ocrAgain} OCRed again |`,
        );
      }
    }
  }
}

// ---------- summary ----------
log(
  '\n| source kind | files | source KB | page images KB | copy / source bytes (before → after) | copy / page images | copy pass / OCR, median (before → after) |',
);
log('|---|---|---|---|---|---|---|');
for (const g of groups) {
  const sourceBytes = g.files.reduce((sum, f) => sum + statSync(f).size, 0);
  let imageBytes = 0;
  for (const f of g.files) imageBytes += f.endsWith('.pdf') ? await pdfImageBytes(f) : statSync(f).size;
  const of = (which) => results.filter((r) => r.kind === g.kind && r.which === which);
  const size = (which) => (of(which).length ? pct(of(which).at(-1).copyBytes, sourceBytes) : '');
  const sizeImages = (which) => (of(which).length ? pct(of(which).at(-1).copyBytes, imageBytes) : '');
  const cost = (which) => (of(which).length ? pct(median(of(which).map((r) => r.copyMs / r.ocrMs)), 1) : '');
  const pair = (f) => (args.before ? `${f('before')} → ${f('after')}` : f('after'));
  log(
    `| ${g.kind} | ${g.files.length} | ${(sourceBytes / 1024).toFixed(0)} | ${(imageBytes / 1024).toFixed(0)} | ${pair(size)} | ${pair(sizeImages)} | ${pair(cost)} |`,
  );
}
log('\nper file, last round (after):');
for (const r of results.filter((x) => x.which === 'after' && x.round === Number(args.rounds) - 1))
  for (const f of r.perFile) log(`- ${r.kind} ${f.file}: ${f.ms} ms, ${f.bytes} bytes`);
rmSync(work, { recursive: true, force: true });
