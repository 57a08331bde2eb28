import type { Diagnostic } from '@sohoa/core';
import { canonicalWords, checkDateWords, checkIdProvince, checkOrder, civilRecord, copyField, markerScore, readSigner, splitRelations } from './civil-document';
import * as p from './field-parsers';
import { readLabelledForm } from './labelled-form';
import { mergeFieldSets } from './merge';
import type { DocumentTypeDefinition, FieldSet, FormFieldSpec, FormTemplate } from './types';

const MARKERS = ['giay khai sinh', 'ten nguoi me', 'ten nguoi cha', 'noi dang ky khai sinh', 'ghi bang chu', 'nguoi ky giay khai sinh', 'noi sinh'];

function parent(role: 'mother' | 'father'): FormFieldSpec[] {
  const who = role === 'mother' ? 'nguoi me' : 'nguoi cha';
  return [
    { key: `${role}:person.fullName`, labels: [`ho, chu dem, ten ${who}`, `ho chu dem ten ${who}`, `ho va ten ${who}`], section: role, parse: p.parseUpperName, reread: true },
    { key: `${role}:person.birthDate.year`, labels: ['nam sinh'], section: role, parse: p.parseYear, reread: true },
    { key: `${role}:person.ethnicity`, labels: ['dan toc'], section: role, parse: p.parseEthnicity },
    { key: `${role}:person.nationality`, labels: ['quoc tich'], section: role, parse: p.parseNationality },
    { key: `${role}:person.residence`, labels: ['noi cu tru', 'noi thuong tru'], section: role, parse: p.parsePlace, wraps: true },
  ];
}

/** Giấy khai sinh (TT 04/2020/TT-BTP): labels, sections and parsers. */
export const BIRTH_CERTIFICATE_TEMPLATE: FormTemplate = {
  sections: [
    { id: 'mother', start: ['ho, chu dem, ten nguoi me', 'ho chu dem ten nguoi me', 'ho va ten nguoi me'] },
    { id: 'father', start: ['ho, chu dem, ten nguoi cha', 'ho chu dem ten nguoi cha', 'ho va ten nguoi cha'] },
    { id: 'registration', start: ['noi dang ky khai sinh', 'ho, chu dem, ten nguoi di khai sinh'] },
  ],
  fields: [
    { key: 'document.number', labels: ['so:', 'so :'], parse: p.parseRegisterNumber, reread: true },
    { key: 'document.bookNumber', labels: ['quyen so'], parse: p.parseBookNumber, reread: true },
    { key: 'person.fullName', labels: ['ho, chu dem, ten', 'ho chu dem ten', 'ho va ten'], parse: p.parseUpperName, reread: true },
    { key: 'person.birthDate', labels: ['ngay, thang, nam sinh', 'ngay thang nam sinh'], parse: p.parseNumericDateValue, reread: true },
    { key: 'person.birthDate.words', labels: ['ghi bang chu'], parse: p.parseWordsDate, wraps: true },
    { key: 'person.sex', labels: ['gioi tinh'], parse: p.parseSexValue },
    { key: 'person.ethnicity', labels: ['dan toc'], parse: p.parseEthnicity },
    { key: 'person.nationality', labels: ['quoc tich'], parse: p.parseNationality },
    { key: 'person.birthPlace', labels: ['noi sinh'], parse: p.parsePlace, wraps: true },
    { key: 'person.hometown', labels: ['que quan'], parse: p.parsePlace, wraps: true },
    { key: 'person.idNumber', labels: ['so dinh danh ca nhan'], parse: p.parsePersonalIdValue, reread: true },
    ...parent('mother'),
    ...parent('father'),
    { key: 'document.issuer', labels: ['noi dang ky khai sinh'], section: 'registration', parse: p.parsePlace, wraps: true },
    { key: 'document.issueDate', labels: ['ngay, thang, nam dang ky', 'ngay thang nam dang ky'], section: 'registration', parse: p.parseNumericDateValue, reread: true },
  ],
};

/** Giấy khai sinh: the child as subject, mother and father as relations, registration number, book, date and authority. */
export const birthCertificate: DocumentTypeDefinition = {
  id: 'giay-khai-sinh',
  kind: 'civil-status',
  title: 'Giấy khai sinh',
  classify(reading) {
    const score = markerScore(reading, MARKERS);
    return score >= 0.3 ? { type: 'giay-khai-sinh', part: 'full', score: Math.min(1, score * 1.4) } : undefined;
  },
  async extract(readings, classes, context) {
    const sets: FieldSet[] = [];
    for (const [i, r] of readings.entries()) {
      if (!r.ocr || classes[i]?.score === 0) continue;
      const set = await readLabelledForm(r.page, r.ocr, BIRTH_CERTIFICATE_TEMPLATE, context);
      const signer = readSigner(r, ['nguoi ky giay khai sinh', 'ky, ghi ro ho']);
      if (signer) set['document.signer'] = signer;
      sets.push(set);
    }
    const merged = mergeFieldSets(sets);
    const diagnostics: Diagnostic[] = [...merged.diagnostics];
    const { own: fields, relations } = splitRelations(merged.fields, ['mother', 'father']);
    diagnostics.push(...checkDateWords(fields));
    canonicalWords(fields);
    diagnostics.push(...checkOrder(fields, 'person.birthDate', 'document.issueDate'));
    diagnostics.push(...checkIdProvince(fields));
    const birthYear = typeof fields['person.birthDate']?.value === 'string' ? Number(String(fields['person.birthDate'].value).slice(0, 4)) : undefined;
    for (const rel of relations) {
      const year = rel.fields['person.birthDate.year'];
      // A parent is at least 10 years older than the child.
      if (year && birthYear !== undefined && Number(year.value) > birthYear - 10) {
        year.confidence *= 0.5;
        diagnostics.push({ code: 'EXTRACT_DATES_INCONSISTENT', severity: 'warning', origin: 'extract', key: `person.${rel.role}.birthDate.year`, message: `The ${rel.role}'s birth year is less than 10 years before the child's; it was probably misread.` });
      }
    }
    copyField(fields, 'document.number', 'person.birthCertificate.number');
    copyField(fields, 'document.bookNumber', 'person.birthCertificate.bookNumber');
    copyField(fields, 'document.issueDate', 'person.birthCertificate.registrationDate');
    copyField(fields, 'document.issuer', 'person.birthRegistrationPlace');
    return civilRecord('giay-khai-sinh', readings, fields, relations, diagnostics);
  },
};
