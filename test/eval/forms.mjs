// pnpm eval:forms — fill the 33 real tagged forms of ../shared/data/forms/tagged/ (turned into unannotated
// schemas at run time) for a synthetic subject whose SQLite vault holds a CCCD, a birth certificate and a
// marriage certificate, and score every blank against what its tag means. Prints per form and overall
// coverage, precision (right / filled), recall (filled right / answerable) and fill latency p50.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindForm, fillForm, parseFormSchema } from '../../packages/eform/dist/index.js';
import { createVault } from '../../packages/vault/dist/index.js';
import { sqliteDriver } from '../../packages/vault/dist/drivers/sqlite.js';
import { taggedToSchema } from './forms/tagged-to-schema.mjs';
import { documents, SUBJECT_ID } from './forms/subject.mjs';
import { applyCorrections, authorityDates, expected, followOldId, NOW, same, SUBJECT_USER } from './forms/score.mjs';

const TAGGED = fileURLToPath(new URL('../../../shared/data/forms/tagged/', import.meta.url));
if (!existsSync(TAGGED)) {
  console.error('eval:forms: ../shared/data/forms/tagged not found; nothing to evaluate.');
  process.exit(0);
}
const RUNS = Number(process.env.RUNS ?? 40);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (n, d) => (d === 0 ? '   –  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

const dir = mkdtempSync(join(tmpdir(), 'sohoa-eval-forms-'));
const vault = createVault({
  driver: sqliteDriver({ path: join(dir, 'vault.db') }),
  actor: 'eval',
  grants: [{ to: 'eval', subject: '*', purpose: '*', keys: ['*'] }],
  now: () => NOW,
});
for (const record of documents()) await vault.putDocument(record);

const rows = [];
const wrongs = [];
const misses = [];
const corrections = [];
for (const file of readdirSync(TAGGED)
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  const { schema: raw, blanks: tagged } = taggedToSchema(
    readFileSync(join(TAGGED, file), 'utf8'),
    file.replace(/\.txt$/, ''),
  );
  const schema = parseFormSchema(raw);
  const subjectUser = SUBJECT_USER[file.slice(0, 3)] ?? 1;
  const blanks = authorityDates(followOldId(tagged.map((b) => applyCorrections(file, b))));
  for (const b of blanks)
    if (b.corrected) corrections.push(`${file.slice(0, 2)} ${b.pointer}: ${b.corrected} → ${b.tag} «${b.label}»`);
  const profile = await vault.profile(SUBJECT_ID, { purpose: 'eval', form: file });
  const filled = fillForm(schema, profile, { now: NOW });
  const byPointer = new Map(filled.fields.map((f) => [f.pointer, f]));
  let answerable = 0,
    right = 0,
    wrong = 0,
    personal = 0;
  for (const b of blanks) {
    const want = expected(b.meaning, b.label, b.person === subjectUser, b.person === 0);
    if (b.person !== 0) personal++;
    const got = byPointer.get(b.pointer);
    if (want && want.length > 0) answerable++;
    if (got?.status === 'filled') {
      if (want?.some((w) => same(w, got.value))) right++;
      else {
        wrong++;
        wrongs.push(`${file.slice(0, 2)} ${b.pointer} tag=${b.tag} key=${got.key} «${b.label}»`);
      }
    } else if (want && want.length > 0) {
      misses.push(
        `${file.slice(0, 2)} ${b.pointer} tag=${b.tag} ${got?.status}/${got?.reason ?? ''} key=${got?.key ?? '-'} «${b.label}»`,
      );
    }
  }
  // Latency: a portal request = read the profile from the warm SQLite vault + bind + fill.
  const binding = bindForm(schema);
  const total = [],
    fillOnly = [],
    readOnly = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const t0 = performance.now();
    const p = await vault.profile(SUBJECT_ID, { purpose: 'eval', form: file });
    const t1 = performance.now();
    fillForm(schema, p, { now: NOW });
    const t2 = performance.now();
    fillForm(schema, p, { now: NOW, binding });
    const t3 = performance.now();
    if (i >= 3) {
      total.push(t2 - t0);
      fillOnly.push(t3 - t2);
      readOnly.push(t1 - t0);
    }
  }
  rows.push({
    form: file.replace(/\.txt$/, ''),
    fields: blanks.length,
    personal,
    answerable,
    filled: filled.coverage.filled,
    review: filled.coverage.needsReview,
    right,
    wrong,
    coverage: filled.coverage.ratio,
    p50: median(total),
    p50fill: median(fillOnly),
    p50read: median(readOnly),
  });
}
await vault.close();
rmSync(dir, { recursive: true, force: true });

