import { describe, expect, it } from 'vitest';
import { bindForm } from './bind';
import { fillForm } from './fill';
import { syntheticProfile } from './internal/test-profile';
import type { FormSchema } from './types';

const date = (title: string): FormSchema => ({
  type: 'object',
  title,
  properties: {
    d: { type: 'string', title: 'Ngày' },
    m: { type: 'string', title: 'Tháng' },
    y: { type: 'string', title: 'Năm' },
  },
});

// Shaped like a real death-registration declaration with no annotations.
const deathForm: FormSchema = {
  type: 'object',
  properties: {
    nguoi1: {
      type: 'object',
      properties: {
        hoTen: { type: 'string', title: 'Họ, chữ đệm, tên người yêu cầu' },
        ngaySinh: date('Ngày, tháng, năm sinh'),
        giayTo: { type: 'string', title: 'Số CMND/CCCD' },
        ngayCap: date('cấp ngày'),
      },
    },
    nguoi2: {
      type: 'object',
      title: 'Đề nghị cơ quan đăng ký khai tử cho người có tên dưới đây',
      properties: { hoTen: { type: 'string', title: 'Họ, chữ đệm, tên' }, ngaySinh: date('Ngày, tháng, năm sinh') },
    },
    noi: { type: 'string' },
    ngayKy: date('ngày'),
    ngayKhac: date('ngày'),
  },
};

describe('bindForm: context', () => {
  const keys = Object.fromEntries(bindForm(deathForm).fields.map((f) => [f.pointer, f.key]));

  it('binds split dates through their group title', () => {
    expect(keys['/nguoi1/ngaySinh/m']).toBe('person.birthDate.month');
    expect(keys['/nguoi1/ngayCap/y']).toBe('person.idDocument.issueDate.year');
  });

  it('reads a later unnamed person block as someone else', () => {
    expect(keys['/nguoi1/hoTen']).toBe('person.fullName');
    expect(keys['/nguoi2/hoTen']).toBe('person.other.fullName');
    expect(keys['/nguoi2/ngaySinh/d']).toBe('person.other.birthDate.day');
  });

  it('binds only the first bare signature line after a place blank to the signing date', () => {
    expect(keys['/ngayKy/d']).toBe('form.signingDate.day');
    expect(keys['/ngayKhac/d']).toBeUndefined();
  });

  it("reads issue fields after an ID number as that document's, and the last bare date as the signing date", () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        so: { type: 'string', title: 'Số CMND/Hộ chiếu' },
        coQuan: { type: 'string', title: 'Cơ quan cấp' },
        ngay: date('ngày'),
        quanHe: { type: 'string', title: 'Quan hệ với người chết' },
        ky: date('Ngày'),
      },
    };
    const bound = Object.fromEntries(bindForm(schema).fields.map((f) => [f.pointer, f.key]));
    expect(bound['/coQuan']).toBe('person.idDocument.issuer');
    expect(bound['/ngay/m']).toBe('person.idDocument.issueDate.month');
    expect(bound['/ky/y']).toBe('form.signingDate.year');
    // "Giấy CMND số": the old card's issue fields, which a CCCD holder's vault does not hold.
    const old = bindForm({
      type: 'object',
      properties: { so: { type: 'string', title: 'Giấy CMND số' }, ngayCap: { type: 'string', title: 'cấp ngày' } },
    });
    expect(old.fields.map((f) => f.key)).toEqual(['person.oldIdNumber', 'person.oldIdDocument.issueDate']);
  });

  it('binds nothing by inference on a document an authority issues', () => {
    const result = bindForm({
      type: 'object',
      title: 'QUYẾT ĐỊNH',
      properties: { ten: { type: 'string', title: 'Họ và tên' } },
    });
    expect(result.fields[0]?.key).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ code: 'EFORM_NOT_A_DECLARATION' }]);
  });

  it('takes roles from named blocks, and "của" makes the blank someone else', () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        a: {
          type: 'object',
          title: 'I. Người ủy quyền',
          properties: { hoTen: { type: 'string', title: 'Họ và tên' } },
        },
        b: {
          type: 'object',
          title: 'II. Người được ủy quyền',
          properties: { hoTen: { type: 'string', title: 'Họ và tên' } },
        },
        c: {
          type: 'object',
          properties: {
            ten: { type: 'string', title: 'Là cha/mẹ (hoặc người giám hộ) của em' },
            ngaySinh: date('Sinh ngày'),
          },
        },
        d: { type: 'object', properties: { quanHe: { type: 'string', title: 'Mối quan hệ với chủ hộ' } } },
        e: { type: 'object', properties: { giamHo: { type: 'string', title: 'Người giám hộ' } } },
      },
    };
    const bound = Object.fromEntries(bindForm(schema).fields.map((f) => [f.pointer, f.key]));
    expect(bound['/a/hoTen']).toBe('person.grantor.fullName');
    expect(bound['/b/hoTen']).toBe('person.attorney.fullName');
    expect(bound['/c/ngaySinh/d']).toBe('person.other.birthDate.day');
    expect(bound['/d/quanHe']).toBe('person.householdRelation');
    expect(bound['/e/giamHo']).toBe('person.guardian.fullName');
  });
});

describe('fillForm: computed parts', () => {
  const now = new Date(2026, 2, 5);
  it('fills date parts, name parts, address parts and the grantor as the requester; never the other person', () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        a: {
          type: 'object',
          title: 'Người ủy quyền',
          properties: {
            ho: { type: 'string', title: 'Họ' },
            ten: { type: 'string', title: 'Chữ đệm và tên' },
            sinh: date('Sinh ngày'),
            hk: { type: 'string', title: 'Hộ khẩu thường trú' },
            xa: { type: 'string', title: 'Xã (Phường)' },
            tinh: { type: 'string', title: 'Tỉnh (Thành phố)' },
            tuoi: { type: 'integer', title: 'Tuổi' },
          },
        },
        b: { type: 'object', properties: { hoTen: { type: 'string', title: 'Họ và tên' }, sinh: date('Sinh ngày') } },
      },
    };
    const profile = syntheticProfile({
      'person.permanentAddress': { value: 'Số 1 Đường Mẫu, Phường Thử, Quận Mẫu, Thành phố Hà Nội' },
    });
    const filled = fillForm(schema, profile, { now });
    expect(filled.data).toEqual({
      a: {
        ho: 'Nguyễn',
        ten: 'Thị Thử',
        sinh: { d: '14', m: '07', y: '1999' },
        hk: 'Số 1 Đường Mẫu, Phường Thử, Quận Mẫu, Thành phố Hà Nội',
        xa: 'Phường Thử',
        tinh: 'Thành phố Hà Nội',
        tuoi: 26,
      },
    });
    expect(filled.fields.find((f) => f.pointer === '/b/hoTen')).toMatchObject({
      key: 'person.other.fullName',
      status: 'empty',
      reason: 'no-data',
    });
  });
});
