// pnpm eval:forms-general — does form binding generalise? Fills the 33 real forms of
// ../shared/data/forms/tagged/ written as unannotated portal schemas (sections from printed headings, never
// from the tags; see forms/portal-schema.mjs) two ways (neutral names f1…fn, Vietnamese camelCase names) and
// scores every blank as pnpm eval:forms does (forms/score.mjs).
//
// Generalisation, not memory:
// - Leave-one-form-out: the vocabulary labels (packages/eform/vocab/keys.json) were collected from these forms, so
//   each form is bound with a vocabulary from which every label and role word that occurs on that form and
//   on no other of the 33 is removed (a label only the scored form could have taught).
// - Hand-written rules (bind.ts, infer.ts) cannot be left out per form: the forms are split once, by a fixed
//   hash of the file name decided before any tuning (sha256(NFC name)[0] % 3 === 0 → held out: 13 forms,
//   00 02 10 12 14 22 26 38 40 52 54 60 64). Rules were tuned on the other 20 only; the details of held-out
//   misses and wrong fills are not printed unless --show-held-out is given.
// - A second subject's vault holds extraction outputs that must never fill (an issuer and a nationality
//   implied by the card model, EXTRACT_FIELD_IMPLIED, method `computed`, confidence 0.5; an ethnicity read
//   at 0.55; a permanent address, a home town and a birth place cut mid-word at high confidence). Every form,
//   both namings, is filled for her and any field filled from one of those values is counted and fails the run.
//
// Every form is scored in four formats (JSON Schema 2020-12, draft-07, Form.io, SurveyJS: lib/convert-form.mjs), and
// a third set, test/eval/forms/synthetic/ (forms written for this eval from the official labels; tuning material:
// their misses are printed), is scored the same way.
//
// Flags: --show-held-out (print held-out details), --form NN (one form only, for debugging).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindForm, fillForm, loadForm, parseFormSchema, vocabulary } from '../../packages/eform/dist/index.js';
import { foldDiacritics } from '../../packages/vn/dist/index.js';
import { createVault } from '../../packages/vault/dist/index.js';
import { sqliteDriver } from '../../packages/vault/dist/drivers/sqlite.js';
import { portalSchema } from './forms/portal-schema.mjs';
import { allFormats, pointerMaps } from './lib/convert-form.mjs';
import { applyCorrections, authorityDates, expected, followOldId, NOW, same, SUBJECT_USER } from './forms/score.mjs';
import { documents, SUBJECT_ID, TRUTH } from './forms/subject.mjs';

const TAGGED = fileURLToPath(new URL('../../../shared/data/forms/tagged/', import.meta.url));
if (!existsSync(TAGGED)) {
  console.error('eval:forms-general: ../shared/data/forms/tagged not found; nothing to evaluate.');
  process.exit(0);
}
const args = process.argv.slice(2);
const SHOW_HELD_OUT = args.includes('--show-held-out');
const ONLY = args.includes('--form') ? args[args.indexOf('--form') + 1] : undefined;

export const isHeldOut = (file) => createHash('sha256').update(file.normalize('NFC')).digest()[0] % 3 === 0;

// ---- leave-one-form-out vocabulary ---------------------------------------------------------------------
const fold = (s) =>
  foldDiacritics(s)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\b\d+\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const contains = (text, phrase) => ` ${text} `.includes(` ${phrase} `);
const files = readdirSync(TAGGED)
  .filter((f) => f.endsWith('.txt'))
  .sort();
/** Every printed text of a form (labels and headings, tags removed), folded. */
const printed = new Map(
  files.map((f) => [
    f,
    readFileSync(join(TAGGED, f), 'utf8')
      .split(/\r?\n/)
      .map((l) => fold(l.replace(/\[[^\]]*\]/g, ' | ')))
      .flatMap((l) => l.split(' | '))
      .map((s) => s.trim())
      .filter(Boolean),
  ]),
);
const onForm = (file, label) => printed.get(file).some((text) => contains(text, label));

