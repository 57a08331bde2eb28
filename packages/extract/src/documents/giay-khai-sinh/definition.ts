import {
  canonicalWords,
  checkDateWords,
  checkIdProvince,
  checkOrder,
  civilRecord,
  copyField,
  civilScore,
  type CivilClassSpec,
  splitRelations,
} from '../../civil-document';
import { endsWithProvince } from '../../field-parsers';
import type { ReaderSpec } from '../../field-reader';
import * as rp from '../../field-reader/parsers';
import { BOOK_NUMBER_FIELD, personalIdField, placeField } from '../../civil-fields';
import { registerNumberField, registrationDateField, RESIDENCE_LABELS } from '../../civil-fields';
import { readCivilPages } from '../../civil-pages';
import { defineDocumentType } from '../define';

const CLASS: CivilClassSpec = {
  // TT 04/2020 (bản chính, trích lục, bản sao), the older `Giấy chứng nhận khai sinh` and bilingual copies.
  titles: [
    'giay khai sinh',
    'trich luc khai sinh',
    'ban sao giay khai sinh',
    'ban trich luc khai sinh',
    'giay chung nhan khai sinh',
    'chung nhan khai sinh',
    'birth certificate',
  ],
  labels: [
    'noi sinh',
    'gioi tinh',
    'nam hay nu',
    'dan toc',
    'quoc tich',
    'que quan',
    'ngay sinh',
    'sinh ngay',
    'nam sinh',
    'ten me',
    'nguoi me',
    'ten cha',
    'nguoi cha',
    'cha me',
    'dang ky khai sinh',
    'nguoi di khai',
    'nguoi dung khai',
    'nguoi khai',
    'quan he voi',
    'so dinh danh',
    'ghi bang chu',
    'bang chu',
  ],
  topic: ['khai sinh', 'nguoi dung khai', 'nguoi di khai', 'noi sinh'],
  excludes: ['kinh doanh', 'doanh nghiep', 'su dung dat', 'ket hon'],
  foreign: ['giay chung nhan ket hon', 'trich luc ket hon', 'dang ky ket hon'],
  markers: [
    'giay khai sinh',
    'ten nguoi me',
    'ten nguoi cha',
    'noi dang ky khai sinh',
    'ghi bang chu',
    'nguoi ky giay khai sinh',
    'noi sinh',
  ],
};

const PEOPLE = ['subject', 'mother', 'father', 'declarant'];
const PARENTS = ['mother', 'father'];
const ANY = ['*'];

/**
 * Giấy khai sinh as data for the shared reader: labels of TT 04/2020/TT-BTP and of the older models
 * still in use (`Họ và tên`, `Sinh ngày`, `Nam/Nữ`, parents inline or as their own section,
 * bilingual copies), whatever their order or position on the page.
 */
