import type { Diagnostic } from '@sohoa/core';
import type { CardFrontLabels } from '../../cccd-front';
import * as p from '../../field-parsers';
import { defineIdCard } from '../../id-card-model';
import type { FieldSet, FormTemplate } from '../../types';

/** Front labels of the Căn cước card (TT 16/2024/TT-BCA): bilingual, no place of origin. */
export const CAN_CUOC_2024_FRONT: CardFrontLabels = {
  name: ['ho, chu dem va ten', 'ho chu dem va ten', 'full name'],
  birth: ['ngay, thang, nam sinh', 'date of birth'],
  sex: ['gioi tinh', 'sex'],
  nationality: ['quoc tich', 'nationality'],
};

/** Back of the Căn cước card: residence and birth registration place under their labels, issue and expiry dates. */
export const CAN_CUOC_2024_BACK: FormTemplate = {
  sections: [],
  fields: [
    {
      key: 'person.residence',
      labels: ['noi cu tru', 'place of residence'],
      parse: p.parseCardAddress,
      wraps: true,
      reread: true,
    },
    {
      key: 'person.birthRegistrationPlace',
      labels: ['noi dang ky khai sinh', 'place of birth'],
      parse: p.parseCardAddress,
      wraps: true,
      reread: true,
    },
    {
      key: 'document.issueDate',
      labels: ['ngay, thang, nam cap', 'date of issue'],
      parse: p.parseNumericDateValue,
      reread: true,
    },
    {
      key: 'document.expiryDate',
      labels: ['ngay, thang, nam het han', 'date of expiry'],
      parse: p.parseNumericDateValue,
      reread: true,
    },
  ],
};

/** The same back read by the column reader (value after the label or under it), for what the form misses. */
export const CAN_CUOC_2024_BACK_COLUMNS: CardFrontLabels = {
  idNumber: false,
  places: [
    { key: 'person.residence', labels: ['noi cu tru', 'place of residence'], lines: 3 },
    { key: 'person.birthRegistrationPlace', labels: ['noi dang ky khai sinh', 'place of birth'], lines: 3 },
  ],
  dates: [
    { key: 'document.issueDate', labels: ['ngay, thang, nam cap', 'ngay thang nam cap', 'date of issue'] },
    { key: 'document.expiryDate', labels: ['ngay, thang, nam het han', 'ngay thang nam het han', 'date of expiry'] },
  ],
  stops: ['bo cong an', 'ministry of public security'],
};

// Luật Căn cước 2023 Điều 21: renewed at 14, 25, 40 and 60.
const RENEWAL_AGES_2023 = [14, 25, 40, 60];

/** The personal ID's first digits name the province where the birth was registered. */
function checkIdBirthProvince(fields: FieldSet): Diagnostic[] {
  const id = fields['person.idNumber'];
  const place = fields['person.birthRegistrationPlace']?.value;
  if (!id || typeof id.value !== 'string' || typeof place !== 'string') return [];
  const code = p.provinceCodeOf(place);
  if (!code || code === id.value.slice(0, 3)) return [];
  id.confidence *= 0.8;
  return [
    {
      code: 'EXTRACT_ID_PROVINCE_MISMATCH',
      severity: 'warning',
      origin: 'extract',
      key: 'person.idNumber',
      message:
        'The province digits of the personal ID do not match the province of the birth registration place; one of them was probably misread.',
    },
  ];
}

/** The Căn cước card (2024 model, Luật Căn cước 2023): front, and back with QR code and MRZ. */
export const canCuoc2024 = defineIdCard({
  id: 'can-cuoc-2024',
  kind: 'identity',
  docCodeKind: 'CCCD',
  schema: 'https://sohoa.dev/schemas/documents/can-cuoc-2024.schema.json',
  title: 'Căn cước (mẫu 2024)',
  front: {
    columns: CAN_CUOC_2024_FRONT,
    markers: {
      anchors: ['can cuoc', 'identity card', 'so dinh danh ca nhan', 'personal identification number'],
      markers: [
        'can cuoc',
        'identity card',
        'so dinh danh ca nhan',
        'personal identification number',
        'chu dem va ten',
        'full name',
        'ngay, thang, nam sinh',
        'date of birth',
        'gioi tinh',
        'quoc tich',
      ],
      excludes: ['can cuoc cong dan', 'citizen identity', 'que quan', 'place of origin', 'chung minh nhan dan'],
    },
  },
  back: {
    form: CAN_CUOC_2024_BACK,
    fallback: CAN_CUOC_2024_BACK_COLUMNS,
    markers: {
      anchors: ['noi cu tru', 'noi dang ky khai sinh', '#mrz', '#qr'],
      markers: [
        'noi cu tru',
        'place of residence',
        'noi dang ky khai sinh',
        'place of birth',
        'nam cap',
        'date of issue',
        'het han',
        'date of expiry',
        'bo cong an',
        'ministry of public security',
        '#mrz',
        '#qr',
      ],
      excludes: ['dac diem nhan dang', 'ngon tro', 'noi thuong tru', 'dau vet rieng'],
    },
  },
  machineReadable: { qr: true, mrz: true },
  // The QR code's address is the place of residence on this card (there is no "nơi thường trú" line).
  machineKeys: { 'person.permanentAddress': 'person.residence' },
  validity: { renewalAges: RENEWAL_AGES_2023, shownOnEverySide: false },
  addressKeys: ['person.residence', 'person.birthRegistrationPlace'],
  checks: [checkIdBirthProvince],
  copies: [['person.idNumber', 'document.number']],
  implied: { issuer: 'Bộ Công an' },
});
