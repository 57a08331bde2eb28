/// <reference path="../../seeds/src/internal/opentype.d.ts" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrPage, PageImage } from '@sohoa/core';
import { validateForm, type FormSchema } from '@sohoa/eform';
import { safeExtractDocument } from '@sohoa/extract';
import { normalizeText } from '@sohoa/vn';
import {
  composeCccdMrz,
  generateIdCards,
  generatePeople,
  type IdCardType,
  type SyntheticIdCard,
} from '../../seeds/src/index';

const root = join(import.meta.dirname, '..', '..');
const schema = (type: string) =>
  JSON.parse(readFileSync(join(root, 'schemas', 'documents', `${type}.schema.json`), 'utf8')) as FormSchema;
const source = { file: 'card.jpg', sha256: 'c'.repeat(64), page: 1, pageCount: 1 };
const blank: PageImage = {
  source,
  width: 8,
  height: 8,
  channels: 1,
  pixels: new Uint8Array(64).fill(255),
  diagnostics: [],
};

type Printed = Array<[text: string, x: number]>;

/** The printed lines of one side, at their left edges, as a perfect OCR would return them. */
function printedLines(card: SyntheticIdCard, side: 'front' | 'back'): Printed {
  const p = card.printed;
  const upper = p.fullName.toLocaleUpperCase('vi');
  switch (card.type) {
    case 'cmnd-9':
      return side === 'front'
        ? [
            ['GIẤY CHỨNG MINH NHÂN DÂN', 400],
            [`SỐ ${p.number}`, 430],
            [`Họ tên: ${upper}`, 290],
            [`Sinh ngày: ${p.birthDate.replace(/\//g, '-')}`, 290],
            [`Nguyên quán: ${p.hometown}`, 290],
            [`Nơi ĐKHK thường trú: ${p.permanentAddress}`, 290],
          ]
        : [
            [`Dân tộc: ${p.ethnicity} Tôn giáo: ${p.religion}`, 40],
            ['DẤU VẾT RIÊNG VÀ DỊ HÌNH', 460],
            [p.identifyingMarks, 480],
            [`Ngày ${p.issueDateWords}`, 600],
            [p.issuerLines[0]!, 600],
            ['NGÓN TRỎ TRÁI NGÓN TRỎ PHẢI', 60],
          ];
    case 'cccd-2016':
      return side === 'front'
        ? [
            ['CĂN CƯỚC CÔNG DÂN', 400],
            [`Số: ${p.number}`, 300],
            [`Có giá trị đến: ${p.expiry}`, 24],
            ['Họ và tên:', 300],
            [upper, 300],
            [`Ngày, tháng, năm sinh: ${p.birthDate}`, 300],
            [`Giới tính: ${p.sex} Quốc tịch: ${p.nationality}`, 300],
            ['Quê quán:', 300],
            [p.hometown, 320],
            ['Nơi thường trú:', 300],
            [p.permanentAddress, 320],
          ]
        : [
            ['Đặc điểm nhân dạng:', 40],
            [p.identifyingMarks, 60],
            [`Ngày ${p.issueDateWords}`, 200],
            ...p.issuerLines.map((l): [string, number] => [l, 150]),
            ['Ngón trỏ trái Ngón trỏ phải', 660],
          ];
    case 'can-cuoc-2024':
      return side === 'front'
        ? [
            ['CĂN CƯỚC', 500],
            ['IDENTITY CARD', 500],
            ['Số định danh cá nhân / Personal identification number:', 300],
            [p.number, 300],
            ['Họ, chữ đệm và tên khai sinh / Full name:', 300],
            [upper, 300],
            [`Ngày, tháng, năm sinh / Date of birth: ${p.birthDate}`, 300],
            [`Giới tính / Sex: ${p.sex} Quốc tịch / Nationality: ${p.nationality}`, 300],
          ]
        : [
            ['Nơi cư trú / Place of residence:', 40],
            [p.residence, 60],
            ['Nơi đăng ký khai sinh / Place of birth:', 40],
            [p.birthRegistrationPlace, 60],
            [`Ngày, tháng, năm cấp / Date of issue: ${p.issueDate}`, 40],
            [`Ngày, tháng, năm hết hạn / Date of expiry: ${p.expiry}`, 40],
            ['BỘ CÔNG AN', 780],
            ['MINISTRY OF PUBLIC SECURITY', 720],
            ...p.mrz!.map((l): [string, number] => [l, 100]),
          ];
    case 'cccd-2021':
      throw new Error('The 2021 chip CCCD has its own eval (cccd-extract.mjs).');
  }
}

