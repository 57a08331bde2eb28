import type { Diagnostic, Evidence, ExtractedField, OcrPage, PageSource } from '@sohoa/core';
import { parseDate } from '@sohoa/vn';
import { readCccdFront } from './cccd-front';
import { checkAddressEnds, checkCardDates, checkExpiryRule, computedDefault, idCardRecord, machineReadableSets } from './id-card';
import { classifyIdCardPage } from './id-card-classify';
import { findLabel, foldLines, type FoldedLine } from './lines';
import { mergeFieldSets } from './merge';
import { findNumericDates } from './ocr-fixes';
import type { DocumentTypeDefinition, FieldSet, PageClass, PageReading } from './types';

const ISSUE_LABELS = ['ngay, thang, nam', 'date, month, year'];

const ISSUER_2021 = 'Cục Cảnh sát quản lý hành chính về trật tự xã hội';

function ocrField(value: string, raw: string, lines: FoldedLine[], source: PageSource, factor = 1): ExtractedField {
  const confidence = Math.min(0.95, Math.min(...lines.map((l) => l.line.confidence)) * factor);
  const evidence: Evidence[] = lines.map((l) => ({ method: 'ocr', sha256: source.sha256, page: source.page, box: l.line.box }));
  return { value, raw, confidence, evidence };
}

function readBack(ocr: OcrPage): FieldSet {
  const lines = foldLines(ocr.lines);
  const fields: FieldSet = {};
  const issueLine = findLabel(lines, ISSUE_LABELS);
  const issue = issueLine ? findNumericDates(issueLine.line.text).map((d) => parseDate(d)).find(Boolean) : undefined;
  if (issueLine && issue) fields['document.issueDate'] = ocrField(issue.iso, issueLine.line.text, [issueLine], ocr.source);
  return fields;
}

// Luật Căn cước công dân 2014: a card is renewed at 25, 40 and 60, so it expires on a birthday at one of those ages.
export const RENEWAL_AGES_2014 = [25, 40, 60];

/** The chip-based citizen ID card (Căn cước công dân, 2021 model): front and back. */
export const cccd2021: DocumentTypeDefinition = {
  id: 'cccd-2021',
  kind: 'identity',
  title: 'Căn cước công dân (mẫu 2021, có gắn chip)',
  classify(reading: PageReading): PageClass | undefined {
    return classifyIdCardPage(reading, 'cccd-2021');
  },
  async extract(readings, classes, context) {
    const diagnostics: Diagnostic[] = [];
    const sets: FieldSet[] = [];
    for (const [i, r] of readings.entries()) {
      const part = classes[i]?.part;
      const machine = machineReadableSets(r, part, context);
      sets.push(...machine.sets);
      diagnostics.push(...machine.diagnostics);
      if (r.ocr) sets.push(part === 'back' ? readBack(r.ocr) : await readCccdFront(r.page, r.ocr, context));
    }
    const merged = mergeFieldSets(sets);
    diagnostics.push(...merged.diagnostics);
    const fields = merged.fields;
    diagnostics.push(...checkExpiryRule(fields, RENEWAL_AGES_2014), ...checkCardDates(fields), ...checkAddressEnds(fields, ['person.hometown', 'person.permanentAddress']));
    // Only citizens hold a CCCD.
    if (fields['person.idNumber']) computedDefault(fields, 'person.nationality', 'Việt Nam');
    if (classes.some((c) => c.part === 'back')) computedDefault(fields, 'document.issuer', ISSUER_2021);
    const idField = fields['person.idNumber'];
    if (idField) fields['document.number'] = { ...idField };
    return idCardRecord('cccd-2021', readings, classes, fields, diagnostics);
  },
};
