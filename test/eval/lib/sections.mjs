// Which filled values of a form sit in a section about another person than the subject (used by
// eval:forms-wild and test/forms-wild.test.ts). A section is another person's when a segment of the field's
// data path names a relation (camelCase words: `spouseInformation`, `secondaryCaregiverOne`, `dependents`);
// a value there is right only when its key reads that relation (`person.spouse.fullName` in a spouse section).

// Relation words → the vocabulary roles whose keys may fill such a section.
export const OTHER = new Map(
  Object.entries({
    spouse: ['spouse'],
    spouses: ['spouse'],
    marriage: ['spouse'],
    marriages: ['spouse'],
    husband: ['spouse'],
    wife: ['spouse'],
    dependent: ['child'],
    dependents: ['child'],
    child: ['child'],
    children: ['child'],
    son: ['child'],
    daughter: ['child'],
    mother: ['mother'],
    father: ['father'],
    parent: ['mother', 'father', 'parent'],
    parents: ['mother', 'father', 'parent'],
    guardian: ['guardian'],
    representative: ['representative', 'agent', 'attorney'],
    agent: ['agent', 'representative'],
    attorney: ['attorney', 'agent'],
    secondary: [],
    caregiver: [],
    caregivers: [],
    sponsor: [],
    deceased: ['deceased'],
    beneficiary: [],
    witness: [],
    witnesses: [],
    preparer: [],
    physician: [],
    doctor: [],
    provider: [],
    employer: [],
    emergency: [],
    kin: [],
    relative: [],
    relatives: [],
    fiduciary: [],
    certifier: [],
    official: [],
    nominee: [],
    school: [],
    institution: [],
    organization: [],
    landlord: [],
  }),
);
const words = (text) =>
  String(text ?? '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
const ROLE = /^person\.([a-zA-Z]+)\./;

/** The relation words of the sections a field sits in (its data path segments). */
export function relationsOf(pointer) {
  const found = new Set();
  for (const text of pointer.split('/')) for (const w of words(text)) if (OTHER.has(w)) found.add(w);
  return [...found];
}

/** `pointer ← key` of every filled value placed in another person's section. */
export function wrongSectionValues(filled) {
  const wrong = [];
  for (const f of filled.fields) {
    if (f.status !== 'filled') continue;
    const relations = relationsOf(f.pointer);
    if (relations.length === 0) continue;
    const role = ROLE.exec(f.key ?? '')?.[1];
    if (!relations.some((w) => role !== undefined && role !== 'self' && OTHER.get(w).includes(role)))
      wrong.push(`${f.pointer} ← ${f.key}`);
  }
  return wrong;
}
