import { describe, expect, it } from 'vitest';
import { ajvLocalizer, VALIDATION_MESSAGES, validationMessage } from './messages';
import { loadForm } from './schema';
import { validateForm } from './validate';

describe('VALIDATION_MESSAGES', () => {
  it('has the same keywords in Vietnamese and English', () => {
    expect(Object.keys(VALIDATION_MESSAGES.vi).sort()).toEqual(Object.keys(VALIDATION_MESSAGES.en).sort());
  });

  it('builds messages from the schema’s parameters', () => {
    expect(validationMessage({ keyword: 'maximum', params: { comparison: '<=', limit: 120 } })).toBe(
      'phải nhỏ hơn hoặc bằng 120',
    );
    expect(validationMessage({ keyword: 'minLength', params: { limit: 1 } })).toBe('không được để trống');
    expect(validationMessage({ keyword: 'minLength', params: { limit: 1 } }, 'en')).toBe(
      'must NOT have fewer than 1 characters',
    );
    expect(validationMessage({ keyword: 'somethingNew', params: {} })).toBe('không hợp lệ');
    expect(validationMessage({ keyword: 'constructor', params: {} }), 'no prototype lookups').toBe('không hợp lệ');
  });

  it('localizes Ajv errors in place for an RJSF validator, leaving a schema’s own messages', () => {
    const errors = [
      {
        keyword: 'required',
        params: { missingProperty: 'a' },
        message: 'must have required property',
        instancePath: '',
        schemaPath: '#/required',
      },
      {
        keyword: 'errorMessage',
        params: { errors: [] },
        message: 'Tự viết',
        instancePath: '',
        schemaPath: '#/errorMessage',
      },
    ];
    ajvLocalizer('vi')(errors);
    expect(errors.map((e) => e.message)).toEqual(['là thông tin bắt buộc', 'Tự viết']);
  });
});

describe('validateForm with errorMessage (ajv-errors)', () => {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    required: ['soDinhDanh', 'hoTen'],
    properties: {
      soDinhDanh: {
        type: 'string',
        pattern: '^[0-9]{12}$',
        errorMessage: { pattern: 'Số định danh cá nhân gồm đúng 12 chữ số' },
      },
      hoTen: { type: 'string', maxLength: 5 },
      tuoi: { type: 'integer', maximum: 120 },
    },
    errorMessage: { required: { hoTen: 'Vui lòng nhập họ và tên' } },
  };

  it('uses the schema’s own message where it sets one, and the table elsewhere, in either locale', () => {
    const bad = { soDinhDanh: '12', tuoi: 130 };
    for (const locale of ['vi', 'en'] as const) {
      const result = validateForm(schema, bad, { locale });
      const by = Object.fromEntries(result.errors.map((e) => [e.pointer, [e.keyword, e.message]]));
      expect(by['/soDinhDanh']).toEqual(['pattern', 'Số định danh cá nhân gồm đúng 12 chữ số']);
      expect(by['/hoTen']).toEqual(['required', 'Vui lòng nhập họ và tên']);
      expect(by['/tuoi']).toEqual(['maximum', locale === 'vi' ? 'phải nhỏ hơn hoặc bằng 120' : 'must be <= 120']);
    }
    expect(validateForm(schema, { soDinhDanh: '001199012345', hoTen: 'An' }).ok).toBe(true);
  });

  it('works on every draft eform accepts', () => {
    for (const $schema of [
      'http://json-schema.org/draft-04/schema#',
      'http://json-schema.org/draft-06/schema#',
      'https://json-schema.org/draft/2019-09/schema',
      'https://json-schema.org/draft/2020-12/schema',
    ]) {
      const form = loadForm({ ...schema, $schema });
      expect(validateForm(form, { soDinhDanh: 'x', hoTen: 'An' }).errors, $schema).toEqual([
        expect.objectContaining({ pointer: '/soDinhDanh', message: 'Số định danh cá nhân gồm đúng 12 chữ số' }),
      ]);
    }
  });

  it('refuses a malformed errorMessage with a typed error when validating', () => {
    const form = loadForm({ ...schema, errorMessage: 42 });
    expect(() => validateForm(form, {})).toThrow(expect.objectContaining({ code: 'EFORM_SCHEMA_INVALID' }));
  });
});

describe('Form.io: rules apply to a value that is there', () => {
  const form = loadForm({
    components: [
      { type: 'email', key: 'email', label: 'Thư điện tử', input: true },
      { type: 'textfield', key: 'code', label: 'Mã', input: true, validate: { pattern: '[0-9]{4}', maxLength: 4 } },
      { type: 'email', key: 'must', label: 'Thư điện tử bắt buộc', input: true, validate: { required: true } },
    ],
  });

  it("accepts an optional field left empty ('' as Form.io submits it), checks it once filled, without a bare `if` error", () => {
    expect(validateForm(form, { email: '', code: '', must: 'a@b.vn' }).errors).toEqual([]);
    expect(validateForm(form, { email: 'no', code: '12', must: '' }).errors.map((e) => [e.pointer, e.keyword])).toEqual(
      [
        ['/email', 'format'],
        ['/code', 'pattern'],
        ['/must', 'minLength'],
        ['/must', 'format'],
      ],
    );
  });
});
