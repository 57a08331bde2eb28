// OCR benchmark and evaluation: throughput of sohoa vs the native tesseract CLI (same pages, same model,
// measured side by side) on full A4 pages (with and without preprocessing) and on ID cards and birth
// certificates (sohoa's whole extraction path vs native full-page OCR), CER on synthetic clean/degraded
// pages, the gazette PDF rendered to images and the real Đà Nẵng scans, text-layer pages per second,
// and (with --memory) RSS over one long run of the tesseract.js pool with worker recycling.
// Usage: pnpm bench:ocr [--pages 6] [--rounds 2] [--cards 6] [--certs 6] [--memory] [--long 500] [--only full,documents,cer,text-layer,memory] [--no-install]
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runParallel } from './run-parallel.mjs';
import { readPages, toGrey } from '../../packages/ingest/dist/index.js';
import { createTesseractEngine, isNativeTesseractAvailable } from '../../packages/ocr/dist/index.js';
import { safeExtractDocument } from '../../packages/extract/dist/index.js';
import { generateCivilSet, generateSeedSet } from '../../seeds/dist/index.js';
import { pooled, scoreText } from '../eval/lib/cer.mjs';
import { nativeOcr as nativeOcrWith, unpackVieModel } from '../eval/lib/native-tesseract.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '6' },
    rounds: { type: 'string', default: '2' },
    cards: { type: 'string', default: '6' },
    certs: { type: 'string', default: '6' },
    long: { type: 'string', default: '500' },
    memory: { type: 'boolean', default: false },
    'no-install': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const PAGES = Number(args.pages);
const ROUNDS = Number(args.rounds);
const LONG = Number(args.long);
const CARDS = Number(args.cards);
// Sections to run: all but the long memory run by default; `--only full,documents,cer,text-layer,memory` picks.
const SECTIONS = new Set(
  args.only ? args.only.split(',') : ['full', 'documents', 'cer', 'text-layer', ...(args.memory ? ['memory'] : [])],
);
const CERTS = Number(args.certs);
const SCANS = join(root, '..', 'shared', 'data', 'scans');
const log = (line = '') => process.stdout.write(`${line}\n`);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

// ---------- native tesseract (installed by this script when missing, as the issue allows) ----------
if (!isNativeTesseractAvailable() && !args['no-install']) {
  log('native tesseract missing: apt-get install tesseract-ocr tesseract-ocr-vie …');
  spawnSync(
    'sh',
    [
      '-c',
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-vie',
    ],
    { stdio: 'ignore' },
  );
}
const haveNative = isNativeTesseractAvailable();

// The same model for both engines: tesseract.js's vie 4.0.0_best_int, unpacked for the native CLI.
const work = mkdtempSync(join(tmpdir(), 'sohoa-bench-ocr-'));
const tessdata = unpackVieModel(root, join(work, 'tessdata'));

// ---------- text metrics: test/eval/lib/cer.mjs ----------
const score = scoreText;

// ---------- synthetic pages: a born-digital A4 PDF (DejaVu Serif 12 pt) rendered at 300 dpi ----------
const renderRequire = createRequire(join(root, 'packages/render/package.json'));
const { PDFDocument } = renderRequire('pdf-lib');
const fontkit = renderRequire('@pdf-lib/fontkit');
const fontBytes = readFileSync(
  join(renderRequire.resolve('dejavu-fonts-ttf/package.json'), '..', 'ttf', 'DejaVuSerif.ttf'),
);
const WORDS = (
  'cộng hoà xã hội chủ nghĩa việt nam độc lập tự do hạnh phúc quyết định về việc giao nhiệm vụ ủy ban nhân dân thành phố sở giáo dục và đào tạo ' +
  'căn cứ luật tổ chức chính quyền địa phương ngày tháng năm theo đề nghị của giám đốc điều khoản thi hành cơ quan đơn vị cá nhân có liên quan chịu trách nhiệm ' +
  'nơi nhận lưu văn thư hồ sơ đăng ký khai sinh thường trú tạm trú căn cước công dân số định danh cá nhân họ và tên ngày sinh giới tính quê quán nơi cư trú ' +
  'phường xã quận huyện tỉnh thực hiện kiểm tra giám sát báo cáo kết quả trước ngày hướng dẫn triển khai kế hoạch bảo đảm an toàn phòng chống dịch bệnh'
).split(' ');
function syntheticLines(seed, count) {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, (_, i) => {
    const words = [];
    let length = 0;
    while (length < 62) {
      const word = next() < 0.08 ? String(Math.floor(next() * 9000) + 100) : WORDS[Math.floor(next() * WORDS.length)];
      words.push(i % 9 === 0 && words.length === 0 ? word[0].toUpperCase() + word.slice(1) : word);
      length += word.length + 1;
    }
    return words.join(' ');
  });
}
async function syntheticPdf(pages) {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: true });
  const truth = [];
  for (let p = 0; p < pages; p++) {
    const lines = syntheticLines(1000 + p, 34);
    const page = doc.addPage([595.28, 841.89]);
    lines.forEach((line, i) => page.drawText(line, { x: 60, y: 780 - i * 21, size: 12, font }));
    truth.push(lines.join('\n'));
  }
  return { bytes: await doc.save(), truth };
}

