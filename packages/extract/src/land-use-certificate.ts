import type { Diagnostic, ExtractedField } from '@sohoa/core';
import { findProvince, normalizeText, parseVietnameseAmountWords } from '@sohoa/vn';
import { checkAgreement, checkPersonId, civilRecord, markerScore, splitRelations } from './civil-document';
import * as p from './field-parsers';
import { readLabelledForm } from './labelled-form';
import { foldLines } from './lines';
import { mergeFieldSets } from './merge';
import * as r from './registration-parsers';
import { chooseReading, rereadBoxes } from './reading-vote';
import type { DocumentTypeDefinition, ExtractContext, FieldSet, FormFieldSpec, FormTemplate, PageReading } from './types';

/**
 * Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất: the 2014 model (cover
 * page with the holders and the serial, inner page with the parcel) and the one-sheet 2024 model.
 * Labels follow the seeds, after one public parser of a real certificate (vietnam-facts §2.4,
 * single source); the first holder is the subject, a second holder (the spouse) a relation.
 */

/** Common land purposes (Luật Đất đai 2024, Điều 9), for snapping OCR readings. */
const LAND_PURPOSES = [
  'Đất ở tại đô thị', 'Đất ở tại nông thôn', 'Đất trồng lúa', 'Đất trồng cây lâu năm', 'Đất trồng cây hằng năm khác',
  'Đất nuôi trồng thủy sản', 'Đất rừng sản xuất', 'Đất thương mại, dịch vụ', 'Đất cơ sở sản xuất phi nông nghiệp',
];
/** Common origins of the use right, as printed. */
const LAND_ORIGINS = [
  'Nhà nước công nhận quyền sử dụng đất', 'Nhà nước giao đất có thu tiền sử dụng đất', 'Nhà nước giao đất không thu tiền sử dụng đất',
  'Nhà nước cho thuê đất trả tiền một lần', 'Nhà nước cho thuê đất trả tiền hằng năm', 'Nhận chuyển nhượng quyền sử dụng đất',
  'Nhận thừa kế quyền sử dụng đất', 'Nhận tặng cho quyền sử dụng đất',
];

const COVER = ['giay chung nhan', 'quyen su dung dat', 'tai san gan lien voi dat', 'nguoi su dung dat', 'nam sinh', 'cccd so'];
const INNER = ['thua dat so', 'to ban do so', 'dien tich', 'muc dich su dung', 'thoi han su dung', 'nguon goc su dung', 'hinh thuc su dung'];

const HOLDER = ['ong:', 'ba:', 'ong :', 'ba :'];

function holder(prefix: string, section: string): FormFieldSpec[] {
  const k = (key: string) => (prefix === '' ? key : `${prefix}:${key}`);
  return [
    { key: k('person.fullName'), labels: HOLDER, section, parse: p.parseUpperName, reread: true },
    { key: k('person.sex'), labels: ['ong:', 'ong :'], section, parse: (t) => (/\p{L}{2}/u.test(t) ? 'male' : undefined) },
    { key: k('person.sex'), labels: ['ba:', 'ba :'], section, parse: (t) => (/\p{L}{2}/u.test(t) ? 'female' : undefined) },
    { key: k('person.birthDate.year'), labels: ['nam sinh', 'sinh nam'], section, parse: p.parseYear, reread: true },
    { key: k('person.idNumber'), labels: ['cccd so', 'so cccd', 'can cuoc so', 'so dinh danh ca nhan'], section, parse: p.parsePersonalIdValue, reread: true },
  ];
}

/** Where a value is snapped to a closed list when close, else kept as read. */
function snapOrKeep(values: readonly string[]): (text: string) => string | undefined {
  const snap = r.snapParser(values);
  return (text) => snap(text) ?? p.parseFreeText(text.replace(/[()]/g, ''));
}

