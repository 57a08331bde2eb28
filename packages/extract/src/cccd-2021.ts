import type { Diagnostic, Evidence, ExtractedField, OcrPage, PageSource } from '@sohoa/core';
import { parseDate } from '@sohoa/vn';
import { parseCccdQrPayload } from './cccd-qr';
import { readCccdFront } from './cccd-front';
import { findLabel, foldLines, type FoldedLine } from './lines';
import { mergeFieldSets } from './merge';
import { readMrz } from './mrz';
import { findNumericDates } from './ocr-fixes';
import type { DocumentTypeDefinition, FieldSet, PageClass, PageReading } from './types';

const FRONT_MARKERS = ['can cuoc cong dan', 'citizen identity', 'ho va ten', 'full name', 'que quan', 'place of origin', 'noi thuong tru', 'place of residence', 'date of birth', 'co gia tri den'];
const BACK_MARKERS = ['dac diem nhan dang', 'personal identification', 'ngon tro', 'canh sat quan ly hanh chinh', 'idvnm', 'date, month, year'];

const ISSUE_LABELS = ['ngay, thang, nam', 'date, month, year'];

const ISSUER_2021 = 'Cục Cảnh sát quản lý hành chính về trật tự xã hội';

function markerScore(lines: FoldedLine[], markers: string[]): number {
  const text = lines.map((l) => l.folded).join('\n');
  return markers.filter((m) => text.includes(m)).length / markers.length;
}

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

// Luật Căn cước: a card is renewed at 25, 40 and 60, so it expires on a birthday at one of those ages.
const RENEWAL_AGES = [25, 40, 60];

/** Checks the printed expiry against the birth date; a mismatch halves the expiry's confidence. */
function checkExpiryRule(fields: FieldSet): Diagnostic[] {
  const birth = fields['person.birthDate']?.value;
  const expiry = fields['document.expiryDate'];
  if (typeof birth !== 'string' || !expiry || typeof expiry.value !== 'string') return [];
  const age = Number(expiry.value.slice(0, 4)) - Number(birth.slice(0, 4));
  if (expiry.value.slice(5) === birth.slice(5) && RENEWAL_AGES.includes(age)) return [];
  expiry.confidence *= 0.5;
  return [{ code: 'EXTRACT_EXPIRY_INCONSISTENT', severity: 'warning', origin: 'extract', key: 'document.expiryDate', message: 'The expiry date is not a birthday at age 25, 40 or 60 as the card rules require; it was probably misread and needs review.' }];
}

/** The chip-based citizen ID card (Căn cước công dân, 2021 model): front and back. */
export const cccd2021: DocumentTypeDefinition = {
  id: 'cccd-2021',
  title: 'Căn cước công dân (mẫu 2021, có gắn chip)',
  classify(reading: PageReading): PageClass | undefined {
    const qrIsCard = reading.qr ? /^\d{12}\|/.test(reading.qr.text) : false;
    const lines = reading.ocr ? foldLines(reading.ocr.lines) : [];
    const front = markerScore(lines, FRONT_MARKERS);
    const back = Math.max(markerScore(lines, BACK_MARKERS), qrIsCard ? 0.8 : 0);
    if (Math.max(front, back) < 0.2) return undefined;
    return front >= back ? { type: 'cccd-2021', part: 'front', score: Math.min(1, front * 1.5) } : { type: 'cccd-2021', part: 'back', score: Math.min(1, back * 1.5) };
  },
  async extract(readings, classes, context) {
    const options = context.options;
    const diagnostics: Diagnostic[] = [];
    const sets: Array<{ method: string; fields: FieldSet }> = [];
    for (const [i, r] of readings.entries()) {
      const part = classes[i]?.part;
      const sha = r.page.source.sha256;
      if (r.qr) {
        const parsed = parseCccdQrPayload(r.qr, sha);
        if (parsed) {
          sets.push({ method: 'qr', fields: parsed.fields });
          diagnostics.push(...parsed.diagnostics);
        }
      }
      if (r.ocr) {
        const mrz = part === 'back' ? readMrz(r.ocr, sha, Number(options.asOf.slice(0, 4))) : undefined;
        if (mrz) {
          sets.push({ method: 'mrz', fields: mrz.fields });
          diagnostics.push(...mrz.diagnostics);
        }
        sets.push({ method: 'ocr', fields: part === 'back' ? readBack(r.ocr) : await readCccdFront(r.page, r.ocr, context) });
      }
    }
    const merged = mergeFieldSets(sets.map((s) => s.fields));
    diagnostics.push(...merged.diagnostics);
    const fields = merged.fields;
    diagnostics.push(...checkExpiryRule(fields));
    const parts = [...new Set(classes.map((c) => c.part))].sort((a, b) => (a === 'front' ? -1 : b === 'front' ? 1 : 0));
    const id = fields['person.idNumber']?.value;
    const str = (k: string) => (typeof fields[k]?.value === 'string' ? (fields[k]!.value as string) : undefined);
    if (fields['person.nationality'] === undefined && id !== undefined) {
      // Only citizens hold a CCCD.
      fields['person.nationality'] = { value: 'Việt Nam', confidence: 0.9, evidence: [{ method: 'computed' }] };
    }
    if (parts.includes('back') && !fields['document.issuer']) {
      fields['document.issuer'] = { value: ISSUER_2021, confidence: 0.9, evidence: [{ method: 'computed' }] };
    }
    const idField = fields['person.idNumber'];
    if (idField) fields['document.number'] = { ...idField };
    return {
      type: 'cccd-2021',
      part: parts.join('+'),
      subject: typeof id === 'string' ? { kind: 'person', id } : undefined,
      number: typeof id === 'string' ? id : undefined,
      issuer: str('document.issuer'),
      issued: str('document.issueDate'),
      validUntil: str('document.expiryDate'),
      fields,
      sources: readings.map((r) => r.page.source),
      diagnostics,
    };
  },
};
