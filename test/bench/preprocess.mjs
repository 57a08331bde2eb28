// Preprocessing benchmark: per-step time (median ms per A4 page) of the quality gate, grey, contrast
// normalisation, orientation, deskew, crop-to-content, DPI normalisation and binarisation (Otsu,
// Sauvola), and their effect on OCR character error rate and OCR time with tesseract.js, on synthetic
// pages with exact truth (clean, rotated, turned, faded, blurred, uneven light, office-degraded, 150 and
// 600 dpi), each step measured on and off in the same run, plus `readPages`' `auto` default.
// Usage: pnpm bench:preprocess [--pages 2] [--rounds 3]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runParallel } from './run-parallel.mjs';
import {
  readPages,
  toGrey,
  assessPageQuality,
  estimateSkew,
  detectOrientation,
  deskewPage,
  normalizeContrast,
  cropToContent,
  preprocessPage,
  normalizeScale,
  binarizePage,
  AUTO_PREPROCESS,
} from '../../packages/ingest/dist/index.js';
import { createTesseractEngine } from '../../packages/ocr/dist/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
  options: { pages: { type: 'string', default: '2' }, rounds: { type: 'string', default: '3' } },
});
const PAGES = Number(args.pages);
const ROUNDS = Number(args.rounds);
const log = (line = '') => process.stdout.write(`${line}\n`);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const pct = (value) => `${(value * 100).toFixed(2)}%`;
const sharp = (await import(createRequire(join(root, 'packages/ingest/package.json')).resolve('sharp'))).default;

// ---------- CER (Levenshtein / reference length, NFC, whitespace collapsed) ----------
const collapse = (text) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
function edits(reference, hypothesis) {
  const r = [...collapse(reference)];
  const h = [...collapse(hypothesis)];
  let prev = Array.from({ length: h.length + 1 }, (_, j) => j);
  for (let i = 1; i <= r.length; i++) {
    const cur = [i];
    for (let j = 1; j <= h.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r[i - 1] === h[j - 1] ? 0 : 1));
    prev = cur;
  }
  return { edits: prev[h.length], length: r.length };
}
const cer = (scores) =>
  scores.reduce((s, x) => s + x.edits, 0) /
  Math.max(
    1,
    scores.reduce((s, x) => s + x.length, 0),
  );

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
  'nơi nhận lưu văn thư hồ sơ đăng ký khai sinh thường trú tạm trú kiểm tra giám sát báo cáo kết quả trước ngày hướng dẫn triển khai kế hoạch'
).split(' ');
function lines(seed, count) {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, () => {
    const words = [];
    let length = 0;
    while (length < 62) {
      const word = next() < 0.08 ? String(Math.floor(next() * 9000) + 100) : WORDS[Math.floor(next() * WORDS.length)];
      words.push(word);
      length += word.length + 1;
    }
    return words.join(' ');
  });
}
const doc = await PDFDocument.create();
doc.registerFontkit(fontkit);
const font = await doc.embedFont(fontBytes, { subset: true });
const truth = [];
for (let p = 0; p < PAGES; p++) {
  const text = lines(4000 + p, 30);
  const page = doc.addPage([595.28, 841.89]);
  text.forEach((line, i) => page.drawText(line, { x: 60, y: 760 - i * 21, size: 12, font }));
  truth.push(text.join('\n'));
}
const clean = await readPages(
  { bytes: await doc.save(), name: 'synthetic.pdf' },
  { textLayer: 'ignore', renderDpi: 300 },
);