/** Giấy chứng nhận quyền sử dụng đất: labels, sections and parsers. */
export const LAND_CERTIFICATE_TEMPLATE: FormTemplate = {
  sections: [
    { id: 'holder', start: HOLDER },
    { id: 'coholder', start: HOLDER },
    { id: 'holderAddress', start: ['dia chi thuong tru'] },
    { id: 'parcel', start: ['thua dat so'] },
  ],
  fields: [
    ...holder('', 'holder'),
    ...holder('spouse', 'coholder'),
    { key: 'person.permanentAddress', labels: ['dia chi thuong tru'], section: 'holderAddress', parse: p.parsePlace, wraps: true },
    { key: 'land.parcelNumber', labels: ['thua dat so'], section: 'parcel', parse: r.parseSmallNumber, reread: true },
    { key: 'land.mapSheetNumber', labels: ['to ban do so'], section: 'parcel', parse: r.parseSmallNumber, reread: true },
    { key: 'land.address', labels: ['dia chi'], section: 'parcel', parse: p.parsePlace, wraps: true },
    { key: 'land.area', labels: ['dien tich'], section: 'parcel', parse: r.parseAreaValue, reread: true },
    { key: 'land.area.words', labels: ['bang chu'], section: 'parcel', parse: r.parseAreaWordsValue, wraps: true },
    { key: 'land.useForm', labels: ['hinh thuc su dung'], section: 'parcel', parse: r.snapParser(['Sử dụng riêng', 'Sử dụng chung']) },
    { key: 'land.purpose', labels: ['muc dich su dung'], section: 'parcel', parse: snapOrKeep(LAND_PURPOSES) },
    { key: 'land.term', labels: ['thoi han su dung'], section: 'parcel', parse: r.parseLandTerm, reread: true },
    { key: 'land.origin', labels: ['nguon goc su dung'], section: 'parcel', parse: snapOrKeep(LAND_ORIGINS), wraps: true },
    { key: 'land.certificate.registryNumber', labels: ['so vao so cap giay chung nhan', 'so vao so cap gcn'], section: 'parcel', parse: r.parseRegistryNumber, reread: true },
  ],
};

const evidenceOf = (reading: PageReading, box: ExtractedField['evidence'][number]['box']): ExtractedField['evidence'] => [{ method: 'ocr', sha256: reading.ocr!.source.sha256, page: reading.ocr!.source.page, ...(box ? { box } : {}) }];

/** The signing block: `<place>, ngày … tháng … năm …` then `SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG` and its province. */
function readSigningBlock(reading: PageReading): FieldSet {
  const out: FieldSet = {};
  if (!reading.ocr) return out;
  const lines = foldLines(reading.ocr.lines);
  const dateLine = lines.find((l) => /ngay .{1,3} thang .{1,3} nam/.test(l.folded) && !/den ngay/.test(l.folded));
  const date = dateLine ? p.parseDayMonthYear(dateLine.line.text) : undefined;
  if (dateLine && date) out['document.issueDate'] = { value: date, raw: dateLine.line.text, confidence: Math.min(0.95, dateLine.line.confidence), evidence: evidenceOf(reading, dateLine.line.box) };
  const agency = lines.findIndex((l) => l.folded.includes('so tai nguyen va moi truong'));
  if (agency >= 0) {
    const next = lines[agency + 1];
    const province = next ? findProvince(next.line.text.replace(/^(THÀNH PHỐ|TỈNH)\s+/iu, '')) : undefined;
    if (next && province) {
      out['document.issuer'] = {
        value: normalizeText(`Sở Tài nguyên và Môi trường ${province.kind === 'city' ? 'thành phố' : 'tỉnh'} ${province.name}`),
        raw: `${lines[agency]!.line.text} ${next.line.text}`,
        confidence: Math.min(0.95, lines[agency]!.line.confidence, next.line.confidence),
        evidence: evidenceOf(reading, next.line.box),
      };
    }
  }
  return out;
}

/**
 * The serial, printed alone in red near the foot of the cover page: the line ending in 6 or 8 digits
 * after a few letters, re-read on its own when a recogniser is available and the readings voted on.
 */