function vocabularyWithout(file) {
  let removed = 0;
  const only = (label) => {
    const f = fold(label);
    if (f === '' || !onForm(file, f)) return false;
    return !files.some((other) => other !== file && onForm(other, f));
  };
  const keys = {};
  for (const [key, entry] of Object.entries(vocabulary.keys)) {
    const labels = entry.labels.filter((l) => !only(l));
    removed += entry.labels.length - labels.length;
    keys[key] = { ...entry, labels };
  }
  const roles = {};
  for (const [role, entry] of Object.entries(vocabulary.roles)) {
    const labels = entry.labels.filter((l) => !only(l));
    removed += entry.labels.length - labels.length;
    roles[role] = { ...entry, labels };
  }
  return { vocabulary: { ...vocabulary, keys, roles }, removed };
}

// ---- vaults ----------------------------------------------------------------------------------------------
const POISONED_ID = '001199054321';
const CUT = {
  permanentAddress: 'Số 12 Ngõ 34 Phố Mẫu, Phường Thử Nghiệm, Quận Cầu Giấy, Thành phố Hà N',
  hometown: 'Xã Đông Mẫu, Huyện Thử Nghiệm, Tỉnh Nam Đị',
  birthPlace: 'Bệnh viện Phụ sản Mẫu, Thành ph',
};
/** Keys whose only value for the poisoned subject is implied, low-confidence or cut. */
const POISONED_KEY =
  /^person\.(idDocument\.(issuer|summary)|nationality|ethnicity|permanentAddress|hometown|birthPlace|residence|currentAddress)(\.|$)|^document\.issuer$/;

function poisonedDocuments() {
  const [cccd, birth] = documents();
  const implied = (value) => ({ value, confidence: 0.5, evidence: [{ method: 'computed' }] });
  const ocr = (value, confidence) => ({
    value,
    confidence,
    evidence: [{ method: 'ocr', sha256: 'd'.repeat(64), page: 1, box: { x: 40, y: 60, width: 400, height: 24 } }],
  });
  const subject = { kind: 'person', id: POISONED_ID };
  const f = { ...cccd.fields };
  f['person.idNumber'] = { ...f['person.idNumber'], value: POISONED_ID };
  f['document.number'] = { ...f['document.number'], value: POISONED_ID };
  delete f['person.oldIdNumber'];
  f['document.issuer'] = implied(TRUTH.idIssuer);
  f['person.nationality'] = implied('Việt Nam');
  f['person.ethnicity'] = ocr('Kinh', 0.55);
  f['person.permanentAddress'] = ocr(CUT.permanentAddress, 0.93);
  f['person.hometown'] = ocr(CUT.hometown, 0.92);
  const card = {
    ...cccd,
    subject,
    number: POISONED_ID,
    issuer: TRUTH.idIssuer,
    fields: f,
    sources: [{ file: 'cccd-b.jpg', sha256: 'd'.repeat(64), page: 1, pageCount: 1 }],
    diagnostics: [
      {
        code: 'EXTRACT_FIELD_IMPLIED',
        severity: 'warning',
        origin: 'extract',
        key: 'document.issuer',
        message: 'The issuing authority was not read from the card back.',
      },
    ],
  };
  const b = { ...birth.fields };
  for (const k of ['person.ethnicity', 'person.nationality', 'person.hometown']) delete b[k];
  b['person.birthPlace'] = ocr(CUT.birthPlace, 0.91);
  const certificate = {
    ...birth,
    subject,
    number: '124',
    fields: b,
    relations: [],
    sources: [{ file: 'ks-b.jpg', sha256: 'e'.repeat(64), page: 1, pageCount: 1 }],
  };
  return [card, certificate];
}

const dir = mkdtempSync(join(tmpdir(), 'sohoa-eval-forms-general-'));
const vault = createVault({
  driver: sqliteDriver({ path: join(dir, 'vault.db') }),
  actor: 'eval',
  grants: [{ to: 'eval', subject: '*', purpose: '*', keys: ['*'] }],
  now: () => NOW,
});
for (const record of [...documents(), ...poisonedDocuments()]) await vault.putDocument(record);