const raw = async (pipeline) => {
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    channels: info.channels,
    pixels: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
};
const from = (page) => sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: page.channels } });
const variants = {
  clean: async (page) => page,
  'rotated ±3°': async (page, i) => ({
    ...page,
    ...(await raw(from(page).rotate(i % 2 ? 3 : -3, { background: '#ffffff' }))),
  }),
  'rotated ±8°': async (page, i) => ({
    ...page,
    ...(await raw(from(page).rotate(i % 2 ? 8 : -8, { background: '#ffffff' }))),
  }),
  'faded (ink 150, paper 200)': async (page) => ({ ...page, ...(await raw(from(page).linear(50 / 255, 150))) }),
  'office: noise, blur 0.9, ±1.5°, faded, JPEG q45': async (page, i) => {
    const noisy = Buffer.from(page.pixels);
    let state = 7 + i;
    for (let k = 0; k < noisy.length; k += 3) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const delta = ((state >>> 16) % 41) - 20;
      for (let c = 0; c < 3; c++) noisy[k + c] = Math.max(0, Math.min(255, noisy[k + c] + delta));
    }
    const jpeg = await sharp(noisy, { raw: { width: page.width, height: page.height, channels: 3 } })
      .blur(0.9)
      .rotate(i % 2 ? 1.5 : -1.5, { background: '#ffffff' })
      .linear(0.75, 40)
      .jpeg({ quality: 45 })
      .toBuffer();
    return { ...page, ...(await raw(sharp(jpeg).removeAlpha())) };
  },
  'turned 90° clockwise': async (page) => ({ ...page, ...(await raw(from(page).rotate(90))) }),
  'turned 180°': async (page) => ({ ...page, ...(await raw(from(page).rotate(180))) }),
  'blurred (sigma 3)': async (page) => ({ ...page, ...(await raw(from(page).blur(3))) }),
  'uneven light (paper 250 → 110 across)': async (page) => {
    const lit = Buffer.from(page.pixels);
    for (let k = 0; k < lit.length; k++) {
      const x = Math.floor(k / page.channels) % page.width;
      lit[k] = Math.round(lit[k] * (1 - (0.56 * x) / page.width));
    }
    return { ...page, pixels: new Uint8Array(lit) };
  },
  '150 dpi (fax, phone)': async (page) => ({
    ...page,
    dpi: 150,
    ...(await raw(from(page).resize(Math.round(page.width / 2)))),
  }),
  '600 dpi (top half of the page)': async (page) => ({
    ...page,
    dpi: 600,
    ...(await raw(
      from(page)
        .extract({ left: 0, top: 0, width: page.width, height: Math.round(page.height / 2) })
        .resize(page.width * 2),
    )),
  }),
};
// The 600-dpi variant shows only the top half of each page: its truth is the lines drawn there.
const truthFor = (variant, i) =>
  variant.startsWith('600 dpi')
    ? truth[i]
        .split('\n')
        .filter((_, k) => 760 - k * 21 > 841.89 / 2 - 3)
        .join('\n')
    : truth[i];
const pages = {};
for (const [name, make] of Object.entries(variants)) pages[name] = await Promise.all(clean.map((p, i) => make(p, i)));

// ---------- step timings ----------
log(
  `# pnpm bench:preprocess — ${new Date().toISOString()} — node ${process.version}, ${PAGES} pages per variant (A4, 300 dpi, ${clean[0].width}×${clean[0].height}), ${ROUNDS} rounds`,
);
log('\n## Per-step time (median ms per page, RGB input unless noted)');
const time = async (fn, inputs) => {
  const samples = [];
  for (let r = 0; r < ROUNDS; r++)
    for (const page of inputs) {
      const t0 = performance.now();
      await fn(page);
      samples.push(performance.now() - t0);
    }
  return median(samples);
};
const office = pages['office: noise, blur 0.9, ±1.5°, faded, JPEG q45'];
const greyOffice = office.map(toGrey);
const steps = [
  ['assessPageQuality (quality gate)', (p) => assessPageQuality(p), office],
  ['estimateSkew only', (p) => estimateSkew(p), greyOffice],
  ['toGrey', (p) => toGrey(p), office],
  ['normalizeContrast (grey)', (p) => normalizeContrast(p), greyOffice],
  ['detectOrientation (grey)', (p) => detectOrientation(p), greyOffice],
  ['deskewPage (grey, estimate + rotate)', (p) => deskewPage(p), greyOffice],
  ['cropToContent (grey)', (p) => cropToContent(p), greyOffice],
  [
    'normalizeScale (grey, 600-dpi half page → 32 px lines)',
    (p) => normalizeScale(p),
    pages['600 dpi (top half of the page)'].map(toGrey),
  ],
  [
    'normalizeScale (grey, 150-dpi page → 32 px lines)',
    (p) => normalizeScale(p),
    pages['150 dpi (fax, phone)'].map(toGrey),
  ],
  ['binarizePage otsu (grey)', (p) => binarizePage(p, { method: 'otsu' }), greyOffice],
  ['binarizePage sauvola (grey)', (p) => binarizePage(p, { method: 'sauvola' }), greyOffice],
  ['preprocessPage (default steps: grey, contrast, orient, deskew, crop)', (p) => preprocessPage(p), office],
  ["readPages' auto steps after the gate (orient + deskew)", (p) => preprocessPage(p, AUTO_PREPROCESS), office],
];
log('| step | ms |\n|---|---|');
for (const [name, fn, inputs] of steps) log(`| ${name} | ${(await time(fn, inputs)).toFixed(1)} |`);

