// Official letters and decisions (van-ban-hanh-chinh): header extraction and reading order.
// (a) synthetic letters generated on the fly (fixed seed): classification, per-field exact match, wrong-and-confident;
// (b) the real scans in ../shared/data/scans with truth typed in by hand below (number/symbol, date, issuer);
// (c) the 35 real resolutions of ../shared/data/admin-units/dvhcvn-20250701/input/docs rendered to page images;
// (d) CER on the Đà Nẵng scans 4_1/4_2 + augmented: sohoa's column-aware reading order vs the native tesseract CLI.
// Usage: pnpm eval:letters [--count 50] [--seed 2026] [--degraded 0.5] [--only synthetic,real,resolutions,cer] [--verbose]
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { validateForm } from '../../packages/eform/dist/index.js';
import { readingOrder, safeExtractDocument } from '../../packages/extract/dist/index.js';
import { readPages } from '../../packages/ingest/dist/index.js';
import { createTesseractEngine, isNativeTesseractAvailable } from '../../packages/ocr/dist/index.js';
import { normalizeText } from '../../packages/vn/dist/index.js';
import { generateOfficialLetters, renderOfficialLetter } from '../../seeds/dist/index.js';
import { pooledCer, scoreText } from './lib/cer.mjs';
import { nativeOcr, unpackVieModel } from './lib/native-tesseract.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '50' },
    seed: { type: 'string', default: '2026' },
    degraded: { type: 'string', default: '0.5' },
    only: { type: 'string', default: 'synthetic,real,resolutions,cer' },
    verbose: { type: 'boolean', default: false },
  },
});
const only = new Set(args.only.split(','));
const SHARED = join(root, '..', 'shared', 'data');
const TYPE = 'van-ban-hanh-chinh';
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'documents', `${TYPE}.schema.json`), 'utf8'));
const HIGH = 0.9; // eform's fill threshold for numbers and dates
const NORMAL = 0.7;
const isHigh = (key) => /number|Date|symbol/.test(key);
const canon = (v) => (typeof v === 'string' ? normalizeText(v).toLocaleUpperCase('vi').replace(/\s+/g, ' ').trim() : v);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (a, b) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
const log = (line = '') => process.stdout.write(`${line}\n`);

// Generous limits: on a loaded shared machine the defaults (30 s to start, 60 s per page) fail whole runs.
const engine = createTesseractEngine({ timeoutMs: 600_000, startTimeoutMs: 300_000 });
const work = mkdtempSync(join(tmpdir(), 'sohoa-eval-letters-'));
let schemaErrors = 0;
let records = 0;

/** OCR every page and extract, as `sohoa digitize` does; returns the record (or undefined), the OCR and the time. */
async function digitize(input) {
  const t0 = performance.now();
  const pages = await readPages(input);
  const ocr = await Promise.all(pages.map((p) => engine.recognize(p)));
  const result = await safeExtractDocument({ pages, ocr }, { recognizer: engine, asOf: '2026-01-01' });
  const ms = performance.now() - t0;
  if (result.ok) {
    records++;
    const v = validateForm(
      result.value.type === TYPE ? schema : { type: 'object' },
      JSON.parse(JSON.stringify(result.value)),
    );
    if (v.errors.length > 0) {
      schemaErrors++;
      if (args.verbose) process.stderr.write(`\n  schema: ${JSON.stringify(v.errors.slice(0, 3))}`);
    }
  }
  return { record: result.ok ? result.value : undefined, ocr, ms };
}

function tally(stats, key, want, got) {
  const s = stats.get(key) ?? { truth: 0, emitted: 0, right: 0, wrongConfident: 0 };
  stats.set(key, s);
  s.truth++;
  if (!got) return false;
  s.emitted++;
  if (canon(got.value) === canon(want)) {
    s.right++;
    return true;
  }
  if (got.confidence >= (isHigh(key) ? HIGH : NORMAL)) s.wrongConfident++;
  return false;
}

