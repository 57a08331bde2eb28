import type { Diagnostic } from '@sohoa/core';
import { readCccdFront, type CardFrontLabels } from './cccd-front';
import * as p from './field-parsers';
import { checkAddressEnds, checkCardDates, checkExpiryRule, computedDefault, idCardRecord, showsValidity, machineReadableSets } from './id-card';
import { classifyIdCardPage } from './id-card-classify';
import { readLabelledForm } from './labelled-form';
import { mergeFieldSets } from './merge';
import type { DocumentTypeDefinition, FieldSet, FormTemplate } from './types';

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
    { key: 'person.residence', labels: ['noi cu tru', 'place of residence'], parse: p.parseCardAddress, wraps: true, reread: true },
    { key: 'person.birthRegistrationPlace', labels: ['noi dang ky khai sinh', 'place of birth'], parse: p.parseCardAddress, wraps: true, reread: true },
    { key: 'document.issueDate', labels: ['ngay, thang, nam cap', 'date of issue'], parse: p.parseNumericDateValue, reread: true },
    { key: 'document.expiryDate', labels: ['ngay, thang, nam het han', 'date of expiry'], parse: p.parseNumericDateValue, reread: true },
  ],
};

// Luật Căn cước 2023 Điều 21: renewed at 14, 25, 40 and 60.
const RENEWAL_AGES_2023 = [14, 25, 40, 60];

/** The QR code's address is the place of residence on this card (there is no "nơi thường trú" line). */
function qrAddressIsResidence(set: FieldSet): FieldSet {
  const { 'person.permanentAddress': address, ...rest } = set;
  return address ? { ...rest, 'person.residence': address } : rest;
}

/** The personal ID's first digits name the province where the birth was registered. */
function checkIdBirthProvince(fields: FieldSet): Diagnostic[] {
  const id = fields['person.idNumber'];
  const place = fields['person.birthRegistrationPlace']?.value;
  if (!id || typeof id.value !== 'string' || typeof place !== 'string') return [];
  const code = p.provinceCodeOf(place);
  if (!code || code === id.value.slice(0, 3)) return [];
  id.confidence *= 0.8;
  return [{ code: 'EXTRACT_ID_PROVINCE_MISMATCH', severity: 'warning', origin: 'extract', key: 'person.idNumber', message: 'The province digits of the personal ID do not match the province of the birth registration place; one of them was probably misread.' }];
}

/** The Căn cước card (2024 model, Luật Căn cước 2023): front, and back with QR code and MRZ. */
export const canCuoc2024: DocumentTypeDefinition = {
  id: 'can-cuoc-2024',
  kind: 'identity',
  title: 'Căn cước (mẫu 2024)',
  classify(reading) {
    return classifyIdCardPage(reading, 'can-cuoc-2024');
  },
  async extract(readings, classes, context) {
    const sets: FieldSet[] = [];
    const diagnostics: Diagnostic[] = [];
    for (const [i, r] of readings.entries()) {
      const part = classes[i]?.part;
      const machine = machineReadableSets(r, part, context);
      sets.push(...machine.sets.map(qrAddressIsResidence));
      diagnostics.push(...machine.diagnostics);
      if (r.ocr) sets.push(part === 'back' ? await readLabelledForm(r.page, r.ocr, CAN_CUOC_2024_BACK, context) : await readCccdFront(r.page, r.ocr, context, CAN_CUOC_2024_FRONT));
    }
    const merged = mergeFieldSets(sets);
    diagnostics.push(...merged.diagnostics);
    const fields = merged.fields;
    diagnostics.push(...checkExpiryRule(fields, RENEWAL_AGES_2023), ...checkCardDates(fields), ...checkIdBirthProvince(fields), ...checkAddressEnds(fields, ['person.residence', 'person.birthRegistrationPlace']));
    if (fields['person.idNumber']) fields['document.number'] = { ...fields['person.idNumber'] };
    if (classes.some((c) => c.part === 'back')) computedDefault(fields, 'document.issuer', 'Bộ Công an');
    return idCardRecord('can-cuoc-2024', readings, classes, fields, diagnostics, { validityShown: showsValidity(readings, fields) });
  },
};
