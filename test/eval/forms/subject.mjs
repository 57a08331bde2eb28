// A synthetic subject (no real person) and the three documents the evaluation vault holds for her:
// a CCCD (QR-read), her birth certificate (parents) and her marriage certificate (spouse).
// Born in 1999, she held a 9-digit CMND before her CCCD; the CCCD's QR carries that old number
// (its issue date and place are on no document she holds, so forms asking for them stay empty).

export const SUBJECT_ID = '001199012345';
export const OLD_ID = '012345678';

export const TRUTH = {
  fullName: 'Nguyễn Thị Thu Thử',
  birthDate: '1999-07-04',
  sex: 'female',
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  hometown: 'Xã Đông Mẫu, Huyện Thử Nghiệm, Tỉnh Nam Định',
  permanentAddress: 'Số 12 Ngõ 34 Phố Mẫu, Phường Thử Nghiệm, Quận Cầu Giấy, Thành phố Hà Nội',
  birthPlace: 'Bệnh viện Phụ sản Mẫu, Thành phố Hà Nội',
  birthRegistrationPlace: 'Ủy ban nhân dân Phường Thử Nghiệm, Quận Cầu Giấy, Thành phố Hà Nội',
  idIssueDate: '2021-05-10',
  idIssuer: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
  idExpiry: '2039-07-04',
  mother: { fullName: 'Trần Thị Mẫu', birthDate: '1970-02-03', ethnicity: 'Kinh', nationality: 'Việt Nam' },
  father: { fullName: 'Nguyễn Văn Thử', birthDate: '1968-11-20', ethnicity: 'Kinh', nationality: 'Việt Nam' },
  spouse: {
    fullName: 'Lê Văn Mẫu',
    birthDate: '1997-01-15',
    idNumber: '001097054321',
    ethnicity: 'Kinh',
    nationality: 'Việt Nam',
  },
};

const sha = (c) => c.repeat(64);
const field = (value, method, confidence, sha256, page = 1) => ({
  value,
  confidence,
  evidence: [{ method, sha256, page, box: { x: 40, y: 60, width: 400, height: 24 } }],
});
const fields = (entries, method, confidence, sha256) =>
  Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, field(v, method, confidence, sha256)]));
const subject = { kind: 'person', id: SUBJECT_ID };
const source = (file, sha256) => [{ file, sha256, page: 1, pageCount: 1 }];

export function documents() {
  const t = TRUTH;
  const cccd = {
    type: 'cccd-2021',
    part: 'front+back',
    subject,
    number: SUBJECT_ID,
    issuer: t.idIssuer,
    issued: t.idIssueDate,
    validUntil: t.idExpiry,
    status: 'valid',
    fields: {
      ...fields(
        {
          'person.idNumber': SUBJECT_ID,
          'person.oldIdNumber': OLD_ID,
          'person.fullName': t.fullName,
          'person.birthDate': t.birthDate,
          'person.sex': t.sex,
          'person.nationality': t.nationality,
          'person.hometown': t.hometown,
          'person.permanentAddress': t.permanentAddress,
          'document.number': SUBJECT_ID,
          'document.issueDate': t.idIssueDate,
          'document.expiryDate': t.idExpiry,
        },
        'qr',
        0.99,
        sha('a'),
      ),
      ...fields({ 'person.ethnicity': t.ethnicity, 'document.issuer': t.idIssuer }, 'ocr', 0.95, sha('a')),
    },
    sources: source('cccd.jpg', sha('a')),
    diagnostics: [],
  };
  const parent = (p) =>
    fields(
      {
        'person.fullName': p.fullName,
        'person.birthDate': p.birthDate,
        'person.ethnicity': p.ethnicity,
        'person.nationality': p.nationality,
      },
      'ocr',
      0.95,
      sha('b'),
    );
  const birth = {
    type: 'giay-khai-sinh',
    subject,
    number: '123',
    issuer: 'Ủy ban nhân dân Phường Thử Nghiệm',
    issued: '1999-07-20',
    status: 'valid',
    fields: fields(
      {
        'person.fullName': t.fullName,
        'person.birthDate': t.birthDate,
        'person.sex': t.sex,
        'person.ethnicity': t.ethnicity,
        'person.nationality': t.nationality,
        'person.hometown': t.hometown,
        'person.birthPlace': t.birthPlace,
        'person.birthRegistrationPlace': t.birthRegistrationPlace,
      },
      'ocr',
      0.95,
      sha('b'),
    ),
    relations: [
      { role: 'mother', fields: parent(t.mother) },
      { role: 'father', fields: parent(t.father) },
    ],
    sources: source('khai-sinh.jpg', sha('b')),
    diagnostics: [],
  };
  const marriage = {
    type: 'giay-chung-nhan-ket-hon',
    subject,
    number: '45',
    issuer: 'Ủy ban nhân dân Phường Thử Nghiệm',
    issued: '2024-09-09',
    status: 'valid',
    fields: fields(
      { 'person.marriage.certificateNumber': '45', 'person.marriage.registrationDate': '2024-09-09' },
      'ocr',
      0.95,
      sha('c'),
    ),
    relations: [
      {
        role: 'spouse',
        subject: { kind: 'person', id: t.spouse.idNumber },
        fields: fields(
          {
            'person.fullName': t.spouse.fullName,
            'person.birthDate': t.spouse.birthDate,
            'person.ethnicity': t.spouse.ethnicity,
            'person.nationality': t.spouse.nationality,
          },
          'ocr',
          0.95,
          sha('c'),
        ),
      },
    ],
    sources: source('ket-hon.jpg', sha('c')),
    diagnostics: [],
  };
  return [cccd, birth, marriage];
}
