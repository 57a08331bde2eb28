import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bindForm } from './bind';

// Real public forms with blanks tagged by another team (read in place, never copied: see data/README.md).
const TAGGED = fileURLToPath(new URL('../../../../shared/data/forms/tagged/', import.meta.url));
const available = existsSync(TAGGED);

// Their tag → our key (without role); tags not listed have no key in the vocabulary yet.
const EXPECTED: Record<string, string> = {
  full_name: 'person.fullName',
  dob_day: 'person.birthDate',
  dob: 'person.birthDate',
  gender: 'person.sex',
  id: 'person.idNumber',
  id_number: 'person.idNumber',
  ethnicity: 'person.ethnicity',
  religion: 'person.religion',
  nationality: 'person.nationality',
  hometown: 'person.hometown',
  permanent_address: 'person.permanentAddress',
  current_address: 'person.currentAddress',
  phone: 'person.phone',
  email: 'person.email',
  occupation: 'person.occupation',
  marital_status: 'person.maritalStatus',
  education_level: 'person.educationLevel',
  blood_type: 'person.bloodType',
  birth_registration_place: 'person.birthRegistrationPlace',
  alias_name: 'person.otherName',
  id_issue_place: 'person.idDocument.issuer',
  id_issue_day: 'person.idDocument.issueDate',
  id_issue_date: 'person.idDocument.issueDate',
};
// Keys that are right for a blank whose tag is broader or narrower than ours: their `id` also tags
// the one-line "Giấy tờ tùy thân" blank; their `full_name`/`current_address` also tag an
// organisation's representative and head office.
const ALSO_RIGHT: Record<string, string[]> = {
  'person.fullName': ['org.representative'],
  'person.currentAddress': ['person.residence', 'person.permanentAddress', 'person.temporaryAddress', 'org.address'],
  'person.permanentAddress': ['person.residence'],
  'person.birthDate': ['person.birthDate.day'],
  'person.idNumber': ['person.oldIdNumber', 'person.idDocument.number', 'person.idDocument.summary'],
};
// Blanks their tags name loosely: `id` also tags "Mã số BHXH", "Mã số học sinh"; `dob_*` a death date;
// `occupation` a "Chức vụ"; `full_name` the split "Họ" | "Chữ đệm và tên" boxes and names asked in capitals. Our keys are the narrower truth.
const NARROWER: Record<string, string[]> = {
  'person.idNumber': ['person.socialInsuranceNumber', 'person.studentId'],
  'person.birthDate': ['person.deathDate'],
  'person.occupation': ['person.position'],
  'person.fullName': ['person.familyName', 'person.middleAndGivenName', 'person.fullNameUpper'],
  // After "Giấy CMND số", "Ngày cấp"/"Nơi cấp" are the old ID card's, not the CCCD's.
  'person.idDocument.issueDate': ['person.oldIdDocument.issueDate'],
  'person.idDocument.issuer': ['person.oldIdDocument.issuer'],
};

/** Each tagged blank's label; `context` is the line's first label when the blank is not first (like a group title). */
function labelledBlanks(text: string): Array<{ label: string; tag: string; context?: string }> {
  const out: Array<{ label: string; tag: string; context?: string }> = [];
  for (const line of text.split('\n')) {
    let from = 0;
    let first: string | undefined;
    for (const match of line.matchAll(/\[user\d_([a-z_]+)\]/g)) {
      const label = line
        .slice(from, match.index)
        .replace(/^.*\]/, '')
        .replace(/^[\s\d.,;)a-z]*\s(?=\p{Lu})/u, '')
        .replace(/[\s:]+$/, '')
        .trim();
      from = (match.index ?? 0) + match[0].length;
      if (label.length < 3) continue;
      out.push({ label, tag: match[1]!, ...(first !== undefined && { context: first }) });
      first ??= label;
    }
  }
  return out;
}

const baseKey = (key: string) =>
  key.replace(
    /^person\.(mother|father|spouse|child|householdHead|guardian|grantor|attorney|ward|deceased|agent|representative|other)\./,
    'person.',
  );

describe.skipIf(!available)('label inference on real tagged forms', () => {
  it('never binds a blank to a wrong key, and binds most known ones', () => {
    let known = 0;
    let right = 0;
    const wrong: string[] = [];
    for (const file of readdirSync(TAGGED)) {
      for (const { label, tag, context } of labelledBlanks(readFileSync(join(TAGGED, file), 'utf8'))) {
        const leaf = { type: 'string', title: label };
        const schema =
          context === undefined
            ? { type: 'object', properties: { field: leaf } }
            : { type: 'object', properties: { line: { type: 'object', title: context, properties: { field: leaf } } } };
        const { fields } = bindForm(schema);
        const key = fields[0]?.key && baseKey(fields[0].key);
        const expected = EXPECTED[tag];
        if (expected) known++;
        if (!key) continue;
        if (
          key === expected ||
          (expected && (ALSO_RIGHT[expected]?.includes(key) || NARROWER[expected]?.includes(key)))
        )
          right++;
        else if (expected) wrong.push(`${tag} ← ${key} «${label}»`); // labels only: forms hold no personal data
      }
    }
    console.info(`tagged forms: ${right}/${known} known blanks bound right; wrong: ${wrong.length}`);
    expect(wrong).toEqual([]);
    expect(right / known).toBeGreaterThan(0.8);
  });
});
if (!available) console.info('../shared/data/forms/tagged not found: skipping label inference on real forms.');
