// node test/eval/forms-formats.mjs — fill each of the 33 tagged forms of ../shared/data/forms (made into JSON
// Schema by forms/tagged-to-schema.mjs) in the four formats of lib/convert-form.mjs (2020-12, draft-07,
// Form.io, SurveyJS) for the synthetic subject, and compare the filled values by semantic key with the
// 2020-12 form's. Prints the forms whose values differ, and how many agree in every format.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fillForm, loadForm } from '../../packages/eform/dist/index.js';
import { taggedToSchema } from './forms/tagged-to-schema.mjs';
import { allFormats } from './lib/convert-form.mjs';
import { filledByKey, subjectProfile } from './lib/format-check.mjs';

const TAGGED = fileURLToPath(new URL('../../../shared/data/forms/tagged/', import.meta.url));
if (!existsSync(TAGGED)) {
  console.error('forms-formats: ../shared/data/forms/tagged not found; nothing to compare.');
  process.exit(0);
}
const NOW = new Date(2026, 2, 5, 9, 30);
const profile = subjectProfile();
const agree = { 'draft-07': 0, formio: 0, surveyjs: 0 };
let all = 0;
const files = readdirSync(TAGGED)
  .filter((f) => f.endsWith('.txt'))
  .sort();
for (const file of files) {
  const { schema } = taggedToSchema(readFileSync(TAGGED + file, 'utf8'), file.replace(/\.txt$/, ''));
  const values = Object.fromEntries(
    Object.entries(allFormats(schema)).map(([format, doc]) => [
      format,
      filledByKey(fillForm(loadForm(doc), profile, { now: NOW })),
    ]),
  );
  const base = values['draft-2020-12'];
  const differing = [];
  for (const format of Object.keys(agree)) {
    if (JSON.stringify(values[format]) === JSON.stringify(base)) agree[format]++;
    else {
      const missing = base.filter((v) => !values[format].includes(v));
      const extra = values[format].filter((v) => !base.includes(v));
      differing.push(
        `${format}: ${missing.length} missing [${missing.join('; ')}], ${extra.length} extra [${extra.join('; ')}]`,
      );
    }
  }
  if (differing.length === 0) all++;
  else console.log(`${file.slice(0, 3)} ${differing.join(' | ')}`);
}
console.log(
  `\n${files.length} forms: same values as 2020-12 in draft-07 ${agree['draft-07']}, Form.io ${agree.formio}, SurveyJS ${agree.surveyjs}; in all four formats ${all}`,
);
