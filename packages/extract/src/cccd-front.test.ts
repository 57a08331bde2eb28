import { describe, expect, it } from 'vitest';
import type { Box, OcrPage, PageImage } from '@sohoa/core';
import { normalizeText } from '@sohoa/vn';
import { readCccdFront } from './cccd-front';
import { resolveExtractOptions } from './extract';
import { BLANK_PAGE, ocrPageFromLines } from './test-helpers';
import type { RegionRecognizer } from './types';

const page = BLANK_PAGE;
const context = { options: resolveExtractOptions({ asOf: '2026-11-28' }) };

const FRONT = [
  'CĂN CƯỚC CÔNG DÂN',
  's6/No:O79190001234',
  'Họ và tên / Full name:',
  'NGUYÊN THỊ THUỶ',
  'Ngày sim / 0ste of binh 05/03/1990',
  'Giới tính / Sex: Nữ Quốc tịch / Nationality: Việt Nam',
  'Quê quán / Place of origin:',
  'Xã Tân Phú, Huyện Châu Thành, Tiền Giang',
  'Nơi thường trú / Place of residence:',
  'Số 12 Nguyễn Trãi, Phường 2, Quận 5, TP. Hồ',
  'Chí Minh',
];

/** A recogniser that answers region re-reads from a table keyed by the first word of the region's line. */
function scriptedRecognizer(ocr: OcrPage, answers: Record<string, string[]>): RegionRecognizer & { calls: number } {
  const used = new Map<string, number>();
  const recognizer = {
    calls: 0,
    async recognize(_page: PageImage, options: { regions: Array<{ box: Box }> }): Promise<OcrPage> {
      recognizer.calls++;
      const box = options.regions[0]!.box;
      const line = ocr.lines.find((l) => Math.abs(l.box.y - box.y) < 20 && box.x <= l.box.x + l.box.width)!;
      const key = line.text.split(' ')[0]!;
      const n = used.get(key) ?? 0;
      used.set(key, n + 1);
      const text = answers[key]?.[n] ?? line.text;
      return { ...ocr, text, confidence: 0.9, lines: [{ text, confidence: 0.9, box, words: [] }] };
    },
  };
  return recognizer;
}

