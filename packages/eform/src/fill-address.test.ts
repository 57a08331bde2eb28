import { describe, expect, it } from 'vitest';
import { createGazetteer, SAMPLE_GAZETTEER } from '@sohoa/vn';
import { bindForm } from './bind';
import { fillForm } from './fill';
import { syntheticProfile } from './internal/test-profile';
import type { FormSchema } from './types';

const gazetteer = createGazetteer(SAMPLE_GAZETTEER);
const now = new Date(2026, 2, 5, 9, 30);
const field = (key: string) => ({ type: 'string', 'x-sohoa-key': key });
const form: FormSchema = {
  type: 'object',
  properties: {
    thuongTru: field('person.permanentAddress'),
    thuongTruMoi: field('person.permanentAddress.currentUnits'),
    tinhMoi: field('person.permanentAddress.currentUnits.province'),
    xaMoi: field('person.permanentAddress.currentUnits.ward'),
    soNhaDuong: field('person.permanentAddress.street'),
    xaPhuong: field('person.permanentAddress.ward'),
    quanHuyen: field('person.permanentAddress.district'),
    tinhThanh: field('person.permanentAddress.province'),
  },
} as FormSchema;
const living = (address: string) => syntheticProfile({ 'person.permanentAddress': { value: address } });
const statusOf = (filled: ReturnType<typeof fillForm>, pointer: string) =>
  filled.fields.find((f) => f.pointer === pointer);

describe('fillForm: addresses in current units', () => {
  it('converts an old address whose commune went whole to one current commune', () => {
    const filled = fillForm(form, living('Số 5 Phố Mẫu, Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội'), {
      now,
      gazetteer,
    });
    expect(filled.data).toMatchObject({
      thuongTruMoi: 'Số 5 Phố Mẫu, Phường Hồng Hà, Thành phố Hà Nội',
      tinhMoi: 'Thành phố Hà Nội',
      xaMoi: 'Phường Hồng Hà',
    });
    expect(statusOf(filled, '/thuongTruMoi')?.source?.documentId).toBe('doc_cccd');
  });

  it('never fills a split commune: needs review with the candidates', () => {
    const filled = fillForm(form, living('Số 5 Phố Mẫu, Phường Điện Biên, Quận Ba Đình, Hà Nội'), { now, gazetteer });
    expect(filled.data).not.toHaveProperty('thuongTruMoi');
    expect(filled.data).not.toHaveProperty('xaMoi');
    expect(filled.data).toMatchObject({ tinhMoi: 'Thành phố Hà Nội' });
    const review = statusOf(filled, '/thuongTruMoi');
    expect(review).toMatchObject({ status: 'needs-review', reason: 'address-unit-split' });
    expect(review?.candidates).toEqual([
      'Phường Hoàn Kiếm, Thành phố Hà Nội',
      'Phường Ba Đình, Thành phố Hà Nội',
      'Phường Văn Miếu - Quốc Tử Giám, Thành phố Hà Nội',
      'Phường Ô Chợ Dừa, Thành phố Hà Nội',
    ]);
    for (const d of filled.diagnostics) expect(d.message).not.toMatch(/Điện Biên|Phố Mẫu/);
  });

  it('without a gazetteer converts only the province', () => {
    const filled = fillForm(form, living('Thôn 2, Xã Mẫu Sơn, Huyện Mẫu, Tỉnh Quảng Nam'), { now });
    expect(filled.data).toMatchObject({ tinhMoi: 'Thành phố Đà Nẵng' });
    expect(statusOf(filled, '/thuongTruMoi')).toMatchObject({ status: 'empty', reason: 'no-data' });
    expect(statusOf(filled, '/xaMoi')).toMatchObject({ status: 'empty', reason: 'no-data' });
  });

  it('keeps an address that already names current units', () => {
    const filled = fillForm(form, living('Thôn 2, Đặc khu Phú Quốc, Tỉnh An Giang'), { now });
    expect(filled.data).toMatchObject({
      thuongTruMoi: 'Thôn 2, Đặc khu Phú Quốc, Tỉnh An Giang',
      xaMoi: 'Đặc khu Phú Quốc',
      tinhMoi: 'Tỉnh An Giang',
    });
  });
});

describe('fillForm: address parts from a parsed address', () => {
  it('splits an abbreviated address into street, ward, district and province', () => {
    const filled = fillForm(form, living('12 Lê Lợi, P. Bến Thành, Q.1, TP.HCM'), { now });
    expect(filled.data).toMatchObject({
      soNhaDuong: '12 Lê Lợi',
      xaPhuong: 'Phường Bến Thành',
      quanHuyen: 'Quận 1',
      tinhThanh: 'Thành phố Hồ Chí Minh',
    });
  });

  it('leaves a part without unit word empty unless a gazetteer confirms it', () => {
    const address = 'Số 5 Phố Mẫu, Phúc Xá, Ba Đình, Hà Nội';
    expect(fillForm(form, living(address), { now }).data).not.toHaveProperty('xaPhuong');
    expect(fillForm(form, living(address), { now, gazetteer }).data).toMatchObject({
      xaPhuong: 'Phường Phúc Xá',
      quanHuyen: 'Quận Ba Đình',
    });
  });
});

describe('binding', () => {
  it('binds a "new units" label to the current-unit key', () => {
    const schema = {
      type: 'object',
      properties: {
        a: { type: 'string', title: 'Nơi thường trú (theo đơn vị hành chính mới)' },
        b: { type: 'string', title: 'Nơi thường trú' },
      },
    } as FormSchema;
    const keys = bindForm(schema).fields.map((f) => f.key);
    expect(keys).toEqual(['person.permanentAddress.currentUnits', 'person.permanentAddress']);
  });
});