// ---------- orientation on every variant, all four turns ----------
{
  let right = 0;
  let total = 0;
  for (const [name, list] of Object.entries(pages))
    if (!name.startsWith('turned'))
      for (const page of list)
        for (const turn of [0, 90, 180, 270]) {
          const turned = turn ? { ...page, ...(await raw(from(page).rotate(turn))) } : page;
          if (detectOrientation(turned).rotation === turn) right++;
          total++;
        }
  log(`\n## detectOrientation: ${right}/${total} right (pages of every upright variant turned 0/90/180/270)`);
}

// ---------- quality gate verdicts ----------
log('\n## Quality gate per variant (page 1)');
log(
  '| variant | verdict | dpi (source) | skew° | sharpness | contrast | text px | codes |\n|---|---|---|---|---|---|---|---|',
);
for (const [name, list] of Object.entries(pages)) {
  const q = assessPageQuality({ ...list[0], dpi: undefined });
  log(
    `| ${name} | ${q.verdict} | ${q.dpi ?? 'n/a'} (${q.dpiSource}) | ${q.skew} | ${q.sharpness} | ${q.contrast} | ${q.textHeight ?? 'n/a'} | ${q.diagnostics.map((d) => d.code.replace('INGEST_QUALITY_', '')).join(', ') || '—'} |`,
  );
}

// ---------- CER and OCR time with each step on/off ----------
const off = { contrast: false, orient: false, deskew: false, crop: false, scale: false, binarize: false };
const configs = {
  'none (grey only)': off,
  '+contrast': { ...off, contrast: true },
  '+orient': { ...off, orient: true },
  '+deskew': { ...off, deskew: true },
  '+crop': { ...off, crop: true },
  '+scale (DPI norm.)': { ...off, scale: true },
  '+otsu': { ...off, binarize: { method: 'otsu' } },
  '+sauvola': { ...off, binarize: { method: 'sauvola' } },
  'auto (readPages default)': { ...AUTO_PREPROCESS, grey: true },
  'auto + scale': { ...AUTO_PREPROCESS, grey: true, scale: true },
  'all but binarize': { scale: true },
};
// A generous limit: the machine is shared, and a page that takes minutes should be seen, not fail the run.
const engine = createTesseractEngine({ timeoutMs: 600_000 });
try {
  const names = Object.keys(configs);
  const cerRows = [];
  const msRows = [];
  const prepMs = Object.fromEntries(names.map((k) => [k, []]));
  const ocrAll = Object.fromEntries(names.map((k) => [k, []]));
  for (const [name, list] of Object.entries(pages)) {
    const jobs = names.flatMap((config) => list.map((page, i) => ({ config, page, i })));
    // Two jobs in flight for two workers: OCR times are not inflated by queueing.
    const done = await runParallel(jobs, 2, async ({ config, page, i }) => {
      const t0 = performance.now();
      const prepared = await preprocessPage(page, configs[config]);
      const t1 = performance.now();
      const ocr = await engine.recognize(prepared);
      const t2 = performance.now();
      return {
        config,
        prep: t1 - t0,
        ocr: t2 - t1,
        score: edits(truthFor(name, i), ocr.lines.map((l) => l.text).join('\n')),
      };
    });
    const cells = [];
    const times = [];
    for (const config of names) {
      const mine = done.filter((d) => d.config === config);
      cells.push(pct(cer(mine.map((d) => d.score))));
      times.push(median(mine.map((d) => d.ocr + d.prep)).toFixed(0));
      for (const d of mine) {
        prepMs[config].push(d.prep);
        ocrAll[config].push(d.ocr);
      }
    }
    cerRows.push(`| ${name} | ${cells.join(' | ')} |`);
    msRows.push(`| ${name} | ${times.join(' | ')} |`);
  }
  const header = `| variant | ${names.join(' | ')} |\n|---|${names.map(() => '---').join('|')}|`;
  log(
    '\n## OCR CER with tesseract.js (pooled over pages; lower is better), each step alone on top of grey, and the auto default',
  );
  log(header);
  for (const row of cerRows) log(row);
  log('\n## Time per page: preprocessing + OCR (median ms, 2 pages in flight on 2 workers)');
  log(header);
  for (const row of msRows) log(row);
  log(`| all variants: preprocessing only | ${names.map((k) => median(prepMs[k]).toFixed(0)).join(' | ')} |`);
  log(`| all variants: OCR only | ${names.map((k) => median(ocrAll[k]).toFixed(0)).join(' | ')} |`);
} finally {
  await engine.dispose();
}
