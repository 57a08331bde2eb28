import type { Diagnostic } from '@sohoa/core';
import { readCccdFront, type CardFrontLabels } from './cccd-front';
import * as p from './field-parsers';
import { checkAddressEnds, checkCardDates, checkExpiryRule, computedDefault, idCardRecord, showsValidity } from './id-card';
import { classifyIdCardPage } from './id-card-classify';
import { RENEWAL_AGES_2014 } from './cccd-2021';
import { readLabelledForm } from './labelled-form';
import { mergeFieldSets } from './merge';
import type { DocumentTypeDefinition, FieldSet, FormTemplate } from './types';

/** Front labels of the 2016 card: Vietnamese only. */
export const CCCD_2016_FRONT: CardFrontLabels = {
  name: ['ho va ten'],
  birth: ['ngay, thang, nam sinh', 'ngay thang nam sinh'],
  sex: ['gioi tinh'],
  nationality: ['quoc tich'],
  hometown: ['que quan'],
  residence: ['noi thuong tru'],
  expiry: ['co gia tri den'],
};

/** Back of the 2016 card: identifying marks under their label, then `Ngày dd tháng mm năm yyyy`. */
export const CCCD_2016_BACK: FormTemplate = {
  sections: [],
  fields: [
    { key: 'person.identifyingMarks', labels: ['dac diem nhan dang'], parse: p.parseIdentifyingMarks, wraps: true, reread: true },
    { key: 'document.issueDate', labels: ['ngay'], parse: p.parseDayMonthYear, reread: true },
  ],
};

const ISSUER_2016 = 'Cục Cảnh sát đăng ký, quản lý cư trú và dữ liệu quốc gia về dân cư';

/** The citizen ID card without chip (Căn cước công dân, 2016 model, TT 61/2015/TT-BCA): front and back. */
export const cccd2016: DocumentTypeDefinition = {
  id: 'cccd-2016',
  kind: 'identity',
  title: 'Căn cước công dân (mẫu 2016, không gắn chip)',
  classify(reading) {
    return classifyIdCardPage(reading, 'cccd-2016');
  },
  async extract(readings, classes, context) {
    const sets: FieldSet[] = [];
    for (const [i, r] of readings.entries()) {
      if (!r.ocr) continue;
      sets.push(classes[i]?.part === 'back' ? await readLabelledForm(r.page, r.ocr, CCCD_2016_BACK, context) : await readCccdFront(r.page, r.ocr, context, CCCD_2016_FRONT));
    }
    const merged = mergeFieldSets(sets);
    const diagnostics: Diagnostic[] = [...merged.diagnostics];
    const fields = merged.fields;
    diagnostics.push(...checkExpiryRule(fields, RENEWAL_AGES_2014), ...checkCardDates(fields), ...checkAddressEnds(fields, ['person.hometown', 'person.permanentAddress']));
    if (fields['person.idNumber']) {
      computedDefault(fields, 'person.nationality', 'Việt Nam');
      fields['document.number'] = { ...fields['person.idNumber'] };
    }
    if (classes.some((c) => c.part === 'back')) computedDefault(fields, 'document.issuer', ISSUER_2016);
    return idCardRecord('cccd-2016', readings, classes, fields, diagnostics, { validityShown: showsValidity(readings, fields) });
  },
};
