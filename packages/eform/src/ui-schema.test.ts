import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillForm } from './fill';
import { syntheticProfile } from './internal/test-profile';
import { loadForm } from './schema';
import type { FormSchema } from './types';
import { autocompleteToken, sourceDocumentsOf, toUiSchema } from './ui-schema';

const birthForm = JSON.parse(
  readFileSync(new URL('../../../schemas/forms/to-khai-dang-ky-khai-sinh.schema.json', import.meta.url), 'utf8'),
) as FormSchema;
const now = new Date(2026, 2, 5, 9, 30);

describe('autocompleteToken', () => {
  it('gives the HTML autofill token of the subject’s own keys, and `off` for another person’s', () => {
    expect(autocompleteToken('person.fullName')).toBe('name');
    expect(autocompleteToken('person.givenName')).toBe('given-name');
    expect(autocompleteToken('person.familyName')).toBe('family-name');
    expect(autocompleteToken('person.birthDate.day')).toBe('bday-day');
    expect(autocompleteToken('person.birthDate.year')).toBe('bday-year');
    expect(autocompleteToken('person.phone')).toBe('tel');
    expect(autocompleteToken('person.email')).toBe('email');
    expect(autocompleteToken('person.currentAddress')).toBe('street-address');
    expect(autocompleteToken('person.idNumber'), 'no HTML token for an ID number').toBeUndefined();
    expect(autocompleteToken('person.mother.fullName')).toBe('off');
    expect(autocompleteToken('person.mother.fullName', { mother: 'self' })).toBe('name');
    expect(autocompleteToken('person.mother.birthDate.month', { mother: 'self' })).toBe('bday-month');
    expect(autocompleteToken('person.father.birthDate.month', { mother: 'self' })).toBe('off');
    expect(autocompleteToken('person.grantor.fullName'), 'the grantor is the subject by default').toBe('name');
  });
});

describe('toUiSchema', () => {
  it('nests like the data, with tokens, the source of each value and why the others are empty', () => {
    const profile = syntheticProfile({ 'person.ethnicity': { confidence: 0.5, method: 'ocr' } });
    const filled = fillForm(birthForm, profile, { now, roleMap: { mother: 'self' } });
    const ui = toUiSchema(birthForm, filled, {
      roleMap: { mother: 'self' },
      documents: { doc_cccd: { issued: '2021-05-10', recordedAt: '2026-01-02T03:04:05Z' } },
    });
    const requester = ui.nguoiYeuCau as Record<string, Record<string, unknown>>;
    expect(requester.hoTen).toEqual({
      'ui:autocomplete': 'name',
      'ui:help': 'Nguồn: Căn cước công dân (cccd-2021), cấp ngày 10/05/2021, đọc từ mã QR',
    });
    expect((requester.giayToTuyThan as Record<string, Record<string, unknown>>).soGiayTo).toEqual({
      'ui:help': 'Nguồn: Căn cước công dân (cccd-2021), cấp ngày 10/05/2021, đọc từ mã QR',
    });
    const mother = ui.me as Record<string, Record<string, unknown>>;
    expect(mother.hoTen?.['ui:autocomplete']).toBe('name');
    expect(mother.danToc?.['ui:help']).toBe(
      'Nguồn: Căn cước công dân (cccd-2021), cấp ngày 10/05/2021, nhận dạng chữ (OCR) Cần kiểm tra: giá trị đọc được với độ tin cậy thấp.',
    );
    const father = ui.cha as Record<string, Record<string, unknown>>;
    expect(father.hoTen).toEqual({ 'ui:autocomplete': 'off', 'ui:help': 'Kho dữ liệu chưa có thông tin này.' });
    expect(JSON.stringify(ui), 'nothing here comes from a registry').not.toContain('ui:readonly');
  });

  it('makes registry-verified values read-only and dates the source by when it was stored when the issue date is unknown', () => {
    const profile = syntheticProfile({
      'person.fullName': { method: 'registry', confidence: 1, documentType: 'csdlqg-dan-cu' },
    });
    const filled = fillForm(birthForm, profile, { now });
    const ui = toUiSchema(birthForm, filled, {
      locale: 'en',
      documents: { doc_cccd: { recordedAt: '2026-01-02T03:04:05Z' } },
    });
    const name = (ui.nguoiYeuCau as Record<string, Record<string, unknown>>).hoTen;
    expect(name).toEqual({
      'ui:autocomplete': 'name',
      'ui:help': 'Source: csdlqg-dan-cu, stored 2026-01-02, verified against the national registry',
      'ui:readonly': true,
    });
    const birth = (ui.nguoiYeuCau as Record<string, Record<string, unknown>>).ngaySinh;
    expect(birth?.['ui:readonly']).toBeUndefined();
  });

  it('dates each source document from the issue dates the profile holds', () => {
    const profile = syntheticProfile({
      'person.passport.issueDate': { value: '2020-01-02', documentId: 'doc_passport', documentType: 'passport' },
      'document.issueDate': { value: 'not a date', documentId: 'doc_x' },
    });
    expect(sourceDocumentsOf(profile)).toEqual({
      doc_cccd: { issued: '2021-05-10' },
      doc_passport: { issued: '2020-01-02' },
    });
  });

  it('without a filled form, gives the tokens of the binding only (Form.io containers nest)', () => {
    const form = loadForm({
      components: [
        {
          type: 'container',
          key: 'applicant',
          label: 'Người yêu cầu',
          input: true,
          components: [
            { type: 'textfield', key: 'fullname', label: 'Họ, chữ đệm và tên', input: true },
            { type: 'email', key: 'email', label: 'Thư điện tử', input: true },
            { type: 'textfield', key: 'note', label: 'Ghi chú', input: true },
          ],
        },
      ],
    });
    expect(toUiSchema(form)).toEqual({
      applicant: { fullname: { 'ui:autocomplete': 'name' }, email: { 'ui:autocomplete': 'email' } },
    });
  });
});