// ---- run -------------------------------------------------------------------------------------------------
// Every form in four formats (test/eval/lib/convert-form.mjs): the JSON Schema 2020-12 a portal team writes,
// the same as draft-07, Form.io and SurveyJS. Each is loaded with loadForm (format detected from the content),
// bound with the same leave-one-form-out vocabulary and scored against the same blanks, found in the converted
// form's data through the converter's pointer map.
const NAMINGS = ['neutral', 'camel'];
const FORMATS = ['draft-2020-12', 'draft-07', 'formio', 'surveyjs'];
const rows = [];
const details = [];
/** Wrong fills by kind (the key filled, how it was bound, what the blank asked), counted without any form's wording. */
const wrongKinds = [];
const violations = [];
let removedLabels = 0;

/** The forms to score: the 33 tagged forms (leave-one-form-out), then the synthetic forms. */
const SYNTHETIC = fileURLToPath(new URL('./forms/synthetic/', import.meta.url));
const sources = [
  ...files.map((file) => ({ file, dir: TAGGED, set: isHeldOut(file) ? 'held-out' : 'tuning' })),
  ...(existsSync(SYNTHETIC)
    ? readdirSync(SYNTHETIC)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((file) => ({ file, dir: SYNTHETIC, set: 'synthetic' }))
    : []),
];

for (const { file, dir: from, set } of sources) {
  if (ONLY && !file.startsWith(ONLY)) continue;
  // Synthetic forms taught the vocabulary nothing: the whole vocabulary is fair.
  const { vocabulary: lofo, removed } = set === 'synthetic' ? { vocabulary, removed: 0 } : vocabularyWithout(file);
  removedLabels += removed;
  const subjectUser = set === 'synthetic' ? 1 : (SUBJECT_USER[file.slice(0, 3)] ?? 1);
  const profile = await vault.profile(SUBJECT_ID, { purpose: 'eval', form: file });
  const poisonedProfile = await vault.profile(POISONED_ID, { purpose: 'eval', form: file });
  for (const naming of NAMINGS) {
    const { schema: raw, blanks: tagged } = portalSchema(
      readFileSync(join(from, file), 'utf8'),
      file.replace(/\.txt$/, ''),
      naming,
    );
    const blanks = authorityDates(followOldId(tagged.map((b) => applyCorrections(file, b))));
    const formats = allFormats(raw);
    const pointers = pointerMaps(raw);
    for (const format of FORMATS) {
      const schema = loadForm(formats[format]);
      const binding = bindForm(schema, lofo);
      const filled = fillForm(schema, profile, { now: NOW, binding });
      const byPointer = new Map(filled.fields.map((f) => [f.pointer, f]));
      const at = (pointer) => pointers[format]?.get(pointer) ?? pointer;
      let answerable = 0,
        right = 0,
        wrong = 0;
      for (const b of blanks) {
        const want = expected(b.meaning, b.label, b.person === subjectUser, b.person === 0);
        const got = byPointer.get(at(b.pointer));
        if (want && want.length > 0) answerable++;
        const where = `${set} ${format} ${naming} ${file.slice(0, 3)} ${b.pointer} tag=${b.tag}`;
        if (got?.status === 'filled') {
          if (want?.some((w) => same(w, got.value))) right++;
          else {
            wrong++;
            details.push({ set, text: `WRONG ${where} key=${got.key} «${b.label}»` });
            wrongKinds.push({
              set,
              format,
              kind: `${got.key?.replace(/\.(day|month|year)$/, '.*') ?? '-'} via ${binding.fields.find((f) => f.pointer === got.pointer)?.via ?? '-'} for ${b.person === 0 ? 'the form' : b.person === subjectUser ? 'the subject' : 'another person'}: ${b.meaning.replace(/_(day|month|year)$/, '_*')}`,
            });
          }
        } else if (want && want.length > 0) {
          details.push({
            set,
            text: `miss  ${where} ${got?.status}/${got?.reason ?? ''} key=${got?.key ?? '-'} «${b.label}»`,
          });
        }
      }
      rows.push({
        file,
        set,
        naming,
        format,
        fields: blanks.length,
        answerable,
        filled: filled.coverage.filled,
        right,
        wrong,
      });

      // The poisoned subject: nothing implied, unsure or cut may fill.
      const poisoned = fillForm(schema, poisonedProfile, { now: NOW, binding });
      for (const f of poisoned.fields) {
        if (f.status !== 'filled') continue;
        const cut = Object.values(CUT).some(
          (c) => typeof f.value === 'string' && (f.value === c || c.endsWith(f.value) || f.value.includes(c)),
        );
        if (cut || (f.key && POISONED_KEY.test(f.key.replace(/^person\.(self)\./, 'person.')) && f.source?.documentId))
          violations.push(
            `${file.slice(0, 3)} ${format} ${naming} ${f.pointer} key=${f.key} method=${f.source?.method} confidence=${f.source?.confidence}`,
          );
      }
    }
  }
}
await vault.close();
rmSync(dir, { recursive: true, force: true });

