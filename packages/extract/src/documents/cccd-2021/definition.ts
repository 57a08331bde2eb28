import type { Evidence, ExtractedField, OcrPage, PageSource } from '@sohoa/core';
import { parseDate } from '@sohoa/vn';
import { FRONT_LABELS } from '../../cccd-front';
import { parseIdentifyingMarks } from '../../field-parsers';
import { defineIdCard } from '../../id-card-model';
import { findLabel, foldLines, type FoldedLine } from '../../lines';
import { findNumericDates } from '../../ocr-fixes';
import type { FieldSet } from '../../types';

const ISSUE_LABELS = ['ngay, thang, nam', 'date, month, year'];

function ocrField(value: string, raw: string, lines: FoldedLine[], source: PageSource, factor = 1): ExtractedField {
  const confidence = Math.min(0.95, Math.min(...lines.map((l) => l.line.confidence)) * factor);
  const evidence: Evidence[] = lines.map((l) => ({
    method: 'ocr',
    sha256: source.sha256,
    page: source.page,
    box: l.line.box,
  }));
  return { value, raw, confidence, evidence };
}

function readBack(ocr: OcrPage): FieldSet {
  const lines = foldLines(ocr.lines);
  const fields: FieldSet = {};
  const issueLine = findLabel(lines, ISSUE_LABELS);
  if (!issueLine) return fields;
  // The date follows the label, or stands on the line below it.
  for (const line of [issueLine, ...lines.slice(issueLine.index + 1, issueLine.index + 3)]) {
    const issue = findNumericDates(line.line.text)
      .map((d) => parseDate(d))
      .find(Boolean);
    if (!issue) continue;
    fields['document.issueDate'] = ocrField(issue.iso, line.line.text, [line], ocr.source);
    break;
  }
  return fields;
}

// Luật Căn cước công dân 2014: a card is renewed at 25, 40 and 60, so it expires on a birthday at one of those ages.
export const RENEWAL_AGES_2014 = [25, 40, 60];

/** The chip-based citizen ID card (Căn cước công dân, 2021 model): front and back. */
export const cccd2021 = defineIdCard({
  id: 'cccd-2021',
  kind: 'identity',
  docCodeKind: 'CCCD',
  schema: 'https://sohoa.dev/schemas/documents/cccd-2021.schema.json',
  title: 'Căn cước công dân (mẫu 2021, có gắn chip)',
  front: {
    columns: FRONT_LABELS,
    markers: {
      anchors: ['can cuoc cong dan', 'citizen identity', 'co gia tri den'],
      markers: [
        'can cuoc cong dan',
        'citizen identity',
        'ho va ten',
        'full name',
        'que quan',
        'place of origin',
        'noi thuong tru',
        'place of residence',
        'date of birth',
        'co gia tri den',
      ],
      excludes: ['so dinh danh ca nhan', 'chu dem va ten', 'noi cu tru', 'chung minh nhan dan'],
    },
  },
  back: {
    columns: {
      idNumber: false,
      places: [
        {
          key: 'person.identifyingMarks',
          labels: ['dac diem nhan dang', 'personal identification'],
          lines: 2,
          parse: parseIdentifyingMarks,
        },
      ],
      stops: [...ISSUE_LABELS, 'cuc truong', 'director general', 'ngon tro', 'index finger'],
    },
    extra: async (_page, ocr) => readBack(ocr),
    markers: {
      anchors: ['dac diem nhan dang', 'personal identification', 'ngon tro', '#mrz', '#qr'],
      markers: [
        'dac diem nhan dang',
        'personal identification',
        'ngon tro',
        'canh sat quan ly hanh chinh',
        'trat tu xa hoi',
        'date, month, year',
        '#mrz',
        '#qr',
      ],
      excludes: ['dkql', 'dlqg', 'bo cong an', 'noi cu tru', 'dau vet rieng'],
    },
  },
  machineReadable: { qr: true, mrz: true },
  validity: { renewalAges: RENEWAL_AGES_2014, shownOnEverySide: true },
  addressKeys: ['person.hometown', 'person.permanentAddress'],
  copies: [['person.idNumber', 'document.number']],
  // Only citizens hold a CCCD; the usual signer of the 2021 card.
  implied: { issuer: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội', nationality: 'Việt Nam' },
});
