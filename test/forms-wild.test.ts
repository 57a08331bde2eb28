import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isSohoaError } from '@sohoa/core';
import { fillForm, loadForm, validateForm, type FillProfile } from '@sohoa/eform';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helpers shared with the eval
import { wrongSectionValues } from './eval/lib/sections.mjs';
// @ts-expect-error plain ESM helpers shared with the eval
import { SUBJECT_ID, TRUTH } from './eval/forms/subject.mjs';

// Real form schemas written by another team (VA.gov, draft-04/-07), read from ../shared/data: never copied here.
const DIR = resolve(import.meta.dirname, '../../shared/data/forms-wild/va-gov');
const files = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];
if (files.length === 0) console.warn(`forms-wild: ${DIR} not found; the wild-schema test is skipped.`);

// Codes a refusal may carry: each names what is wrong with the schema, on one line.
const REFUSALS = [
  'EFORM_SCHEMA_INVALID',
  'EFORM_REMOTE_REF',
  'EFORM_SCHEMA_TOO_LARGE',
  'EFORM_PATTERN_UNSAFE',
  'EFORM_PATTERN_UNSUPPORTED',
];

const value = (v: string) => ({
  value: v,
  confidence: 0.99,
  method: 'qr' as const,
  documentId: 'doc',
  documentType: 'cccd-2021',
  expired: false,
});
const t = TRUTH as {
  fullName: string;
  birthDate: string;
  permanentAddress: string;
  spouse: { fullName: string; birthDate: string };
  mother: { fullName: string };
  father: { fullName: string };
};
const profile: FillProfile = {
  values: {
    'person.fullName': value(t.fullName),
    'person.birthDate': value(t.birthDate),
    'person.idNumber': value(SUBJECT_ID),
    'person.permanentAddress': value(t.permanentAddress),
    'person.spouse.fullName': value(t.spouse.fullName),
    'person.spouse.birthDate': value(t.spouse.birthDate),
    'person.mother.fullName': value(t.mother.fullName),
    'person.father.fullName': value(t.father.fullName),
  },
};

describe.skipIf(files.length === 0)('the wild VA.gov schemas', () => {
  it("each is accepted, or refused with one typed line; none puts a value in another person's section", () => {
    let accepted = 0;
    for (const file of files) {
      const json = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as unknown;
      let form;
      try {
        form = loadForm(json);
      } catch (error) {
        expect(isSohoaError(error), file).toBe(true);
        expect(REFUSALS, file).toContain((error as { code: string }).code);
        expect((error as Error).message, file).not.toContain('\n');
        continue;
      }
      accepted++;
      const filled = fillForm(form, profile, { now: new Date(2026, 2, 5) });
      expect(wrongSectionValues(filled), file).toEqual([]);
      expect(
        validateForm(form, filled.data).errors.every((e) => !e.message.includes(t.fullName)),
        file,
      ).toBe(true);
    }
    // 50 of the 55 today; the 5 refused have a reference to a definition that is not there, a property that
    // is not a schema, or a root that is not an object.
    expect(accepted).toBeGreaterThanOrEqual(Math.ceil(files.length * 0.9));
  }, 120_000);
});
