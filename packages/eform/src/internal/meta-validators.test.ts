// The meta-schema validators compiled ahead of time (meta-validators.generated.js) must be what Ajv itself
// runs: the committed file is what the generator writes from the installed Ajv, and on valid and broken
// schemas of every draft the verdict and the errors equal `getAjv(draft).validateSchema(…)`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { generate } from '../../scripts/meta-validators.mjs';
import type { FormSchema } from '../types';
import { compileSchema, type JsonSchemaDraft, getAjv, schemaProblem } from './ajv';
import { draft04, draft07, draft2019, draft2020 } from './meta-validators.generated.js';
import { repositoryAndWildForms } from './test-forms';

const URIS: Record<JsonSchemaDraft, string> = {
  'draft-04': 'http://json-schema.org/draft-04/schema#',
  'draft-06': 'http://json-schema.org/draft-06/schema#',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};
const PRECOMPILED = {
  'draft-04': draft04,
  'draft-06': draft07,
  'draft-07': draft07,
  '2019-09': draft2019,
  '2020-12': draft2020,
} as const;

/** Valid and broken schemas (each broken one is refused by every draft's meta-schema). */
const SAMPLES: Array<Record<string, unknown>> = [
  { type: 'object', properties: { a: { type: 'string', maxLength: 10, pattern: '^[0-9]+$' } }, required: ['a'] },
  { type: 'object', properties: { d: { type: 'string', format: 'date' }, n: { type: 'integer', minimum: 0 } } },
  { definitions: { x: { enum: ['a', 'b'] } }, properties: { x: { $ref: '#/definitions/x' } } },
  { type: 'strin' },
  { type: 'object', properties: { a: { type: 'string', maxLength: -1 } } },
  { properties: { a: { required: 'yes' } } },
  { type: 'object', properties: { a: { enum: 'not-an-array' } } },
  { items: [{ type: 'string' }, 3] },
  { allOf: [] },
  { type: ['string', 'string'] },
  { properties: { a: { minLength: 1.5 } } },
];

describe('meta-schema validators compiled ahead of time', () => {
  it('the committed file is what the generator writes from the installed Ajv (else: node packages/eform/scripts/meta-validators.mjs)', () => {
    expect(readFileSync(join(import.meta.dirname, 'meta-validators.generated.js'), 'utf8')).toBe(generate());
  });

  it('give the verdict and errors Ajv gives, for every draft, on valid and broken schemas', () => {
    let refused = 0;
    for (const draft of Object.keys(URIS) as JsonSchemaDraft[]) {
      for (const sample of SAMPLES) {
        const validate = PRECOMPILED[draft];
        const ajv = getAjv(draft);
        const expected = ajv.validateSchema(sample);
        const expectedErrors = ajv.errors ?? null;
        expect(validate(sample), `${draft} ${JSON.stringify(sample)}`).toBe(expected);
        expect(validate.errors ?? null).toEqual(expectedErrors);
        if (!expected) refused++;
        // and through schemaProblem, the one caller
        expect(schemaProblem({ ...sample, $schema: URIS[draft] } as FormSchema) === undefined).toBe(expected);
      }
    }
    expect(refused).toBeGreaterThanOrEqual(5 * 8);
  });

  it('agree with Ajv on every form in schemas/forms (and the forms from the wild when present)', () => {
    const all = repositoryAndWildForms();
    expect(all.length).toBeGreaterThanOrEqual(12);
    for (const [name, schema] of all) {
      const { $id: _i, $schema: _s, ...rest } = schema;
      for (const d of Object.keys(URIS) as JsonSchemaDraft[]) {
        const ajv = getAjv(d);
        const expected = ajv.validateSchema(rest);
        expect(PRECOMPILED[d](rest), `${name} as ${d}`).toBe(expected);
        expect(PRECOMPILED[d].errors ?? null).toEqual(ajv.errors ?? null);
      }
    }
  });
});

describe('compileSchema of a fragment (fill’s leaf validators, codegen)', () => {
  it('refuses a broken fragment with the error Ajv gives, and compiles a valid one that validates as Ajv’s does', () => {
    for (const draft of Object.keys(URIS) as JsonSchemaDraft[]) {
      const broken = { type: 'string', maxLength: -1 } as FormSchema;
      let ours: unknown;
      try {
        compileSchema(broken, { draft });
      } catch (error) {
        ours = (error as Error).message;
      }
      let ajvs: unknown;
      try {
        getAjv(draft).compile({ type: 'string', maxLength: -1 });
      } catch (error) {
        ajvs = (error as Error).message;
      }
      expect(ajvs).toMatch(/^schema is invalid: /);
      expect(ours).toBe(ajvs);
      const leaf = compileSchema({ type: 'string', pattern: '^[0-9]{12}$' } as FormSchema, { draft });
      expect(leaf('001099012345')).toBe(true);
      expect(leaf('00109901234x')).toBe(false);
    }
  });

  it('compiles a fragment that refers to a meta-schema on the instance that has them', () => {
    const isSchema = compileSchema({ $ref: 'https://json-schema.org/draft/2020-12/schema' } as FormSchema, {
      draft: '2020-12',
    });
    expect(isSchema({ type: 'string' })).toBe(true);
    expect(isSchema({ type: 3 })).toBe(false);
  });
});
