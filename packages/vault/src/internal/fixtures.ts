import type { DocumentRecord, ExtractedField, ExtractionMethod, FieldValue } from '@sohoa/core';

/** A synthetic person's ID number; no real person. */
export const SYNTHETIC_ID = '001099012345';

const field = (value: FieldValue, method: ExtractionMethod, confidence: number, sha256: string): ExtractedField => ({
  value,
  confidence,
  evidence: [{ method, sha256, page: 1, box: { x: 10, y: 20, width: 300, height: 24 } }],
});

/** A synthetic CCCD record for tests; override any part. */
export function syntheticCccd(
  overrides: {
    sha256?: string;
    method?: ExtractionMethod;
    confidence?: number;
    fullName?: string;
  } & Partial<DocumentRecord> = {},
): DocumentRecord {
  const {
    sha256 = 'a'.repeat(64),
    method = 'qr',
    confidence = 0.99,
    fullName = 'Nguyễn Thị Thử',
    ...record
  } = overrides;
  const f = (value: FieldValue) => field(value, method, confidence, sha256);
  return {
    type: 'cccd-2021',
    part: 'front+back',
    subject: { kind: 'person', id: SYNTHETIC_ID },
    number: SYNTHETIC_ID,
    issuer: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
    issued: '2021-05-10',
    validUntil: '2039-07-14',
    status: 'valid',
    fields: {
      'person.idNumber': f(SYNTHETIC_ID),
      'person.fullName': f(fullName),
      'person.birthDate': f('1999-07-14'),
      'person.sex': f('female'),
      'person.nationality': f('Việt Nam'),
      'person.ethnicity': f('Kinh'),
      'person.hometown': f('Xã Thử Nghiệm, Tỉnh Mẫu'),
      'person.permanentAddress': f('Số 1 Đường Mẫu, Phường Thử, Tỉnh Mẫu'),
      'document.number': f(SYNTHETIC_ID),
      'document.issueDate': f('2021-05-10'),
      'document.expiryDate': f('2039-07-14'),
    },
    sources: [
      { file: 'front.jpg', sha256, page: 1, pageCount: 1 },
      { file: 'back.jpg', sha256: 'b'.repeat(64), page: 1, pageCount: 1 },
    ],
    diagnostics: [],
    ...record,
  };
}

/** A synthetic birth certificate that prints no personal ID (issued before the numbers existed): no subject. */
export function syntheticBirthCertificate(
  overrides: { sha256?: string; confidence?: number; mother?: string } = {},
): DocumentRecord {
  const { sha256 = 'c'.repeat(64), confidence = 0.95, mother = 'Trần Thị Mẫu' } = overrides;
  const f = (value: FieldValue) => field(value, 'ocr', confidence, sha256);
  return {
    type: 'giay-khai-sinh',
    kind: 'civil-status',
    part: 'full',
    status: 'valid',
    fields: { 'person.fullName': f('NGUYỄN THỊ THỬ'), 'person.birthDate': f('1999-07-14'), 'person.sex': f('female') },
    relations: [{ role: 'mother', fields: { 'person.fullName': f(mother) } }],
    link: { evidence: [], reason: 'no-id' },
    sources: [{ file: 'khai-sinh.jpg', sha256, page: 1, pageCount: 1 }],
    diagnostics: [],
  };
}
