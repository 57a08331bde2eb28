import {
  checkOrder,
  checkPersonId,
  civilRecord,
  copyField,
  civilScore,
  type CivilClassSpec,
  splitRelations,
} from '../../civil-document';
import type { ReaderSpec } from '../../field-reader';
import * as rp from '../../field-reader/parsers';
import { BOOK_NUMBER_FIELD, personalIdField, placeField } from '../../civil-fields';
import { registerNumberField, registrationDateField, RESIDENCE_LABELS } from '../../civil-fields';
import { readCivilPages } from '../../civil-pages';
import { defineDocumentType } from '../define';

const CLASS: CivilClassSpec = {
  // TT 04/2020 (bản chính, trích lục, bản sao) and the older `Giấy chứng nhận đăng ký kết hôn` / `Giấy đăng ký kết hôn`.
  titles: [
    'giay chung nhan ket hon',
    'chung nhan ket hon',
    'giay chung nhan dang ky ket hon',
    'giay dang ky ket hon',
    'trich luc ket hon',
    'trich luc dang ky ket hon',
    'ban sao giay chung nhan ket hon',
    'marriage certificate',
  ],
  labels: [
    'chong vo',
    'ten chong',
    'ten vo',
    'nguoi chong',
    'nguoi vo',
    'ben nam',
    'ben nu',
    'ben chong',
    'ben vo',
    'dan toc',
    'quoc tich',
    'noi cu tru',
    'noi thuong tru',
    'ngay sinh',
    'sinh ngay',
    'nam sinh',
    'dang ky ket hon',
    'noi dang ky',
    'giay to tuy than',
    'chu ky',
  ],
  topic: ['ket hon', 'ben nam', 'ben nu', 'ten chong', 'ten vo'],
  excludes: ['kinh doanh', 'doanh nghiep', 'su dung dat', 'khai sinh'],
  foreign: ['giay khai sinh', 'trich luc khai sinh'],
  markers: [
    'chung nhan ket hon',
    'thong tin nguoi chong',
    'thong tin nguoi vo',
    'chu ky cua chong',
    'chu ky cua vo',
    'noi dang ky',
  ],
};

const IMPLIED = 0.6;
const SPOUSES = ['subject', 'spouse'];
const ANY = ['*'];

/**
 * Giấy chứng nhận kết hôn as data for the shared reader: husband (the subject) and wife (relation
 * `spouse`) in stacked sections, side-by-side columns, a `Chồng | Vợ` table, or inline (`Họ tên vợ`).
 */
export const MARRIAGE_CERTIFICATE_SPEC: ReaderSpec = {
  roles: [
    {
      id: 'subject',
      headings: ['chồng', 'người chồng', 'bên chồng', 'bên nam', 'husband'],
      qualifiers: ['người chồng', 'chồng', 'husband'],
      pairedWith: 'spouse',
    },
    {
      id: 'spouse',
      headings: ['vợ', 'người vợ', 'bên vợ', 'bên nữ', 'wife'],
      qualifiers: ['người vợ', 'vợ', 'wife'],
      pairedWith: 'subject',
    },
  ],
  stops: [
    'Chữ ký của chồng',
    'Chữ ký của vợ',
    'Ghi chú',
    'Nghề nghiệp',
    'Ký, ghi rõ họ tên',
    'Ký, ghi rõ họ, chữ đệm, tên',
  ],
  fields: [
    registerNumberField([
      'Số:',
      'No.:',
      'Số đăng ký',
      'Số đăng ký:',
      'Sổ đăng ký kết hôn số',
      'Vào sổ đăng ký kết hôn số',
    ]),
    BOOK_NUMBER_FIELD,
    {
      key: 'person.fullName',
      labels: ['Họ, chữ đệm, tên', 'Họ, chữ đệm và tên', 'Họ và tên', 'Họ tên', 'Tên:', 'Full name'],
      roles: SPOUSES,
      parse: rp.name,
      reread: true,
    },
    {
      key: 'person.birthDate',
      labels: ['Ngày, tháng, năm sinh', 'Ngày, tháng, năm', 'Sinh ngày', 'Ngày sinh', 'Date of birth'],
      roles: SPOUSES,
      parse: rp.date,
      reread: true,
      spansLeaders: true,
    },
    { key: 'person.ethnicity', labels: ['Dân tộc', 'Ethnicity'], roles: SPOUSES, parse: rp.ethnicity },
    { key: 'person.nationality', labels: ['Quốc tịch', 'Nationality'], roles: SPOUSES, parse: rp.nationality },
    placeField('person.residence', RESIDENCE_LABELS, SPOUSES),
    personalIdField(
      [
        'Số định danh cá nhân',
        'Giấy tờ tùy thân',
        'Giấy tờ tuỳ thân',
        'Số CMND',
        'Số CCCD',
        'Số căn cước công dân',
        'Số chứng minh nhân dân',
        'Số căn cước',
      ],
      SPOUSES,
    ),
    placeField(
      'document.issuer',
      ['Nơi đăng ký', 'Nơi đăng ký kết hôn', 'Đăng ký kết hôn tại', 'Cơ quan đăng ký', 'Cơ quan đăng ký kết hôn'],
      ANY,
    ),
    registrationDateField([
      'Ngày, tháng, năm đăng ký',
      'Ngày đăng ký',
      'Ngày đăng ký kết hôn',
      'Đăng ký ngày',
      'Đăng ký kết hôn ngày',
      'Đã đăng ký ngày',
      'Date of registration',
    ]),
  ],
};

