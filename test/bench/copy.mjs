// The cost of the digitised copy (issue 14): per page, the time to write its PDF/A-2b copy (image as scanned and
// the invisible text layer) against the time to OCR the same page, measured side by side (OCR then copy, page
// after page, same process), and the copy's size against the source image's bytes. Goals: writing < 10% of OCR
// time, size ≤ 110% of the source image.
// Pages: synthetic ID cards (front, back) and birth certificates from seeds/ (JPEG), and the real public scans of
// ../shared/data/scans (JPEG and PNG; read there, never copied) when present.
// With `--before <archive dist/index.js>` (the writer of an earlier build, e.g. one unpacked from `git archive` and
// built), each page is also written by that writer right after, on the same words: before/after side by side.
// Usage: pnpm bench:copy [--cards 4] [--certs 4] [--scans 12] [--engine js|native] [--before <dist/index.js>]
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeArchivalCopy } from '../../packages/archive/dist/index.js';
import { pathToFileURL } from 'node:url';
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
    before: { type: 'string' },
  },
});
const log = (line = '') => process.stdout.write(`${line}\n`);
const writeBefore = args.before ? (await import(pathToFileURL(args.before).href)).writeArchivalCopy : undefined;
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
    if (writeBefore) await writeBefore(copyInput);
    warmed = true;
  }
  try {
    const timed = async (write) => {
      const t1 = performance.now();
      const pdf = await write(copyInput);
      return { ms: performance.now() - t1, bytes: pdf.length };
    };
    // Alternately first, so neither writer always runs on a warmer process.
    const order = rows.length % 2 === 0 ? ['after', 'before'] : ['before', 'after'];
    const took = {};
    for (const which of order) {
      if (which === 'after') took.after = await timed(writeArchivalCopy);
      else if (writeBefore) took.before = await timed(writeBefore);
    }
    rows.push({
      kind,
      file,
      ocrMs,
      copyMs: took.after.ms,
      words: words.length,
      source: bytes.length,
      copy: took.after.bytes,
      ...(took.before && { beforeMs: took.before.ms, beforeCopy: took.before.bytes }),
    });
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
if (writeBefore) {
  log('\nbefore → after, same pages and words, side by side:\n');
  log(
    '| pages | n | copy / OCR time (median) | copy / source bytes (median) | copy / source bytes (max) | added KB (median) |',
  );
  log('|---|---|---|---|---|---|');
  for (const kind of groups) {
    const g = kind === 'all' ? rows : rows.filter((r) => r.kind === kind);
    const both = (f) => `${f('before')} → ${f('after')}`;
    const pick = (r, which) =>
      which === 'before' ? { ms: r.beforeMs, bytes: r.beforeCopy } : { ms: r.copyMs, bytes: r.copy };
    log(
      `| ${kind} | ${g.length} | ${both((w) => `${fmt(100 * median(g.map((r) => pick(r, w).ms / r.ocrMs)))}%`)} | ${both(
        (w) => `${fmt(100 * median(g.map((r) => pick(r, w).bytes / r.source)))}%`,
      )} | ${both((w) => `${fmt(100 * Math.max(...g.map((r) => pick(r, w).bytes / r.source)))}%`)} | ${both((w) =>
        fmt(median(g.map((r) => (pick(r, w).bytes - r.source) / 1024))),
      )} |`,
    );
  }
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
