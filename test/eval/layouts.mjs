// Document understanding across layout families (seeds/src/layout-families.ts): the real pipeline
// (ingest → OCR → extract, as `digitizeFile` runs it) on N documents per family, each scored only on the
// fields its family printed. Held-out families (the readers' engineers never look at their drawing code or
// images) are reported apart: those are the figures on layouts the readers were not tuned on.
// Usage: pnpm eval:layouts [--count 10] [--seed 2026] [--degraded 0.5] [--types giay-khai-sinh,…]
//        [--families tt04-2020,giay-khai-sinh/old-1990s,…] [--json] [--out report.json] [--verbose] [--keep DIR]
// --json prints the report as JSON; --out also writes it to a file; --keep keeps the scans and truth in DIR.
// --gazetteer DIR checks places against the administrative units of DIR (e.g. ../shared/data/admin-units),
// as `DigitizeOptions.gazetteerDir` does; without it only provinces are checked (or SOHOA_GAZETTEER_DIR's).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { digitizeFile } from '../../packages/batch/dist/index.js';
import { createTesseractEngine } from '../../packages/ocr/dist/index.js';
import { median, pct, scoreDocument } from './lib/document-score.mjs';
import { generateLayoutSet, selectLayoutFamilies } from '../../seeds/dist/index.js';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '10' },
    seed: { type: 'string', default: '2026' },
    degraded: { type: 'string', default: '0.5' },
    types: { type: 'string' },
    families: { type: 'string' },
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    keep: { type: 'string' },
    out: { type: 'string' },
    gazetteer: { type: 'string' },
  },
});
const count = Number(args.count);
const selection = { types: args.types?.split(','), families: args.families?.split(',') };
const families = selectLayoutFamilies(selection);
if (families.length === 0) {
  process.stderr.write('No layout family matches --types/--families; see seeds/src/layout-families.ts for the ids.\n');
  process.exit(2);
}

const out = args.keep ?? mkdtempSync(join(tmpdir(), 'sohoa-eval-layouts-'));
if (args.keep) mkdirSync(out, { recursive: true });
const t0 = Date.now();
const set = await generateLayoutSet({
  seed: Number(args.seed),
  count,
  outDir: out,
  degradedShare: Number(args.degraded),
  ...selection,
});
process.stderr.write(
  `generated ${set.folders.length} documents of ${families.length} families in ${((Date.now() - t0) / 1000).toFixed(1)}s\n`,
);

const empty = () => ({
  docs: 0,
  classified: 0,
  classifiedAs: {},
  times: [],
  truth: 0,
  emitted: 0,
  right: 0,
  wrongConfident: 0,
  fields: new Map(),
});
const perFamily = new Map(); // `${type}/${family}` -> stats
// SIGTERM or SIGINT stops after the current document and reports what was measured so far (marked partial).
let stopped = false;
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => (stopped = true));
const engine = createTesseractEngine();
try {
  for (const [i, folder] of set.folders.entries()) {
    if (stopped) break;
    const truth = JSON.parse(readFileSync(join(out, folder, 'truth.json'), 'utf8'));
    const id = `${truth.type}/${truth.family}`;
    const s = perFamily.get(id) ?? { ...empty(), type: truth.type, family: truth.family, heldOut: truth.heldOut };
    perFamily.set(id, s);
    const result = await digitizeFile(join(out, folder, truth.file), {
      engine,
      ...(args.gazetteer ? { gazetteerDir: args.gazetteer } : {}),
    });
    s.docs++;
    s.times.push(result.ms);
    const record = result.record;
    if (record?.type === truth.type) s.classified++;
    const as = record?.type ?? 'none';
    s.classifiedAs[as] = (s.classifiedAs[as] ?? 0) + 1;
    for (const { key, want, got, right, wrongConfident } of scoreDocument(truth, record)) {
      const f = s.fields.get(key) ?? { truth: 0, emitted: 0, right: 0, wrongConfident: 0 };
      s.fields.set(key, f);
      for (const x of [s, f]) {
        x.truth++;
        if (got) x.emitted++;
        if (right) x.right++;
        if (wrongConfident) x.wrongConfident++;
      }
      if (args.verbose && !right)
        process.stderr.write(
          `\n  ${folder} ${key}: ${got ? `got ${JSON.stringify(got.value)} (${got.confidence.toFixed(2)})` : 'missing'} want ${JSON.stringify(want)}`,
        );
    }
    process.stderr.write(`\r${i + 1}/${set.folders.length} documents`);
  }
} finally {
  await engine.dispose();
  if (!args.keep) rmSync(out, { recursive: true, force: true });
}
process.stderr.write('\n');

