// Zero wrong values by construction (docs/binding-and-fill-policy.md §3): what was implied, not read, or cut
// short never fills, whatever its confidence; a name field gets the whole name unless its label asks a part.
import { describe, expect, it } from 'vitest';
import { fillForm } from './fill';
import { addressLooksCut, looksCut } from './internal/trust';
import { syntheticProfile } from './internal/test-profile';
import type { FormSchema } from './types';

const now = new Date(2026, 2, 5);
const schema: FormSchema = {
  type: 'object',
  properties: {
    hoTen: { type: 'string', title: 'Họ và tên' },
    soCccd: { type: 'string', title: 'Số CCCD' },
    noiCap: { type: 'string', title: 'Nơi cấp' },
    quocTich: { type: 'string', title: 'Quốc tịch' },
    thuongTru: { type: 'string', title: 'Nơi thường trú' },
    tinh: { type: 'string', title: 'Tỉnh (Thành phố)' },
    queQuan: { type: 'string', title: 'Quê quán' },
  },
};
const statusOf = (filled: ReturnType<typeof fillForm>, pointer: string) =>
  filled.fields.find((f) => f.pointer === pointer);

describe('fillForm: values it cannot trust', () => {
  it('never fills a value the extractor implied (EXTRACT_FIELD_IMPLIED: method computed below full confidence), not even for review', () => {
    const implied = { method: 'computed' as const, confidence: 0.5 };
    const filled = fillForm(
      schema,
      syntheticProfile({ 'person.idDocument.issuer': implied, 'person.nationality': { ...implied, confidence: 0.95 } }),
      { now, minConfidence: { 'person.idDocument.issuer': 0.1 } },
    );
    expect(statusOf(filled, '/noiCap')).toMatchObject({ status: 'empty', reason: 'implied-value' });
    expect(statusOf(filled, '/noiCap')?.value).toBeUndefined();
    expect(statusOf(filled, '/quocTich')).toMatchObject({ status: 'empty', reason: 'implied-value' });
    expect(filled.data).not.toHaveProperty('noiCap');
    expect(filled.diagnostics.filter((d) => d.code === 'EFORM_VALUE_UNTRUSTED')).toHaveLength(2);
    // A value eform computes itself (the signing date) and document metadata read at full confidence still fill.
    expect(
      fillForm(schema, syntheticProfile({ 'person.idDocument.issuer': { method: 'computed', confidence: 1 } }), { now })
        .data,
    ).toHaveProperty('noiCap');
  });

  it('never fills an address cut mid-word, nor any part of it, at any confidence', () => {
    const cut = syntheticProfile({
      'person.permanentAddress': {
        value: 'Số 1 Đường Mẫu, Phường Thử, Quận Cầu Giấy, Thành phố Hà N',
        confidence: 0.99,
      },
      'person.hometown': { value: 'Xã Thử, Huyện Mẫu, Tỉnh Nam Đị' },
    });
    const filled = fillForm(schema, cut, { now });
    expect(statusOf(filled, '/thuongTru')).toMatchObject({ status: 'empty', reason: 'looks-truncated' });
    expect(statusOf(filled, '/tinh')).toMatchObject({ status: 'empty', reason: 'looks-truncated' });
    expect(statusOf(filled, '/queQuan')).toMatchObject({ status: 'empty', reason: 'looks-truncated' });
    expect(filled.data).toEqual({
      hoTen: 'Nguyễn Thị Thử',
      soCccd: '001199012345',
      noiCap: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
      quocTich: 'Việt Nam',
    });
  });

  it('never fills a name cut short, nor its parts', () => {
    const filled = fillForm(
      {
        type: 'object',
        properties: { ho: { type: 'string', title: 'Họ' }, ten: { type: 'string', title: 'Chữ đệm và tên' } },
      },
      syntheticProfile({ 'person.fullName': { value: 'Nguyễn Thị Th' } }),
      { now },
    );
    expect(filled.data).toEqual({});
    expect(filled.fields.map((f) => f.reason)).toEqual(['looks-truncated', 'looks-truncated']);
  });

  it('tells a cut value from a whole one', () => {
    for (const whole of [
      'Số 1 Đường Mẫu, Phường Thử, Tỉnh Mẫu',
      'Xã Đông Mẫu, Huyện Thử Nghiệm, Tỉnh Nam Định',
      'Thành phố Hà Nội',
      'Bệnh viện Mẫu, TP. Hồ Chí Minh',
      'Moskva, Liên bang Nga',
    ]) {
      expect(addressLooksCut(whole), whole).toBe(false);
    }
    for (const cut of [
      'Số 1 Đường Mẫu, Phường Thử, Thành ph',
      'Phường Thử, Quận Cầu Giấy',
      'Xã Thử, Tỉnh Nam Đị',
      'Số 1 Đường Mẫu, Phường Thử,',
      'Số 1 Đường Mẫu…',
    ]) {
      expect(addressLooksCut(cut), cut).toBe(true);
    }
    expect(looksCut('Nguyễn Thị Thu Thử')).toBe(false);
    expect(looksCut('Cục Cảnh sát quản lý hành chính về trật tự x')).toBe(true);
  });
});
