import { isSohoaError } from '@sohoa/core';
import { describe, expect, it } from 'vitest';
import { bindForm } from './bind';
import { fillForm } from './fill';
import { syntheticProfile } from './internal/test-profile';
import { detectFormFormat, formFormatOf, loadForm } from './schema';
import type { FormSchema } from './types';
import { validateForm } from './validate';

const now = new Date(2026, 2, 5, 9, 30);
const pointers = (schema: FormSchema) => bindForm(schema).fields.map((f) => f.pointer);
const DRAFT = {
  '04': 'http://json-schema.org/draft-04/schema#',
  '06': 'http://json-schema.org/draft-06/schema#',
  '07': 'http://json-schema.org/draft-07/schema#',
  '2019': 'https://json-schema.org/draft/2019-09/schema',
  '2020': 'https://json-schema.org/draft/2020-12/schema',
};

/** One small declaration written the way each draft's authors would. */
function declaration(draft: keyof typeof DRAFT): FormSchema {
  const defs = draft === '2019' || draft === '2020' ? '$defs' : 'definitions';
  return {
    $schema: DRAFT[draft],
    [defs]: {
      person: {
        type: 'object',
        properties: {
          hoTen: { type: 'string', title: 'Họ, chữ đệm và tên' },
          ngaySinh: { type: 'string', title: 'Ngày, tháng, năm sinh' },
        },
      },
    },
    allOf: [
      {
        type: 'object',
        properties: {
          nguoiKhai: { $ref: `#/${defs}/person`, title: 'Người khai' },
          soNguoi:
            draft === '04'
              ? { type: 'integer', minimum: 0, exclusiveMinimum: true }
              : { type: 'integer', exclusiveMinimum: 0 },
        },
      },
    ],
    ...(draft === '2019' || draft === '2020'
      ? { dependentSchemas: { soNguoi: { properties: { ghiChu: { type: 'string', title: 'Ghi chú' } } } } }
      : { dependencies: { soNguoi: { properties: { ghiChu: { type: 'string', title: 'Ghi chú' } } } } }),
  };
}

