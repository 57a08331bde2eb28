// Document understanding on freshly generated civil documents (not the committed sample).
// Usage: pnpm eval:extract [--count 50] [--seed 2026] [--degraded 0.5] [--types giay-khai-sinh,giay-chung-nhan-ket-hon] [--verbose]
// Business and land certificates: pnpm eval:business-land (same script, --types enterprise-registration,household-business-registration,land-use-certificate).
// Prints per type: classification accuracy, per-field exact match after normalisation, values emitted,
// wrong values emitted at or above the fill threshold, and the median time per document.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { digitizeFile } from '../../packages/batch/dist/index.js';
import { createTesseractEngine } from '../../packages/ocr/dist/index.js';
import { createFilingTally } from './lib/filing.mjs';
import { median, pct, scoreDocument } from './lib/document-score.mjs';
import {
  BUSINESS_DOCUMENT_TYPES,
  CIVIL_DOCUMENT_TYPES,
  generateBusinessSet,
  generateCivilSet,
  generateLandSet,
} from '../../seeds/dist/index.js';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '50' },
    seed: { type: 'string', default: '2026' },
    degraded: { type: 'string', default: '0.5' },
    types: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
const count = Number(args.count);
const types = args.types ? args.types.split(',') : CIVIL_DOCUMENT_TYPES;

const out = mkdtempSync(join(tmpdir(), 'sohoa-eval-extract-'));
const t0 = Date.now();
const gen = { seed: Number(args.seed), count, outDir: out, degradedShare: Number(args.degraded) };
const pick = (all) => types.filter((t) => all.includes(t));
const set = { folders: [] };
if (pick(CIVIL_DOCUMENT_TYPES).length > 0)
  set.folders.push(...(await generateCivilSet({ ...gen, types: pick(CIVIL_DOCUMENT_TYPES) })).folders);
if (pick(BUSINESS_DOCUMENT_TYPES).length > 0)
  set.folders.push(...(await generateBusinessSet({ ...gen, types: pick(BUSINESS_DOCUMENT_TYPES) })).folders);
if (types.includes('land-use-certificate')) set.folders.push(...(await generateLandSet(gen)).folders);
process.stderr.write(`generated ${set.folders.length} documents in ${((Date.now() - t0) / 1000).toFixed(1)}s\n`);

const engine = createTesseractEngine();
const stats = new Map(); // `${type} ${key}` -> { truth, emitted, right, wrongConfident }
const perType = new Map(); // type -> { docs, classified, times: [] }
const filing = createFilingTally();
const bump = (id, f) => {
  const s = stats.get(id) ?? { truth: 0, emitted: 0, right: 0, wrongConfident: 0 };
  f(s);
  stats.set(id, s);
};
try {
  for (const [i, folder] of set.folders.entries()) {
    const truth = JSON.parse(readFileSync(join(out, folder, 'truth.json'), 'utf8'));
    const t = perType.get(truth.type) ?? { docs: 0, classified: 0, times: [] };
    perType.set(truth.type, t);
    const result = await digitizeFile(join(out, folder, truth.file), { engine });
    t.docs++;
    t.times.push(result.ms);
    const record = result.record;
    if (record?.type === truth.type) t.classified++;
    // Letters are filed under their issuing body by name; the truth names no ID for them.
    if (truth.type !== 'van-ban-hanh-chinh')
      filing.add(record, truth.fields['org.taxCode'] ?? truth.fields['person.idNumber']);
    const degraded = truth.degradations.length > 0 ? 'degraded' : 'clean';
    for (const { key, want: value, got: f, right, wrongConfident } of scoreDocument(truth, record)) {
      for (const id of [`${truth.type} ${key}`, `${truth.type}/${degraded} ${key}`]) {
        bump(id, (s) => {
          s.truth++;
          if (!f) {
            if (args.verbose && !id.includes('/')) process.stderr.write(`\n  ${folder} ${key}: missing`);
            return;
          }
          s.emitted++;
          if (right) s.right++;
          else {
            if (args.verbose && !id.includes('/'))
              process.stderr.write(
                `\n  ${folder} ${key}: got ${JSON.stringify(f.value)} (${f.confidence.toFixed(2)}) want ${JSON.stringify(value)}`,
              );
            if (wrongConfident) s.wrongConfident++;
          }
        });
      }
    }
    process.stderr.write(`\r${i + 1}/${set.folders.length} documents`);
  }
} finally {
  await engine.dispose();
  rmSync(out, { recursive: true, force: true });
}
process.stderr.write('\n');
console.log(
  `Document extraction, ${count} generated documents per type (seed ${args.seed}, ${args.degraded} degraded), real OCR, 2 workers`,
);
console.log(['type'.padEnd(26), 'docs', 'classified', 'median ms'].join('\t'));
for (const [type, t] of perType)
  console.log([type.padEnd(26), t.docs, pct(t.classified, t.docs), median(t.times)].join('\t'));
console.log();
console.log(['type/key'.padEnd(62), 'exact', 'emitted', 'wrong≥threshold'].join('\t'));
const rows = [...stats.entries()].sort(([a], [b]) => a.localeCompare(b));
for (const [id, s] of rows)
  console.log(
    [id.padEnd(62), pct(s.right, s.truth), pct(s.emitted, s.truth), `${s.wrongConfident}/${s.emitted}`].join('\t'),
  );
for (const type of perType.keys()) {
  const all = rows.filter(([id]) => id.startsWith(`${type} `)).map(([, s]) => s);
  const total = all.reduce(
    (a, s) => ({
      truth: a.truth + s.truth,
      right: a.right + s.right,
      emitted: a.emitted + s.emitted,
      wrong: a.wrong + s.wrongConfident,
    }),
    { truth: 0, right: 0, emitted: 0, wrong: 0 },
  );
  console.log(
    `${type}: exact ${pct(total.right, total.truth)}; wrong and confident ${total.wrong}/${total.emitted} (${pct(total.wrong, total.emitted)})`,
  );
}
for (const line of filing.lines()) console.log(line);
