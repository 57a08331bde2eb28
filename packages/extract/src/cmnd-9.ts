import type { Diagnostic, ExtractedField, OcrPage, PageImage } from '@sohoa/core';
import { copyField } from './civil-document';
import * as p from './field-parsers';
import { checkAddressEnds, checkCardDates, idCardRecord } from './id-card';
import { classifyIdCardPage } from './id-card-classify';
import { foldLines } from './lines';
import { readLabelledForm } from './labelled-form';
import { mergeFieldSets } from './merge';
import { chooseReading, rereadBoxes } from './reading-vote';
import type { DocumentTypeDefinition, ExtractContext, FieldSet, FormTemplate } from './types';

/** Front of the 9-digit CMND: values follow their labels on the same line, addresses wrap. */
export const CMND_FRONT: FormTemplate = {
  sections: [],
  fields: [
    { key: 'person.fullName', labels: ['ho ten', 'hote'], parse: p.parseUpperName, reread: true },
    { key: 'person.birthDate', labels: ['sinh ngay'], parse: p.parseNumericDateValue, reread: true },
    { key: 'person.hometown', labels: ['nguyen quan', 'que quan'], parse: p.parseCardAddress, wraps: true, reread: true },
    { key: 'person.permanentAddress', labels: ['noi dkhk thuong tru', 'dkhk thuong tru', 'noi thuong tru'], parse: p.parseCardAddress, wraps: true, reread: true },
  ],
};

/** Back of the 9-digit CMND: ethnicity, religion, marks, `Ngày dd tháng mm năm yyyy`, `GIÁM ĐỐC CA <province>`. */
export const CMND_BACK: FormTemplate = {
  sections: [],
  fields: [
    { key: 'person.ethnicity', labels: ['dan toc'], parse: p.parseEthnicity },
    { key: 'person.religion', labels: ['ton giao'], parse: p.parseReligion },
    { key: 'person.identifyingMarks', labels: ['dau vet rieng va di hinh', 'dau vet rieng'], parse: p.parseIdentifyingMarks, wraps: true, reread: true },
    { key: 'document.issueDate', labels: ['ngay'], parse: p.parseDayMonthYear, reread: true },
    { key: 'document.issuer', labels: ['giam doc'], parse: p.parsePoliceIssuer },
  ],
};

// No CMND is valid after 31/12/2024 (Luật Căn cước 2023 Điều 46); before that, 15 years from issue (NĐ 05/1999 Điều 2).
const CMND_END = '2024-12-31';
const CMND_YEARS = 15;

/** The red 9-digit number above the name: the first line with a 9-digit run, re-read on its own. */
async function readNumber(page: PageImage, ocr: OcrPage, context: ExtractContext): Promise<ExtractedField | undefined> {
  const line = foldLines(ocr.lines).find((l) => p.parseCmndNumber(l.line.text) && !/ngay|sinh/.test(l.folded));
  if (!line) return undefined;
  const word = line.line.words.find((w) => p.parseCmndNumber(w.text));
  const part = word ?? { text: line.line.text, box: line.line.box, confidence: line.line.confidence };
  const evidence = [{ method: 'ocr' as const, sha256: ocr.source.sha256, page: ocr.source.page, box: part.box }];
  const toField = (text: string, confidence: number): ExtractedField | undefined => {
    const value = p.parseCmndNumber(text);
    return value ? { value, raw: text, confidence: Math.min(0.95, confidence), evidence } : undefined;
  };
  const rereads = await rereadBoxes(page, [part.box], context);
  return chooseReading([toField(part.text, part.confidence), ...rereads.map((r) => toField(r.text, r.confidence))].filter((f): f is ExtractedField => f !== undefined));
}

function addYears(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) + years}${iso.slice(4) === '-02-29' ? '-02-28' : iso.slice(4)}`;
}

/** The 9-digit identity card (Chứng minh nhân dân, mẫu 1999): front and back; the subject is the CMND number. */
export const cmnd9: DocumentTypeDefinition = {
  id: 'cmnd-9',
  kind: 'identity',
  title: 'Chứng minh nhân dân (9 số)',
  requiredKeys: ['person.oldIdNumber'],
  classify(reading) {
    return classifyIdCardPage(reading, 'cmnd-9');
  },
  async extract(readings, classes, context) {
    const sets: FieldSet[] = [];
    for (const [i, r] of readings.entries()) {
      if (!r.ocr) continue;
      if (classes[i]?.part === 'back') {
        sets.push(await readLabelledForm(r.page, r.ocr, CMND_BACK, context));
        continue;
      }
      const set = await readLabelledForm(r.page, r.ocr, CMND_FRONT, context);
      const number = await readNumber(r.page, r.ocr, context);
      if (number) set['person.oldIdNumber'] = number;
      sets.push(set);
    }
    const merged = mergeFieldSets(sets);
    const diagnostics: Diagnostic[] = [...merged.diagnostics, ...checkCardDates(merged.fields), ...checkAddressEnds(merged.fields, ['person.hometown', 'person.permanentAddress'])];
    const fields = merged.fields;
    copyField(fields, 'person.oldIdNumber', 'document.number');
    // Forms ask for the CMND's issue date and place under their own keys ("Ngày cấp CMND", "Nơi cấp").
    copyField(fields, 'document.issueDate', 'person.oldIdDocument.issueDate');
    copyField(fields, 'document.issuer', 'person.oldIdDocument.issuer');
    const issued = fields['document.issueDate']?.value;
    const validUntil = typeof issued === 'string' ? [addYears(issued, CMND_YEARS), CMND_END].sort()[0]! : CMND_END;
    return idCardRecord('cmnd-9', readings, classes, fields, diagnostics, { validUntil, subjectKey: 'person.oldIdNumber' });
  },
};