const sum = (rows) =>
  rows.reduce(
    (a, s) => ({
      docs: a.docs + s.docs,
      classified: a.classified + s.classified,
      truth: a.truth + s.truth,
      emitted: a.emitted + s.emitted,
      right: a.right + s.right,
      wrongConfident: a.wrongConfident + s.wrongConfident,
    }),
    { docs: 0, classified: 0, truth: 0, emitted: 0, right: 0, wrongConfident: 0 },
  );
const summary = (s) => ({
  docs: s.docs,
  classified: s.docs ? s.classified / s.docs : null,
  exact: s.truth ? s.right / s.truth : null,
  printedFields: s.truth,
  emitted: s.emitted,
  wrongConfident: s.wrongConfident,
});
const types = [...new Set([...perFamily.values()].map((s) => s.type))];
const report = {
  partial: stopped,
  seed: Number(args.seed),
  countPerFamily: count,
  degradedShare: Number(args.degraded),
  types: types.map((type) => {
    const rows = [...perFamily.values()].filter((s) => s.type === type);
    return {
      type,
      tuned: summary(sum(rows.filter((s) => !s.heldOut))),
      heldOut: summary(sum(rows.filter((s) => s.heldOut))),
      families: rows.map((s) => ({
        family: s.family,
        heldOut: s.heldOut,
        ...summary(s),
        classifiedAs: s.classifiedAs,
        medianMs: median(s.times),
        fields: Object.fromEntries(
          [...s.fields]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, f]) => [
              k,
              { exact: f.right / f.truth, printed: f.truth, emitted: f.emitted, wrongConfident: f.wrongConfident },
            ]),
        ),
      })),
    };
  }),
};

if (args.out) writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
if (args.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const p = (x) => (x === null ? '-' : `${(100 * x).toFixed(1)}%`);
  if (stopped) console.log('PARTIAL: stopped before every document was read; the counts below say how many were.');
  console.log(
    `Layout families: ${count} documents per family (seed ${args.seed}, ${args.degraded} degraded), real OCR, 2 workers; each document scored on the fields its family prints`,
  );
  console.log(
    [
      'type/family'.padEnd(52),
      'held out',
      'docs',
      'classified',
      'exact',
      'wrong≥threshold',
      'median ms',
      'classified as',
    ].join('\t'),
  );
  for (const t of report.types) {
    for (const f of t.families)
      console.log(
        [
          `${t.type}/${f.family}`.padEnd(52),
          f.heldOut ? 'yes' : '',
          f.docs,
          p(f.classified),
          p(f.exact),
          `${f.wrongConfident}/${f.emitted}`,
          f.medianMs,
          Object.entries(f.classifiedAs)
            .map(([k, n]) => `${k} ${n}`)
            .join(', '),
        ].join('\t'),
      );
  }
  console.log();
  console.log('Per type: tuned families | figures on families the readers were not tuned on (held out)');
  for (const t of report.types) {
    const line = (s) =>
      s.docs === 0
        ? 'none'
        : `classified ${p(s.classified)}, exact ${p(s.exact)} of ${s.printedFields} printed fields, wrong≥threshold ${s.wrongConfident}/${s.emitted}`;
    console.log(`${t.type.padEnd(34)} tuned: ${line(t.tuned)} | held out: ${line(t.heldOut)}`);
  }
  if (args.verbose) {
    console.log();
    console.log(['type/family key'.padEnd(72), 'exact', 'emitted', 'wrong≥threshold'].join('\t'));
    for (const t of report.types)
      for (const f of t.families)
        for (const [k, s] of Object.entries(f.fields))
          console.log(
            [
              `${t.type}/${f.family} ${k}`.padEnd(72),
              p(s.exact),
              pct(s.emitted, s.printed),
              `${s.wrongConfident}/${s.emitted}`,
            ].join('\t'),
          );
  }
}
