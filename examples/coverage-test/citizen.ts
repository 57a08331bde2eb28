import type { DocumentRecord, ExtractedField, ExtractionMethod } from '@sohoa/core';

// A synthetic citizen (no real person) and the results a digitisation team would have put in her vault:
// her CCCD, her birth certificate (parents) and her marriage certificate (spouse). Replace these with the
// test citizens your portal's forms are meant for.
export const CITIZEN_ID = '001199012345';

const read =
  (method: ExtractionMethod, confidence: number, file: string) =>
  (value: string): ExtractedField => ({
    value,
    confidence,
    evidence: [{ method, sha256: file, page: 1 }],
  });
const qr = read('qr', 0.99, 'a'.repeat(64));
const ocr = (file: string) => read('ocr', 0.95, file);
const person = (id: string) => ({ kind: 'person' as const, id });
const source = (file: string, sha256: string) => [{ file, sha256, page: 1, pageCount: 1 }];

const birthFile = 'b'.repeat(64);
const marriageFile = 'c'.repeat(64);

export const citizenDocuments: DocumentRecord[] = [
  {
    type: 'cccd-2021',
    part: 'front+back',
    subject: person(CITIZEN_ID),
    number: CITIZEN_ID,
    issuer: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
    issued: '2021-05-10',
    validUntil: '2039-07-04',
    status: 'valid',
    fields: {
      'person.idNumber': qr(CITIZEN_ID),
      'person.fullName': qr('Trần Thị Mai Thử'),
      'person.birthDate': qr('1999-07-04'),
      'person.sex': qr('female'),
      'person.nationality': qr('Việt Nam'),
      'person.ethnicity': ocr('a'.repeat(64))('Kinh'),
      'person.hometown': qr('Xã Đông Mẫu, Huyện Thử Nghiệm, Tỉnh Nam Định'),
      'person.permanentAddress': qr('Số 8 Ngõ 12 Phố Mẫu, Phường Thử Nghiệm, Quận Cầu Giấy, Thành phố Hà Nội'),
      'document.number': qr(CITIZEN_ID),
      'document.issueDate': qr('2021-05-10'),
      'document.expiryDate': qr('2039-07-04'),
      'document.issuer': ocr('a'.repeat(64))('Cục Cảnh sát quản lý hành chính về trật tự xã hội'),
    },
    sources: source('cccd.jpg', 'a'.repeat(64)),
    diagnostics: [],
  },
  {
    type: 'giay-khai-sinh',
    subject: person(CITIZEN_ID),
    number: '17',
    issuer: 'Ủy ban nhân dân Phường Thử Nghiệm',
    issued: '1999-07-20',
    status: 'valid',
    fields: {
      'person.fullName': ocr(birthFile)('Trần Thị Mai Thử'),
      'person.birthDate': ocr(birthFile)('1999-07-04'),
      'person.sex': ocr(birthFile)('female'),
      'person.birthPlace': ocr(birthFile)('Bệnh viện Phụ sản Mẫu, Thành phố Hà Nội'),
    },
    relations: [
      {
        role: 'mother',
        fields: {
          'person.fullName': ocr(birthFile)('Lê Thị Mẫu'),
          'person.birthDate': ocr(birthFile)('1972-03-02'),
          'person.ethnicity': ocr(birthFile)('Kinh'),
          'person.nationality': ocr(birthFile)('Việt Nam'),
        },
      },
      {
        role: 'father',
        fields: {
          'person.fullName': ocr(birthFile)('Trần Văn Thử'),
          'person.birthDate': ocr(birthFile)('1970-10-21'),
          'person.ethnicity': ocr(birthFile)('Kinh'),
          'person.nationality': ocr(birthFile)('Việt Nam'),
        },
      },
    ],
    sources: source('khai-sinh.jpg', birthFile),
    diagnostics: [],
  },
  {
    type: 'giay-chung-nhan-ket-hon',
    subject: person(CITIZEN_ID),
    number: '52',
    issuer: 'Ủy ban nhân dân Phường Thử Nghiệm',
    issued: '2024-10-01',
    status: 'valid',
    fields: {
      'person.marriage.certificateNumber': ocr(marriageFile)('52'),
      'person.marriage.registrationDate': ocr(marriageFile)('2024-10-01'),
    },
    relations: [
      {
        role: 'spouse',
        subject: person('001097054321'),
        fields: {
          'person.fullName': ocr(marriageFile)('Phạm Văn Mẫu'),
          'person.birthDate': ocr(marriageFile)('1997-01-15'),
          'person.ethnicity': ocr(marriageFile)('Kinh'),
          'person.nationality': ocr(marriageFile)('Việt Nam'),
        },
      },
    ],
    sources: source('ket-hon.jpg', marriageFile),
    diagnostics: [],
  },
];
