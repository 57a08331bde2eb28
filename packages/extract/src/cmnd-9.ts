import type { ExtractedField, OcrPage, PageImage } from '@sohoa/core';
import * as p from './field-parsers';
import { defineIdCard } from './id-card-model';
import { foldLines } from './lines';
import { chooseReading, rereadBoxes } from './reading-vote';
import type { ExtractContext, FieldSet, FormTemplate } from './types';

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

/** The 9-digit identity card (Chứng minh nhân dân, mẫu 1999): front and back; the subject is the CMND number. */
export const cmnd9 = defineIdCard({
  id: 'cmnd-9',
  kind: 'identity',
  title: 'Chứng minh nhân dân (9 số)',
  requiredKeys: ['person.oldIdNumber'],
  subjectKey: 'person.oldIdNumber',
  front: {
    form: CMND_FRONT,
    extra: async (page, ocr, context): Promise<FieldSet> => {
      const number = await readNumber(page, ocr, context);
      return number ? { 'person.oldIdNumber': number } : {};
    },
    markers: {
      anchors: ['chung minh nhan dan'],
      markers: ['chung minh nhan dan', 'ho ten', 'sinh ngay', 'nguyen quan', 'dkhk', 'thuong tru'],
      excludes: ['can cuoc', 'ho va ten', 'gioi tinh'],
    },
  },
  back: {
    form: CMND_BACK,
    fallback: { idNumber: false, places: [{ key: 'person.identifyingMarks', labels: ['dau vet rieng va di hinh', 'dau vet rieng'], lines: 2, parse: p.parseIdentifyingMarks }], stops: ['ngay', 'giam doc', 'ngon tro'] },
    markers: {
      anchors: ['dau vet rieng', 'di hinh', 'ngon tro'],
      markers: ['dan toc', 'ton giao', 'dau vet rieng', 'di hinh', 'giam doc', 'ngon tro'],
      excludes: ['dac diem nhan dang', '#mrz', '#qr', 'bo cong an'],
    },
  },
  machineReadable: { qr: false, mrz: false },
  // No CMND is valid after 31/12/2024 (Luật Căn cước 2023 Điều 46); before that, 15 years from issue (NĐ 05/1999 Điều 2).
  validity: { yearsFromIssue: 15, noneAfter: '2024-12-31' },
  addressKeys: ['person.hometown', 'person.permanentAddress'],
  // Forms ask for the CMND's issue date and place under their own keys ("Ngày cấp CMND", "Nơi cấp").
  copies: [
    ['person.oldIdNumber', 'document.number'],
    ['document.issueDate', 'person.oldIdDocument.issueDate'],
    ['document.issuer', 'person.oldIdDocument.issuer'],
  ],
});
