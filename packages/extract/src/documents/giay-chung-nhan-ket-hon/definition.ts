import type { Diagnostic } from '@sohoa/core';
import { isCmnd } from '@sohoa/vn';
import {
  checkOrder,
  checkPersonId,
  civilRecord,
  copyField,
  civilScore,
  readBareRegisterNumber,
  readSigner,
  readSigningDate,
  type CivilClassSpec,
  splitRelations,
} from '../../civil-document';
import { endsWithProvince } from '../../field-parsers';
import { readFields, type ReaderSpec } from '../../field-reader';
import * as rp from '../../field-reader/parsers';
import { mergeFieldSets } from '../../merge';
import type { FieldSet } from '../../types';
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
    {
      key: 'document.number',
      labels: ['Số:', 'No.:', 'Số đăng ký', 'Số đăng ký:', 'Sổ đăng ký kết hôn số', 'Vào sổ đăng ký kết hôn số'],
      roles: ANY,
      parse: rp.registerNumber,
      reread: true,
      mayBeCut: false,
    },
    {
      key: 'document.bookNumber',
      labels: ['Quyển số'],
      roles: ANY,
      parse: rp.bookNumber,
      reread: true,
      mayBeCut: false,
    },
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
      // A date in words may run onto the next line.
      wraps: true,
      connectives: false,
      complete: rp.dateComplete,
    },
    { key: 'person.ethnicity', labels: ['Dân tộc', 'Ethnicity'], roles: SPOUSES, parse: rp.ethnicity },
    { key: 'person.nationality', labels: ['Quốc tịch', 'Nationality'], roles: SPOUSES, parse: rp.nationality },
    {
      key: 'person.residence',
      labels: [
        'Nơi cư trú',
        'Nơi thường trú/tạm trú',
        'Nơi thường trú, tạm trú',
        'Nơi thường trú',
        'Địa chỉ',
        'Nơi ở hiện tại',
        'Nơi ở hiện nay',
        'Chỗ ở hiện tại',
        'Chỗ ở hiện nay',
        'Hộ khẩu thường trú',
        'Nơi đăng ký hộ khẩu thường trú',
        'Trú quán',
        'Trú tại',
        'Place of residence',
      ],
      roles: SPOUSES,
      parse: rp.place,
      reread: true,
      wraps: true,
      complete: endsWithProvince,
    },
    {
      key: 'person.idNumber',
      labels: [
        'Số định danh cá nhân',
        'Giấy tờ tùy thân',
        'Giấy tờ tuỳ thân',
        'Số Giấy CMND',
        'Giấy CMND số',
        'CMND số',
        'Số CMND',
        'Số CCCD',
        'Số căn cước công dân',
        'Số chứng minh nhân dân',
        'Số căn cước',
      ],
      roles: SPOUSES,
      // Older certificates print the 9-digit CMND here: moved to `person.oldIdNumber` after reading.
      parse: rp.personalIdOrCmnd,
      reread: true,
      wraps: true,
      complete: (t) => rp.personalIdOrCmnd(t) !== undefined,
      mayBeCut: false,
    },
    {
      key: 'document.issuer',
      labels: [
        'Nơi đăng ký',
        'Nơi đăng ký kết hôn',
        'Đăng ký kết hôn tại',
        'Cơ quan đăng ký',
        'Cơ quan đăng ký kết hôn',
      ],
      roles: ANY,
      parse: rp.place,
      reread: true,
      wraps: true,
      complete: endsWithProvince,
    },
    {
      key: 'document.issueDate',
      labels: [
        'Ngày, tháng, năm đăng ký',
        'Ngày đăng ký',
        'Ngày đăng ký kết hôn',
        'Đăng ký ngày',
        'Đăng ký kết hôn ngày',
        'Đã đăng ký ngày',
        'Date of registration',
      ],
      roles: ANY,
      parse: rp.date,
      reread: true,
      spansLeaders: true,
      // A date in words may run onto the next line.
      wraps: true,
      connectives: false,
      complete: rp.dateComplete,
    },
  ],
};

/**
 * A 9-digit number read under an ID label is the old identity card's (CMND): it is kept as
 * `person.oldIdNumber`, never as the personal ID number (which the subject is filed by).
 */
export function cmndToOldId(fields: FieldSet): void {
  const id = fields['person.idNumber'];
  if (!id || !isCmnd(String(id.value))) return;
  fields['person.oldIdNumber'] ??= id;
  delete fields['person.idNumber'];
}

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
    const sets: FieldSet[] = [];
    const read: Diagnostic[] = [];
    for (const [i, r] of readings.entries()) {
      if (!r.ocr || classes[i]?.score === 0) continue;
      const { fields: set, diagnostics } = await readFields(r.page, r.ocr, MARRIAGE_CERTIFICATE_SPEC, context);
      read.push(...diagnostics);
      const signer = readSigner(r, ['tm. uy ban nhan dan', 'kt. chu tich', 'chu tich', 'ky, ghi ro ho']);
      if (signer) set['document.signer'] = signer;
      if (!set['document.issueDate']) {
        const signed = readSigningDate(r);
        if (signed) set['document.issueDate'] = signed;
      }
      if (!set['document.number']) {
        const number = readBareRegisterNumber(r, CLASS.titles);
        if (number) set['document.number'] = number;
      }
      sets.push(set);
    }
    const merged = mergeFieldSets(sets);
    const diagnostics: Diagnostic[] = [...merged.diagnostics, ...read];
    const { own: fields, relations } = splitRelations(merged.fields, ['spouse']);
    for (const set of [fields, ...relations.map((r) => r.fields)]) cmndToOldId(set);
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
