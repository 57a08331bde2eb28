// Extraction accuracy on freshly generated older and newer ID cards: 9-digit CMND, CCCD without chip
// (2016), Căn cước (2024), both sides, real OCR.
// Usage: pnpm eval:id-cards [--count 50] [--seed 2026] [--degraded 0.5] [--types cmnd-9,cccd-2016,can-cuoc-2024]
//        [--as-of 2026-01-01] [--preprocess auto|off] [--engine tesseract.js|fastest] [--verbose: print each miss (synthetic data)]
// Prints per type: classification accuracy, exact match per side and field, exact match of fields
// read from QR/MRZ, wrong values emitted at or above the fill threshold, status right, median time per file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { validateForm } from '../../packages/eform/dist/index.js';
import { safeExtractDocument } from '../../packages/extract/dist/index.js';
import { readPages } from '../../packages/ingest/dist/index.js';
import { createFastestTesseractEngine, createTesseractEngine } from '../../packages/ocr/dist/index.js';
import { normalizeText } from '../../packages/vn/dist/index.js';
import { generateIdCardSet, ID_CARD_TYPES } from '../../seeds/dist/index.js';
import { createFilingTally } from './lib/filing.mjs';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '50' },
    seed: { type: 'string', default: '2026' },
    degraded: { type: 'string', default: '0.5' },
    types: { type: 'string', default: ID_CARD_TYPES.join(',') },
    'as-of': { type: 'string', default: '2026-01-01' },
    // `auto` is what readPages (and so the CLI and the batch) does; `off` reads the scans as generated.
    preprocess: { type: 'string', default: 'auto' },
    // `fastest` is the CLI's engine (native tesseract for pages when installed, tesseract.js for regions).
    engine: { type: 'string', default: 'tesseract.js' },
    verbose: { type: 'boolean', default: false },
  },
});
const count = Number(args.count);
const types = args.types.split(',');
const HIGH = 0.9; // eform's fill threshold for high-criticality keys (names, IDs, dates)
const NORMAL = 0.7;
const highKeys = new Set([
  'person.idNumber',
  'person.oldIdNumber',
  'person.fullName',
  'person.birthDate',
  'document.issueDate',
  'document.expiryDate',
]);

const schemaDir = fileURLToPath(new URL('../../schemas/documents/', import.meta.url));
const schemas = Object.fromEntries(
  types.map((t) => [t, JSON.parse(readFileSync(join(schemaDir, `${t}.schema.json`), 'utf8'))]),
);
const out = mkdtempSync(join(tmpdir(), 'sohoa-eval-id-'));
const t0 = Date.now();
const set = await generateIdCardSet({
  seed: Number(args.seed),
  count,
  outDir: out,
  degradedShare: Number(args.degraded),
  types,
});
process.stderr.write(`generated ${set.folders.length} cards in ${((Date.now() - t0) / 1000).toFixed(1)}s\n`);