// ---- the 12 annotated library forms, annotations stripped ---------------------------------------------------
// The eform team annotated schemas/forms/*.json by hand; bound without their annotations, does inference agree?
// (x-sohoa-key: false counts as "must not bind"; a key bound where the team wrote false or another key is a
// disagreement, which is not always a wrong value: `idNumber` for `idDocument.number` gives the same number.)
// These forms were looked at while writing the last rules of this round: they are tuning material, not held out.
const LIBRARY = fileURLToPath(new URL('../../schemas/forms/', import.meta.url));
const strip = (n) =>
  Array.isArray(n)
    ? n.map(strip)
    : n && typeof n === 'object'
      ? Object.fromEntries(
          Object.entries(n)
            .filter(([k]) => k !== 'x-sohoa-key')
            .map(([k, v]) => [k, strip(v)]),
        )
      : n;
const library = { annotated: 0, agree: 0, disagree: 0, unbound: 0 };
for (const f of readdirSync(LIBRARY).filter((f) => f.endsWith('.schema.json'))) {
  const raw = JSON.parse(readFileSync(join(LIBRARY, f), 'utf8'));
  const truth = new Map(
    bindForm(parseFormSchema(raw)).fields.map((x) => [
      x.pointer,
      x.via === 'annotation' ? x.key : x.via === 'none' && x.confidence === 1 ? null : undefined,
    ]),
  );
  for (const b of bindForm(parseFormSchema(strip(raw))).fields) {
    const want = truth.get(b.pointer);
    if (want) library.annotated++;
    if (!b.key) {
      if (want) library.unbound++;
      continue;
    }
    if (want === b.key) library.agree++;
    else if (want !== undefined) library.disagree++;
  }
}

const pct = (n, d) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);
const total = (rs) =>
  Object.fromEntries(
    ['fields', 'answerable', 'filled', 'right', 'wrong'].map((k) => [k, rs.reduce((s, r) => s + r[k], 0)]),
  );
const line = (cells) =>
  console.log(cells.map((c, i) => (i < 3 ? String(c).padEnd(i === 1 ? 14 : 10) : String(c).padStart(9))).join(' '));
