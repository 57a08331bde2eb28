import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSohoaError } from '@sohoa/core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFormSchema } from './file';
import { parseFormSchema, safeParseFormSchema } from './schema';
import { validateForm } from './validate';

const dir = mkdtempSync(join(tmpdir(), 'sohoa-eform-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('form schemas', () => {
  it('loads the shipped forms', async () => {
    const path = (name: string) =>
      fileURLToPath(new URL(`../../../schemas/forms/${name}.schema.json`, import.meta.url));
    expect((await loadFormSchema(path('to-khai-dang-ky-khai-sinh'))).title).toBe('TỜ KHAI ĐĂNG KÝ KHAI SINH');
    expect((await loadFormSchema(path('ct01-to-khai-thay-doi-thong-tin-cu-tru'))).title).toBe(
      'TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ',
    );
  });

  it('rejects remote $ref with a pointer to it', () => {
    const result = safeParseFormSchema({
      type: 'object',
      properties: { a: { $ref: 'https://example.org/person.json' }, b: { $ref: '#/$defs/x' } },
      $defs: { x: { type: 'string' } },
    });
    expect(result).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'EFORM_REMOTE_REF', pointer: '/properties/a/$ref' }],
    });
    expect(() => parseFormSchema({ type: 'object', properties: { a: { $ref: 'other.json#/x' } } })).toThrowError(
      expect.objectContaining({ code: 'EFORM_REMOTE_REF' }),
    );
  });

  it('rejects non-object and broken schemas', () => {
    for (const bad of [
      null,
      3,
      'x',
      [],
      { type: 'string' },
      { type: 'object' },
      { type: 'object', properties: { a: { type: 'strnig' } } },
    ]) {
      const result = safeParseFormSchema(bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.diagnostics[0]?.code).toBe('EFORM_SCHEMA_INVALID');
    }
    expect(
      safeParseFormSchema({ $schema: 'http://json-schema.org/draft-03/schema#', type: 'object', properties: {} }),
    ).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'EFORM_SCHEMA_INVALID', pointer: '/$schema' }],
    });
  });

  it('reports missing and malformed files without their content', async () => {
    const missing = await loadFormSchema(join(dir, 'missing.json')).catch((e: unknown) => e);
    expect(isSohoaError(missing, 'EFORM_SCHEMA_NOT_FOUND')).toBe(true);
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"title": "Nguyễn Văn Canary", ');
    const broken = await loadFormSchema(file).catch((e: unknown) => e);
    expect(isSohoaError(broken, 'EFORM_SCHEMA_INVALID')).toBe(true);
    expect((broken as Error).message).toMatchInlineSnapshot(
      `"The form schema \`broken.json\` is not valid JSON; fix the syntax error."`,
    );
  });
});

describe('validateForm', () => {
  const schema = {
    type: 'object',
    properties: {
      hoTen: { type: 'string', maxLength: 5 },
      email: { type: 'string', format: 'email' },
      nhom: { type: 'object', properties: { 'a/b': { type: 'string' } }, required: ['a/b'] },
    },
    required: ['hoTen', 'nhom'],
  };

  it('points at every error in the data, without values', () => {
    const result = validateForm(schema, { hoTen: 'Canary Value', email: 'not-an-email', nhom: {} }, { locale: 'en' });
    expect(result.ok).toBe(false);
    expect(result.errors).toMatchInlineSnapshot(`
      [
        {
          "keyword": "maxLength",
          "message": "must NOT have more than 5 characters",
          "pointer": "/hoTen",
          "schemaPointer": "/properties/hoTen/maxLength",
        },
        {
          "keyword": "format",
          "message": "must match format "email"",
          "pointer": "/email",
          "schemaPointer": "/properties/email/format",
        },
        {
          "keyword": "required",
          "message": "is required",
          "pointer": "/nhom/a~1b",
          "schemaPointer": "/properties/nhom/required",
        },
      ]
    `);
    expect(JSON.stringify(result.errors)).not.toContain('Canary');
  });

  it('speaks Vietnamese by default', () => {
    const result = validateForm(schema, { hoTen: 'Canary Value', email: 'not-an-email', nhom: {} }, { locale: 'vi' });
    expect(result.errors.map((e) => [e.pointer, e.keyword, e.message])).toMatchInlineSnapshot(`
      [
        [
          "/hoTen",
          "maxLength",
          "không được dài quá 5 ký tự",
        ],
        [
          "/email",
          "format",
          "không đúng định dạng thư điện tử",
        ],
        [
          "/nhom/a~1b",
          "required",
          "là thông tin bắt buộc",
        ],
      ]
    `);
    expect(
      validateForm(
        { type: 'object', properties: { n: { type: 'integer', minimum: 1 }, g: { enum: ['Nam', 'Nữ'] } } },
        { n: 0, g: 'x' },
      ).errors.map((e) => e.message),
    ).toEqual(['phải lớn hơn hoặc bằng 1', 'phải là một trong các giá trị: Nam, Nữ']);
  });

  it('rejects oversized schemas, and patterns the linear-time engine cannot run, naming the construct', () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 80; i++) deep = { type: 'object', properties: { a: deep } };
    expect(safeParseFormSchema(deep)).toMatchObject({ ok: false, diagnostics: [{ code: 'EFORM_SCHEMA_TOO_LARGE' }] });
    expect(
      safeParseFormSchema({ type: 'object', properties: { a: { type: 'string', pattern: 'x'.repeat(600) } } }),
    ).toMatchObject({ ok: false, diagnostics: [{ code: 'EFORM_PATTERN_UNSAFE', pointer: '/properties/a/pattern' }] });
    for (const [pattern, construct] of [
      ['(a)\\1', 'back-reference'],
      ['(?<=a)b', 'lookbehind'],
      ['a(?=b)', 'lookahead'],
      ['a{2000}', 'repetition count over 1000'],
    ] as const) {
      const result = safeParseFormSchema({ type: 'object', properties: { a: { type: 'string', pattern } } });
      expect(result, pattern).toMatchObject({
        ok: false,
        diagnostics: [{ code: 'EFORM_PATTERN_UNSUPPORTED', pointer: '/properties/a/pattern' }],
      });
      if (!result.ok) expect(result.diagnostics[0]!.message).toContain(construct);
    }
    // Nested quantifiers run in linear time on RE2, so they are accepted now.
    for (const pattern of [
      '^(a+)+$',
      '(\\d*)*x',
      '^\\d{2}/\\d{2}/\\d{4}$',
      '^(person|org)(\\.[a-zA-Z][a-zA-Z0-9]*)+$',
    ]) {
      expect(safeParseFormSchema({ type: 'object', properties: { a: { type: 'string', pattern } } }).ok, pattern).toBe(
        true,
      );
    }
    expect(() => parseFormSchema({ type: 'object', patternProperties: { '(a)\\1': {} }, properties: {} })).toThrowError(
      expect.objectContaining({ code: 'EFORM_PATTERN_UNSUPPORTED' }),
    );
  });

  it('accepts valid data', () => {
    expect(validateForm(schema, { hoTen: 'An', email: 'an@example.org', nhom: { 'a/b': 'x' } })).toEqual({
      ok: true,
      errors: [],
    });
  });
});
