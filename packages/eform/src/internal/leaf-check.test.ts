// The field check without Ajv (leaf-check.ts) must give Ajv's verdict: on every leaf of the repository's
// forms (and of ../shared/data's forms from the wild, in every draft, when present) and on hand-written
// fragments of every keyword it handles, for values of every kind, `compileLeafCheck` agrees with the Ajv
// validator `compileSchema` compiles; fragments it does not handle go to Ajv.
import { describe, expect, it } from 'vitest';
import { loadForm } from '../schema';
import type { FormSchema } from '../types';
import { compileLeafCheck, compileSchema, draftOf, type JsonSchemaDraft } from './ajv';
import { simpleLeafCheck } from './leaf-check';
import { repositoryAndWildForms } from './test-forms';
import { listLeaves } from './walk';

const LONG = 'x'.repeat(300);
/** Values of every JSON kind, strings of every length and shape the forms' patterns and formats look at. */
const VALUES: unknown[] = [
  '',
  'a',
  ' ',
  'Nguyễn Văn An',
  'NGUYỄN VĂN AN',
  'Nam',
  'Nữ',
  'Kinh',
  'Việt Nam',
  '001',
  '12345678',
  '123456789',
  '0123456789',
  '12345678901',
  '001234567890',
  '0012345678901',
  '+84 912 345 678',
  '0912345678',
  '12/03/1990',
  '1990-03-12',
  '1990-02-30',
  '2024-02-29',
  '2023-02-29',
  '1990-03-12T08:00:00Z',
  '08:00:00Z',
  'an@example.com',
  'not an email',
  'https://example.com/a?b=c',
  'example.com',
  '192.168.1.1',
  '::1',
  '550e8400-e29b-41d4-a716-446655440000',
  'P1D',
  '/a/b',
  '^[0-9]+$',
  '(',
  '😀',
  '😀😀😀😀😀',
  '\ud83d',
  'a\nb',
  LONG,
  `${'1'.repeat(12)}\n`,
  0,
  1,
  -1,
  1.5,
  12,
  100,
  150,
  2147483648,
  1e21,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  null,
  [],
  ['a'],
  [1, 2, 3],
  {},
  { a: 1 },
];

/** What Ajv says, or `null` when the fragment does not compile (then fill checks nothing). */
function ajvVerdicts(fragment: FormSchema, draft: JsonSchemaDraft, values: unknown[]): boolean[] | null {
  let validate: ReturnType<typeof compileSchema>;
  try {
    validate = compileSchema(fragment, { draft });
  } catch {
    return null;
  }
  return values.map((v) => validate(v) as boolean);
}

function leafVerdicts(fragment: FormSchema, draft: JsonSchemaDraft, values: unknown[]): boolean[] | null {
  let check: ReturnType<typeof compileLeafCheck>;
  try {
    check = compileLeafCheck(fragment, draft);
  } catch {
    return null;
  }
  return values.map((v) => check(v));
}

