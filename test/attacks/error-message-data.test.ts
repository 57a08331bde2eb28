// Attack (security finding, issue 12 follow-up): ajv-errors interpolates `${/pointer}` and relative `${1/x}`
// templates in a schema's `errorMessage` with the data being validated. A form (written by a portal team, or by
// anyone who can hand sohoa a schema) can therefore make a validation message carry another field's value — the
// citizen's ID number in the message about the e-mail field — and messages are what portals log and show.
// validateForm's messages must never carry a data value, except the reported field's own value when the caller
// asked for it (`messageValues: 'own'`).
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ajv-errors templates (`${/pointer}`) are the attack.
import { describe, expect, it } from 'vitest';
import { loadForm, validateForm, withoutMessageTemplates } from '../../packages/eform/src/index';

const ID = '001199012345';
const NAME = 'Nguyễn Thị Thử';
const EMAIL = 'khong-phai-thu';

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['soDinhDanh', 'email', 'diaChi'],
  properties: {
    soDinhDanh: { type: 'string', title: 'Số định danh cá nhân' },
    hoTen: { type: 'string', title: 'Họ và tên' },
    email: {
      type: 'string',
      format: 'email',
      // another field by absolute pointer, by relative pointer, and the field's own value
      errorMessage: { format: 'Thư của ${/soDinhDanh} (${1/hoTen}) không hợp lệ: ${0}' },
    },
    tuoi: { type: 'integer', maximum: 120, errorMessage: 'Tuổi ${0} của ${/hoTen} quá lớn' },
  },
  // at the object level, `${0}` is the whole object: every field
  errorMessage: { required: { diaChi: 'Thiếu địa chỉ cho ${0}, ${/hoTen}' } },
};
const data = { soDinhDanh: ID, hoTen: NAME, email: EMAIL, tuoi: 130 };

const messages = (options?: Parameters<typeof validateForm>[2]) =>
  validateForm(loadForm(schema), data, options).errors.map((e) => e.message);

describe('errorMessage templates cannot put form data into messages', () => {
  it('carries no value of any field by default, in either locale, on every draft', () => {
    for (const $schema of [
      'http://json-schema.org/draft-04/schema#',
      'http://json-schema.org/draft-07/schema#',
      'https://json-schema.org/draft/2019-09/schema',
      'https://json-schema.org/draft/2020-12/schema',
    ]) {
      for (const locale of ['vi', 'en'] as const) {
        const result = validateForm(loadForm({ ...schema, $schema }), data, { locale });
        const text = result.errors.map((e) => e.message).join('\n');
        expect(result.errors.length, $schema).toBe(3);
        for (const value of [ID, NAME, EMAIL, '130', '{']) expect(text, `${$schema} ${value}`).not.toContain(value);
        // the portal's own wording stays
        expect(text).toContain('không hợp lệ');
        expect(text).toContain('Thiếu địa chỉ');
      }
    }
  });

  it("gives the reported field's own value only when asked, and never another field's", () => {
    const asked = messages({ messageValues: 'own' });
    const text = asked.join('\n');
    expect(asked.some((m) => m.includes(EMAIL))).toBe(true);
    expect(asked.some((m) => m.includes('130'))).toBe(true);
    for (const value of [ID, NAME, '{']) expect(text, value).not.toContain(value);
  });

  it('gives a portal the schema without templates for its own Ajv (RJSF), leaving the rest as written', () => {
    const safe = withoutMessageTemplates(schema);
    const text = JSON.stringify(safe);
    expect(text).not.toMatch(/\$\{/);
    expect(safe.properties.email.errorMessage.format).toBe('Thư của … (…) không hợp lệ: …');
    expect({ ...safe, errorMessage: undefined, properties: { ...safe.properties, email: {}, tuoi: {} } }).toEqual({
      ...schema,
      errorMessage: undefined,
      properties: { ...schema.properties, email: {}, tuoi: {} },
    });
    expect(withoutMessageTemplates(schema, true).properties.tuoi.errorMessage).toBe('Tuổi ${0} của … quá lớn');
  });
});
