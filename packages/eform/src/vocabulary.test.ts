import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { safeParseFormSchema } from './schema';
import { compileFormSchema } from './validate';
import { getKeyInfo, keyWithRole, vocabulary } from './vocabulary';

const read = (name: string) => JSON.parse(readFileSync(new URL(`../vocab/${name}`, import.meta.url), 'utf8'));

describe('vocabulary', () => {
  it('has at least 120 keys, each with a type, criticality and labels or a base', () => {
    const keys = Object.values(vocabulary.keys);
    expect(keys.length).toBeGreaterThanOrEqual(120);
    for (const entry of keys) {
      expect(['string', 'date', 'enum', 'integer']).toContain(entry.type);
      expect(['high', 'normal']).toContain(entry.criticality);
      expect(entry.labels.length > 0 || entry.base !== undefined || entry.computed === true).toBe(true);
    }
  });

  it('matches its own JSON Schema', () => {
    const validate = compileFormSchema(read('keys.schema.json'));
    expect(validate(read('keys.json')), JSON.stringify(validate.errors)).toBe(true);
    expect(safeParseFormSchema(read('keys.schema.json')).ok).toBe(true);
  });

  it('resolves role keys to their base', () => {
    expect(getKeyInfo('person.mother.fullName')).toMatchObject({
      role: 'mother',
      base: 'person.fullName',
      criticality: 'high',
    });
    expect(getKeyInfo('person.guardian.birthDate')).toMatchObject({ role: 'guardian', type: 'date' });
    expect(getKeyInfo('person.nobody.fullName')).toBeUndefined();
    expect(keyWithRole('person.fullName', 'self')).toBe('person.fullName');
    expect(keyWithRole('person.idDocument.number', 'father')).toBe('person.father.idDocument.number');
    expect(keyWithRole('form.signingDate', 'father')).toBe('form.signingDate');
  });
});
