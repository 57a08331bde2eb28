import { describe, expect, it } from 'vitest';
import type { PageImage } from '@sohoa/core';
import { safeExtractDocument } from './extract';
import { labelHits } from './labelled-form';
import { indentedPage, SOURCE } from './test-helpers';

const blankPage: PageImage = { source: SOURCE, width: 8, height: 8, channels: 1, pixels: new Uint8Array(64).fill(255), diagnostics: [] };

const BIRTH = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'GIẤY KHAI SINH',
  'Số: 248 Quyển số: 01/2024',
  'Họ, chữ đệm, tên: HOÀNG THUÝ LAN',
  'Ngày, tháng, năm sinh: 20/09/2024',
  'ghi bằng chữ: Ngày hai mươi, tháng chín, năm hai nghìn không trăm hai',
  '   mươi tư',
  'Giới tính: Nữ Dân tộc: Tày Quốc tịch: Việt Nam',
  'Nơi sinh: Bệnh viện Đa khoa Cần Thơ',
  'Quê quán: Quận Lê Chân, Hải Phòng',
  'Số định danh cá nhân: 092324016973',
  'Họ, chữ đệm, tên người mẹ: HOÀNG NGỌC MAI',
  'Năm sinh: 1992 Dân tộc: Kinn Quốc tịch: Việt Nam',
  'Nơi cư trú: Số 236 đường 30 Tháng 4, Phường Tân An, Quận Ninh Kiều,',
  '   Cần Thơ',
  'Họ, chữ đệm, tên người cha: TRẦN VĂN NAM',
  'Năm sinh: 1988 Dân tộc: Kinh Quốc tịch: Việt Nam',
  'Nơi cư trú: Số 236 đường 30 Tháng 4, Phường Tân An, Quận Ninh Kiều, Cần Thơ',
  'Nơi đăng ký khai sinh: Ủy ban nhân dân Phường Xuân Khánh, Quận Ninh',
  '   Kiều, Cần Thơ',
  'Ngày, tháng, năm đăng ký: 25/10/2024',
  'NGƯỜI KÝ GIẤY KHAI SINH',
];

const page = indentedPage;

describe('labelHits', () => {
  it('keeps the longest label and only at word starts', () => {
    const hits = labelHits('so dinh danh ca nhan: 0923 quyen so: 01 nam so 5', ['so dinh danh ca nhan', 'so', 'quyen so', 'nam so']);
    expect(hits.map((h) => h.label)).toEqual(['so dinh danh ca nhan', 'quyen so', 'nam so']);
  });
});