function ocrOf(printed: Printed): OcrPage {
  const lines: OcrLine[] = printed.map(([text, left], i) => {
    let x = left;
    const words = text.split(' ').map((w) => {
      const word = { text: w, confidence: 0.93, box: { x, y: 40 + i * 45, width: w.length * 12, height: 28 } };
      x += w.length * 12 + 8;
      return word;
    });
    return { text, confidence: 0.93, box: { x: left, y: 40 + i * 45, width: x - left - 8, height: 28 }, words };
  });
  return {
    source,
    width: 1200,
    height: 820,
    text: printed.map(([t]) => t).join('\n'),
    confidence: 0.93,
    lines,
    engine: 'fake',
    diagnostics: [],
  };
}

async function extractSide(card: SyntheticIdCard, side: 'front' | 'back') {
  const result = await safeExtractDocument(
    { pages: [blank], ocr: [ocrOf(printedLines(card, side))] },
    { asOf: '2026-01-01' },
  );
  if (!result.ok) throw new Error(result.diagnostics[0]?.message);
  return result.value;
}

const TYPES: IdCardType[] = ['cmnd-9', 'cccd-2016', 'can-cuoc-2024'];

describe.each(TYPES)('%s', (type) => {
  const cards = generateIdCards(type, 11, 8);
  it.each(['front', 'back'] as const)(
    '%s: classified, every printed value read, record valid against its schema',
    async (side) => {
      for (const card of cards) {
        const record = await extractSide(card, side);
        expect([record.type, record.part]).toEqual([type, side]);
        for (const [key, value] of Object.entries(card.truth[side])) {
          // The QR code holds the old CMND number and the MRZ the name; neither is in printed text of the fake page.
          if (side === 'back' && type === 'can-cuoc-2024' && ['person.oldIdNumber', 'person.fullName'].includes(key))
            continue;
          expect([key, record.fields[key]?.value]).toEqual([key, normalizeText(value)]);
        }
        expect(validateForm(schema(type), JSON.parse(JSON.stringify(record))).errors).toEqual([]);
      }
    },
  );
});