async function degrade(page, index) {
  const { default: sharp } = await import(createRequire(join(root, 'packages/ingest/package.json')).resolve('sharp'));
  const angle = index % 2 ? 1.5 : -1.2;
  const noisy = Buffer.from(page.pixels);
  let state = 7 + index;
  for (let i = 0; i < noisy.length; i += 3) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const delta = ((state >>> 16) % 41) - 20;
    for (let c = 0; c < 3; c++) noisy[i + c] = Math.max(0, Math.min(255, noisy[i + c] + delta));
  }
  return sharp(noisy, { raw: { width: page.width, height: page.height, channels: 3 } })
    .blur(0.9)
    .rotate(angle, { background: '#ffffff' })
    .linear(0.75, 40)
    .jpeg({ quality: 45 })
    .toBuffer();
}

// ---------- engines ----------
const nativeOcr = (file, psm) => nativeOcrWith(file, psm, tessdata);
const sohoaText = (ocr) => ocr.lines.map((l) => l.text).join('\n');

log(
  `# pnpm bench:ocr — ${new Date().toISOString()} — node ${process.version}, ${PAGES} synthetic pages × ${ROUNDS} rounds`,
);
log(
  `native tesseract: ${haveNative ? execFileSync('tesseract', ['--version']).toString().split('\n')[0] : 'not available (native columns are n/a)'}; both engines use vie 4.0.0_best_int`,
);
const engine = createTesseractEngine({ timeoutMs: 600_000 });
try {
  // ---------- synthetic pages on disk: clean PNG-free JPEG q95 and degraded JPEG q45 ----------
  const { bytes: pdfBytes, truth } = await syntheticPdf(PAGES);
  const rendered = await readPages({ bytes: pdfBytes, name: 'synthetic.pdf' }, { textLayer: 'ignore', renderDpi: 300 });
  const { default: sharp } = await import(createRequire(join(root, 'packages/ingest/package.json')).resolve('sharp'));
  const cleanFiles = [];
  const degradedFiles = [];
  for (const [i, page] of rendered.entries()) {
    const clean = join(work, `clean-${i}.png`);
    await sharp(Buffer.from(toGrey(page).pixels), { raw: { width: page.width, height: page.height, channels: 1 } })
      .png({ compressionLevel: 1 })
      .withMetadata({ density: 300 })
      .toFile(clean);
    cleanFiles.push(clean);
    const degraded = join(work, `degraded-${i}.jpg`);
    writeFileSync(degraded, await degrade(page, i));
    degradedFiles.push(degraded);
  }

  const sohoaOut = [];
  const nativeOut = [];
  if (SECTIONS.has('full')) {
    // ---------- throughput, side by side on the same files ----------
    log('\n## Throughput on 300-dpi A4 pages of running text (pages/s, median of rounds; higher is better)');
    const fullPaths = {
      'sohoa, no preprocessing (readPages raw + tesseract.js)': { preprocess: false, quality: false },
      'sohoa default (quality gate + auto: orient, deskew)': {},
      'sohoa + DPI normalisation (auto + scale to 32 px lines)': {
        preprocess: {
          grey: true,
          contrast: false,
          orient: { minLines: 20 },
          deskew: { minAngle: 0.5 },
          crop: false,
          scale: true,
        },
      },
      'sohoa + DPI normalisation + crop to content': {
        preprocess: {
          grey: true,
          contrast: false,
          orient: { minLines: 20 },
          deskew: { minAngle: 0.5 },
          crop: true,
          scale: true,
        },
      },
    };
    const rates = Object.fromEntries([...Object.keys(fullPaths), 'native'].map((k) => [k, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, options] of Object.entries(fullPaths)) {
        const t0 = performance.now();
        const texts = await runParallel(cleanFiles, 2, async (file) =>
          sohoaText(await engine.recognize((await readPages(file, options))[0])),
        );
        rates[name].push(cleanFiles.length / ((performance.now() - t0) / 1000));
        if (name.startsWith('sohoa default')) sohoaOut.splice(0, sohoaOut.length, ...texts);
      }
      if (haveNative) {
        const t0 = performance.now();
        const native = await runParallel(cleanFiles, 2, (file) => nativeOcr(file, 6));
        rates.native.push(cleanFiles.length / ((performance.now() - t0) / 1000));
        nativeOut.splice(0, nativeOut.length, ...native);
      }
    }
    const nativeRate = haveNative ? median(rates.native) : NaN;
    log(`| path | pages/s | pages/min | ratio sohoa/native (goal ≥ 0.8) |`);
    log(`|---|---|---|---|`);
    for (const name of Object.keys(fullPaths)) {
      const rate = median(rates[name]);
      log(`| ${name}, pool of 2 workers | ${fmt(rate)} | ${fmt(rate * 60, 1)} | ${fmt(rate / nativeRate)} |`);
    }
    log(
      `| native tesseract CLI, 2 processes, OMP_THREAD_LIMIT=1, psm 6 | ${fmt(nativeRate)} | ${fmt(nativeRate * 60, 1)} | 1 |`,
    );
  }

  if (SECTIONS.has('documents')) {
    // ---------- ID cards and birth certificates: what extraction really does vs native full-page OCR ----------
    log(
      `\n## Throughput on ID cards and birth certificates (${CARDS} people → ${CARDS * 2} CCCD sides, ${CERTS} birth certificates; half degraded)`,
    );
    const docsDir = join(work, 'documents');
    const cards = await generateSeedSet({ seed: 3, count: CARDS, outDir: docsDir, degradedShare: 0.5 });
    const certs = await generateCivilSet({
      seed: 3,
      count: CERTS,
      outDir: docsDir,
      types: ['giay-khai-sinh'],
      degradedShare: 0.5,
    });
    const docFiles = [
      ...cards.folders.flatMap((f) =>
        ['front.jpg', 'back.jpg'].map((side) => ({ kind: 'card', file: join(docsDir, f, side) })),
      ),
      ...certs.folders.map((f) => ({ kind: 'certificate', file: join(docsDir, f, 'scan.jpg') })),
    ];
    const stages = { ingest: [], ocr: [], extract: [] };
    const docRates = { sohoa: { all: [], card: [], certificate: [] }, native: { all: [], card: [], certificate: [] } };
    let recognised = 0;
    const sohoaDocument = async ({ file }) => {
      const t0 = performance.now();
      const pages = await readPages(file);
      const t1 = performance.now();
      const ocr = await Promise.all(pages.map((page) => engine.recognize(page)));
      const t2 = performance.now();
      const result = await safeExtractDocument({ pages, ocr }, { recognizer: engine });
      const t3 = performance.now();
      stages.ingest.push(t1 - t0);
      stages.ocr.push(t2 - t1);
      stages.extract.push(t3 - t2);
      return result.ok && result.value.subject ? 1 : 0;
    };
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of ['card', 'certificate']) {
        const files = docFiles.filter((d) => d.kind === kind);
        let t0 = performance.now();
        const found = await runParallel(files, 2, sohoaDocument);
        docRates.sohoa[kind].push(files.length / ((performance.now() - t0) / 1000));
        if (round === 0) recognised += found.reduce((a, b) => a + b, 0);
        if (haveNative) {
          t0 = performance.now();
          await runParallel(files, 2, ({ file }) => nativeOcr(file, 6));
          docRates.native[kind].push(files.length / ((performance.now() - t0) / 1000));
        }
      }
    }
    log(
      '| documents | sohoa full path (readPages + gate + auto preprocessing + OCR + extraction with region re-reads and QR), 2 files at once | native CLI full-page OCR, 2 processes, psm 6 | ratio sohoa/native (goal ≥ 2) |',
    );
    log('|---|---|---|---|');
    for (const kind of ['card', 'certificate']) {
      const a = median(docRates.sohoa[kind]);
      const b = haveNative ? median(docRates.native[kind]) : NaN;
      log(
        `| ${kind === 'card' ? 'CCCD sides' : 'birth certificates (A4)'} | ${fmt(a * 60, 1)} pages/min | ${fmt(b * 60, 1)} pages/min | ${fmt(a / b)} |`,
      );
    }
    log(
      `- sohoa per document (median ms): ingest ${fmt(median(stages.ingest), 0)}, full-page OCR ${fmt(median(stages.ocr), 0)}, extraction incl. region re-reads ${fmt(median(stages.extract), 0)}; ${recognised}/${docFiles.length} documents gave a subject`,
    );
  }

  const gazette = join(SCANS, 'kaikenju-admin-docs', 'New_54.2014.QH13.pdf');
  // ---------- CER ----------
  if (SECTIONS.has('cer')) {
    log('\n## Character error rate (NFC, whitespace collapsed; pooled) and wrong Vietnamese diacritics');
    log('| set | pages | sohoa CER | native CER | sohoa wrong-mark | native wrong-mark |');
    log('|---|---|---|---|---|---|');
    const row = (name, n, a, b) =>
      log(
        `| ${name} | ${n} | ${fmt(a.cer * 100)}% | ${b ? `${fmt(b.cer * 100)}%` : 'n/a'} | ${fmt(a.diacritics * 100)}% | ${b ? `${fmt(b.diacritics * 100)}%` : 'n/a'} |`,
      );
    row(
      'synthetic clean (goal ≤ 0.5%)',
      PAGES,
      pooled(sohoaOut.map((t, i) => score(truth[i], t))),
      haveNative ? pooled(nativeOut.map((t, i) => score(truth[i], t))) : undefined,
    );
    const degradedSohoa = await runParallel(degradedFiles, 2, async (file) =>
      sohoaText(await engine.recognize((await readPages(file))[0])),
    );
    const degradedNative = haveNative ? await runParallel(degradedFiles, 2, (file) => nativeOcr(file, 6)) : undefined;
    row(
      'synthetic degraded: noise, blur, ±1.5° skew, low contrast, JPEG q45 (goal ≤ 2%)',
      PAGES,
      pooled(degradedSohoa.map((t, i) => score(truth[i], t))),
      degradedNative && pooled(degradedNative.map((t, i) => score(truth[i], t))),
    );

    if (existsSync(gazette)) {
      const withText = await readPages(gazette);
      const images = await readPages(gazette, { textLayer: 'ignore' });
      const gTruth = withText.map((p) => (p.textLayer ?? []).map((s) => s.text).join('\n'));
      const files = [];
      for (const [i, page] of images.entries()) {
        const file = join(work, `gazette-${i}.png`);
        await sharp(Buffer.from(toGrey(page).pixels), { raw: { width: page.width, height: page.height, channels: 1 } })
          .png({ compressionLevel: 1 })
          .withMetadata({ density: 300 })
          .toFile(file);
        files.push(file);
      }
      const s = await runParallel(images, 2, async (page) => sohoaText(await engine.recognize(page, { psm: 3 })));
      const n = haveNative ? await runParallel(files, 2, (file) => nativeOcr(file, 3)) : undefined;
      row(
        'gazette 54/2014/QH13 rendered at 300 dpi (truth: its text layer; psm 3)',
        images.length,
        pooled(s.map((t, i) => score(gTruth[i], t))),
        n && pooled(n.map((t, i) => score(gTruth[i], t))),
      );
    } else log('| gazette | skipped: ../shared/data absent |');

    const danang = join(SCANS, 'vietadmin-danang', 'data');
    if (existsSync(danang)) {
      for (const base of ['4_1', '4_2']) {
        const gt = readFileSync(join(danang, `${base}_gt.txt`), 'utf8');
        const variants = [
          `${base}.jpg`,
          ...['v1_noisy', 'v2_blur', 'v3_dark', 'v4_rotated'].map((v) => `augmented/${base}_${v}.jpg`),
        ];
        for (const psm of [3, 6]) {
          const s = await runParallel(variants, 2, async (v) =>
            sohoaText(await engine.recognize((await readPages(join(danang, v)))[0], { psm })),
          );
          const n = haveNative ? await runParallel(variants, 2, (v) => nativeOcr(join(danang, v), psm)) : undefined;
          row(
            `Đà Nẵng ${base} + 4 augmented (silver truth), psm ${psm}`,
            variants.length,
            pooled(s.map((t) => score(gt, t))),
            n && pooled(n.map((t) => score(gt, t))),
          );
        }
      }
    } else log('| Đà Nẵng scans | skipped: ../shared/data absent |');
  }

  // ---------- text-layer PDFs ----------
  if (SECTIONS.has('text-layer')) log('\n## Text-layer PDFs (no OCR), gazette 3 pages');
  if (SECTIONS.has('text-layer') && existsSync(gazette)) {
    for (const [label, options] of [
      ['text layer + raster at 300 dpi', {}],
      ['text layer + raster at 150 dpi', { renderDpi: 150 }],
    ]) {
      const rates = [];
      for (let r = 0; r < 3; r++) {
        const t0 = performance.now();
        const pages = await readPages(gazette, options);
        await Promise.all(pages.map((p) => engine.recognize(p)));
        rates.push(pages.length / ((performance.now() - t0) / 1000));
      }
      log(`- ${label}, then recognize() served from the text layer: ${fmt(median(rates))} pages/s`);
    }
  }

  // ---------- memory over a long run (optional: --memory) ----------
  if (SECTIONS.has('memory')) {
    log(
      `\n## Memory over one long run (${LONG} ID-card-sized pages, 1000×630 grey crops of a 300-dpi text page, default pool of 2 workers, recycleAfter 200)`,
    );
    await engine.dispose();
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    const long = createTesseractEngine({ timeoutMs: 600_000 });
    const card = toGrey((await readPages(cleanFiles[0], { preprocess: false, quality: false }))[0]);
    const pixels = new Uint8Array(1000 * 630);
    for (let y = 0; y < 630; y++)
      pixels.set(card.pixels.subarray((y + 200) * card.width + 200, (y + 200) * card.width + 1200), y * 1000);
    const page = { source: card.source, width: 1000, height: 630, channels: 1, pixels, diagnostics: [] };
    const marks = {};
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    for (let done = 0; done < LONG; done += 2) {
      await Promise.all([long.recognize(page), long.recognize(page)]);
      const rss = process.memoryUsage().rss;
      peak = Math.max(peak, rss);
      if ([50, 100, 200, 300, 400, LONG].includes(done + 2)) marks[done + 2] = rss;
    }
    clearInterval(sampler);
    await long.dispose();
    const mb = (b) => (b / 1024 / 1024).toFixed(0);
    log(
      `- RSS of the whole process before the pool: ${mb(baseline)} MB; peak during the run ${mb(peak)} MB, i.e. ${mb((peak - baseline) / 2)} MB per worker (sampled every 50 ms)`,
    );
    log(
      `- RSS after ${Object.keys(marks)
        .map((k) => `${k}: ${mb(marks[k])} MB`)
        .join(', ')}`,
    );
    log(
      `- growth 100→${LONG} pages: ${fmt(((marks[LONG] - marks[100]) / marks[100]) * 100, 1)}% (goal: flat within 10%); ${fmt(LONG / ((performance.now() - t0) / 1000))} card pages/s`,
    );
  }
} finally {
  await engine.dispose();
  rmSync(work, { recursive: true, force: true });
}
