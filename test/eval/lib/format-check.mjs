// Shared by eval forms-formats and test/forms-formats.test.ts: the synthetic subject of eval:forms as a fill
// profile (no vault needed), and a filled form's values by semantic key (format-independent).
import { SUBJECT_ID, TRUTH } from '../forms/subject.mjs';

const value = (v) => ({
  value: v,
  confidence: 0.99,
  method: 'qr',
  documentId: 'doc',
  documentType: 'cccd-2021',
  expired: false,
});

export function subjectProfile() {
  const t = TRUTH;
  const values = {
    'person.fullName': t.fullName,
    'person.birthDate': t.birthDate,
    'person.idNumber': SUBJECT_ID,
    'person.sex': t.sex,
    'person.ethnicity': t.ethnicity,
    'person.nationality': t.nationality,
    'person.permanentAddress': t.permanentAddress,
    'person.hometown': t.hometown,
    'person.idDocument.type': 'cccd-2021',
    'person.idDocument.number': SUBJECT_ID,
    'person.idDocument.issueDate': t.idIssueDate,
    'person.idDocument.issuer': t.idIssuer,
    'person.mother.fullName': t.mother.fullName,
    'person.father.fullName': t.father.fullName,
    'person.spouse.fullName': t.spouse.fullName,
    'person.spouse.birthDate': t.spouse.birthDate,
  };
  return { values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, value(v)])) };
}

/** `key=value` of every filled field, sorted: the same form filled in two formats must give the same list. */
export function filledByKey(filled) {
  return filled.fields
    .filter((f) => f.status === 'filled')
    .map((f) => `${f.key}=${f.value}`)
    .sort();
}