describe('ID card records', () => {
  it('a CMND is expired by 2026 and keyed by its own number, with the old-ID keys forms ask for', async () => {
    const card = generateIdCards('cmnd-9', 11, 1)[0]!;
    const back = await extractSide(card, 'back');
    expect(back.status).toBe('expired');
    expect(back.validUntil! <= '2024-12-31').toBe(true);
    expect(back.fields['person.oldIdDocument.issueDate']?.value).toBe(card.truth.back['document.issueDate']);
    expect(back.fields['person.oldIdDocument.issuer']?.value).toBe(card.truth.back['document.issuer']);
    const front = await extractSide(card, 'front');
    expect(front.subject).toEqual({ kind: 'person', id: card.truth.front['person.oldIdNumber'] });
    expect(front.diagnostics.map((d) => d.code)).not.toContain('EXTRACT_FIELD_NOT_FOUND');
  });

  it('a 2016 card is expired when its printed expiry is before the reference date', async () => {
    const card = generateIdCards('cccd-2016', 11, 8).find((c) => c.validUntil !== null && c.validUntil < '2026-01-01');
    expect(card).toBeDefined();
    expect((await extractSide(card!, 'front')).status).toBe('expired');
    // The back does not show the expiry.
    expect((await extractSide(card!, 'back')).status).toBe('unknown');
  });

  it('a Căn cước ID whose province digits contradict the birth registration place is reported', async () => {
    const card = generateIdCards('can-cuoc-2024', 11, 1)[0]!;
    const other = card.printed.number.startsWith('001') ? '079' : '001';
    const t = card.truth.front;
    const mrz = composeCccdMrz({
      idNumber: `${other}${card.printed.number.slice(3)}`,
      fullName: t['person.fullName']!,
      birthDate: t['person.birthDate']!,
      sex: t['person.sex'] as 'male' | 'female',
      expiryDate: card.validUntil,
    });
    const lines = printedLines({ ...card, printed: { ...card.printed, mrz } }, 'back');
    const result = await safeExtractDocument(
      { pages: [blank], ocr: [ocrOf(lines)] },
      { asOf: '2026-01-01', types: ['can-cuoc-2024'] },
    );
    if (!result.ok) throw new Error('no record');
    expect(result.value.diagnostics.map((d) => d.code)).toContain('EXTRACT_ID_PROVINCE_MISMATCH');
  });

  it('the 2021 chip card is still told apart from the 2016 card', async () => {
    const person = generatePeople(5, 1)[0]!;
    const lines: Printed = [
      ['CĂN CƯỚC CÔNG DÂN', 400],
      ['Citizen Identity Card', 420],
      [`Số / No.: ${person.idNumber}`, 300],
      ['Họ và tên / Full name:', 300],
      [person.fullName.toLocaleUpperCase('vi'), 300],
      ['Quê quán / Place of origin:', 300],
      [person.hometown, 300],
      ['Nơi thường trú / Place of residence:', 300],
      [person.permanentAddress, 300],
    ];
    const result = await safeExtractDocument({ pages: [blank], ocr: [ocrOf(lines)] }, { asOf: '2026-01-01' });
    expect(result.ok && result.value.type).toBe('cccd-2021');
  });

  it('a 2021 chip card record (both sides, MRZ) validates against its schema', async () => {
    const person = generatePeople(5, 1)[0]!;
    const front: Printed = [
      ['CĂN CƯỚC CÔNG DÂN', 400],
      ['Citizen Identity Card', 420],
      [`Số / No.: ${person.idNumber}`, 300],
      ['Họ và tên / Full name:', 300],
      [person.fullName.toLocaleUpperCase('vi'), 300],
      ['Quê quán / Place of origin:', 300],
      [person.hometown, 300],
      ['Nơi thường trú / Place of residence:', 300],
      [person.permanentAddress, 300],
    ];
    const back: Printed = [
      ['Đặc điểm nhân dạng / Personal identification:', 40],
      [person.card.identifyingMarks, 40],
      ['CỤC TRƯỞNG CỤC CẢNH SÁT', 200],
      ['QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI', 150],
      ...person.card.mrz.map((l): Printed[number] => [l, 100]),
    ];
    const result = await safeExtractDocument(
      { pages: [blank, blank], ocr: [ocrOf(front), ocrOf(back)] },
      { asOf: '2026-01-01' },
    );
    if (!result.ok) throw new Error('no record');
    expect([result.value.type, result.value.part]).toEqual(['cccd-2021', 'front+back']);
    expect(result.value.fields['person.birthDate']?.evidence.some((e) => e.method === 'mrz')).toBe(true);
    expect(validateForm(schema('cccd-2021'), JSON.parse(JSON.stringify(result.value))).errors).toEqual([]);
    const broken = JSON.parse(JSON.stringify(result.value));
    broken.fields['person.idNumber'].value = '12345';
    expect(validateForm(schema('cccd-2021'), broken).errors.map((e) => e.pointer)).toContain(
      '/fields/person.idNumber/value',
    );
  });
});

