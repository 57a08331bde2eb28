import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageImage } from '@sohoa/core';
import { validateForm, type FormSchema } from '@sohoa/eform';
import { safeExtractDocument } from '@sohoa/extract';
import { normalizeText } from '@sohoa/vn';
import { letterPage, type Segment } from '../../packages/extract/src/internal/letter-fixture';
import {
  generateOfficialLetters,
  renderOfficialLetter,
  type OfficialLetterLayout,
  type SyntheticOfficialLetter,
} from '../../seeds/src/index';

const root = join(import.meta.dirname, '..', '..');
const schema = JSON.parse(
  readFileSync(join(root, 'schemas', 'documents', 'van-ban-hanh-chinh.schema.json'), 'utf8'),
) as FormSchema;
const source = { file: 'letter.jpg', sha256: 'c'.repeat(64), page: 1, pageCount: 1 };
const blank: PageImage = {
  source,
  width: 16,
  height: 16,
  channels: 1,
  pixels: new Uint8Array(256).fill(255),
  diagnostics: [],
};

/** The rows of a generated letter as a perfect block-mode OCR reads them: header columns merged row by row. */
function rowsOf(layout: OfficialLetterLayout): Segment[][] {
  const left = [...(layout.parent ?? []), ...layout.issuer];
  const right = layout.motto ?? ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
  const numberRow = Math.max(left.length, right.length);
  const rows: Segment[][] = Array.from({ length: numberRow + 1 + (layout.vv?.length ?? 0) }, () => []);
  left.forEach((t, i) => rows[i]!.push({ text: t, centre: 320 }));
  right.forEach((t, i) => rows[i]!.push({ text: t, centre: 860 }));
  rows[numberRow]!.push({ text: layout.numberLine, centre: 320 }, { text: layout.placeDate, centre: 860 });
  layout.vv?.forEach((t, i) => rows[numberRow + 1 + i]!.push({ text: t, centre: 320 }));
  rows.push([]);
  if (layout.title)
    rows.push(
      [{ text: layout.title, centre: 620 }],
      ...(layout.subject ?? []).map((t) => [{ text: t, centre: 620 }]),
      [],
    );
  else rows.push([{ text: 'Kính gửi: Các cơ quan, đơn vị có liên quan.', x: 330 }]);
  rows.push(...layout.body.slice(0, 2).map((t) => [{ text: t.slice(0, 90), x: 110 }]), []);
  rows.push(
    ...layout.positions.map((t, i) => [...(i === 0 ? [{ text: 'Nơi nhận:', x: 110 }] : []), { text: t, centre: 880 }]),
    [],
    [],
    [{ text: layout.signer, centre: 880 }],
  );
  return rows;
}

async function extract(letter: SyntheticOfficialLetter) {
  const result = await safeExtractDocument(
    { pages: [blank], ocr: [{ ...letterPage(rowsOf(letter.layout)), source }] },
    { asOf: '2026-01-01' },
  );
  if (!result.ok) throw new Error(result.diagnostics[0]?.message);
  return result.value;
}

describe('van-ban-hanh-chinh records', () => {
  it('carry every printed header value and validate against schemas/documents', async () => {
    for (const letter of generateOfficialLetters(5, 12)) {
      const record = await extract(letter);
      expect(record.type).toBe('van-ban-hanh-chinh');
      for (const [key, value] of Object.entries(letter.fields))
        expect([key, normalizeText(String(record.fields[key]?.value))]).toEqual([key, normalizeText(value)]);
      expect(validateForm(schema, JSON.parse(JSON.stringify(record))).errors).toEqual([]);
    }
  });

  it('the schema rejects a record with a malformed date and an unknown kind', async () => {
    const record = JSON.parse(JSON.stringify(await extract(generateOfficialLetters(5, 1)[0]!)));
    record.fields['document.issueDate'].value = '26/07/2020';
    record.fields['document.kind'].value = 'Thư tay';
    expect(validateForm(schema, record).errors.map((e) => e.pointer)).toEqual(
      expect.arrayContaining(['/fields/document.issueDate/value', '/fields/document.kind/value']),
    );
  });

  it('reads a rendered letter with real OCR', async () => {
    const { readPages } = await import('@sohoa/ingest');
    const { createTesseractEngine } = await import('@sohoa/ocr');
    const letter = generateOfficialLetters(3, 1)[0]!;
    const scan = await renderOfficialLetter(letter.layout, { seed: 3, format: 'png' });
    const engine = createTesseractEngine({ workers: 1 });
    try {
      const pages = await readPages({ bytes: new Uint8Array(scan.image), name: 'letter.png' });
      const ocr = await Promise.all(pages.map((p) => engine.recognize(p)));
      const result = await safeExtractDocument({ pages, ocr }, { recognizer: engine, asOf: '2026-01-01' });
      if (!result.ok) throw new Error(result.diagnostics[0]?.message);
      for (const key of ['document.number', 'document.issueDate', 'document.issuer', 'document.kind']) {
        expect([key, normalizeText(String(result.value.fields[key]?.value))]).toEqual([
          key,
          normalizeText(letter.fields[key]!),
        ]);
      }
      expect(validateForm(schema, JSON.parse(JSON.stringify(result.value))).errors).toEqual([]);
    } finally {
      await engine.dispose();
    }
  });
});
