// A document type defined outside @sohoa/extract, end to end through the published API (built packages):
// declared with defineDocumentType, passed in ExtractOptions.documentTypes, read from a synthetic page.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { OcrLine, OcrPage, PageImage, PageSource } from '@sohoa/core';
import { DOCUMENT_TYPES, docCodeKindOf, extractDocument, safeExtractDocument } from '@sohoa/extract';
import { describe, expect, it } from 'vitest';
import { deathCertificate } from './fixtures/death-certificate-type';

const root = resolve(import.meta.dirname, '..');
const source: PageSource = { file: 'khai-tu.jpg', sha256: 'b'.repeat(64), page: 1, pageCount: 1 };
const page: PageImage = { source, width: 1240, height: 1754, channels: 1, pixels: new Uint8Array(0), diagnostics: [] };

/** OCR of a page as an engine gives it: one line per row, words left to right (synthetic people only). */
function ocrOf(rows: string[]): OcrPage {
  const lines: OcrLine[] = rows.map((text, i) => {
    let x = 120;
    const y = 80 + i * 48;
    const words = text.split(' ').map((w) => {
      const word = { text: w, confidence: 0.93, box: { x, y, width: w.length * 15, height: 32 } };
      x += w.length * 15 + 12;
      return word;
    });
    return { text, confidence: 0.93, box: { x: 120, y, width: x - 132, height: 32 }, words };
  });
  return {
    source,
    width: 1240,
    height: 1754,
    text: rows.join('\n'),
    confidence: 0.93,
    lines,
    engine: 'fake',
    diagnostics: [],
  };
}

const rows = [
  'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'XÃ HÒA PHƯỚC Độc lập - Tự do - Hạnh phúc',
  'Số: 47/2019',
  'TRÍCH LỤC KHAI TỬ',
  'Họ, chữ đệm, tên: LÊ VĂN THẠCH',
  'Ngày, tháng, năm sinh: 14/02/1941',
  'Giới tính: Nam',
  'Đã chết vào lúc: 09 giờ 30 phút, ngày 21/10/2019',
  'Nơi chết: Thôn Quá Giáng, xã Hòa Phước, huyện Hòa Vang, thành phố Đà Nẵng',
  'Nơi đăng ký khai tử: Ủy ban nhân dân xã Hòa Phước, huyện Hòa Vang, thành phố Đà Nẵng',
  'Ngày, tháng, năm đăng ký: 23/10/2019',
  'Người đi khai tử',
  'Họ, chữ đệm, tên: LÊ THỊ HẠNH',
  'Quan hệ với người đã chết: Con',
];

describe('a document type defined outside @sohoa/extract', () => {
  it('is read end to end: classified by its labels, its fields and relation read, its kind on the record', async () => {
    const record = await extractDocument(
      { pages: [page], ocr: [ocrOf(rows)], qr: [undefined] },
      { documentTypes: [deathCertificate], asOf: '2026-01-01' },
    );
    expect(record).toMatchObject({ type: 'trich-luc-khai-tu', kind: 'civil-status', number: '47/2019' });
    const value = (k: string) => record.fields[k]?.value;
    expect({
      name: value('person.fullName'),
      born: value('person.birthDate'),
      sex: value('person.sex'),
      died: value('person.deathDate'),
      issued: value('document.issueDate'),
    }).toEqual({
      name: 'Lê Văn Thạch',
      born: '1941-02-14',
      sex: 'male',
      died: '2019-10-21',
      issued: '2019-10-23',
    });
    // Places come out in the gazetteer's spelling (`Hoà`).
    expect(value('person.deathPlace')).toBe('Thôn Quá Giáng, xã Hoà Phước, huyện Hoà Vang, thành phố Đà Nẵng');
    expect(record.relations?.map((r) => [r.role, r.fields['person.fullName']?.value])).toEqual([
      ['declarant', 'Lê Thị Hạnh'],
    ]);
    // No personal ID printed: stored unlinked, never filed under someone.
    expect(record.subject).toBeUndefined();
    expect(docCodeKindOf(record.type, [...DOCUMENT_TYPES, deathCertificate])).toBe('GKT');
  });

  it('leaves the built-in types as they were: a page of another type is not taken', async () => {
    const result = await safeExtractDocument(
      {
        pages: [page],
        ocr: [ocrOf(['GIẤY KHAI SINH', 'Họ, chữ đệm, tên: LÊ VĂN AN', 'Nơi sinh: Đà Nẵng'])],
        qr: [undefined],
      },
      { documentTypes: [deathCertificate], asOf: '2026-01-01' },
    );
    expect(result.ok && result.value.type).not.toBe('trich-luc-khai-tu');
  });

  it('is the example docs/adding-a-document-type.md shows', () => {
    const doc = readFileSync(join(root, 'docs/adding-a-document-type.md'), 'utf8');
    const example = readFileSync(join(root, 'test/fixtures/death-certificate-type.ts'), 'utf8');
    expect(doc).toContain(example.trimEnd());
  });
});
