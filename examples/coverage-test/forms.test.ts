// Copy this folder into your portal: it fails CI when one of your e-forms would auto-fill less than the
// legal floor for a test citizen. No OCR and no database: the vault is built in memory from records.
import '@sohoa/eform/vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fillForm, loadFormSchema, validateForm, type FormSchema } from '@sohoa/eform';
import { createVault } from '@sohoa/vault';
import { memoryDriver } from '@sohoa/vault/drivers/memory';
import { beforeAll, describe, expect, it } from 'vitest';
import { CITIZEN_ID, citizenDocuments } from './citizen';

/** Where your portal keeps its form schemas. */
const FORMS = fileURLToPath(new URL('../../schemas/forms/', import.meta.url));
/** At least 20% of a person's information filled automatically (the legal floor); raise it per form as you improve. */
const FLOOR = 0.2;
const PORTAL = 'portal:coverage-test';
const NOW = new Date(2026, 2, 5);

const vault = createVault({
  driver: memoryDriver(),
  actor: PORTAL,
  now: () => NOW,
  grants: [{ to: PORTAL, subject: CITIZEN_ID, purpose: 'coverage-test', keys: ['person.*', 'document.*'] }],
});
const names = readdirSync(FORMS)
  .filter((name) => name.endsWith('.schema.json'))
  .sort();

/** On a form where the requester may hold a role (`x-sohoa-requester-roles`), fill as the one that fits her. */
function roleMapFor(schema: FormSchema, sex: unknown): Record<string, string> {
  const roles = (schema['x-sohoa-requester-roles'] as string[] | undefined) ?? [];
  const role = roles.find((r) => r === (sex === 'female' ? 'mother' : 'father'));
  return role ? { [role]: 'self' } : {};
}

beforeAll(async () => {
  for (const record of citizenDocuments) await vault.putDocument(record);
});

describe('every e-form auto-fills at least the floor for the test citizen', () => {
  it('finds the forms', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  it.each(names)('%s', async (name) => {
    const schema = await loadFormSchema(`${FORMS}${name}`);
    const profile = await vault.profile(CITIZEN_ID, { purpose: 'coverage-test', form: name });
    const filled = fillForm(schema, profile, {
      now: NOW,
      roleMap: roleMapFor(schema, profile.values['person.sex']?.value),
    });

    expect(filled).toAutoFill({ atLeast: FLOOR });
    // What is filled must be accepted by the form's own schema.
    const filledPointers = new Set(filled.fields.filter((f) => f.status === 'filled').map((f) => f.pointer));
    expect(validateForm(schema, filled.data).errors.filter((e) => filledPointers.has(e.pointer))).toEqual([]);
  });
});