describe('birth certificate', () => {
  it('reads the child, the registration and both parents as relations', async () => {
    const result = await safeExtractDocument({ pages: [blankPage], ocr: [page(BIRTH)] }, { asOf: '2025-01-01' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const r = result.value;
    const v = (k: string) => r.fields[k]?.value;
    expect(r.type).toBe('giay-khai-sinh');
    expect(r.subject).toEqual({ kind: 'person', id: '092324016973' });
    expect(v('person.fullName')).toBe('Hoàng Thuý Lan');
    expect(v('person.birthDate')).toBe('2024-09-20');
    expect(v('person.birthDate.words')).toBe('Ngày hai mươi, tháng chín, năm hai nghìn không trăm hai mươi tư');
    expect(v('person.sex')).toBe('female');
    expect(v('person.ethnicity')).toBe('Tày');
    expect(v('person.hometown')).toBe('Quận Lê Chân, Hải Phòng');
    expect(v('document.number')).toBe('248');
    expect(v('document.bookNumber')).toBe('01/2024');
    expect(v('document.issueDate')).toBe('2024-10-25');
    expect(v('document.issuer')).toBe('Uỷ ban nhân dân Phường Xuân Khánh, Quận Ninh Kiều, Cần Thơ');
    expect(v('person.birthCertificate.registrationDate')).toBe('2024-10-25');
    expect(r.relations?.map((x) => x.role)).toEqual(['mother', 'father']);
    const mother = r.relations![0]!.fields;
    expect(mother['person.fullName']?.value).toBe('Hoàng Ngọc Mai');
    expect(mother['person.birthDate.year']?.value).toBe('1992');
    // "Kinn" snaps to the one ethnic group within one edit; the child's "Tày" is not taken for the mother's.
    expect(mother['person.ethnicity']?.value).toBe('Kinh');
    expect(mother['person.residence']?.value).toBe('Số 236 đường 30 Tháng 4, Phường Tân An, Quận Ninh Kiều, Cần Thơ');
    expect(r.relations![1]!.fields['person.fullName']?.value).toBe('Trần Văn Nam');
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('lowers both birth dates below the fill threshold when digits and words disagree', async () => {
    const lines = BIRTH.map((l) => (l.startsWith('Ngày, tháng, năm sinh') ? 'Ngày, tháng, năm sinh: 28/09/2024' : l));
    const result = await safeExtractDocument({ pages: [blankPage], ocr: [page(lines)] }, { asOf: '2025-01-01' });
    if (!result.ok) throw new Error('no record');
    expect(result.value.fields['person.birthDate']!.confidence).toBeLessThan(0.7);
    expect(result.value.diagnostics.map((d) => d.code)).toContain('EXTRACT_SOURCES_DISAGREE');
    expect(JSON.stringify(result.value.diagnostics)).not.toContain('2024');
  });

  it('leaves a field out rather than guess when its value does not parse', async () => {
    const lines = BIRTH.map((l) => (l.startsWith('Số định danh') ? 'Số định danh cá nhân: 0923240l6' : l));
    const result = await safeExtractDocument({ pages: [blankPage], ocr: [page(lines)] }, { asOf: '2025-01-01' });
    if (!result.ok) throw new Error('no record');
    expect(result.value.fields['person.idNumber']).toBeUndefined();
    expect(result.value.subject).toBeUndefined();
  });
});

describe('marriage certificate', () => {
  const MARRIAGE = [
    'GIẤY CHỨNG NHẬN KẾT HÔN',
    'Số: 29 Quyển số: 01/2014',
    'Thông tin người chồng',
    'Họ, chữ đệm, tên: HOÀNG QUỐC THUỶ',
    'Ngày, tháng, năm sinh: 10/10/1984',
    'Dân tộc: Kinh Quốc tịch: Việt Nam',
    'Nơi cư trú: Tổ 7, Xã Kiến An, Huyện Chợ Mới, An Giang',
    'Số định danh cá nhân: 092084370882',
    'Thông tin người vợ',
    'Họ, chữ đệm, tên: NGUYỄN THU NGỌC',
    'Ngày, tháng, năm sinh: 22/07/1988',
    'Dân tộc: Kinh Quốc tịch: Việt Nam',
    'Nơi cư trú: Tổ 7, Xã Kiến An, Huyện Chợ Mới, An Giang',
    'Số định danh cá nhân: 089188362444',
    'Nơi đăng ký: Ủy ban nhân dân Phường Mỹ Long, Thành phố Long Xuyên, An Giang',
    'Ngày, tháng, năm đăng ký: 19/12/2014',
    'Chữ ký của chồng TM. ỦY BAN NHÂN DÂN',
  ];
  it('reads both spouses with their ID numbers; the wife is the relation spouse', async () => {
    const result = await safeExtractDocument({ pages: [blankPage], ocr: [page(MARRIAGE)] }, { asOf: '2025-01-01' });
    if (!result.ok) throw new Error('no record');
    const r = result.value;
    expect(r.type).toBe('giay-chung-nhan-ket-hon');
    expect(r.subject).toEqual({ kind: 'person', id: '092084370882' });
    expect(r.fields['person.fullName']?.value).toBe('Hoàng Quốc Thuỷ');
    expect(r.fields['person.marriage.registrationDate']?.value).toBe('2014-12-19');
    expect(r.relations).toHaveLength(1);
    expect(r.relations![0]!.role).toBe('spouse');
    expect(r.relations![0]!.subject).toEqual({ kind: 'person', id: '089188362444' });
    expect(r.relations![0]!.fields['person.birthDate']?.value).toBe('1988-07-22');
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
  it("flags a wife's ID whose digits contradict her birth year", async () => {
    const lines = MARRIAGE.map((l, i) => (i === 13 ? 'Số định danh cá nhân: 089190362444' : l));
    const result = await safeExtractDocument({ pages: [blankPage], ocr: [page(lines)] }, { asOf: '2025-01-01' });
    if (!result.ok) throw new Error('no record');
    expect(result.value.relations![0]!.fields['person.idNumber']!.confidence).toBeLessThan(0.5);
    expect(result.value.diagnostics.some((d) => d.key === 'person.spouse.idNumber')).toBe(true);
  });
});
