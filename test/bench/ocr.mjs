// OCR benchmark and evaluation: throughput of sohoa vs the native tesseract CLI (same pages, same model,
// measured side by side), CER on synthetic clean/degraded pages, the gazette PDF rendered to images and
// the real Đà Nẵng scans, memory over a long run, and text-layer pages per second.
// Usage: pnpm bench:ocr [--pages 6] [--rounds 2] [--long 500] [--no-install] [--skip-long]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { readPages, encodeForOcr, toGrey } from '../../packages/ingest/dist/index.js';
import { createTesseractEngine, isNativeTesseractAvailable } from '../../packages/ocr/dist/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '6' },
    rounds: { type: 'string', default: '2' },
    long: { type: 'string', default: '500' },
    'no-install': { type: 'boolean', default: false },
    'skip-long': { type: 'boolean', default: false },
  },
});
const PAGES = Number(args.pages);
const ROUNDS = Number(args.rounds);
const LONG = Number(args.long);
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
  spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-vie'], { stdio: 'ignore' });
}
const haveNative = isNativeTesseractAvailable();

// The same model for both engines: tesseract.js's vie 4.0.0_best_int, unpacked for the native CLI.
const work = mkdtempSync(join(tmpdir(), 'sohoa-bench-ocr-'));
const require = createRequire(join(root, 'packages/ocr/package.json'));
const tessdata = join(work, 'tessdata');
mkdirSync(tessdata);
writeFileSync(join(tessdata, 'vie.traineddata'), gunzipSync(readFileSync(join(require.resolve('@tesseract.js-data/vie/package.json'), '..', '4.0.0_best_int', 'vie.traineddata.gz'))));

// ---------- text metrics ----------
const collapse = (text) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
const fold = (ch) => ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
/** CER (edit distance / reference length) and the share of marked reference letters read with the right base but a wrong mark. */
function score(reference, hypothesis) {
  const r = [...collapse(reference)];
  const h = [...collapse(hypothesis)];
  const n = r.length;
  const m = h.length;
  const d = new Uint32Array((n + 1) * (m + 1));
  for (let i = 0; i <= n; i++) d[i * (m + 1)] = i;
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = r[i - 1] === h[j - 1] ? 0 : 1;
      d[i * (m + 1) + j] = Math.min(d[(i - 1) * (m + 1) + j] + 1, d[i * (m + 1) + j - 1] + 1, d[(i - 1) * (m + 1) + j - 1] + cost);
    }
  }
  let i = n;
  let j = m;
  let marked = 0;
  let wrongMark = 0;
  while (i > 0 && j > 0) {
    const here = d[i * (m + 1) + j];
    if (here === d[(i - 1) * (m + 1) + j - 1] + (r[i - 1] === h[j - 1] ? 0 : 1)) {
      const a = r[i - 1];
      if (/[^\x00-\x7f]/.test(a) && /\p{L}/u.test(a)) {
        marked++;
        if (a !== h[j - 1] && fold(a) === fold(h[j - 1])) wrongMark++;
      }
      i--;
      j--;
    } else if (here === d[(i - 1) * (m + 1) + j] + 1) i--;
    else j--;
  }
  return { edits: d[n * (m + 1) + m], length: n, marked, wrongMark };
}
const pooled = (scores) => {
  const sum = (k) => scores.reduce((s, x) => s + x[k], 0);
  return { cer: sum('edits') / Math.max(1, sum('length')), diacritics: sum('wrongMark') / Math.max(1, sum('marked')) };
};

// ---------- synthetic pages: a born-digital A4 PDF (DejaVu Serif 12 pt) rendered at 300 dpi ----------
const renderRequire = createRequire(join(root, 'packages/render/package.json'));
const { PDFDocument } = renderRequire('pdf-lib');
const fontkit = renderRequire('@pdf-lib/fontkit');
const fontBytes = readFileSync(join(renderRequire.resolve('dejavu-fonts-ttf/package.json'), '..', 'ttf', 'DejaVuSerif.ttf'));
const WORDS = ('cộng hoà xã hội chủ nghĩa việt nam độc lập tự do hạnh phúc quyết định về việc giao nhiệm vụ ủy ban nhân dân thành phố sở giáo dục và đào tạo ' +
  'căn cứ luật tổ chức chính quyền địa phương ngày tháng năm theo đề nghị của giám đốc điều khoản thi hành cơ quan đơn vị cá nhân có liên quan chịu trách nhiệm ' +
  'nơi nhận lưu văn thư hồ sơ đăng ký khai sinh thường trú tạm trú căn cước công dân số định danh cá nhân họ và tên ngày sinh giới tính quê quán nơi cư trú ' +
  'phường xã quận huyện tỉnh thực hiện kiểm tra giám sát báo cáo kết quả trước ngày hướng dẫn triển khai kế hoạch bảo đảm an toàn phòng chống dịch bệnh').split(' ');
