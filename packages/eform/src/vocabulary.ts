import { SohoaError } from '@sohoa/core';
import rawVocabulary from '../vocab/keys.json';
import type { Vocabulary, VocabularyEntry } from './types';

type RawEntry = Omit<VocabularyEntry, 'key'> | { base: string; role: string };

/** Resolve role entries (`{ base, role }`) against their base keys. */
function loadVocabulary(raw: {
  version: number;
  roles: Vocabulary['roles'];
  keys: Record<string, RawEntry>;
}): Vocabulary {
  const keys: Record<string, VocabularyEntry> = {};
  for (const [key, entry] of Object.entries(raw.keys)) {
    if ('base' in entry && !('type' in entry)) {
      const base = raw.keys[entry.base];
      if (!base || 'base' in base) {
        throw new SohoaError(
          'EFORM_SCHEMA_INVALID',
          `Vocabulary key \`${key}\` has an unknown base \`${entry.base}\`; fix packages/eform/vocab/keys.json.`,
        );
      }
      keys[key] = { ...(base as Omit<VocabularyEntry, 'key'>), key, labels: [], role: entry.role, base: entry.base };
    } else {
      keys[key] = { ...(entry as Omit<VocabularyEntry, 'key'>), key };
    }
  }
  return { version: raw.version, roles: raw.roles, keys };
}

/** The semantic key vocabulary shipped with this package (`vocab/keys.json` in this package, also exported as `@sohoa/eform/vocab/keys.json`). */
export const vocabulary: Vocabulary = loadVocabulary(rawVocabulary as never);

const ROLE_KEY = /^person\.([a-zA-Z]+)\.(.+)$/;
const DATE_PART = /^(.+)\.(day|month|year)$/;
const ADDRESS_PART = /^(.+)\.(ward|district|province|street)$/;
const CURRENT_UNITS = /^(.+)\.currentUnits(?:\.(?:province|ward))?$/;
/** Keys holding an address whose units (`ward`, `district`, `province`) can be read off. */
export const ADDRESS_KEYS = new Set([
  'permanentAddress',
  'temporaryAddress',
  'currentAddress',
  'residence',
  'hometown',
  'birthPlace',
  'birthRegistrationPlace',
  'previousAddress',
]);

/**
 * The vocabulary entry of a key; role keys not listed (`person.guardian.birthDate`) resolve to
 * their base key with the role set.
 */
export function getKeyInfo(key: string): VocabularyEntry | undefined {
  const known = vocabulary.keys[key];
  if (known) return known;
  // Any date key splits into parts: `person.idDocument.issueDate.month`.
  const part = DATE_PART.exec(key);
  if (part) {
    const date = getKeyInfo(part[1]!);
    if (date?.type === 'date') return derivedKey(key, 'integer', date.criticality, date);
  }
  // Any address key has a current-unit version and its parts (`person.permanentAddress.currentUnits.ward`),
  // and splits into named units (`person.birthRegistrationPlace.province`).
  for (const pattern of [CURRENT_UNITS, ADDRESS_PART]) {
    const address = pattern.exec(key)?.[1];
    if (address === undefined || !ADDRESS_KEYS.has(address.slice(address.lastIndexOf('.') + 1))) continue;
    const info = getKeyInfo(address);
    if (info) return derivedKey(key, 'string', 'normal', info);
  }
  const match = ROLE_KEY.exec(key);
  if (!match || !(match[1]! in vocabulary.roles)) return undefined;
  const base = vocabulary.keys[`person.${match[2]}`];
  return base && { ...base, key, labels: [], role: match[1]!, base: base.key };
}

/** A key computed from another one (a date's part, an address's unit), with that key's role. */
function derivedKey(
  key: string,
  type: VocabularyEntry['type'],
  criticality: VocabularyEntry['criticality'],
  from: VocabularyEntry,
): VocabularyEntry {
  return { key, type, criticality, labels: [], computed: true, ...(from.role !== undefined && { role: from.role }) };
}

/** `person.fullName` + `mother` → `person.mother.fullName`; the `self` role adds nothing. */
export function keyWithRole(key: string, role: string | undefined): string {
  if (role === undefined || role === 'self' || !key.startsWith('person.')) return key;
  return `person.${role}.${key.slice('person.'.length)}`;
}
