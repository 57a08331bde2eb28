// Extraction accuracy on freshly generated CCCD scans (not the committed sample).
// Usage: pnpm eval:cccd [--count 30] [--seed 2026] [--degraded 0.5] [--preprocess default|off] [--verbose: print each miss (synthetic data)]
// Prints per side and field: exact-match rate, values emitted, and wrong values emitted with a
// confidence at or above the fill threshold (the ones that would be auto-filled wrongly).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { digitizeFile } from '../../packages/batch/dist/index.js';
import { createTesseractEngine } from '../../packages/ocr/dist/index.js';
import { normalizeText } from '../../packages/vn/dist/index.js';
import { generateSeedSet } from '../../seeds/dist/index.js';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '30' },
    seed: { type: 'string', default: '2026' },
    degraded: { type: 'string', default: '0.5' },
    verbose: { type: 'boolean', default: false },
    preprocess: { type: 'string', default: 'default' },
  },
});
const count = Number(args.count);
const HIGH = 0.9; // eform's fill threshold for high-criticality keys (names, IDs, dates)
const NORMAL = 0.7;
const highKeys = new Set([
  'person.idNumber',
  'person.fullName',
  'person.birthDate',
  'document.issueDate',
  'document.expiryDate',
]);

const out = mkdtempSync(join(tmpdir(), 'sohoa-eval-'));
const t0 = Date.now();
const set = await generateSeedSet({
  seed: Number(args.seed),
  count,
  outDir: out,
  degradedShare: Number(args.degraded),
});
process.stderr.write(
  `generated ${count} people (${set.folders.length} cards) in ${((Date.now() - t0) / 1000).toFixed(1)}s\n`,
);

const engine = createTesseractEngine();
const stats = new Map(); // `${side} ${key}` -> { truth, emitted, right, wrongConfident }
const times = { front: [], back: [] };
let failed = 0;
const bump = (id, f) => {
  const s = stats.get(id) ?? { truth: 0, emitted: 0, right: 0, wrongConfident: 0 };
  f(s);
  stats.set(id, s);
};
try {
  for (const [i, folder] of set.folders.entries()) {
    const dir = join(out, folder);
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
    const expected = {
      'person.idNumber': truth.person.idNumber,
      'person.fullName': normalizeText(truth.person.fullName),
      'person.birthDate': truth.person.birthDate,
      'person.sex': truth.person.sex,
      'person.permanentAddress': normalizeText(truth.person.permanentAddress),
    };
    for (const side of ['front', 'back']) {
      const want = {
        ...expected,
        ...(side === 'front'
          ? {
              'person.hometown': normalizeText(truth.person.hometown),
              'document.expiryDate': truth.card.expiryDate ?? undefined,
            }
          : { 'document.issueDate': truth.card.issueDate, 'document.expiryDate': truth.card.expiryDate ?? undefined }),
      };
      const degraded = truth.degradations?.[side]?.length > 0 ? 'degraded' : 'clean';
      // `--preprocess off` measures extraction on the upright scans as generated, without ingest's orientation/deskew step.
      const result = await digitizeFile(join(dir, truth.files[side]), {
        engine,
        ...(args.preprocess === 'off' ? { ingest: { preprocess: false } } : {}),
      });
      times[side].push(result.ms);
      if (!result.record) failed++;
      const fields = result.record?.fields ?? {};
      for (const [key, value] of Object.entries(want)) {
        if (value === undefined) continue;
        for (const id of [`${side} ${key}`, `${side}/${degraded} ${key}`]) {
          bump(id, (s) => {
            s.truth++;
            const f = fields[key];
            if (!f) {
              if (args.verbose && !id.includes('/')) process.stderr.write(`\n  ${folder} ${side} ${key}: missing`);
              return;
            }
            s.emitted++;
            if (f.value === value) s.right++;
            else if (args.verbose && !id.includes('/'))
              process.stderr.write(
                `\n  ${folder} ${side} ${key}: got ${JSON.stringify(f.value)} (${f.confidence.toFixed(2)}) want ${JSON.stringify(value)}`,
              );
            if (f.value === value) return;
            else if (f.confidence >= (highKeys.has(key) ? HIGH : NORMAL)) s.wrongConfident++;
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
const rows = [...stats.entries()].sort(([a], [b]) => a.localeCompare(b));
console.log(
  `CCCD extraction, ${count} generated people (seed ${args.seed}, ${args.degraded} degraded, preprocess ${args.preprocess}), real OCR`,
);
console.log(['side/key'.padEnd(44), 'exact', 'emitted', 'wrong≥threshold'].join('\t'));
for (const [id, s] of rows)
  console.log(
    [id.padEnd(44), pct(s.right, s.truth), pct(s.emitted, s.truth), `${s.wrongConfident}/${s.emitted}`].join('\t'),
  );
const all = rows.filter(([id]) => !id.includes('/')).map(([, s]) => s);
const total = all.reduce(
  (a, s) => ({
    truth: a.truth + s.truth,
    right: a.right + s.right,
    emitted: a.emitted + s.emitted,
    wrong: a.wrong + s.wrongConfident,
  }),
  { truth: 0, right: 0, emitted: 0, wrong: 0 },
);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
console.log(
  `overall exact ${pct(total.right, total.truth)}; wrong and confident ${total.wrong}/${total.emitted} (${pct(total.wrong, total.emitted)}); files without a record: ${failed}`,
);
console.log(`median time per file: front ${median(times.front)} ms, back ${median(times.back)} ms (2 OCR workers)`);
