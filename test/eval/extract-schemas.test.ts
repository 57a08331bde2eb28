/// <reference path="../../seeds/src/internal/opentype.d.ts" />
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord, OcrLine, OcrPage, PageImage } from '@sohoa/core';
import { validateForm, type FormSchema } from '@sohoa/eform';
import { safeExtractDocument } from '@sohoa/extract';
import { dateToVietnameseWords, formatDateVn, normalizeText, sexToVietnamese } from '@sohoa/vn';
import { generateCivilDocuments, type SyntheticCivilDocument } from '../../seeds/src/index';
import { canRun } from '../fixtures/skip';

const root = join(import.meta.dirname, '..', '..');
const schema = (type: string) =>
  JSON.parse(readFileSync(join(root, 'schemas', 'documents', `${type}.schema.json`), 'utf8')) as FormSchema;
const source = { file: 'doc.jpg', sha256: 'b'.repeat(64), page: 1, pageCount: 1 };
const blank: PageImage = {
  source,
  width: 8,
  height: 8,
  channels: 1,
  pixels: new Uint8Array(64).fill(255),
  diagnostics: [],
};

/** The printed lines of a generated document, as a perfect OCR would return them. */
function printedLines(doc: SyntheticCivilDocument): string[] {
  const f = doc.fields;
  const person = (p: Record<string, string>) => [
    `Họ, chữ đệm, tên: ${p['person.fullName']!.toLocaleUpperCase('vi')}`,
    `Ngày, tháng, năm sinh: ${formatDateVn(p['person.birthDate']!)}`,
    `Dân tộc: ${p['person.ethnicity']} Quốc tịch: ${p['person.nationality']}`,
    `Nơi cư trú: ${p['person.residence']}`,
    `Số định danh cá nhân: ${p['person.idNumber']}`,
  ];
  const reg = [`Ngày, tháng, năm đăng ký: ${formatDateVn(f['document.issueDate']!)}`];
  if (doc.type === 'giay-chung-nhan-ket-hon') {
    return [
      'GIẤY CHỨNG NHẬN KẾT HÔN',
      `Số: ${f['document.number']} Quyển số: ${f['document.bookNumber']}`,
      'Thông tin người chồng',
      ...person(f),
      'Thông tin người vợ',
      ...person(doc.relations[0]!.fields),
      `Nơi đăng ký: ${f['document.issuer']}`,
      ...reg,
    ];
  }
  const lines = [
    'GIẤY KHAI SINH',
    `Số: ${f['document.number']} Quyển số: ${f['document.bookNumber']}`,
    `Họ, chữ đệm, tên: ${f['person.fullName']!.toLocaleUpperCase('vi')}`,
    `Ngày, tháng, năm sinh: ${formatDateVn(f['person.birthDate']!)}`,
    `ghi bằng chữ: ${dateToVietnameseWords(f['person.birthDate']!)}`,
    `Giới tính: ${sexToVietnamese(f['person.sex'] as 'male' | 'female')} Dân tộc: ${f['person.ethnicity']} Quốc tịch: ${f['person.nationality']}`,
    `Nơi sinh: ${f['person.birthPlace']}`,
    `Quê quán: ${f['person.hometown']}`,
    `Số định danh cá nhân: ${f['person.idNumber']}`,
  ];
  for (const rel of doc.relations) {
    const r = rel.fields;
    lines.push(
      `Họ, chữ đệm, tên ${rel.role === 'mother' ? 'người mẹ' : 'người cha'}: ${r['person.fullName']!.toLocaleUpperCase('vi')}`,
      `Năm sinh: ${r['person.birthDate.year']} Dân tộc: ${r['person.ethnicity']} Quốc tịch: ${r['person.nationality']}`,
      `Nơi cư trú: ${r['person.residence']}`,
    );
  }
  return [...lines, `Nơi đăng ký khai sinh: ${f['document.issuer']}`, ...reg, 'NGƯỜI KÝ GIẤY KHAI SINH'];
}