describe('readCccdFront', () => {
  it('repairs look-alikes, snaps the family name and finds a garbled birth label', async () => {
    const fields = await readCccdFront(page, ocrPageFromLines(FRONT), context);
    expect(fields['person.idNumber']?.value).toBe('079190001234');
    expect(fields['person.fullName']?.value).toBe(normalizeText('Nguyễn Thị Thuỷ'));
    expect(fields['person.birthDate']?.value).toBe('1990-03-05');
    expect(fields['person.permanentAddress']?.value).toBe('Số 12 Nguyễn Trãi, Phường 2, Quận 5, TP. Hồ Chí Minh');
  });

  it('takes the word-by-word majority of region re-reads', async () => {
    const ocr = ocrPageFromLines(FRONT);
    const recognizer = scriptedRecognizer(ocr, { NGUYÊN: ['NGUYỄN THỊ THUÝ', 'NGUYỄN THỊ THUỶ', 'NGUYỄN THỊ THUỶ'] });
    const fields = await readCccdFront(page, ocr, { ...context, recognizer });
    expect(recognizer.calls).toBeGreaterThan(0);
    expect(fields['person.fullName']?.value).toBe(normalizeText('Nguyễn Thị Thuỷ'));
  });

  it('re-reads words and uncertain values only, every marked value with `rereads: all`, no value a code carries', async () => {
    // A recogniser that records which first word each region re-read started with.
    const reread = (ocr: OcrPage) => {
      const seen = new Set<string>();
      const inner = scriptedRecognizer(ocr, {});
      return Object.assign(
        {
          async recognize(p: PageImage, options: { regions: Array<{ box: Box }> }) {
            const result = await inner.recognize(p, options);
            seen.add(result.text.split(' ')[0]!);
            return result;
          },
        },
        { seen },
      );
    };
    const confident = ocrPageFromLines(FRONT, 0.96);
    const some = reread(confident);
    const read = await readCccdFront(page, confident, { ...context, recognizer: some });
    // The name and the places are words: read again. The ID number and the birth date are not.
    expect(some.seen.has('NGUYÊN')).toBe(true);
    expect(some.seen.has('Xã')).toBe(true);
    expect(some.seen.has('Ngày')).toBe(false);
    expect(some.seen.has('s6/No:O79190001234')).toBe(false);
    expect(read['person.birthDate']?.value).toBe('1990-03-05');
    const all = reread(confident);
    const allContext = { options: resolveExtractOptions({ asOf: '2026-11-28', rereads: 'all' }), recognizer: all };
    await readCccdFront(page, confident, allContext);
    expect(all.seen.has('Ngày')).toBe(true);
    expect(all.seen.has('s6/No:O79190001234')).toBe(true);
    const unsure = ocrPageFromLines(FRONT, 0.8);
    const coded = reread(unsure);
    const machineRead = new Set(['person.fullName', 'person.permanentAddress']);
    const fields = await readCccdFront(page, unsure, { ...context, recognizer: coded, machineRead });
    expect(coded.seen.has('Xã')).toBe(true);
    expect(coded.seen.has('NGUYÊN')).toBe(false);
    expect(coded.seen.has('Số')).toBe(false);
    // Read once all the same, as the code's cross-check.
    expect(fields['person.fullName']?.value).toBe(normalizeText('Nguyễn Thị Thuỷ'));
    expect(() => resolveExtractOptions({ rereads: 'some' as 'all' })).toThrow(/rereads/);
  });

  it('lowers confidence when every reading differs', async () => {
    const ocr = ocrPageFromLines(FRONT);
    const agreeing = await readCccdFront(page, ocr, { ...context, recognizer: scriptedRecognizer(ocr, {}) });
    const split = await readCccdFront(page, ocr, {
      ...context,
      recognizer: scriptedRecognizer(ocr, {
        Xã: [
          'Xã Tân Phủ, Huyện Châu Thành, Tiền Giang',
          'Xã Tân Phụ, Huyện Châu Thành, Tiền Giang',
          'Xã Tân Phư, Huyện Châu Thành, Tiền Giang',
        ],
      }),
    });
    expect(split['person.hometown']!.confidence).toBeLessThan(agreeing['person.hometown']!.confidence);
    expect(split['person.hometown']!.confidence).toBeLessThan(0.7);
  });

  it('joins an ID number split into groups and ignores a 13-digit misread it cannot resolve', async () => {
    const grouped = await readCccdFront(
      page,
      ocrPageFromLines(['Số / No.: 038307 146527', 'Họ và tên / Full name:', 'BÙI HỒNG AN']),
      context,
    );
    expect(grouped['person.idNumber']?.value).toBe('038307146527');
    const long = await readCccdFront(
      page,
      ocrPageFromLines(['Số / No.: 0038307146527', 'Họ và tên / Full name:', 'BÙI HỒNG AN']),
      context,
    );
    expect(long['person.idNumber']).toBeUndefined();
  });

  it('leaves debris out of values', async () => {
    const fields = await readCccdFront(
      page,
      ocrPageFromLines([
        'Họ và tên / Full name:',
        'TRẦN VĂN BA',
        'Quê quán / Place of origin:',
        'J Phường Trảng Dài, Biên Hoà, Đồng Nai',
      ]),
      context,
    );
    expect(fields['person.hometown']?.value).toBe(normalizeText('Phường Trảng Dài, Biên Hoà, Đồng Nai'));
  });

  it('reads values after their label on the same line and joins the wrapped lines below, in any layout', async () => {
    const fields = await readCccdFront(
      page,
      ocrPageFromLines([
        'CĂN CƯỚC CÔNG DÂN',
        'Số / No.: 079190001234',
        'Họ và tên / Full name: NGUYỄN VĂN AN',
        'Ngày sinh / Date of birth:',
        '05/03/1990',
        'Giới tính / Sex:',
        'Nam',
        'Quốc tịch / Nationality:',
        'Việt Nam',
        'Quê quán / Place of origin: Xã Tân Phú, Huyện Châu',
        'Thành, Tiền Giang',
        'Nơi thường trú / Place of residence: Số 12 Nguyễn Trãi,',
        'Phường 2, Quận 5, TP. Hồ Chí Minh',
      ]),
      context,
    );
    expect(fields['person.fullName']?.value).toBe(normalizeText('Nguyễn Văn An'));
    expect(fields['person.birthDate']?.value).toBe('1990-03-05');
    expect(fields['person.sex']?.value).toBe('male');
    expect(fields['person.nationality']?.value).toBe('Việt Nam');
    expect(fields['person.hometown']?.value).toBe(normalizeText('Xã Tân Phú, Huyện Châu Thành, Tiền Giang'));
    expect(fields['person.permanentAddress']?.value).toBe('Số 12 Nguyễn Trãi, Phường 2, Quận 5, TP. Hồ Chí Minh');
  });

  it('reads a value under a bilingual label broken over two lines, and a sex cut off before the nationality label is not read from "Việt Nam"', async () => {
    const fields = await readCccdFront(
      page,
      ocrPageFromLines([
        'Họ và tên / Full name:',
        'TRẦN THỊ BA',
        'Giới tính / Sex: ~ Quốc tịch / Nationality: Việt Nam',
        'Quê quán /',
        'Place of origin:',
        'Phường Trảng Dài, Biên Hoà,',
        'Đồng Nai',
        'Nơi thường trú / Place of residence:',
        'Thôn 3, Xã Hoà Bắc, Huyện Hoà Vang, Đà Nẵng',
      ]),
      context,
    );
    expect(fields['person.sex']).toBeUndefined();
    expect(fields['person.nationality']?.value).toBe('Việt Nam');
    expect(fields['person.hometown']?.value).toBe(normalizeText('Phường Trảng Dài, Biên Hoà, Đồng Nai'));
    expect(fields['person.permanentAddress']?.value).toBe(normalizeText('Thôn 3, Xã Hoà Bắc, Huyện Hoà Vang, Đà Nẵng'));
  });

  it('reads an expiry date standing under its label, and a misread English label half is not part of the value', async () => {
    const ocr = ocrPageFromLines([
      'Họ và tên / Full name:',
      'TRẦN THỊ BA',
      'Nơi thường trú /',
      'Plaee of residence: Thôn 3, Xã Hoà Bắc, Huyện Hoà Vang, Đà Nẵng',
      'Có giá trị đến / Date of expiry:',
      '02/01/2034',
    ]);
    const fields = await readCccdFront(page, ocr, context);
    expect(fields['person.permanentAddress']?.value).toBe(normalizeText('Thôn 3, Xã Hoà Bắc, Huyện Hoà Vang, Đà Nẵng'));
    expect(fields['document.expiryDate']?.value).toBe('2034-01-02');
  });
});