describe('loadForm: JSON Schema drafts', () => {
  it('reads every draft to the same fields (root allOf, definitions/$defs, dependencies/dependentSchemas)', () => {
    for (const draft of Object.keys(DRAFT) as Array<keyof typeof DRAFT>) {
      const form = loadForm(declaration(draft));
      expect(formFormatOf(form), draft).toBe('jsonschema');
      expect(pointers(form), draft).toEqual(['/nguoiKhai/hoTen', '/nguoiKhai/ngaySinh', '/soNguoi', '/ghiChu']);
      expect(fillForm(form, syntheticProfile(), { now }).data, draft).toEqual({
        nguoiKhai: { hoTen: 'Nguyễn Thị Thử', ngaySinh: '14/07/1999' },
      });
    }
  });

  it('validates with the draft the schema names (draft-04 boolean exclusiveMinimum)', () => {
    for (const draft of Object.keys(DRAFT) as Array<keyof typeof DRAFT>) {
      const form = loadForm(declaration(draft));
      // Draft-04's boolean form is reported by its `minimum`; later drafts have a numeric `exclusiveMinimum`.
      expect(
        validateForm(form, { soNguoi: 0 }).errors.map((e) => e.keyword),
        draft,
      ).toEqual([draft === '04' ? 'minimum' : 'exclusiveMinimum']);
      expect(validateForm(form, { soNguoi: 1 }).ok, draft).toBe(true);
    }
  });

  it('accepts a root $ref, anyOf and oneOf', () => {
    const leaf = { type: 'object', properties: { a: { type: 'string' } } };
    expect(pointers(loadForm({ $schema: DRAFT['07'], $ref: '#/definitions/f', definitions: { f: leaf } }))).toEqual([
      '/a',
    ]);
    expect(pointers(loadForm({ anyOf: [leaf, { type: 'object', properties: { b: { type: 'string' } } }] }))).toEqual([
      '/a',
      '/b',
    ]);
    expect(pointers(loadForm({ oneOf: [{ $ref: '#/$defs/f' }], $defs: { f: leaf } }))).toEqual(['/a']);
  });

  it('refuses what is not a form, and a reference that resolves nowhere, with one typed line', () => {
    const notObject = (() => {
      try {
        return loadForm({ $schema: DRAFT['04'], type: 'string', enum: ['a'] });
      } catch (error) {
        return error;
      }
    })();
    expect(isSohoaError(notObject, 'EFORM_SCHEMA_INVALID')).toBe(true);
    expect(() => loadForm({ type: 'object', properties: { a: { $ref: '#/definitions/missing' } } })).toThrowError(
      /#\/definitions\/missing/,
    );
  });

  it('keeps the expansion budget for combinators: self-including and doubling allOf are refused fast', () => {
    const doubling: Record<string, unknown> = { d40: { type: 'object', properties: { x: { type: 'string' } } } };
    for (let i = 0; i < 40; i++)
      doubling[`d${i}`] = { allOf: [{ $ref: `#/$defs/d${i + 1}` }, { $ref: `#/$defs/d${i + 1}` }] };
    const started = performance.now();
    for (const schema of [
      { $ref: '#/$defs/d0', $defs: doubling },
      {
        type: 'object',
        properties: { a: { $ref: '#/$defs/r' } },
        $defs: { r: { type: 'object', allOf: [{ $ref: '#/$defs/r' }], properties: { r: { $ref: '#/$defs/r' } } } },
      },
    ]) {
      expect(() => fillForm(loadForm(schema), syntheticProfile())).toThrowError(
        expect.objectContaining({ code: 'EFORM_SCHEMA_TOO_LARGE' }),
      );
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

const formio = {
  title: 'Tờ khai',
  display: 'form',
  components: [
    {
      type: 'panel',
      key: 'panel1',
      title: 'Thông tin người khai',
      input: false,
      components: [
        {
          type: 'columns',
          key: 'cols',
          input: false,
          columns: [
            {
              components: [
                { type: 'textfield', key: 'fullname', label: 'Họ và tên', input: true, validate: { required: true } },
              ],
            },
            {
              components: [
                {
                  type: 'textfield',
                  key: 'identityNumber',
                  label: 'Số định danh cá nhân',
                  input: true,
                  validate: { pattern: '\\d{12}' },
                },
              ],
            },
          ],
        },
      ],
    },
    {
      type: 'container',
      key: 'address',
      label: 'Nơi thường trú',
      input: true,
      components: [{ type: 'textfield', key: 'line', label: 'Địa chỉ', input: true }],
    },
    {
      type: 'datagrid',
      key: 'members',
      label: 'Thành viên',
      input: true,
      components: [{ type: 'textfield', key: 'name', label: 'Họ tên', input: true }],
    },
    { type: 'email', key: 'email', label: 'Thư điện tử', input: true },
    { type: 'button', key: 'submit', label: 'Gửi', input: true },
  ],
};

const survey = {
  title: 'Tờ khai',
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'panel',
          name: 'nguoiKhai',
          title: 'Thông tin người khai',
          elements: [
            { type: 'text', name: 'hoTen', title: { default: 'Full name', vi: 'Họ và tên' }, isRequired: true },
            { type: 'text', name: 'ngaySinh', title: 'Ngày sinh', inputType: 'date' },
            {
              type: 'text',
              name: 'soDinhDanh',
              title: 'Số định danh cá nhân',
              validators: [{ type: 'regex', regex: '^\\d{12}$' }],
            },
          ],
        },
        {
          type: 'multipletext',
          name: 'lienHe',
          title: 'Liên hệ',
          items: [{ name: 'email', title: 'Thư điện tử', validators: [{ type: 'email' }] }],
        },
        {
          type: 'paneldynamic',
          name: 'thanhVien',
          title: 'Thành viên',
          templateElements: [{ type: 'text', name: 'hoTen', title: 'Họ tên' }],
        },
        { type: 'html', name: 'note', html: '<p>…</p>' },
      ],
    },
  ],
};

describe('loadForm: Form.io', () => {
  const form = loadForm(formio);

  it('is detected, and data keeps the submission shape (containers and grids nest, layout does not)', () => {
    expect(detectFormFormat(formio)).toBe('formio');
    expect(formFormatOf(form)).toBe('formio');
    expect(pointers(form)).toEqual(['/fullname', '/identityNumber', '/address/line', '/members', '/email']);
    const filled = fillForm(form, syntheticProfile(), { now });
    expect(filled.data).toEqual({ fullname: 'Nguyễn Thị Thử', identityNumber: '001199012345' });
    expect(validateForm(form, filled.data).ok).toBe(true);
  });

  it("validates with Form.io's rules: required (not empty), anchored pattern, email", () => {
    const errors = validateForm(form, { fullname: '', identityNumber: 'x001199012345', email: 'no' }).errors.map(
      (e) => [e.pointer, e.keyword],
    );
    expect(errors).toEqual([
      ['/fullname', 'minLength'],
      ['/identityNumber', 'pattern'],
      ['/email', 'format'],
    ]);
  });
});

describe('loadForm: SurveyJS', () => {
  const form = loadForm(survey);

  it('is detected, and data is keyed by question name (panels do not nest, dynamic panels are arrays)', () => {
    expect(detectFormFormat(survey)).toBe('surveyjs');
    expect(pointers(form)).toEqual(['/hoTen', '/ngaySinh', '/soDinhDanh', '/lienHe/email', '/thanhVien']);
    const filled = fillForm(form, syntheticProfile(), { now });
    // `inputType: date` keeps the ISO date SurveyJS stores.
    expect(filled.data).toEqual({ hoTen: 'Nguyễn Thị Thử', ngaySinh: '1999-07-14', soDinhDanh: '001199012345' });
    expect(validateForm(form, filled.data).ok).toBe(true);
  });

  it("validates with SurveyJS's isRequired and validators", () => {
    const errors = validateForm(form, { soDinhDanh: '12', lienHe: { email: 'no' } }).errors.map((e) => [
      e.pointer,
      e.keyword,
    ]);
    expect(errors).toEqual([
      ['/hoTen', 'required'],
      ['/soDinhDanh', 'pattern'],
      ['/lienHe/email', 'format'],
    ]);
  });

  it('the format can be forced, and an unknown one is a typed error', () => {
    expect(() => loadForm(survey, { format: 'jsonschema' })).toThrowError(
      expect.objectContaining({ code: 'EFORM_SCHEMA_INVALID' }),
    );
    expect(() => loadForm(survey, { format: 'xforms' as never })).toThrowError(
      expect.objectContaining({ code: 'EFORM_FORMAT_UNKNOWN' }),
    );
  });

  it('bounds the raw document before converting it', () => {
    let deep: Record<string, unknown> = { type: 'text', name: 'x' };
    for (let i = 0; i < 100; i++) deep = { type: 'panel', name: `p${i}`, elements: [deep] };
    expect(() => loadForm({ elements: [deep] })).toThrowError(
      expect.objectContaining({ code: 'EFORM_SCHEMA_TOO_LARGE' }),
    );
  });
});