describe('a CMND in the vault', () => {
  it('fills a form that asks for "Số CMND", its issue date and place', async () => {
    const { createVault, operatorAccess } = await import('@sohoa/vault');
    const { memoryDriver } = await import('@sohoa/vault/drivers/memory');
    const { fillForm } = await import('@sohoa/eform');
    const card = generateIdCards('cmnd-9', 11, 1)[0]!;
    const vault = createVault({ driver: memoryDriver(), ...operatorAccess('id-cards-test') });
    // The back of a CMND names nobody: both sides travel as one file (two pages) to make one record.
    const both = await safeExtractDocument(
      { pages: [blank, blank], ocr: [ocrOf(printedLines(card, 'front')), ocrOf(printedLines(card, 'back'))] },
      { asOf: '2026-01-01' },
    );
    if (!both.ok) throw new Error('no record');
    expect([both.value.type, both.value.part]).toEqual(['cmnd-9', 'front+back']);
    await vault.putDocument(both.value);
    const id = card.truth.front['person.oldIdNumber']!;
    const profile = await vault.profile(id, { purpose: 'test', form: 'cmnd-form' });
    const form = {
      $id: 'cmnd-form',
      type: 'object',
      properties: {
        hoTen: { type: 'string', title: 'Họ và tên' },
        soCmnd: { type: 'string', title: 'Số CMND' },
        ngayCap: { type: 'string', format: 'date', title: 'Ngày cấp CMND' },
        noiCap: { type: 'string', title: 'Nơi cấp CMND' },
      },
    } as unknown as FormSchema;
    const filled = fillForm(form, profile, { now: new Date('2026-01-01T00:00:00Z') });
    // The CMND expired (no CMND is valid after 2024): its name is stale and needs review, its number is history and fills.
    expect(filled.fields.find((f) => f.pointer === '/hoTen')).toMatchObject({
      status: 'needs-review',
      reason: 'expired-source',
    });
    expect(filled.data).toMatchObject({
      soCmnd: id,
      ngayCap: card.truth.back['document.issueDate'],
      noiCap: card.truth.back['document.issuer'],
    });
    await vault.close();
  });
});

describe('generated card scans, real OCR', () => {
  it('reads a clean CMND front and a Căn cước back (QR code and MRZ)', async () => {
    const { readPages } = await import('@sohoa/ingest');
    const { createTesseractEngine } = await import('@sohoa/ocr');
    const { renderIdCard } = await import('../../seeds/src/index');
    const engine = createTesseractEngine({ workers: 1 });
    try {
      const read = async (card: SyntheticIdCard, side: 'front' | 'back') => {
        const scan = await renderIdCard(card, { side, seed: 1, degrade: false });
        const pages = await readPages({ bytes: scan.image, name: `${side}.jpg` }, { preprocess: false });
        const ocr = await Promise.all(pages.map((p) => engine.recognize(p)));
        const result = await safeExtractDocument({ pages, ocr }, { recognizer: engine, asOf: '2026-01-01' });
        if (!result.ok) throw new Error(result.diagnostics[0]?.message);
        return result.value;
      };
      const cmnd = generateIdCards('cmnd-9', 3, 1)[0]!;
      const front = await read(cmnd, 'front');
      expect([front.type, front.part, front.status]).toEqual(['cmnd-9', 'front', 'expired']);
      expect(front.fields['person.oldIdNumber']?.value).toBe(cmnd.truth.front['person.oldIdNumber']);
      expect(front.fields['person.birthDate']?.value).toBe(cmnd.truth.front['person.birthDate']);
      const canCuoc = generateIdCards('can-cuoc-2024', 3, 1)[0]!;
      const back = await read(canCuoc, 'back');
      expect([back.type, back.part]).toEqual(['can-cuoc-2024', 'back']);
      for (const key of [
        'person.idNumber',
        'person.fullName',
        'person.birthDate',
        'person.residence',
        'document.issueDate',
      ]) {
        expect([key, back.fields[key]?.value]).toEqual([key, normalizeText(canCuoc.truth.back[key]!)]);
      }
      expect(back.fields['person.idNumber']?.evidence.map((e) => e.method)).toContain('qr');
      expect(validateForm(schema('can-cuoc-2024'), JSON.parse(JSON.stringify(back))).errors).toEqual([]);
    } finally {
      await engine.dispose();
    }
  }, 120_000);
});