async function readSerial(reading: PageReading, context: ExtractContext): Promise<ExtractedField | undefined> {
  if (!reading.ocr) return undefined;
  const line = reading.ocr.lines.find((l) => l.box.y > reading.ocr!.height * 0.6 && /^[A-Za-z€]{1,4}\s?[0-9OoIl]{6}(?:[0-9OoIl]{2})?$/.test(l.text.trim()));
  if (!line) return undefined;
  const toField = (text: string, confidence: number): ExtractedField | undefined => {
    const exact = r.parseSerialValue(text);
    // Tesseract sometimes adds a lower-case letter between the two red capitals ("CcU").
    const repaired = exact ?? r.parseSerialValue(text.trim().replace(/^([A-Z])[a-z€]([A-Z])/, '$1$2'));
    return repaired ? { value: repaired, raw: text, confidence: Math.min(0.95, exact ? confidence : confidence * 0.8), evidence: evidenceOf(reading, line.box) } : undefined;
  };
  const rereads = await rereadBoxes(reading.page, [line.box], context);
  const readings = [toField(line.text, line.confidence), ...rereads.map((x) => toField(x.text, x.confidence))].filter((f): f is ExtractedField => f !== undefined);
  return chooseReading(readings);
}

/** The area in words must spell the area in digits. */
const sameArea = (digits: string, words: string): boolean => parseVietnameseAmountWords(words) === Number(digits);

/** Giấy chứng nhận quyền sử dụng đất (2014 and 2024 models): holders, parcel, area cross-checked with its words. */
export const landUseCertificate: DocumentTypeDefinition = {
  id: 'land-use-certificate',
  kind: 'land',
  title: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
  requiredKeys: ['person.idNumber', 'land.parcelNumber', 'land.mapSheetNumber'],
  classify(reading) {
    const cover = markerScore(reading, COVER);
    const inner = markerScore(reading, INNER);
    const score = Math.max(cover, inner);
    if (score < 0.5 || (cover < 0.5 && inner < 0.5)) return undefined;
    return { type: 'land-use-certificate', part: cover >= 0.5 && inner >= 0.5 ? 'full' : cover >= inner ? 'cover' : 'inner', score: Math.min(1, score * 1.2) };
  },
  async extract(readings, classes, context) {
    const sets: FieldSet[] = [];
    for (const [i, reading] of readings.entries()) {
      if (!reading.ocr || classes[i]?.score === 0) continue;
      const set = await readLabelledForm(reading.page, reading.ocr, LAND_CERTIFICATE_TEMPLATE, context);
      const serial = await readSerial(reading, context);
      sets.push({ ...set, ...readSigningBlock(reading), ...(serial ? { 'land.certificate.serial': serial } : {}) });
    }
    const merged = mergeFieldSets(sets);
    const diagnostics: Diagnostic[] = [...merged.diagnostics];
    const { own: fields, relations } = splitRelations(merged.fields, ['spouse']);
    diagnostics.push(...checkAgreement(fields, 'land.area', 'land.area.words', sameArea, 'area'));
    const address = fields['person.permanentAddress'];
    for (const rel of relations) {
      diagnostics.push(...checkPersonId(rel.fields, `person.${rel.role}.idNumber`));
      // One address line is printed for all holders.
      if (address && !rel.fields['person.permanentAddress']) rel.fields['person.permanentAddress'] = { ...address, evidence: [...address.evidence] };
    }
    const joint = fields['land.useForm'];
    // "Sử dụng chung" needs a second holder, "Sử dụng riêng" none.
    if (joint && (joint.value === 'Sử dụng chung') !== relations.length > 0) {
      joint.confidence *= 0.6;
      diagnostics.push({ code: 'EXTRACT_SOURCES_DISAGREE', severity: 'warning', origin: 'extract', key: 'land.useForm', message: 'The form of use (`land.useForm`) does not match the number of holders read; one of them needs review.' });
    }
    const serial = fields['land.certificate.serial'];
    if (serial) fields['document.number'] = { ...serial, evidence: [...serial.evidence] };
    const record = civilRecord('land-use-certificate', readings, fields, relations, diagnostics);
    const part = [...new Set(classes.map((c) => c.part))];
    return { ...record, part: part.length === 1 ? part[0]! : 'full' };
  },
};