/** Giấy chứng nhận kết hôn: the husband as subject, the wife as relation `spouse` with her ID number. */
export const marriageCertificate = defineDocumentType({
  id: 'giay-chung-nhan-ket-hon',
  kind: 'civil-status',
  title: 'Giấy chứng nhận kết hôn',
  docCodeKind: 'GKH',
  schema: 'https://sohoa.dev/schemas/documents/giay-chung-nhan-ket-hon.schema.json',
  fields: MARRIAGE_CERTIFICATE_SPEC.fields,
  sections: MARRIAGE_CERTIFICATE_SPEC.roles,
  stops: MARRIAGE_CERTIFICATE_SPEC.stops,
  classify(reading) {
    const score = civilScore(reading, CLASS);
    return score >= 0.3
      ? { type: 'giay-chung-nhan-ket-hon', part: 'full', score: Math.min(1, score * 1.4) }
      : undefined;
  },
  async extract(readings, classes, context) {
    const { fields: read, diagnostics } = await readCivilPages(readings, classes, MARRIAGE_CERTIFICATE_SPEC, context, {
      titles: CLASS.titles,
      signers: ['tm. uy ban nhan dan', 'kt. chu tich', 'chu tich', 'ky, ghi ro ho'],
    });
    const { own: fields, relations } = splitRelations(read, ['spouse']);
    // Implied by the role, not read: kept below every fill threshold (read, don't infer).
    fields['person.sex'] ??= { value: 'male', confidence: IMPLIED, evidence: [{ method: 'computed' }] };
    diagnostics.push(...checkOrder(fields, 'person.birthDate', 'document.issueDate'));
    for (const rel of relations) {
      rel.fields['person.sex'] ??= { value: 'female', confidence: IMPLIED, evidence: [{ method: 'computed' }] };
      diagnostics.push(...checkPersonId(rel.fields, `person.${rel.role}.idNumber`));
      const birth = rel.fields['person.birthDate']?.value;
      const date = fields['document.issueDate']?.value;
      if (typeof birth === 'string' && typeof date === 'string' && birth > date) {
        rel.fields['person.birthDate']!.confidence *= 0.5;
        diagnostics.push({
          code: 'EXTRACT_DATES_INCONSISTENT',
          severity: 'warning',
          origin: 'extract',
          key: 'person.spouse.birthDate',
          message: "The spouse's birth date is after the registration date; it was probably misread.",
        });
      }
    }
    copyField(fields, 'document.number', 'person.marriage.certificateNumber');
    copyField(fields, 'document.bookNumber', 'person.marriage.bookNumber');
    copyField(fields, 'document.issueDate', 'person.marriage.registrationDate');
    copyField(fields, 'document.issuer', 'person.marriage.registrationPlace');
    return civilRecord('giay-chung-nhan-ket-hon', readings, fields, relations, diagnostics);
  },
});