const engine = args.engine === 'fastest' ? await createFastestTesseractEngine() : createTesseractEngine();
const perType = new Map();
const filing = createFilingTally();
const stat = (type) => {
  if (!perType.has(type))
    perType.set(type, {
      files: 0,
      invalid: 0,
      classified: 0,
      statusRight: 0,
      times: [],
      fields: new Map(),
      machine: { right: 0, total: 0 },
    });
  return perType.get(type);
};
const bump = (s, id, f) => {
  const x = s.fields.get(id) ?? { truth: 0, emitted: 0, right: 0, wrongConfident: 0 };
  f(x);
  s.fields.set(id, x);
};
try {
  for (const [i, folder] of set.folders.entries()) {
    const dir = join(out, folder);
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
    const s = stat(truth.type);
    for (const side of ['front', 'back']) {
      // The 2016 back and the 2024 front do not show the expiry.
      const blind =
        (truth.type === 'cccd-2016' && side === 'back') || (truth.type === 'can-cuoc-2024' && side === 'front');
      const expectedStatus = blind
        ? 'unknown'
        : truth.validUntil !== null && truth.validUntil < args['as-of']
          ? 'expired'
          : 'valid';
      const started = Date.now();
      const pages = await readPages(join(dir, truth.files[side]), {
        preprocess: args.preprocess === 'auto' ? 'auto' : false,
      });
      const ocr = await Promise.all(pages.map((p) => engine.recognize(p)));
      const result = await safeExtractDocument({ pages, ocr }, { recognizer: engine, asOf: args['as-of'] });
      s.times.push(Date.now() - started);
      s.files++;
      const record = result.ok ? result.value : undefined;
      // Either side belongs to the card holder: the 12-digit ID, or a CMND's own 9-digit number.
      const ids = { ...truth.truth.front, ...truth.truth.back };
      filing.add(record, truth.type === 'cmnd-9' ? ids['person.oldIdNumber'] : ids['person.idNumber']);
      if (record?.type === truth.type && record.part === side) s.classified++;
      else if (args.verbose)
        process.stderr.write(`\n  ${folder} ${side}: classified as ${record?.type ?? 'nothing'} ${record?.part ?? ''}`);
      if (
        record &&
        record.type === truth.type &&
        validateForm(schemas[truth.type], JSON.parse(JSON.stringify(record))).errors.length > 0
      )
        s.invalid++;
      if (record?.status === expectedStatus) s.statusRight++;
      else if (args.verbose)
        process.stderr.write(`\n  ${folder} ${side}: status ${record?.status} want ${expectedStatus}`);
      const fields = record?.type === truth.type ? record.fields : {};
      const degraded = truth.degradations[side].length > 0 ? 'degraded' : 'clean';
      for (const [key, raw] of Object.entries(truth.truth[side])) {
        const value =
          typeof raw === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(raw) && key !== 'person.sex'
            ? normalizeText(raw)
            : raw;
        const f = fields[key];
        if (f?.evidence.some((e) => e.method === 'qr' || e.method === 'mrz') && f.evidence[0].method !== 'ocr') {
          s.machine.total++;
          if (f.value === value) s.machine.right++;
        }
        for (const id of [`${side} ${key}`, `${side}/${degraded} ${key}`]) {
          bump(s, id, (x) => {
            x.truth++;
            if (!f) {
              if (args.verbose && !id.includes('/')) process.stderr.write(`\n  ${folder} ${side} ${key}: missing`);
              return;
            }
            x.emitted++;
            if (f.value === value) {
              x.right++;
              return;
            }
            if (args.verbose && !id.includes('/'))
              process.stderr.write(
                `\n  ${folder} ${side} ${key}: got ${JSON.stringify(f.value)} (${f.confidence.toFixed(2)}) want ${JSON.stringify(value)}`,
              );
            if (f.confidence >= (highKeys.has(key) ? HIGH : NORMAL)) x.wrongConfident++;
          });
        }
      }
    }
    process.stderr.write(`\r${i + 1}/${set.folders.length} cards`);
  }
} finally {
  await engine.dispose();
  rmSync(out, { recursive: true, force: true });
}
process.stderr.write('\n');
const pct = (a, b) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
console.log(
  `ID card extraction, ${count} generated cards per type (seed ${args.seed}, ${args.degraded} degraded, as of ${args['as-of']}, preprocess ${args.preprocess}), real OCR, 2 OCR workers`,
);
const summary = [];
for (const [type, s] of perType) {
  console.log(`\n${type}`);
  console.log(['side/key'.padEnd(48), 'exact', 'emitted', 'wrong≥threshold'].join('\t'));
  const rows = [...s.fields.entries()].sort(([a], [b]) => a.localeCompare(b));
  for (const [id, x] of rows)
    console.log(
      [id.padEnd(48), pct(x.right, x.truth), pct(x.emitted, x.truth), `${x.wrongConfident}/${x.emitted}`].join('\t'),
    );
  const all = rows.filter(([id]) => !id.includes('/')).map(([, x]) => x);
  const t = all.reduce(
    (a, x) => ({
      truth: a.truth + x.truth,
      right: a.right + x.right,
      emitted: a.emitted + x.emitted,
      wrong: a.wrong + x.wrongConfident,
    }),
    { truth: 0, right: 0, emitted: 0, wrong: 0 },
  );
  console.log(
    `classification ${pct(s.classified, s.files)} (${s.classified}/${s.files} files); exact ${pct(t.right, t.truth)}; QR/MRZ fields exact ${pct(s.machine.right, s.machine.total)} (${s.machine.total}); wrong and confident ${t.wrong}/${t.emitted} (${pct(t.wrong, t.emitted)}); status right ${pct(s.statusRight, s.files)}; records failing the schema ${s.invalid}; median ${median(s.times)} ms per file`,
  );
  summary.push({ type, ...t, classified: s.classified, files: s.files });
}
const total = summary.reduce(
  (a, x) => ({
    truth: a.truth + x.truth,
    right: a.right + x.right,
    emitted: a.emitted + x.emitted,
    wrong: a.wrong + x.wrong,
    classified: a.classified + x.classified,
    files: a.files + x.files,
  }),
  { truth: 0, right: 0, emitted: 0, wrong: 0, classified: 0, files: 0 },
);
console.log(
  `\noverall: classification ${pct(total.classified, total.files)}; exact ${pct(total.right, total.truth)}; wrong and confident ${total.wrong}/${total.emitted} (${pct(total.wrong, total.emitted)})`,
);
for (const line of filing.lines()) console.log(line);