export const BIRTH_CERTIFICATE_SPEC: ReaderSpec = {
  roles: [
    {
      id: 'subject',
      headings: ['người được khai sinh', 'người được đăng ký khai sinh', 'con'],
      qualifiers: ['người được khai sinh', 'của con', 'con'],
    },
    {
      id: 'mother',
      headings: ['mẹ', 'người mẹ', 'mother'],
      qualifiers: ['người mẹ', 'mẹ', 'mother'],
      pairedWith: 'father',
    },
    {
      id: 'father',
      headings: ['cha', 'người cha', 'bố', 'father'],
      qualifiers: ['người cha', 'cha', 'bố', 'father'],
      pairedWith: 'mother',
    },
    {
      id: 'declarant',
      headings: ['người yêu cầu', 'người khai', 'người đứng khai', 'người đi khai sinh'],
      qualifiers: [
        'người đi khai sinh',
        'người đi đăng ký khai sinh',
        'người đi đăng ký',
        'người đứng khai',
        'người đi khai',
        'người yêu cầu',
        'người khai',
      ],
    },
  ],
  stops: [
    'Người ký giấy khai sinh',
    'TM. Ủy ban nhân dân',
    'KT. Chủ tịch',
    'Ghi chú',
    'Giấy tờ tùy thân',
    'Nghề nghiệp',
  ],
  fields: [
    registerNumberField([
      'Số:',
      'No.:',
      'Số đăng ký',
      'Số đăng ký:',
      'Sổ đăng ký khai sinh số',
      'Vào sổ đăng ký khai sinh số',
    ]),
    BOOK_NUMBER_FIELD,
    {
      key: 'person.fullName',
      labels: ['Họ, chữ đệm, tên', 'Họ, chữ đệm và tên', 'Họ và tên', 'Họ tên', 'Tên:', 'Full name'],
      roles: PEOPLE,
      parse: rp.name,
      reread: true,
    },
    {
      key: 'person.fullName',
      labels: [
        'Người đi đăng ký khai sinh',
        'Người đi khai sinh',
        'Người đi đăng ký',
        'Người đứng khai',
        'Người đi khai',
      ],
      roles: ['declarant'],
      labelRole: 'declarant',
      parse: rp.name,
      reread: true,
    },
    {
      key: 'person.relationship',
      labels: [
        'Quan hệ với người được khai sinh',
        'Quan hệ với người được đăng ký khai sinh',
        'Quan hệ với người được khai',
        'Quan hệ với đứa trẻ',
        'Quan hệ với trẻ',
        'Quan hệ với con',
        'Quan hệ',
      ],
      roles: ['declarant'],
      labelRole: 'declarant',
      parse: rp.kinship,
    },
    {
      key: 'person.birthDate',
      labels: ['Ngày, tháng, năm sinh', 'Ngày, tháng, năm', 'Sinh ngày', 'Ngày sinh', 'Date of birth'],
      parse: rp.date,
      reread: true,
      spansLeaders: true,
    },
    {
      key: 'person.birthDate.year',
      labels: ['Năm sinh', 'Ngày, tháng, năm sinh', 'Sinh ngày', 'Ngày sinh', 'Sinh năm', 'Year of birth'],
      roles: [...PARENTS, 'declarant'],
      parse: rp.year,
      reread: true,
    },
    {
      key: 'person.birthDate.words',
      labels: ['ghi bằng chữ', 'bằng chữ', 'In words'],
      parse: rp.wordsDate,
      wraps: true,
      mayBeCut: false,
    },
    {
      key: 'person.sex',
      labels: ['Giới tính', 'Nam hay nữ', 'Nam/Nữ', 'Nam, nữ', 'Trai hay gái', 'Sex'],
      parse: rp.sex,
    },
    { key: 'person.ethnicity', labels: ['Dân tộc', 'Ethnicity', 'Ethnic group'], roles: PEOPLE, parse: rp.ethnicity },
    { key: 'person.nationality', labels: ['Quốc tịch', 'Nationality'], roles: PEOPLE, parse: rp.nationality },
    {
      key: 'person.birthPlace',
      labels: ['Nơi sinh', 'Place of birth'],
      parse: rp.place,
      reread: true,
      wraps: true,
      complete: endsWithProvince,
    },
    {
      key: 'person.hometown',
      labels: ['Quê quán', 'Nguyên quán', 'Place of origin'],
      parse: rp.place,
      reread: true,
      wraps: true,
      complete: endsWithProvince,
    },
    personalIdField(
      [
        'Số định danh cá nhân',
        'Số CMND',
        'Số CCCD',
        'Số căn cước công dân',
        'Số chứng minh nhân dân',
        'Số căn cước',
        'Personal identification number',
      ],
      PEOPLE,
    ),
    placeField('person.residence', RESIDENCE_LABELS, [...PARENTS, 'declarant']),
    placeField(
      'document.issuer',
      ['Nơi đăng ký khai sinh', 'Nơi đăng ký', 'Cơ quan đăng ký', 'Cơ quan đăng ký khai sinh', 'Đăng ký tại'],
      ANY,
    ),
    registrationDateField([
      'Ngày, tháng, năm đăng ký',
      'Ngày đăng ký',
      'Ngày đăng ký khai sinh',
      'Đăng ký ngày',
      'Đăng ký khai sinh ngày',
      'Đã đăng ký ngày',
      'Date of registration',
    ]),
  ],
};

/** Giấy khai sinh: the child as subject, mother and father as relations, registration number, book, date and authority. */
export const birthCertificate = defineDocumentType({
  id: 'giay-khai-sinh',
  kind: 'civil-status',
  title: 'Giấy khai sinh',
  docCodeKind: 'GKS',
  schema: 'https://sohoa.dev/schemas/documents/giay-khai-sinh.schema.json',
  fields: BIRTH_CERTIFICATE_SPEC.fields,
  sections: BIRTH_CERTIFICATE_SPEC.roles,
  stops: BIRTH_CERTIFICATE_SPEC.stops,
  classify(reading) {
    const score = civilScore(reading, CLASS);
    return score >= 0.3 ? { type: 'giay-khai-sinh', part: 'full', score: Math.min(1, score * 1.4) } : undefined;
  },
  async extract(readings, classes, context) {
    const { fields: read, diagnostics } = await readCivilPages(readings, classes, BIRTH_CERTIFICATE_SPEC, context, {
      titles: CLASS.titles,
      signers: [
        'nguoi ky giay khai sinh',
        'nguoi ky trich luc',
        'ky, ghi ro ho',
        'kt. chu tich',
        'tm. uy ban nhan dan',
        'chu tich',
      ],
    });
    const { own: fields, relations } = splitRelations(read, ['mother', 'father', 'declarant']);
    diagnostics.push(...checkDateWords(fields));
    canonicalWords(fields);
    diagnostics.push(...checkOrder(fields, 'person.birthDate', 'document.issueDate'));
    diagnostics.push(...checkIdProvince(fields));
    const birthYear =
      typeof fields['person.birthDate']?.value === 'string'
        ? Number(String(fields['person.birthDate'].value).slice(0, 4))
        : undefined;
    for (const rel of relations) {
      const year = rel.fields['person.birthDate.year'];
      // A parent is at least 10 years older than the child.
      if (year && birthYear !== undefined && Number(year.value) > birthYear - 10) {
        year.confidence *= 0.5;
        diagnostics.push({
          code: 'EXTRACT_DATES_INCONSISTENT',
          severity: 'warning',
          origin: 'extract',
          key: `person.${rel.role}.birthDate.year`,
          message: `The ${rel.role}'s birth year is less than 10 years before the child's; it was probably misread.`,
        });
      }
    }
    copyField(fields, 'document.number', 'person.birthCertificate.number');
    copyField(fields, 'document.bookNumber', 'person.birthCertificate.bookNumber');
    copyField(fields, 'document.issueDate', 'person.birthCertificate.registrationDate');
    copyField(fields, 'document.issuer', 'person.birthRegistrationPlace');
    return civilRecord('giay-khai-sinh', readings, fields, relations, diagnostics);
  },
});