function printStats(title, stats, docs, classified, times) {
  log(`\n## ${title}`);
  log(
    `documents ${docs}, classified as ${TYPE} ${pct(classified, docs)}, median ${median(times).toFixed(0)} ms per document (OCR + extraction)`,
  );
  log(['key'.padEnd(28), 'exact', 'emitted', 'wrong≥threshold'].join('\t'));
  for (const [key, s] of [...stats.entries()].sort(([a], [b]) => a.localeCompare(b)))
    log(
      [key.padEnd(28), pct(s.right, s.truth), pct(s.emitted, s.truth), `${s.wrongConfident}/${s.emitted}`].join('\t'),
    );
}

// ---------- (a) synthetic letters ----------
async function synthetic() {
  const count = Number(args.count);
  const letters = generateOfficialLetters(Number(args.seed), count);
  const stats = new Map();
  const times = [];
  let classified = 0;
  for (const [i, letter] of letters.entries()) {
    const degraded = i < count * Number(args.degraded);
    const scan = await renderOfficialLetter(letter.layout, {
      seed: Number(args.seed) + i,
      degrade: degraded ? {} : false,
    });
    const { record, ms } = await digitize({ bytes: new Uint8Array(scan.image), name: `${letter.slug}.jpg` });
    times.push(ms);
    if (record?.type === TYPE) classified++;
    for (const [key, value] of Object.entries(letter.fields)) {
      const ok = tally(stats, key, value, record?.fields?.[key]);
      if (!ok && args.verbose)
        process.stderr.write(
          `\n  ${letter.slug} ${key}: got ${JSON.stringify(record?.fields?.[key]?.value)} want ${JSON.stringify(value)}`,
        );
    }
    process.stderr.write(`\r${i + 1}/${letters.length} synthetic letters`);
  }
  process.stderr.write('\n');
  printStats(
    `Synthetic letters and decisions (seed ${args.seed}, ${count} documents, ${args.degraded} degraded)`,
    stats,
    letters.length,
    classified,
    times,
  );
}

