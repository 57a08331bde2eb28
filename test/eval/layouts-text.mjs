// Layout families read from their perfect text (no rendering, no OCR): what the readers make of each tuned
// family's layout when every word is read right, in seconds instead of minutes. Held-out families are never
// drawn here (seeds/src/layout-families.ts: their drawing and text are not to be looked at by reader engineers).
// Each family's printed runs become OCR lines: runs on one row less than ~2 line heights apart are one line,
// as an OCR engine joins them; cells further apart stay separate lines.
// Usage: node test/eval/layouts-text.mjs [--types land-use-certificate,…] [--families …] [--count 4] [--seed 7] [--verbose]
import { parseArgs } from 'node:util';
import { extractDocument } from '../../packages/extract/dist/index.js';
import { layoutDocuments, layoutDocumentText, selectLayoutFamilies } from '../../seeds/dist/index.js';
import { scoreDocument } from './lib/document-score.mjs';

const { values: args } = parseArgs({
  options: {
    types: { type: 'string' },
    families: { type: 'string' },
    count: { type: 'string', default: '4' },
    seed: { type: 'string', default: '7' },
    verbose: { type: 'boolean', default: false },
  },
});
const families = selectLayoutFamilies({ types: args.types?.split(','), families: args.families?.split(',') }).filter(
  (f) => !f.heldOut,
);
const SOURCE = { file: 'page.png', sha256: 'a'.repeat(64), page: 1, pageCount: 1 };
const CONFIDENCE = 0.93;

/** Runs of one row joined into lines: vertical overlap of half the smaller height, a gap under ~2.2 line heights. */
function joinRuns(runs) {
  const lines = [];
  for (const r of runs.filter((x) => x.text.trim()).sort((a, b) => a.box.x - b.box.x)) {
    const h = r.box.height;
    const line = lines.find((l) => {
      const overlap = Math.min(l.box.y + l.box.height, r.box.y + h) - Math.max(l.box.y, r.box.y);
      const gap = r.box.x - (l.box.x + l.box.width);
      return overlap >= Math.min(h, l.box.height) * 0.5 && gap > -2 && gap < 2.2 * Math.max(h, l.box.height);
    });
    if (!line) {
      lines.push({ box: { ...r.box }, runs: [r] });
      continue;
    }
    line.runs.push(r);
    const right = Math.max(line.box.x + line.box.width, r.box.x + r.box.width);
    const top = Math.min(line.box.y, r.box.y);
    const bottom = Math.max(line.box.y + line.box.height, r.box.y + h);
    line.box = { x: line.box.x, y: top, width: right - line.box.x, height: bottom - top };
  }
  return lines;
}

/** Words of a run with boxes in proportion to their characters. */
function words(run) {
  const total = run.text.length || 1;
  let at = 0;
  return run.text
    .split(/\s+/)
    .filter(Boolean)
    .map((text) => {
      const k = run.text.indexOf(text, at);
      at = k + text.length;
      const x = Math.round(run.box.x + (run.box.width * k) / total);
      const width = Math.max(1, Math.round((run.box.width * text.length) / total));
      return { text, confidence: CONFIDENCE, box: { x, y: run.box.y, width, height: run.box.height } };
    });
}

function ocrPage(page, index) {
  const lines = joinRuns(page.runs)
    .map((l) => {
      const ws = l.runs.flatMap(words);
      return { text: ws.map((w) => w.text).join(' '), confidence: CONFIDENCE, box: l.box, words: ws };
    })
    .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  return {
    source: { ...SOURCE, page: index + 1 },
    width: page.width,
    height: page.height,
    text: lines.map((l) => l.text).join('\n'),
    confidence: CONFIDENCE,
    lines,
    engine: 'perfect-text',
    diagnostics: [],
  };
}

let failed = false;
for (const family of families) {
  let printed = 0;
  let right = 0;
  let wrong = 0;
  for (const doc of layoutDocuments(family, Number(args.seed), Number(args.count))) {
    const text = layoutDocumentText(doc);
    const pages = text.map((t, i) => ({
      source: { ...SOURCE, page: i + 1 },
      width: t.width,
      height: t.height,
      channels: 1,
      pixels: new Uint8Array(4),
      diagnostics: [],
    }));
    const record = await extractDocument(
      { pages, ocr: text.map(ocrPage), qr: text.map(() => undefined) },
      { asOf: '2026-01-01' },
    );
    for (const s of scoreDocument(doc.truth, record)) {
      printed++;
      if (s.right) right++;
      if (s.wrongConfident) wrong++;
      if (!s.right && (args.verbose || s.wrongConfident))
        console.log(
          `  ${family.family} ${doc.truth.slug} ${s.key}: ${s.got ? `${JSON.stringify(s.got.value)} (${s.got.confidence.toFixed(2)})` : 'missing'} want ${JSON.stringify(s.want)}${s.wrongConfident ? ' WRONG ≥ threshold' : ''}`,
        );
    }
  }
  failed ||= wrong > 0;
  console.log(
    `${`${family.type}/${family.family}`.padEnd(52)}\texact ${((100 * right) / printed).toFixed(1)}% of ${printed}\twrong≥threshold ${wrong}`,
  );
}
process.exitCode = failed ? 1 : 0;