function ocrOf(lines: string[]): OcrPage {
  const ocrLines: OcrLine[] = lines.map((text, i) => {
    let x = 110;
    const words = text.split(' ').map((w) => {
      const word = { text: w, confidence: 0.93, box: { x, y: 100 + i * 48, width: w.length * 13, height: 28 } };
      x += w.length * 13 + 9;
      return word;
    });
    return { text, confidence: 0.93, box: { x: 110, y: 100 + i * 48, width: x - 119, height: 28 }, words };
  });
  return {
    source,
    width: 1240,
    height: 1754,
    text: lines.join('\n'),
    confidence: 0.93,
    lines: ocrLines,
    engine: 'fake',
    diagnostics: [],
  };
}

function expectTruth(record: DocumentRecord, doc: SyntheticCivilDocument): void {
  for (const [key, value] of Object.entries(doc.fields)) {
    if (key === 'document.signer') continue; // printed under the seal, not in the label lines
    expect([key, record.fields[key]?.value]).toEqual([key, normalizeText(value)]);
  }
  for (const rel of doc.relations) {
    const got = record.relations?.find((r) => r.role === rel.role);
    for (const [key, value] of Object.entries(rel.fields))
      expect([rel.role, key, got?.fields[key]?.value]).toEqual([rel.role, key, normalizeText(value)]);
  }
}

describe.each(['giay-khai-sinh', 'giay-chung-nhan-ket-hon'] as const)('%s records', (type) => {
  it('carry every printed value and validate against schemas/documents', async () => {
    for (const doc of generateCivilDocuments(type, 7, 12)) {
      const result = await safeExtractDocument(
        { pages: [blank], ocr: [ocrOf(printedLines(doc))] },
        { asOf: '2025-06-01' },
      );
      if (!result.ok) throw new Error(result.diagnostics[0]?.message);
      expect(result.value.type).toBe(type);
      expectTruth(result.value, doc);
      const validation = validateForm(schema(type), JSON.parse(JSON.stringify(result.value)));
      expect(validation.errors).toEqual([]);
    }
  });
  it('the schema rejects a record with a malformed ID number', async () => {
    const doc = generateCivilDocuments(type, 7, 1)[0]!;
    const result = await safeExtractDocument(
      { pages: [blank], ocr: [ocrOf(printedLines(doc))] },
      { asOf: '2025-06-01' },
    );
    if (!result.ok) throw new Error('no record');
    const broken = JSON.parse(JSON.stringify(result.value));
    broken.fields['person.idNumber'].value = '12345';
    expect(validateForm(schema(type), broken).errors.map((e) => e.pointer)).toContain('/fields/person.idNumber/value');
  });
});

const sample = join(root, 'seeds', 'data', 'giay-khai-sinh');
describe.skipIf(
  !canRun(
    'extract-schemas',
    existsSync(sample),
    `the committed sample ${sample} is missing (run \`pnpm seeds:documents\`)`,
  ),
)('committed birth certificate sample, real OCR', () => {
  it('reads the clean sample with every truth field right', async () => {
    const { readPages } = await import('@sohoa/ingest');
    const { createTesseractEngine } = await import('@sohoa/ocr');
    const folder = join(sample, readdirSync(sample).sort()[0]!);
    const truth = JSON.parse(readFileSync(join(folder, 'truth.json'), 'utf8')) as SyntheticCivilDocument & {
      file: string;
    };
    const engine = createTesseractEngine({ workers: 1 });
    try {
      const pages = await readPages(join(folder, truth.file));
      const ocr = await Promise.all(pages.map((p) => engine.recognize(p)));
      const result = await safeExtractDocument({ pages, ocr }, { recognizer: engine, asOf: '2025-06-01' });
      if (!result.ok) throw new Error(result.diagnostics[0]?.message);
      expectTruth(result.value, {
        ...truth,
        fields: Object.fromEntries(Object.entries(truth.fields).filter(([k]) => k !== 'document.signer')),
      });
      expect(validateForm(schema('giay-khai-sinh'), JSON.parse(JSON.stringify(result.value))).errors).toEqual([]);
    } finally {
      await engine.dispose();
    }
  });
});