// ---------- (b) real scans: truth typed in by hand from the images (facts, not copied files) ----------
const DANANG = join(SHARED, 'scans', 'vietadmin-danang', 'data');
const ASSETS = join(SHARED, 'scans', 'kaikenju-admin-docs', 'assets');
/** `handwritten` names fields whose digits were filled in by hand on the printed form. */
const REAL = [
  {
    file: join(DANANG, '4_1.jpg'),
    number: '1906/SGDĐT-CTrTT',
    date: '2020-07-26',
    issuer: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO',
    kind: 'Công văn',
  },
  { file: join(DANANG, '4_2.jpg'), signer: 'Lê Thị Bích Thuận', note: 'page 2 only: no header' },
  {
    file: join(DANANG, '1.pdf'),
    number: '1595/SGDĐT-CTrTT',
    date: '2019-05-31',
    issuer: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO',
    kind: 'Công văn',
    signer: 'Trần Nguyễn Minh Thành',
    handwritten: ['number', 'date'],
  },
  {
    file: join(DANANG, '2.pdf'),
    number: '115/CV-PA83',
    date: '2018-04-26',
    issuer: 'PHÒNG AN CHÍNH TRỊ NỘI BỘ',
    kind: 'Công văn',
    signer: 'Ngô Văn Công',
    handwritten: ['number'],
  },
  {
    file: join(DANANG, '3.pdf'),
    number: '5710/UBND-SGDĐT',
    date: '2023-10-18',
    issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG',
    kind: 'Công văn',
    signer: 'Lê Trung Chinh',
    handwritten: ['number', 'date'],
  },
  {
    file: join(ASSETS, '1706498668_yeu-cau-noi-dung-cua-van-ban-hanh-chinh.jpg'),
    number: '09/2023/QĐ-TTg',
    date: '2023-04-12',
    issuer: 'THỦ TƯỚNG CHÍNH PHỦ',
    kind: 'Quyết định',
  },
  {
    file: join(ASSETS, 'after_perspective.png'),
    number: '1930/VPCP-V.I',
    date: '2012-11-19',
    issuer: 'VĂN PHÒNG CHÍNH PHỦ',
    kind: 'Công văn',
  },
  {
    file: join(ASSETS, 'perspective_done.png'),
    number: '1930/VPCP-V.I',
    date: '2012-11-19',
    issuer: 'VĂN PHÒNG CHÍNH PHỦ',
    kind: 'Công văn',
    note: 'tilted photo',
  },
  {
    file: join(ASSETS, 'anh12.png'),
    number: '6191/BVT-TCKT',
    date: '2021-09-27',
    issuer: 'BỆNH VIỆN ĐA KHOA TỈNH',
    kind: 'Công văn',
  },
  {
    file: join(ASSETS, 'image_image(536).jpg'),
    number: '6078/CT-KTT3',
    date: '2011-07-26',
    issuer: 'CỤC THUẾ TP.HCM',
    kind: 'Công văn',
    handwritten: ['number', 'date'],
  },
  {
    file: join(ASSETS, 'mau-van-ban-hanh-chinh-1.png'),
    number: '243/KH-UBND',
    date: '2022-12-26',
    issuer: 'ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK',
    kind: 'Kế hoạch',
  },
  {
    file: join(ASSETS, 'test_3.png'),
    number: '110/QĐ-STP',
    date: '2018-06-28',
    issuer: 'SỞ TƯ PHÁP',
    kind: 'Quyết định',
  },
  {
    file: join(ASSETS, 'test_ne.png'),
    number: '110/QĐ-STP',
    date: '2018-06-28',
    issuer: 'SỞ TƯ PHÁP',
    kind: 'Quyết định',
  },
  {
    file: join(ASSETS, 'van-ban-hanh-chinh-2.png'),
    number: '110/QĐ-STP',
    date: '2018-06-28',
    issuer: 'SỞ TƯ PHÁP',
    kind: 'Quyết định',
  },
  {
    file: join(ASSETS, 'thanh-hoa-6.png'),
    number: '1113/UBND-LĐTBXH',
    date: '2020-04-16',
    issuer: 'ỦY BAN NHÂN DÂN HUYỆN TĨNH GIA',
    kind: 'Công văn',
    handwritten: ['number', 'date'],
    note: 'blurred phone photo',
  },
  {
    file: join(ASSETS, 'van-ban-hanh-chinh-11.png'),
    number: '1135/TB-BTP',
    date: '2015-04-09',
    issuer: 'BỘ TƯ PHÁP',
    kind: 'Thông báo',
  },
  {
    file: join(ASSETS, 'van-ban-hanh-chinh-la-gi_(4).jpg'),
    number: '14/QĐ-KNCGTVPT',
    date: '2018-01-24',
    kind: 'Quyết định',
    handwritten: ['number', 'date'],
    note: 'issuer cut off the photo',
  },
  {
    file: join(ASSETS, 'van_ban_hanh_chinh_3.jpg'),
    number: '30/2020/NĐ-CP',
    date: '2020-03-05',
    issuer: 'CHÍNH PHỦ',
    kind: 'Nghị định',
  },
  {
    file: join(ASSETS, '2012-10-18-(1)-0109-2.jpg'),
    date: '2003-02-06',
    issuer: 'TRƯỜNG THCS DỊCH VỌNG',
    kind: 'Thông báo',
    note: 'textbook sample, number left blank',
  },
];
const REAL_KEYS = {
  number: 'document.number',
  date: 'document.issueDate',
  issuer: 'document.issuer',
  kind: 'document.kind',
  signer: 'document.signer',
};

