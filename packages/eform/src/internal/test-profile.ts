import type { FieldValue } from '@sohoa/core';
import type { FillProfile, FillProfileValue } from '../types';

/** A synthetic CCCD holder's profile (no real person), shaped like a vault profile. */
export function syntheticProfile(
  overrides: Record<string, Partial<FillProfileValue> & { value?: FieldValue }> = {},
): FillProfile {
  const qr = (value: FieldValue): FillProfileValue => ({
    value,
    confidence: 0.99,
    method: 'qr',
    documentId: 'doc_cccd',
    documentType: 'cccd-2021',
    sha256: 'a'.repeat(64),
    page: 1,
    expired: false,
  });
  const values: Record<string, FillProfileValue> = {
    'person.idNumber': qr('001199012345'),
    'person.fullName': qr('Nguyễn Thị Thử'),
    'person.birthDate': qr('1999-07-14'),
    'person.sex': qr('female'),
    'person.nationality': qr('Việt Nam'),
    'person.ethnicity': qr('Kinh'),
    'person.hometown': qr('Xã Thử Nghiệm, Tỉnh Mẫu'),
    'person.permanentAddress': qr('Số 1 Đường Mẫu, Phường Thử, Tỉnh Mẫu'),
    'person.idDocument.type': { ...qr('cccd-2021'), method: 'computed', confidence: 1 },
    'person.idDocument.number': qr('001199012345'),
    'person.idDocument.issueDate': qr('2021-05-10'),
    'person.idDocument.issuer': {
      ...qr('Cục Cảnh sát quản lý hành chính về trật tự xã hội'),
      method: 'ocr',
      confidence: 0.93,
    },
  };
  for (const [key, patch] of Object.entries(overrides)) values[key] = { ...(values[key] ?? qr('')), ...patch };
  return { values };
}
