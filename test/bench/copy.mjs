// The cost of the digitised copy (issue 14): per page, the time to write its PDF/A-2b copy (image as scanned and
// the invisible text layer) against the time to OCR the same page, measured side by side (OCR then copy, page
// after page, same process), and the copy's size against the source image's bytes. Goals: writing < 10% of OCR
// time, size ≤ 110% of the source image.
// Pages: synthetic ID cards (front, back) and birth certificates from seeds/ (JPEG), and the real public scans of
// ../shared/data/scans (JPEG and PNG; read there, never copied) when present.
// Usage: pnpm bench:copy [--cards 4] [--certs 4] [--scans 12] [--engine js|native]
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeArchivalCopy } from '../../packages/archive/dist/index.js';
import { readPages } from '../../packages/ingest/dist/index.js';
import {
  createNativeTesseractEngine,
  createTesseractEngine,
  isNativeTesseractAvailable,
} from '../../packages/ocr/dist/index.js';
import { generateCivilSet, generateSeedSet } from '../../seeds/dist/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
  options: {
    cards: { type: 'string', default: '4' },
    certs: { type: 'string', default: '4' },
    scans: { type: 'string', default: '12' },
    engine: { type: 'string', default: 'js' },
  },
});
const log = (line = '') => process.stdout.write(`${line}\n`);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

// ---------- pages ----------
const work = mkdtempSync(join(tmpdir(), 'sohoa-bench-copy-'));
const docsDir = join(work, 'documents');
const none = { folders: [] };
const cards =
  Number(args.cards) > 0
    ? await generateSeedSet({ seed: 5, count: Number(args.cards), outDir: docsDir, degradedShare: 0.5 })
    : none;
const certs =
  Number(args.certs) > 0
    ? await generateCivilSet({
        seed: 5,
        count: Number(args.certs),
        outDir: docsDir,
        types: ['giay-khai-sinh'],
        degradedShare: 0.5,
      })
    : none;
const inputs = [
  ...cards.folders.flatMap((f) =>
    ['front.jpg', 'back.jpg'].map((s) => ({ kind: 'synthetic card', file: join(docsDir, f, s) })),
  ),
  ...certs.folders.map((f) => ({ kind: 'synthetic certificate', file: join(docsDir, f, 'scan.jpg') })),
];
const scansDir = join(root, '..', 'shared', 'data', 'scans');
const listImages = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return listImages(path);
    return ['.jpg', '.jpeg', '.png'].includes(extname(e.name).toLowerCase()) ? [path] : [];
  });
if (existsSync(scansDir) && statSync(scansDir).isDirectory()) {
  const scans = listImages(scansDir).sort();
  const step = Math.max(1, Math.floor(scans.length / Number(args.scans)));
  for (const file of scans.filter((_, i) => i % step === 0).slice(0, Number(args.scans))) {
    inputs.push({ kind: extname(file).toLowerCase() === '.png' ? 'real scan (PNG)' : 'real scan (JPEG)', file });
  }
} else log(`(${relative(root, scansDir)} absent: synthetic pages only; see ../shared/data/README)`);

// ---------- engine ----------
const native = args.engine === 'native';
if (native && !isNativeTesseractAvailable()) throw new Error('--engine native: tesseract is not installed');
const engine = native ? createNativeTesseractEngine() : createTesseractEngine({ workers: 1, timeoutMs: 600_000 });

// One page through OCR, then through the copy writer, on the same image (boxes in the image's own pixels:
// no preprocessing, so the words land on the page as scanned).
const rows = [];
let warmed = false;
for (const { kind, file } of inputs) {
  const bytes = new Uint8Array(readFileSync(file));
  let page;
  try {
    [page] = await readPages(file, { preprocess: false, quality: false });
  } catch (e) {
    log(`skip ${relative(root, file)}: ${e.code ?? e.message}`);
    continue;
  }
  const t0 = performance.now();
  const ocr = await engine.recognize(page);
  const ocrMs = performance.now() - t0;
  const words = ocr.lines.flatMap((l) => l.words.map((w) => ({ text: w.text, box: w.box })));
  const copyInput = {
    pages: [
      {
        image: bytes,
        mediaType: file.toLowerCase().endsWith('.png') ? 'image/png' : 'image/jpeg',
        width: page.width,
        height: page.height,
        dpi: page.dpi && page.dpi >= 72 ? page.dpi : 300,
        words,
      },
    ],
    metadata: {
      docCode: 'G09.01_GKS_000001_V1',
      typeName: 'Giấy khai sinh',
      language: 'vi',
      pageAmount: 1,
      sourceSha256: createHash('sha256').update(bytes).digest('hex'),
      digitisedAt: new Date().toISOString(),
    },
  };
  if (!warmed) {
    await writeArchivalCopy(copyInput); // loads the font once, as a long batch does
    warmed = true;
  }
  let copy;
  try {
    const t1 = performance.now();
    copy = await writeArchivalCopy(copyInput);
    const copyMs = performance.now() - t1;
    rows.push({ kind, file, ocrMs, copyMs, words: words.length, source: bytes.length, copy: copy.length });
  } catch (e) {
    log(`no copy for ${relative(root, file)}: ${e.code ?? ''} ${e.message}`);
  }
}
await engine.dispose();
rmSync(work, { recursive: true, force: true });

// ---------- report ----------
log(`\nengine: ${native ? 'native tesseract' : 'tesseract.js (1 worker)'}; ${rows.length} pages`);
log(
  '\n| pages | n | OCR ms (median) | copy ms (median) | copy / OCR time (median) | copy / source bytes (median, max) | added KB (median) | source KB (median) | words (median) |',
);
log('|---|---|---|---|---|---|---|---|---|');
const groups = [...new Set(rows.map((r) => r.kind)), 'all'];
for (const kind of groups) {
  const g = kind === 'all' ? rows : rows.filter((r) => r.kind === kind);
  const timeRatio = g.map((r) => r.copyMs / r.ocrMs);
  const sizeRatio = g.map((r) => r.copy / r.source);
  log(
    `| ${kind} | ${g.length} | ${fmt(median(g.map((r) => r.ocrMs)), 0)} | ${fmt(median(g.map((r) => r.copyMs)))} | ${fmt(
      100 * median(timeRatio),
    )}% | ${fmt(100 * median(sizeRatio))}%, ${fmt(100 * Math.max(...sizeRatio))}% | ${fmt(
      median(g.map((r) => (r.copy - r.source) / 1024)),
    )} | ${fmt(median(g.map((r) => r.source / 1024)), 0)} | ${median(g.map((r) => r.words))} |`,
  );
}
const over = rows.filter((r) => r.copy / r.source > 1.1);
if (over.length) {
  log('\npages over 110% of the source bytes:');
  // Real scans by file name; synthetic pages by kind and number (their folders carry made-up names).
  for (const r of over) {
    const label = r.kind.startsWith('real') ? basename(r.file) : `${r.kind} #${rows.indexOf(r) + 1}`;
    log(`- ${label}: ${r.source} → ${r.copy} bytes (${fmt((100 * r.copy) / r.source)}%)`);
  }
}
