import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bindForm } from './bind';
import type { FormSchema } from './types';

const unannotated: FormSchema = {
  type: 'object',
  title: 'Đơn đề nghị',
  properties: {
    nguoiKhai: {
      type: 'object',
      title: 'Thông tin người kê khai',
      properties: {
        hoTen: { type: 'string', title: 'Họ và tên' },
        ngaySinh: { type: 'string', title: 'Ngày, tháng, năm sinh' },
        soCccd: { type: 'string', title: 'Số CMND/CCCD' },
        noiCuTru: { type: 'string', title: 'Nơi cư trú (2)' },
      },
    },
    me: {
      type: 'object',
      properties: {
        hoTen: { type: 'string', title: 'Họ, chữ đệm và tên' },
        namSinh: { type: 'integer', title: 'Năm sinh' },
      },
    },
    tenChuHo: { type: 'string', title: '7. Họ, chữ đệm và tên chủ hộ:' },
    thuDienTu: { type: 'string', autocomplete: 'section-a email' },
    dienThoai: { type: 'string' },
    ghiChu: { type: 'string', title: 'Ghi chú' },
    ngayCapPhep: { type: 'string', title: 'Ngày cấp giấy phép xây dựng' },
  },
};

describe('bindForm', () => {
  const { fields, diagnostics } = bindForm(unannotated);
  const byPointer = Object.fromEntries(fields.map((f) => [f.pointer, f]));

  it('infers keys and roles from labels, names and enclosing titles', () => {
    expect(byPointer['/nguoiKhai/hoTen']).toMatchObject({ key: 'person.fullName', via: 'inference', confidence: 1 });
    expect(byPointer['/nguoiKhai/ngaySinh']).toMatchObject({ key: 'person.birthDate', via: 'inference' });
    expect(byPointer['/nguoiKhai/soCccd']).toMatchObject({ key: 'person.idNumber', via: 'inference' });
    expect(byPointer['/nguoiKhai/noiCuTru']).toMatchObject({ key: 'person.residence', via: 'inference' });
    expect(byPointer['/me/hoTen']).toMatchObject({ key: 'person.mother.fullName', via: 'inference' });
    expect(byPointer['/me/namSinh']).toMatchObject({ key: 'person.mother.birthDate.year', via: 'inference' });
    expect(byPointer['/tenChuHo']).toMatchObject({ key: 'person.householdHead.fullName', via: 'inference' });
    expect(byPointer['/dienThoai']).toMatchObject({ key: 'person.phone', via: 'inference', title: 'dienThoai' });
  });

  it('binds autocomplete tokens', () => {
    expect(byPointer['/thuDienTu']).toMatchObject({ key: 'person.email', via: 'autocomplete', confidence: 0.95 });
  });

  it('reports uncertain inferences with candidates instead of using them', () => {
    expect(byPointer['/ghiChu']).toMatchObject({ via: 'none' });
    expect(byPointer['/ghiChu']?.key).toBeUndefined();
    const permit = byPointer['/ngayCapPhep'];
    expect(permit).toMatchObject({ via: 'none' });
    expect(permit?.key).toBeUndefined();
    expect(permit?.candidates?.[0]?.key).toBe('person.idDocument.issueDate');
    expect(permit?.confidence).toBeLessThan(0.8);
    expect(diagnostics.find((d) => d.pointer === '/ngayCapPhep')).toMatchObject({
      code: 'EFORM_BINDING_UNCERTAIN',
      severity: 'info',
    });
  });

  it('trusts identity-document labels only in an identity-document context', () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        ngayCap: { type: 'string', title: 'Ngày cấp' },
        quyenSo: { type: 'string', title: 'Quyển số' },
        giayTo: {
          type: 'object',
          title: 'Giấy tờ tùy thân',
          properties: { ngayCap: { type: 'string', title: 'Ngày cấp' } },
        },
        cha: {
          type: 'object',
          title: 'Cha',
          properties: { cccd: { type: 'object', title: 'Căn cước', properties: { noiCap: { title: 'Nơi cấp' } } } },
        },
      },
    };
    const fields = bindForm(schema).fields.map((f) => [f.pointer, f.key ?? f.candidates?.[0]?.key, f.via]);
    expect(fields).toEqual([
      ['/ngayCap', 'person.idDocument.issueDate', 'none'],
      // `document.*` keys name no particular document, so they are never inferred.
      ['/quyenSo', expect.not.stringMatching(/^document\./), 'none'],
      ['/giayTo/ngayCap', 'person.idDocument.issueDate', 'inference'],
      ['/cha/cccd/noiCap', 'person.father.idDocument.issuer', 'inference'],
    ]);
  });

  it('prefers annotations and honours x-sohoa-key: false', () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        hoTen: { type: 'string', title: 'Họ và tên', 'x-sohoa-key': 'person.mother.fullName' },
        ghiChu: { type: 'string', title: 'Họ và tên', 'x-sohoa-key': false },
        la: { type: 'string', 'x-sohoa-key': 'person.favouriteColour' },
      },
    };
    const result = bindForm(schema);
    expect(result.fields.map((f) => [f.pointer, f.key, f.via])).toEqual([
      ['/hoTen', 'person.mother.fullName', 'annotation'],
      ['/ghiChu', undefined, 'none'],
      ['/la', 'person.favouriteColour', 'annotation'],
    ]);
    expect(result.diagnostics).toMatchObject([{ code: 'EFORM_UNKNOWN_KEY', pointer: '/la' }]);
  });

  it('follows local $refs and escapes pointers', () => {
    const schema: FormSchema = {
      type: 'object',
      $defs: { nguoi: { type: 'object', properties: { hoTen: { type: 'string', title: 'Họ tên' } } } },
      properties: { 'cha/me': { $ref: '#/$defs/nguoi', title: 'Cha' } },
    };
    expect(bindForm(schema).fields).toMatchObject([{ pointer: '/cha~1me/hoTen', key: 'person.father.fullName' }]);
  });

  it('binds every annotated field of the shipped forms to a known key', () => {
    for (const name of ['to-khai-dang-ky-khai-sinh', 'ct01-to-khai-thay-doi-thong-tin-cu-tru']) {
      const schema = JSON.parse(
        readFileSync(new URL(`../../../schemas/forms/${name}.schema.json`, import.meta.url), 'utf8'),
      );
      const result = bindForm(schema);
      expect(result.diagnostics).toEqual([]);
      expect(result.fields.every((f) => f.via === 'annotation' || f.via === 'none')).toBe(true);
    }
  });
});

describe('bindForm: English relation words (forms written by others)', () => {
  it("binds a spouse's or a secondary contact's field to that person, never the subject", () => {
    const { fields } = bindForm({
      type: 'object',
      properties: {
        veteranFullName: { type: 'string', title: 'Full name' },
        dateOfBirth: { type: 'string', title: 'Date of birth' },
        spouseDateOfBirth: { type: 'string', title: 'Date of birth' },
        secondaryContact: { type: 'object', properties: { fullName: { type: 'string', title: 'Full name' } } },
      },
    });
    expect(fields.map((f) => [f.pointer, f.key])).toEqual([
      // Whether the veteran is the person filling in is not said: the veteran's fields, and the particulars
      // printed after the veteran's name, are someone else's until a form says otherwise (empty, never wrong).
      ['/veteranFullName', 'person.other.fullName'],
      ['/dateOfBirth', 'person.other.birthDate'],
      ['/spouseDateOfBirth', 'person.spouse.birthDate'],
      // `other` is a role no profile answers: the field stays empty.
      ['/secondaryContact/fullName', 'person.other.fullName'],
    ]);
  });
});