const head = [
  'form',
  'fields',
  'answ',
  'filled',
  'right',
  'wrong',
  'review',
  'coverage',
  'precision',
  'recall',
  'p50 ms',
  'read ms',
  'fill ms',
];
const line = (cells) =>
  console.log(cells.map((c, i) => (i === 0 ? String(c).slice(0, 44).padEnd(44) : String(c).padStart(9))).join(' '));
line(head);
for (const r of rows)
  line([
    r.form,
    r.fields,
    r.answerable,
    r.filled,
    r.right,
    r.wrong,
    r.review,
    pct(r.filled, r.fields),
    pct(r.right, r.filled),
    pct(r.right, r.answerable),
    r.p50.toFixed(2),
    r.p50read.toFixed(2),
    r.p50fill.toFixed(2),
  ]);
const sum = (k) => rows.reduce((a, r) => a + r[k], 0);
line([
  'OVERALL (33 forms)',
  sum('fields'),
  sum('answerable'),
  sum('filled'),
  sum('right'),
  sum('wrong'),
  sum('review'),
  pct(sum('filled'), sum('fields')),
  pct(sum('right'), sum('filled')),
  pct(sum('right'), sum('answerable')),
  median(rows.map((r) => r.p50)).toFixed(2),
  median(rows.map((r) => r.p50read)).toFixed(2),
  median(rows.map((r) => r.p50fill)).toFixed(2),
]);
const underFloor = rows.filter((r) => r.answerable > 0 && r.coverage < 0.2);
console.log(
  `\nmacro mean coverage ${pct(
    rows.reduce((a, r) => a + r.coverage, 0),
    rows.length,
  )}; forms with a personal field the vault can answer: ${rows.filter((r) => r.answerable > 0).length}, of which under 20% coverage: ${underFloor.length}${underFloor.length ? ` (${underFloor.map((r) => `${r.form.slice(0, 2)}: ${pct(r.filled, r.fields).trim()} of a ${pct(r.answerable, r.fields).trim()} ceiling`).join(', ')})` : ''}`,
);
console.log(
  '(ceiling = fields the vault can answer / all fields: a form whose blanks are mostly about other people or facts no document holds cannot reach 20% from this vault)',
);
console.log(
  `goals: precision 100% → ${pct(sum('right'), sum('filled')).trim()}; recall ≥ 95% → ${pct(sum('right'), sum('answerable')).trim()}; p50 < 5 ms → ${median(rows.map((r) => r.p50)).toFixed(2)} ms end to end (audited profile read ${median(rows.map((r) => r.p50read)).toFixed(2)} ms + bind and fill; fill with a cached binding ${median(rows.map((r) => r.p50fill)).toFixed(3)} ms); ${RUNS} runs per form after 3 warm-ups`,
);
console.log(`\ntag corrections (${corrections.length}):\n  ${corrections.join('\n  ')}`);
console.log(`\nwrong fills (${wrongs.length}):${wrongs.length ? `\n  ${wrongs.join('\n  ')}` : ' none'}`);
console.log(`\nanswerable but not filled (${misses.length}):${misses.length ? `\n  ${misses.join('\n  ')}` : ' none'}`);
