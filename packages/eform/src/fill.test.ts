import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillForm } from './fill';
import { syntheticProfile } from './internal/test-profile';
import type { FormSchema } from './types';
import { validateForm } from './validate';

const load = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../schemas/forms/${name}.schema.json`, import.meta.url), 'utf8'),
  ) as FormSchema;
const birthForm = load('to-khai-dang-ky-khai-sinh');
const ct01 = load('ct01-to-khai-thay-doi-thong-tin-cu-tru');
const now = new Date(2026, 2, 5, 9, 30);
// The synthetic profile's residence and ID card, as the birth form's person blocks print them.
const RESIDENCE = 'Số 1 Đường Mẫu, Phường Thử, Tỉnh Mẫu';
const ID_DOCUMENT = {
  loaiGiayTo: 'Căn cước công dân',
  soGiayTo: '001199012345',
  ngayCap: '10/05/2021',
  noiCap: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
};

describe('fillForm: birth registration from a CCCD holder', () => {
  const filled = fillForm(birthForm, syntheticProfile(), { now });
  const byPointer = new Map(filled.fields.map((f) => [f.pointer, f]));

  it('fills the requester block with exact values', () => {
    expect(filled.data).toEqual({
      nguoiYeuCau: {
        hoTen: 'Nguyễn Thị Thử',
        ngaySinh: '14/07/1999',
        noiCuTru: RESIDENCE,
        giayToTuyThan: ID_DOCUMENT,
      },
      ngayLam: '05/03/2026',
    });
  });

  it('records provenance, statuses and reasons', () => {
    expect(byPointer.get('/nguoiYeuCau/hoTen')).toEqual({
      pointer: '/nguoiYeuCau/hoTen',
      key: 'person.fullName',
      status: 'filled',
      value: 'Nguyễn Thị Thử',
      source: {
        documentId: 'doc_cccd',
        documentType: 'cccd-2021',
        method: 'qr',
        confidence: 0.99,
        page: 1,
        sha256: 'a'.repeat(64),
      },
    });
    expect(byPointer.get('/ngayLam')).toMatchObject({
      status: 'filled',
      key: 'form.signingDate',
      source: { method: 'computed' },
    });
    expect(byPointer.get('/kinhGui')).toEqual({
      pointer: '/kinhGui',
      key: 'form.recipient',
      status: 'empty',
      reason: 'no-data',
    });
    expect(byPointer.get('/quanHe')).toEqual({ pointer: '/quanHe', status: 'empty', reason: 'no-binding' });
    expect(byPointer.get('/nguoiDuocKhaiSinh/gioiTinh')).toMatchObject({
      key: 'person.child.sex',
      status: 'empty',
      reason: 'no-data',
    });
    expect(byPointer.get('/me/giayToTuyThan/soGiayTo')).toMatchObject({
      key: 'person.mother.idDocument.number',
      reason: 'no-data',
    });
    expect(byPointer.get('/soLuongBanSao')).toMatchObject({ status: 'empty', reason: 'no-binding' });
  });

  it('computes coverage over leaf fields', () => {
    expect(filled.fields).toHaveLength(43);
    expect(filled.coverage).toEqual({ total: 43, filled: 8, needsReview: 0, empty: 35, ratio: 8 / 43 });
  });

  it('fills the mother block from the subject when the requester is the mother', () => {
    const asMother = fillForm(birthForm, syntheticProfile(), { now, roleMap: { mother: 'self' } });
    expect(asMother.data.me).toEqual({
      hoTen: 'Nguyễn Thị Thử',
      ngaySinh: '14/07/1999',
      danToc: 'Kinh',
      quocTich: 'Việt Nam',
      noiCuTru: RESIDENCE,
      giayToTuyThan: ID_DOCUMENT,
    });
    expect(asMother.coverage).toMatchObject({ filled: 17, ratio: 17 / 43 });
  });

  it('fills the child block with computed date words and the sex enum', () => {
    const profile = syntheticProfile({
      'person.child.fullName': { value: 'Nguyễn Văn Mầm' },
      'person.child.birthDate': { value: '2026-02-24' },
      'person.child.sex': { value: 'male' },
    });
    const form = fillForm(birthForm, profile, { now });
    expect(form.data.nguoiDuocKhaiSinh).toEqual({
      hoTen: 'Nguyễn Văn Mầm',
      ngaySinh: '24/02/2026',
      ngaySinhBangChu: 'Ngày hai mươi tư, tháng hai, năm hai nghìn không trăm hai mươi sáu',
      gioiTinh: 'Nam',
    });
  });

  it('produces data that validates once the user completes the required fields', () => {
    const data = structuredClone(filled.data) as Record<string, Record<string, unknown>>;
    expect(validateForm(birthForm, data).ok).toBe(false);
    data.kinhGui = 'UBND xã Thử Nghiệm' as never;
    data.lamTai = 'Xã Thử Nghiệm' as never;
    data.nguoiDuocKhaiSinh = {
      hoTen: 'Nguyễn Văn Mầm',
      ngaySinh: '24/02/2026',
      gioiTinh: 'Nam',
      noiSinh: 'Trạm y tế xã Thử Nghiệm',
    };
    expect(validateForm(birthForm, data)).toEqual({ ok: true, errors: [] });
  });
});

describe('fillForm: thresholds and field checks', () => {
  it('sends a low-confidence ID number to review, offered but not in data', () => {
    const profile = syntheticProfile({ 'person.idDocument.number': { confidence: 0.85, method: 'ocr' } });
    const form = fillForm(birthForm, profile, { now });
    const field = form.fields.find((f) => f.pointer === '/nguoiYeuCau/giayToTuyThan/soGiayTo');
    expect(field).toMatchObject({
      status: 'needs-review',
      reason: 'low-confidence',
      value: '001199012345',
      source: { confidence: 0.85 },
    });
    expect((form.data.nguoiYeuCau as { giayToTuyThan: Record<string, unknown> }).giayToTuyThan).not.toHaveProperty(
      'soGiayTo',
    );
    expect(form.coverage).toMatchObject({ filled: 7, needsReview: 1, empty: 35 });
    const diagnostic = form.diagnostics.find((d) => d.code === 'EFORM_FIELD_NEEDS_REVIEW');
    expect(diagnostic?.message).toMatchInlineSnapshot(
      `"Field \`/nguoiYeuCau/giayToTuyThan/soGiayTo\` (\`person.idDocument.number\`) has confidence 0.85 below 0.9; the user must confirm it."`,
    );
    expect(JSON.stringify(form.diagnostics)).not.toContain('001199012345');
  });

  it('uses normal-criticality thresholds and per-key overrides', () => {
    // The issuer (normal) at 0.93 passes 0.7; an override raises the bar.
    const strict = fillForm(birthForm, syntheticProfile(), {
      now,
      minConfidence: { 'person.idDocument.issuer': 0.95 },
    });
    expect(strict.fields.find((f) => f.key === 'person.idDocument.issuer')).toMatchObject({
      status: 'needs-review',
      reason: 'low-confidence',
    });
    const lenient = fillForm(birthForm, syntheticProfile({ 'person.fullName': { confidence: 0.8 } }), {
      now,
      minConfidence: { 'person.fullName': 0.75 },
    });
    expect(lenient.fields.find((f) => f.key === 'person.fullName')?.status).toBe('filled');
  });

  it('sends values from expired documents to review', () => {
    const form = fillForm(birthForm, syntheticProfile({ 'person.fullName': { expired: true } }), { now });
    expect(form.fields.find((f) => f.key === 'person.fullName')).toMatchObject({
      status: 'needs-review',
      reason: 'expired-source',
    });
  });

  it('leaves values the field rejects empty, without leaking them', () => {
    const profile = syntheticProfile({ 'person.idNumber': { value: '123456789' }, 'person.sex': { value: 'unknown' } });
    const form = fillForm(ct01, profile, { now });
    expect(form.fields.find((f) => f.pointer === '/soDinhDanh')).toMatchObject({
      status: 'empty',
      reason: 'invalid-for-field',
    });
    expect(form.fields.find((f) => f.pointer === '/gioiTinh')).toMatchObject({
      status: 'empty',
      reason: 'invalid-for-field',
    });
    expect(form.data).not.toHaveProperty('soDinhDanh');
    expect(JSON.stringify(form.diagnostics)).not.toContain('123456789');
  });

  it('fills CT01 with the enum value and counts the member table as one empty field', () => {
    const form = fillForm(ct01, syntheticProfile(), { now });
    expect(form.data).toEqual({
      hoTen: 'Nguyễn Thị Thử',
      ngaySinh: '14/07/1999',
      gioiTinh: 'Nữ',
      soDinhDanh: '001199012345',
      ngayKhai: '05/03/2026',
    });
    expect(form.coverage).toEqual({ total: 13, filled: 5, needsReview: 0, empty: 8, ratio: 5 / 13 });
    expect(form.fields.find((f) => f.pointer === '/thanhVienCungThayDoi')).toMatchObject({ reason: 'no-binding' });
  });

  it('never puts values in diagnostics, whatever the outcome', () => {
    const canary = 'CANARY-0042';
    const profile = syntheticProfile();
    for (const [key, value] of Object.entries(profile.values)) {
      value.value = `${canary}-${key}`;
      value.confidence = key.includes('idDocument') ? 0.5 : 0.99;
      value.expired = key === 'person.fullName';
    }
    for (const schema of [birthForm, ct01]) {
      const form = fillForm(schema, profile, { now });
      expect(form.fields.some((f) => f.status === 'needs-review')).toBe(true);
      expect(form.fields.some((f) => f.reason === 'invalid-for-field')).toBe(true);
      expect(JSON.stringify(form.diagnostics)).not.toContain(canary);
    }
  });

  it('writes a one-line identity document as footnote (3) asks', () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        giayTo: { type: 'string', title: 'Giấy tờ tùy thân (3)' },
        meGiayTo: { type: 'string', 'x-sohoa-key': 'person.mother.idDocument.summary' },
      },
    };
    const form = fillForm(schema, syntheticProfile(), { now });
    expect(form.fields[0]).toMatchObject({
      key: 'person.idDocument.summary',
      status: 'filled',
      source: { confidence: 0.93, documentId: 'doc_cccd' },
    });
    expect(form.data).toEqual({
      giayTo:
        'Căn cước công dân số 001199012345 do Cục Cảnh sát quản lý hành chính về trật tự xã hội cấp ngày 10/05/2021',
    });
    expect(form.fields[1]).toMatchObject({ status: 'empty', reason: 'no-data' });
  });

  it('keeps ISO dates for format: date fields and numbers for integer fields', () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        bday: { type: 'string', format: 'date', 'x-sohoa-key': 'person.birthDate' },
        year: { type: 'integer', 'x-sohoa-key': 'person.birthDate.year' },
        day: { type: 'string', 'x-sohoa-key': 'person.birthDate.day' },
        month: { type: 'string', maxLength: 2, 'x-sohoa-key': 'person.birthDate.month' },
        monthNumber: { type: 'integer', 'x-sohoa-key': 'person.birthDate.month' },
      },
    };
    expect(fillForm(schema, syntheticProfile(), { now }).data).toEqual({
      bday: '1999-07-14',
      year: 1999,
      day: '14',
      month: '07',
      monthNumber: 7,
    });
  });
});
