// Deterministic synthetic people for the vault benchmark and the durability test (no real person).
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Thanh', 'Ngọc', 'Đức', 'Thu'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Khoa',
  'Lan',
  'Mai',
  'Nam',
  'Phúc',
  'Quân',
  'Thảo',
  'Vy',
];

/** Synthetic 12-digit personal id number `i` (province 001, never a real pattern check). */
export const personId = (i) => `0019${String(i).padStart(8, '0')}`;

/** A CCCD-like record for person `i`, version `v` (another scan of the card). */
export function cardRecord(i, v = 0) {
  const id = personId(i);
  const sha = (tag) => (tag + String(i).padStart(12, '0') + String(v).padStart(4, '0')).padEnd(64, '0');
  const f = (value, method = 'qr') => ({
    value,
    confidence: 0.97,
    evidence: [{ method, sha256: sha('a'), page: 1, box: { x: 10, y: 20, width: 300, height: 24 } }],
  });
  const year = 1950 + (i % 55);
  return {
    type: 'cccd-2021',
    part: 'front+back',
    subject: { kind: 'person', id },
    number: id,
    issuer: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
    issued: '2021-05-10',
    validUntil: '2046-05-10',
    status: 'valid',
    fields: {
      'person.idNumber': f(id),
      'person.fullName': f(`${FAMILY[i % 10]} ${MIDDLE[i % 8]} ${GIVEN[i % 15]}`),
      'person.birthDate': f(`${year}-0${1 + (i % 9)}-1${i % 10}`),
      'person.sex': f(i % 2 ? 'male' : 'female'),
      'person.nationality': f('Việt Nam'),
      'person.permanentAddress': f(`Số ${i % 300} Đường Mẫu, Phường Thử, Tỉnh Mẫu`, 'ocr'),
    },
    sources: [
      { file: `front-${i}.jpg`, sha256: sha('a'), page: 1, pageCount: 1 },
      { file: `back-${i}.jpg`, sha256: sha('b'), page: 1, pageCount: 1 },
    ],
    diagnostics: [],
  };
}