/** The fragment's own enum/const values and numbers around its bounds join the common values. */
function valuesFor(fragment: FormSchema): unknown[] {
  const own: unknown[] = [];
  if (Array.isArray(fragment.enum)) own.push(...fragment.enum);
  if ('const' in fragment) own.push(fragment.const);
  for (const k of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength'])
    if (typeof fragment[k] === 'number') {
      const n = fragment[k] as number;
      own.push(
        n - 1,
        n - 0.5,
        n,
        n + 0.5,
        n + 1,
        'x'.repeat(Math.max(0, Math.min(n + 1, 2000))),
        'y'.repeat(Math.max(0, Math.min(n, 2000))),
      );
    }
  return [...VALUES, ...own];
}

function compare(fragment: FormSchema, draft: JsonSchemaDraft, label: string): 'simple' | 'ajv' {
  const values = valuesFor(fragment);
  expect(leafVerdicts(fragment, draft, values), label).toEqual(ajvVerdicts(fragment, draft, values));
  const { $id: _i, $schema: _s, ...rest } = fragment;
  try {
    return simpleLeafCheck(rest, draft) ? 'simple' : 'ajv';
  } catch {
    return 'simple'; // its pattern does not compile: refused on this path, as by Ajv
  }
}

describe('field checks without Ajv (leaf-check.ts)', () => {
  it("give Ajv's verdict on every leaf of the forms, for values of every kind", () => {
    const used = { simple: 0, ajv: 0 };
    let loaded = 0;
    for (const [name, doc] of repositoryAndWildForms()) {
      let schema: FormSchema;
      try {
        schema = loadForm(doc);
      } catch {
        continue; // refused forms are never filled
      }
      loaded++;
      const draft = draftOf(schema) ?? '2020-12';
      for (const leaf of listLeaves(schema)) {
        const { $schema: _s, $id: _i, ...own } = leaf.node;
        used[compare(own, draft, `${name} ${leaf.pointer}`)]++;
      }
    }
    expect(loaded).toBeGreaterThanOrEqual(12);
    // Most real fields take the path without Ajv (else this change saves nothing); the rest still agree.
    expect(used.simple).toBeGreaterThan(used.ajv);
  });

  const DRAFTS: JsonSchemaDraft[] = ['draft-04', 'draft-06', 'draft-07', '2019-09', '2020-12'];
  const FRAGMENTS: Array<[FormSchema, 'simple' | 'ajv']> = [
    [{}, 'simple'],
    [{ title: 'Họ tên', description: 'x', default: 'a', examples: ['a'], 'x-sohoa-key': 'person.fullName' }, 'simple'],
    [{ type: 'string' }, 'simple'],
    [{ type: 'integer' }, 'simple'],
    [{ type: 'number' }, 'simple'],
    [{ type: 'boolean' }, 'simple'],
    [{ type: 'null' }, 'simple'],
    [{ type: 'array' }, 'simple'],
    [{ type: 'object' }, 'simple'],
    [{ type: ['string', 'null'] }, 'simple'],
    [{ type: ['integer', 'string'] }, 'simple'],
    [{ type: ['array', 'object'] }, 'simple'],
    [{ type: ['array', 'object', 'null'] }, 'simple'],
    [{ type: 'string', maxLength: 5 }, 'simple'],
    [{ type: 'string', minLength: 2, maxLength: 3 }, 'simple'],
    [{ maxLength: 3, minimum: 2 }, 'simple'],
    [{ type: 'string', pattern: '^\\d{12}$' }, 'simple'],
    [{ type: 'string', pattern: '^(\\d{9}|\\d{12})$' }, 'simple'],
    [{ pattern: '[0-9]' }, 'simple'],
    [{ type: 'string', pattern: '^(?!\\s)(?!.*\\s{2})[^<>]+$' }, 'simple'],
    [{ type: 'string', pattern: '(a)\\1' }, 'simple'],
    [{ enum: ['Nam', 'Nữ'] }, 'simple'],
    [{ enum: ['a', 1, null, true] }, 'simple'],
    [{ type: 'string', enum: ['a', 1] }, 'simple'],
    [{ enum: [{ a: 1 }, 'a'] }, 'ajv'],
    [{ const: 'Việt Nam' }, 'simple'],
    [{ const: 12 }, 'simple'],
    [{ const: null }, 'simple'],
    [{ const: [1] }, 'ajv'],
    [{ type: 'integer', minimum: 0, maximum: 150 }, 'simple'],
    [{ minimum: 1.5 }, 'simple'],
    [{ type: 'string', format: 'date' }, 'simple'],
    [{ format: 'date-time' }, 'simple'],
    [{ format: 'email' }, 'simple'],
    [{ format: 'uri' }, 'simple'],
    [{ format: 'ipv4' }, 'simple'],
    [{ format: 'uuid' }, 'simple'],
    [{ format: 'regex' }, 'simple'],
    [{ format: 'int32' }, 'simple'],
    [{ format: 'password' }, 'simple'],
    [{ format: 'no-such-format' }, 'ajv'],
    [{ format: 'constructor' }, 'ajv'],
    [{ type: 'string', errorMessage: 'Nhập họ tên' }, 'simple'],
    [{ type: 'string', errorMessage: { maxLength: 'quá dài' }, maxLength: 3 }, 'simple'],
    [{ type: 'string', nullable: true }, 'ajv'],
    [{ type: 'number', multipleOf: 0.5 }, 'ajv'],
    [{ type: 'string', $ref: '#/definitions/x' }, 'ajv'],
    [{ type: 'array', items: { type: 'string' }, minItems: 1 }, 'ajv'],
    [{ anyOf: [{ type: 'string' }, { type: 'number' }] }, 'ajv'],
    [{ type: 'string', maxLength: -1 }, 'ajv'],
    [{ type: 'strin' }, 'ajv'],
    [{ type: 'string', description: 'https://json-schema.org/draft/2020-12/schema' }, 'simple'],
  ];

  it.each(DRAFTS)("give Ajv's verdict on fragments of every keyword they handle (%s)", (draft) => {
    for (const [fragment, path] of FRAGMENTS) {
      const took = compare(fragment, draft, `${draft} ${JSON.stringify(fragment)}`);
      // A fragment its draft's meta-schema refuses never reaches either check.
      if (ajvVerdicts(fragment, draft, []) !== null) expect(took, JSON.stringify(fragment)).toBe(path);
    }
    const exclusive: FormSchema =
      draft === 'draft-04'
        ? { type: 'number', maximum: 10, exclusiveMaximum: true, minimum: 1, exclusiveMinimum: true }
        : { type: 'number', exclusiveMaximum: 10, exclusiveMinimum: 1 };
    expect(compare(exclusive, draft, `${draft} exclusive bounds`)).toBe(draft === 'draft-04' ? 'ajv' : 'simple');
  });

  it('refuses what Ajv refuses: a fragment its meta-schema rejects, a pattern RE2 cannot run', () => {
    expect(() => compileLeafCheck({ type: 'string', maxLength: -1 }, '2020-12')).toThrow(/schema is invalid/);
    expect(() => compileSchema({ type: 'string', pattern: '(?<=a)b' }, { draft: '2020-12' })).toThrow();
    expect(() => compileLeafCheck({ type: 'string', pattern: '(?<=a)b' }, '2020-12')).toThrow();
  });
});
