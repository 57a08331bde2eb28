// pnpm eval:forms-wild — the real VA.gov form schemas of ../shared/data/forms-wild/va-gov/ (draft-04 and -07,
// written by another team): each is accepted, or refused with one typed line; each is timed (load + bind +
// fill + validate, goal < 500 ms); each is filled for the synthetic subject of eval:forms (a SQLite vault with
// her CCCD, birth and marriage certificates), and every value placed in a section about another person
// (spouse, dependent, secondary contact, caregiver, …) is counted: the goal is 0.
// (Which sections are another person's: test/eval/lib/sections.mjs.)
// Options: FORMS_WILD=<dir> to point at another folder of schemas (e.g. the held-out 55); --json.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindForm, fillForm, loadForm, validateForm } from '../../packages/eform/dist/index.js';
import { createVault } from '../../packages/vault/dist/index.js';
import { sqliteDriver } from '../../packages/vault/dist/drivers/sqlite.js';
import { documents, SUBJECT_ID } from './forms/subject.mjs';
import { wrongSectionValues } from './lib/sections.mjs';

const DIR =
  process.env.FORMS_WILD ?? fileURLToPath(new URL('../../../shared/data/forms-wild/va-gov/', import.meta.url));
if (!existsSync(DIR)) {
  console.error(`eval:forms-wild: ${DIR} not found; nothing to evaluate.`);
  process.exit(0);
}
const JSON_OUT = process.argv.includes('--json');
const NOW = new Date(2026, 2, 5, 9, 30);
const BUDGET_MS = 500;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const work = mkdtempSync(join(tmpdir(), 'sohoa-eval-wild-'));
const vault = createVault({
  driver: sqliteDriver({ path: join(work, 'vault.db') }),
  actor: 'eval',
  grants: [{ to: 'eval', subject: '*', purpose: '*', keys: ['*'] }],
  now: () => NOW,
});
for (const record of documents()) await vault.putDocument(record);
const profile = await vault.profile(SUBJECT_ID, { purpose: 'eval', form: 'forms-wild' });

// Warm the process once (module init, meta-schemas) on a trivial form so the first schema is not charged for it.
for (const $schema of ['http://json-schema.org/draft-04/schema#', 'http://json-schema.org/draft-07/schema#']) {
  const warm = loadForm({ $schema, type: 'object', properties: { a: { type: 'string' } } });
  validateForm(warm, fillForm(warm, profile, { now: NOW }).data);
}

// Each schema is timed REPEAT times from its text (a fresh parse, so nothing is cached between runs); the median is kept.
const REPEAT = Number(process.env.REPEAT ?? 3);
const rows = [];
for (const file of readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const text = readFileSync(join(DIR, file), 'utf8');
  const runs = [];
  for (let i = 0; i < REPEAT; i++) runs.push(once(file, text));
  const row = runs[0];
  row.ms = median(runs.map((r) => r.ms));
  if (row.split) for (const part of Object.keys(row.split)) row.split[part] = median(runs.map((r) => r.split[part]));
  rows.push(row);
}

function once(file, text) {
  const started = performance.now();
  let form;
  try {
    form = loadForm(JSON.parse(text));
  } catch (error) {
    return {
      file,
      status: 'refused',
      ms: performance.now() - started,
      code: error.code ?? 'INTERNAL',
      line: String(error.message).split('\n')[0],
    };
  }
  const loaded = performance.now();
  const binding = bindForm(form);
  const filled = fillForm(form, profile, { now: NOW, binding });
  const bound = performance.now();
  const validation = validateForm(form, filled.data);
  const ms = performance.now() - started;
  const split = { load: loaded - started, fill: bound - loaded, validate: performance.now() - bound };
  const wrong = wrongSectionValues(filled);
  return {
    file,
    status: 'accepted',
    ms,
    split,
    fields: filled.coverage.total,
    bound: binding.fields.filter((f) => f.key).length,
    filled: filled.coverage.filled,
    wrong,
    valid: validation.ok,
  };
}
await vault.close();
rmSync(work, { recursive: true, force: true });

const accepted = rows.filter((r) => r.status === 'accepted');
const refused = rows.filter((r) => r.status === 'refused');
const wrongCount = accepted.reduce((a, r) => a + r.wrong.length, 0);
const slow = rows.filter((r) => r.ms >= BUDGET_MS);
if (JSON_OUT) {
  console.log(
    JSON.stringify(
      {
        rows,
        accepted: accepted.length,
        refused: refused.length,
        wrongSection: wrongCount,
        medianMs: median(rows.map((r) => r.ms)),
        maxMs: Math.max(...rows.map((r) => r.ms)),
      },
      null,
      2,
    ),
  );
} else {
  for (const r of rows) {
    const ms = `${r.ms.toFixed(0).padStart(5)} ms`;
    if (r.status === 'refused') console.log(`refused  ${ms}  ${r.file}: ${r.code}: ${r.line}`);
    else
      console.log(
        `accepted ${ms}  ${r.file} (load ${r.split.load.toFixed(0)}, bind+fill ${r.split.fill.toFixed(0)}, validate ${r.split.validate.toFixed(0)}): ${r.fields} fields, ${r.bound} bound, ${r.filled} filled, ${r.wrong.length} in another person's section${r.wrong.length ? ` (${r.wrong.join(', ')})` : ''}`,
      );
  }
  console.log(
    `\n${rows.length} schemas: ${accepted.length} accepted, ${refused.length} refused; time per schema (load + bind + fill + validate, median of ${REPEAT} runs) median ${median(rows.map((r) => r.ms)).toFixed(0)} ms, max ${Math.max(...rows.map((r) => r.ms)).toFixed(0)} ms, ${slow.length} at or over ${BUDGET_MS} ms; values in another person's section: ${wrongCount}`,
  );
}
process.exitCode = wrongCount > 0 || slow.length > 0 ? 1 : 0;