const row = (label, rs, forms) => {
  const t = total(rs);
  line([
    ...label,
    forms,
    t.fields,
    t.answerable,
    t.filled,
    t.right,
    t.wrong,
    pct(t.right, t.filled),
    pct(t.right, t.answerable),
    pct(t.filled, t.fields),
  ]);
};
const SETS = ['tuning', 'held-out', 'synthetic'];
line([
  'set',
  'format',
  'naming',
  'forms',
  'fields',
  'answ',
  'filled',
  'right',
  'wrong',
  'precision',
  'recall',
  'coverage',
]);
for (const set of SETS) {
  for (const format of FORMATS) {
    const rs = rows.filter((r) => r.set === set && r.format === format);
    if (rs.length === 0) continue;
    row([set, format, 'both'], rs, rs.length / NAMINGS.length);
  }
}
console.log('\nby naming (JSON Schema 2020-12):');
for (const set of [...SETS, 'all']) {
  for (const naming of NAMINGS) {
    const rs = rows.filter(
      (r) => (set === 'all' || r.set === set) && r.naming === naming && r.format === 'draft-2020-12',
    );
    if (rs.length > 0) row([set, 'draft-2020-12', naming], rs, rs.length);
  }
}
console.log(
  `\nleave-one-form-out: ${removedLabels} vocabulary labels removed in all (labels printed only on the form being scored)`,
);
console.log(
  `held-out forms (sha256(name)[0] % 3 === 0): ${files
    .filter(isHeldOut)
    .map((f) => f.slice(0, 2))
    .join(' ')}`,
);
const kinds = new Map();
for (const w of wrongKinds) {
  const k = `${w.set.padEnd(9)} ${w.kind}`;
  kinds.set(k, (kinds.get(k) ?? 0) + 1);
}
console.log(
  `\nwrong fills by kind (all formats and namings; held-out and synthetic counted, their forms not named): ${kinds.size === 0 ? 'none' : ''}${[
    ...kinds,
  ]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `\n  ${String(n).padStart(4)}  ${k}`)
    .join('')}`,
);
const shown = details.filter((d) => d.set !== 'held-out' || SHOW_HELD_OUT);
const hidden = details.length - shown.length;
console.log(
  `\nmisses and wrong fills (${shown.length} shown${hidden ? `, ${hidden} of held-out forms not shown: --show-held-out` : ''}):\n  ${shown.map((d) => d.text).join('\n  ')}`,
);
console.log(
  `\npoisoned vault (implied issuer and nationality, ethnicity at 0.55, three values cut mid-word): ${violations.length} fields filled from them${violations.length ? `\n  ${violations.join('\n  ')}` : ''}`,
);
console.log(
  `\nlibrary forms without annotations (12): ${library.annotated} annotated fields; inference agrees on ${library.agree}, binds another key or one the team marked never-fill on ${library.disagree}, leaves ${library.unbound} unbound`,
);
// ---- VA.gov's public draft-04 schemas (../shared/data/forms-wild/va-gov) ----------------------------------------
// Bound as they are (bindForm walks local $refs; the draft adapters are another change): a person's key without a
// role on a path that names someone else (spouse…, dependent…, veteran…, school official, point of contact …) is
// a value that would go into another person's section.
const WILD = fileURLToPath(new URL('../../../shared/data/forms-wild/va-gov/', import.meta.url));
const OTHER_PATH =
  /spouse|dependent|child|veteran|sponsor|relative|previous|former|guardian|parent|mother|father|witness|employer|school|physician|doctor|deceased|beneficiar|pointofcontact|emergency|nextofkin/i;
const ROLE_KEY =
  /^person\.(mother|father|spouse|child|other|guardian|householdHead|grantor|attorney|ward|deceased|agent|representative|parent)\./;
const wild = { forms: 0, refused: 0, bound: 0, intoOther: [] };
if (existsSync(WILD)) {
  for (const f of readdirSync(WILD)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    let binding;
    try {
      binding = bindForm(JSON.parse(readFileSync(join(WILD, f), 'utf8')));
    } catch {
      wild.refused++;
      continue;
    }
    wild.forms++;
    for (const b of binding.fields) {
      if (!b.key) continue;
      wild.bound++;
      if (
        b.key.startsWith('person.') &&
        !ROLE_KEY.test(b.key) &&
        OTHER_PATH.test(b.pointer.replace(/\/(contactInformation|contactInfo)\//i, '/'))
      )
        wild.intoOther.push(`${f} ${b.pointer} ${b.key}`);
    }
  }
  console.log(
    `\nVA.gov schemas (${wild.forms} bound, ${wild.refused} refused): ${wild.bound} fields bound; ${wild.intoOther.length} a person's key without a role on a path about someone else${wild.intoOther.length ? `\n  ${wild.intoOther.join('\n  ')}` : ''}`,
  );
}
const goalLines = [];
let ok = violations.length === 0;
for (const set of SETS) {
  for (const format of FORMATS) {
    const rs = rows.filter((r) => r.set === set && r.format === format);
    if (rs.length === 0) continue;
    const t = total(rs);
    if (t.wrong > 0 || t.right < 0.95 * t.answerable) ok = false;
    goalLines.push(`${set} ${format}: precision ${pct(t.right, t.filled)}, recall ${pct(t.right, t.answerable)}`);
  }
}
console.log(
  `\ngoals (precision 100%, recall ≥ 95% in every set and format; poisoned fills 0 → ${violations.length}):\n  ${goalLines.join('\n  ')}`,
);
if (!ok) process.exitCode = 1;