function syntheticLines(seed, count) {
  let state = seed >>> 0;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
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
function nativeOcr(file, psm) {
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', [file, 'stdout', '-l', 'vie', '--oem', '1', '--psm', String(psm), '--tessdata-dir', tessdata], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['ignore', 'pipe', 'ignore'] });
    const out = [];
    child.stdout.on('data', (c) => out.push(c));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out).toString('utf8')) : reject(new Error(`tesseract exited ${code}`))));
  });
}
async function runParallel(items, concurrency, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }));
  return results;
}
const sohoaText = (ocr) => ocr.lines.map((l) => l.text).join('\n');

log(`# pnpm bench:ocr — ${new Date().toISOString()} — node ${process.version}, ${PAGES} synthetic pages × ${ROUNDS} rounds`);
log(`native tesseract: ${haveNative ? execFileSync('tesseract', ['--version']).toString().split('\n')[0] : 'not available (native columns are n/a)'}; both engines use vie 4.0.0_best_int`);
const engine = createTesseractEngine();
try {
  // ---------- synthetic pages on disk: clean PNG-free JPEG q95 and degraded JPEG q45 ----------
  const { bytes: pdfBytes, truth } = await syntheticPdf(PAGES);
  const rendered = await readPages({ bytes: pdfBytes, name: 'synthetic.pdf' }, { textLayer: 'ignore', renderDpi: 300 });
  const { default: sharp } = await import(createRequire(join(root, 'packages/ingest/package.json')).resolve('sharp'));
  const cleanFiles = [];
  const degradedFiles = [];
  for (const [i, page] of rendered.entries()) {
    const clean = join(work, `clean-${i}.png`);
    await sharp(Buffer.from(toGrey(page).pixels), { raw: { width: page.width, height: page.height, channels: 1 } }).png({ compressionLevel: 1 }).withMetadata({ density: 300 }).toFile(clean);
    cleanFiles.push(clean);
    const degraded = join(work, `degraded-${i}.jpg`);
    writeFileSync(degraded, await degrade(page, i));
    degradedFiles.push(degraded);
  }

  // ---------- throughput, side by side on the same files ----------
  log('\n## Throughput on 300-dpi A4 pages of running text (pages/s, median of rounds; higher is better)');
  const sohoaRates = [];
  const nativeRates = [];
  const sohoaOut = [];
  const nativeOut = [];
  for (let round = 0; round < ROUNDS; round++) {
    let t0 = performance.now();
    const texts = await runParallel(cleanFiles, 2, async (file) => sohoaText(await engine.recognize((await readPages(file))[0])));
    sohoaRates.push(cleanFiles.length / ((performance.now() - t0) / 1000));
    sohoaOut.splice(0, sohoaOut.length, ...texts);
    if (haveNative) {
      t0 = performance.now();
      const native = await runParallel(cleanFiles, 2, (file) => nativeOcr(file, 6));
      nativeRates.push(cleanFiles.length / ((performance.now() - t0) / 1000));
      nativeOut.splice(0, nativeOut.length, ...native);
    }
  }
  const sohoaRate = median(sohoaRates);
  const nativeRate = haveNative ? median(nativeRates) : NaN;
  log(`| path | pages/s | pages/min |`);
  log(`|---|---|---|`);
  log(`| sohoa full path (readPages + prepare + tesseract.js, default pool of ${engine.name === 'tesseract.js' ? 'min(cores,2)' : '?'} workers) | ${fmt(sohoaRate)} | ${fmt(sohoaRate * 60, 1)} |`);
  log(`| native tesseract CLI, 2 processes, OMP_THREAD_LIMIT=1, psm 6 | ${fmt(nativeRate)} | ${fmt(nativeRate * 60, 1)} |`);
  log(`ratio sohoa/native = ${fmt(sohoaRate / nativeRate)} (goal ≥ 0.8)`);

  // ---------- CER ----------
  log('\n## Character error rate (NFC, whitespace collapsed; pooled) and wrong Vietnamese diacritics');
  log('| set | pages | sohoa CER | native CER | sohoa wrong-mark | native wrong-mark |');
  log('|---|---|---|---|---|---|');
  const row = (name, n, a, b) => log(`| ${name} | ${n} | ${fmt(a.cer * 100)}% | ${b ? fmt(b.cer * 100) + '%' : 'n/a'} | ${fmt(a.diacritics * 100)}% | ${b ? fmt(b.diacritics * 100) + '%' : 'n/a'} |`);
  row('synthetic clean (goal ≤ 0.5%)', PAGES, pooled(sohoaOut.map((t, i) => score(truth[i], t))), haveNative ? pooled(nativeOut.map((t, i) => score(truth[i], t))) : undefined);
  const degradedSohoa = await runParallel(degradedFiles, 2, async (file) => sohoaText(await engine.recognize((await readPages(file))[0])));
  const degradedNative = haveNative ? await runParallel(degradedFiles, 2, (file) => nativeOcr(file, 6)) : undefined;
  row('synthetic degraded: noise, blur, ±1.5° skew, low contrast, JPEG q45 (goal ≤ 2%)', PAGES, pooled(degradedSohoa.map((t, i) => score(truth[i], t))), degradedNative && pooled(degradedNative.map((t, i) => score(truth[i], t))));

  const gazette = join(SCANS, 'kaikenju-admin-docs', 'New_54.2014.QH13.pdf');
  if (existsSync(gazette)) {
    const withText = await readPages(gazette);
    const images = await readPages(gazette, { textLayer: 'ignore' });
    const gTruth = withText.map((p) => (p.textLayer ?? []).map((s) => s.text).join('\n'));
    const files = [];
    for (const [i, page] of images.entries()) {
      const file = join(work, `gazette-${i}.png`);
      await sharp(Buffer.from(toGrey(page).pixels), { raw: { width: page.width, height: page.height, channels: 1 } }).png({ compressionLevel: 1 }).withMetadata({ density: 300 }).toFile(file);
      files.push(file);
    }
    const s = await runParallel(images, 2, async (page) => sohoaText(await engine.recognize(page, { psm: 3 })));
    const n = haveNative ? await runParallel(files, 2, (file) => nativeOcr(file, 3)) : undefined;
    row('gazette 54/2014/QH13 rendered at 300 dpi (truth: its text layer; psm 3)', images.length, pooled(s.map((t, i) => score(gTruth[i], t))), n && pooled(n.map((t, i) => score(gTruth[i], t))));
  } else log('| gazette | skipped: ../shared/data absent |');

  const danang = join(SCANS, 'vietadmin-danang', 'data');
  if (existsSync(danang)) {
    for (const base of ['4_1', '4_2']) {
      const gt = readFileSync(join(danang, `${base}_gt.txt`), 'utf8');
      const variants = [`${base}.jpg`, ...['v1_noisy', 'v2_blur', 'v3_dark', 'v4_rotated'].map((v) => `augmented/${base}_${v}.jpg`)];
      for (const psm of [3, 6]) {
        const s = await runParallel(variants, 2, async (v) => sohoaText(await engine.recognize((await readPages(join(danang, v)))[0], { psm })));
        const n = haveNative ? await runParallel(variants, 2, (v) => nativeOcr(join(danang, v), psm)) : undefined;
        row(`Đà Nẵng ${base} + 4 augmented (silver truth), psm ${psm}`, variants.length, pooled(s.map((t) => score(gt, t))), n && pooled(n.map((t) => score(gt, t))));
      }
    }
  } else log('| Đà Nẵng scans | skipped: ../shared/data absent |');

  // ---------- text-layer PDFs ----------
  log('\n## Text-layer PDFs (no OCR), gazette 3 pages');
  if (existsSync(gazette)) {
    for (const [label, options] of [['text layer + raster at 300 dpi', {}], ['text layer + raster at 150 dpi', { renderDpi: 150 }]]) {
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

  // ---------- memory over a long run ----------
  if (!args['skip-long']) {
    log(`\n## Memory over one long run (${LONG} ID-card-sized pages, 1000×630, default pool, recycleAfter 200)`);
    const long = createTesseractEngine();
    const card = (await readPages(cleanFiles[0]))[0];
    const crop = { ...card, width: 1000, height: 630, pixels: card.pixels.subarray(0, 0) };
    const grey = toGrey(card);
    const pixels = new Uint8Array(1000 * 630);
    for (let y = 0; y < 630; y++) pixels.set(grey.pixels.subarray((y + 200) * card.width + 200, (y + 200) * card.width + 1200), y * 1000);
    const page = { ...crop, channels: 1, pixels, textLayer: undefined };
    const marks = {};
    let peak = 0;
    const t0 = performance.now();
    for (let done = 0; done < LONG; done += 2) {
      await Promise.all([long.recognize(page), long.recognize(page)]);
      const rss = process.memoryUsage().rss;
      peak = Math.max(peak, rss);
      if (done + 2 === 100 || done + 2 === LONG || done + 2 === 50) marks[done + 2] = rss;
    }
    await long.dispose();
    const mb = (b) => (b / 1024 / 1024).toFixed(0);
    log(`- RSS (whole process, 2 workers) after 50: ${mb(marks[50])} MB, after 100: ${mb(marks[100])} MB, after ${LONG}: ${mb(marks[LONG])} MB; peak ${mb(peak)} MB; growth 100→${LONG}: ${fmt(((marks[LONG] - marks[100]) / marks[100]) * 100, 1)}% (goal within 10%)`);
    log(`- ${fmt(LONG / ((performance.now() - t0) / 1000))} card pages/s`);
  }
} finally {
  await engine.dispose();
  rmSync(work, { recursive: true, force: true });
}