async function real() {
  if (!existsSync(DANANG) || !existsSync(ASSETS)) {
    log('\n## Real scans: skipped, ../shared/data/scans is absent');
    return;
  }
  const stats = new Map();
  const printed = new Map();
  const times = [];
  let classified = 0;
  const rows = [];
  for (const truth of REAL) {
    const { record, ms } = await digitize(truth.file);
    times.push(ms);
    if (record?.type === TYPE) classified++;
    const cells = [];
    for (const [name, key] of Object.entries(REAL_KEYS)) {
      if (truth[name] === undefined) {
        cells.push('·');
        continue;
      }
      const got = record?.fields?.[key];
      const ok = tally(stats, key, truth[name], got);
      if (!truth.handwritten?.includes(name)) tally(printed, key, truth[name], got);
      cells.push(
        `${ok ? 'ok' : 'FAIL'}${truth.handwritten?.includes(name) ? '(hw)' : ''}${ok ? '' : ` got ${JSON.stringify(got?.value ?? null)}${got ? ` @${got.confidence.toFixed(2)}` : ''}`}`,
      );
    }
    rows.push(
      `| ${truth.file.split('/').slice(-1)[0]} | ${record?.type ?? 'unknown'} | ${cells.join(' | ')} | ${(ms / 1000).toFixed(1)} s | ${truth.note ?? ''} |`,
    );
    process.stderr.write(`\r${rows.length}/${REAL.length} real scans`);
  }
  process.stderr.write('\n');
  log(`\n## Real scans (${REAL.length} files; truth typed in by hand; (hw) = digits handwritten on the printed form)`);
  log('| file | type | number | date | issuer | kind | signer | time | note |');
  log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) log(r);
  printStats('Real scans, all truth', stats, REAL.length, classified, times);
  printStats('Real scans, printed values only (handwritten digits left out)', printed, REAL.length, classified, times);
}

// ---------- (c) the 35 real resolutions, rendered from their markdown ----------
const DOCS = join(SHARED, 'admin-units', 'dvhcvn-20250701', 'input', 'docs');
const strip = (s) =>
  s
    .replace(/\\-/g, '-')
    .replace(/[*\\_]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The header table of a resolution's markdown: left and right cells, then title, subject and body paragraphs. */
function parseResolution(markdown) {
  const lines = markdown.split('\n');
  const rules = lines.map((l, i) => (/^\s*-{5,}\s+-{5,}\s*$/.test(l) ? i : -1)).filter((i) => i >= 0);
  if (rules.length < 2) return undefined;
  const ruler = lines[rules[0]];
  const split = ruler.indexOf(' ', ruler.search(/-/)) + 1;
  const left = [];
  const right = [];
  for (const l of lines.slice(rules[0] + 1, rules[1])) {
    const a = strip(l.slice(0, split));
    const b = strip(l.slice(split));
    if (a && !/^-+$/.test(a)) left.push(a);
    if (b && !/^-+$/.test(b)) right.push(b);
  }
  const rest = lines
    .slice(rules[1] + 1)
    .join('\n')
    .split(/\n\s*\n/)
    .map(strip)
    .filter((p) => p.length > 0);
  const numberLine = left.find((l) => /^Số/.test(l));
  const issuerLines = left.slice(0, left.indexOf(numberLine)).filter((l) => /\p{L}/u.test(l));
  const placeDate = right.find((l) => /ngày/.test(l));
  const motto = right.filter((l) => l !== placeDate);
  const titleAt = rest.findIndex((p) => /^[\p{Lu}\s]+$/u.test(p) && p.length < 40);
  if (!numberLine || !placeDate || titleAt < 0) return undefined;
  const subject = rest[titleAt + 1];
  const body = rest.slice(titleAt + 2, titleAt + 7).filter((p) => !/^[\p{Lu}\s:]+$/u.test(p));
  return { issuerLines, numberLine, placeDate, motto, title: rest[titleAt], subject, body };
}

async function resolutions() {
  if (!existsSync(DOCS)) {
    log('\n## Resolutions: skipped, ../shared/data/admin-units is absent');
    return;
  }
  const files = readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const stats = new Map();
  const times = [];
  let classified = 0;
  let docs = 0;
  const failures = [];
  for (const [i, f] of files.entries()) {
    const parsed = parseResolution(readFileSync(join(DOCS, f), 'utf8'));
    if (!parsed) continue; // an annex with no header (1027_CTK-CSCL.md is a table)
    docs++;
    const layout = {
      issuer: parsed.issuerLines,
      numberLine: parsed.numberLine,
      placeDate: parsed.placeDate,
      motto: parsed.motto,
      title: parsed.title,
      subject: [parsed.subject],
      body: parsed.body,
      positions: ['TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI', 'CHỦ TỊCH'],
      signer: 'Trần Thanh Mẫn',
    };
    const scan = await renderOfficialLetter(layout, { seed: i, format: 'png' });
    const { record, ms } = await digitize({ bytes: new Uint8Array(scan.image), name: `${f}.png` });
    times.push(ms);
    if (record?.type === TYPE) classified++;
    const m = /ngày\s*(\d+)\s*tháng\s*(\d+)\s*năm\s*(\d{4})/.exec(parsed.placeDate);
    const truth = {
      'document.number': parsed.numberLine.replace(/^Số\s*:?\s*/, '').replace(/\s+/g, ''),
      'document.issueDate': `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`,
      'document.issuer': parsed.issuerLines.join(' '),
      'document.kind': parsed.title.charAt(0) + parsed.title.slice(1).toLocaleLowerCase('vi'),
      'document.subject': parsed.subject,
    };
    for (const [key, value] of Object.entries(truth)) {
      if (!tally(stats, key, value, record?.fields?.[key]))
        failures.push(
          `${f} ${key}: got ${JSON.stringify(record?.fields?.[key]?.value ?? null)} want ${JSON.stringify(value)}`,
        );
    }
    process.stderr.write(`\r${i + 1}/${files.length} resolutions`);
  }
  process.stderr.write('\n');
  printStats(
    `Real resolutions rendered to A4 pages at 150 dpi (${docs} of ${files.length} markdown files have a header)`,
    stats,
    docs,
    classified,
    times,
  );
  for (const line of failures.slice(0, args.verbose ? 100 : 8)) log(`- ${line}`);
}

// ---------- (d) reading order: CER on the Đà Nẵng scans ----------
async function cer() {
  if (!existsSync(DANANG)) {
    log('\n## CER: skipped, ../shared/data/scans is absent');
    return;
  }
  const haveNative = isNativeTesseractAvailable();
  // The same model for both engines: tesseract.js's vie 4.0.0_best_int, unpacked for the native CLI.
  const tessdata = unpackVieModel(root, join(work, 'tessdata'));
  log('\n## Reading order on the real Đà Nẵng letters (silver truth *_gt.txt): CER, NFC, whitespace collapsed, pooled');
  log('| set | files | sohoa, column-aware order | sohoa, OCR line order | native CLI psm 3 | native CLI psm 6 |');
  log('|---|---|---|---|---|---|');
  for (const base of ['4_1', '4_2']) {
    const gt = readFileSync(join(DANANG, `${base}_gt.txt`), 'utf8');
    const files = [
      `${base}.jpg`,
      ...['v1_noisy', 'v2_blur', 'v3_dark', 'v4_rotated'].map((v) => `augmented/${base}_${v}.jpg`),
    ].map((f) => join(DANANG, f));
    const ordered = [];
    const plain = [];
    const native3 = [];
    const native6 = [];
    for (const file of files) {
      const page = (await readPages(file))[0];
      const ocr = await engine.recognize(page);
      ordered.push(
        scoreText(
          gt,
          readingOrder(ocr)
            .lines.map((l) => l.text)
            .join('\n'),
        ),
      );
      plain.push(scoreText(gt, ocr.lines.map((l) => l.text).join('\n')));
      if (haveNative) {
        native3.push(scoreText(gt, await nativeOcr(file, 3, tessdata)));
        native6.push(scoreText(gt, await nativeOcr(file, 6, tessdata)));
      }
    }
    const f = (s) => (s.length === 0 ? 'n/a' : `${(pooledCer(s) * 100).toFixed(2)}%`);
    log(`| ${base} + 4 augmented | ${files.length} | ${f(ordered)} | ${f(plain)} | ${f(native3)} | ${f(native6)} |`);
  }
}

log(`# pnpm eval:letters — ${new Date().toISOString()} — node ${process.version}`);
try {
  if (only.has('synthetic')) await synthetic();
  if (only.has('real')) await real();
  if (only.has('resolutions')) await resolutions();
  if (only.has('cer')) await cer();
  log(`\nrecords validated against schemas/documents/${TYPE}.schema.json: ${records - schemaErrors}/${records} valid`);
} finally {
  await engine.dispose();
  rmSync(work, { recursive: true, force: true });
}
