import { describe, expect, it } from 'vitest';
import { canCuoc2024 } from './documents/can-cuoc-2024/definition';
import { cccd2016 } from './documents/cccd-2016/definition';
import { cccd2021 } from './documents/cccd-2021/definition';
import { resolveExtractOptions } from './extract';
import { readCardIssuer, substringDistance } from './id-card-issuer';
import { BLANK_PAGE, ocrPageFromLines } from './test-helpers';
import type { PageClass, PageReading } from './types';

const page = BLANK_PAGE;
const context = { options: resolveExtractOptions({ asOf: '2026-11-28' }) };
const issuerOf = (lines: string[]) => readCardIssuer(ocrPageFromLines(lines))?.value;

describe('readCardIssuer', () => {
  it('reads each printed authority, in Vietnamese or English, wrapped or not, through OCR slips', () => {
    expect(
      issuerOf([
        'Ngày, tháng, năm / Date, month, year: 12/05/2022',
        'CỤC TRƯỞNG CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI',
      ]),
    ).toBe('Cục Cảnh sát quản lý hành chính về trật tự xã hội');
    expect(
      issuerOf(['DIRECTOR GENERAL OF THE POLICE DEPARTMENT FOR', 'ADMINISTRATIVE MANAGEMENT OF SOCIAL ORDER']),
    ).toBe('Cục Cảnh sát quản lý hành chính về trật tự xã hội');
    expect(issuerOf(['CỤC TRƯỞNG CỤC CẢNH SÁT', 'QUAN LY HANH CHlNH VE TRAT TU XA H0I'])).toBe(
      'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
    );
    expect(issuerOf(['CỤC TRƯỞNG CỤC CẢNH SÁT', 'ĐKQL CƯ TRÚ VÀ DLQG VỀ DÂN CƯ'])).toBe(
      'Cục Cảnh sát đăng ký, quản lý cư trú và dữ liệu quốc gia về dân cư',
    );
    expect(
      issuerOf(['Ngày, tháng, năm cấp / Date of issue: 01/08/2024', 'BỘ CÔNG AN', 'MINISTRY OF PUBLIC SECURITY']),
    ).toBe('Bộ Công an');
    expect(issuerOf(['Ngày 03 tháng 04 năm 2009', 'GIÁM ĐỐC CA TỈNH NAM ĐỊNH'])).toBe('Công an tỉnh Nam Định');
  });

  it('gives nothing when no authority is printed or readable', () => {
    expect(
      issuerOf(['Đặc điểm nhân dạng / Personal identification', 'Nốt ruồi cách 2cm dưới mép phải']),
    ).toBeUndefined();
    expect(issuerOf(['CỤC TRƯỞNG CỤC CẢNH SÁT'])).toBeUndefined();
  });

  it('names a national authority surely when its long title matches the closed list, whatever the OCR confidence; a short or garbled one stays unsure', () => {
    const sureOf = (lines: string[]) => readCardIssuer(ocrPageFromLines(lines, 0.5))?.confidence ?? 0;
    expect(sureOf(['CỤC TRƯỞNG CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI'])).toBeGreaterThanOrEqual(0.9);
    expect(sureOf(['CỤC TRƯỞNG CỤC CẢNH SÁT', 'QUAN LY HANH CHlNH VE TRAT TU XA H0I'])).toBeGreaterThanOrEqual(0.9);
    // A province read by OCR is not a closed-list match: it keeps the line's confidence.
    expect(sureOf(['GIÁM ĐỐC CA TỈNH NAM ĐỊNH'])).toBeLessThan(0.9);
    expect(sureOf(['BỘ CÔNG AN'])).toBeLessThan(0.9);
    expect(sureOf(['CUC TRUONG CUC CANH SAT QUAN LX HAHH CHIHH UE TRAI TU XA HQI'])).toBeLessThan(0.9);
  });

  it('measures an approximate substring match', () => {
    expect(substringDistance('cuctruongcuccanhsatquanlyhanhchinh', 'quanlyhanhchinh')).toBe(0);
    expect(substringDistance('xxquanlyhanhchlnhxx', 'quanlyhanhchinh')).toBe(1);
  });
});

const back = (lines: string[]): PageReading => ({ page, ocr: ocrPageFromLines(lines), qr: undefined });
const BACK: PageClass = { type: 'cccd-2021', part: 'back', score: 1 };

describe('ID card issuer: read, not inferred', () => {
  it('keeps the usual issuer of the model below the fill threshold, with a diagnostic, when the back does not show it', async () => {
    const record = await cccd2021.extract(
      [back(['Đặc điểm nhân dạng / Personal identification', 'Ngày, tháng, năm / Date, month, year:', '12/05/2022'])],
      [BACK],
      context,
    );
    expect(record.fields['document.issueDate']?.value).toBe('2022-05-12');
    expect(record.fields['document.issuer']?.confidence).toBeLessThan(0.7);
    expect(record.diagnostics.map((d) => d.code)).toContain('EXTRACT_FIELD_IMPLIED');
  });

  it('takes the printed issuer over the model one', async () => {
    // A 2016 card signed by the later authority: the printed one wins.
    const record = await cccd2016.extract(
      [
        back([
          'Đặc điểm nhân dạng:',
          'Sẹo chấm',
          'Ngày 10 tháng 02 năm 2020',
          'CỤC TRƯỞNG CỤC CẢNH SÁT QUẢN LÝ',
          'HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI',
        ]),
      ],
      [{ ...BACK, type: 'cccd-2016' }],
      context,
    );
    expect(record.fields['document.issuer']?.value).toBe('Cục Cảnh sát quản lý hành chính về trật tự xã hội');
    expect(record.fields['document.issuer']?.evidence[0]?.method).toBe('ocr');
    expect(record.diagnostics.map((d) => d.code)).not.toContain('EXTRACT_FIELD_IMPLIED');
    const newCard = await canCuoc2024.extract(
      [back(['Nơi cư trú / Place of residence:', 'Ngày, tháng, năm cấp / Date of issue: 01/08/2024', 'BỘ CÔNG AN'])],
      [{ ...BACK, type: 'can-cuoc-2024' }],
      context,
    );
    expect(newCard.fields['document.issuer']).toMatchObject({ value: 'Bộ Công an', evidence: [{ method: 'ocr' }] });
  });

  it('keeps a value that looks cut below the threshold', async () => {
    const record = await canCuoc2024.extract(
      [
        back([
          'Nơi cư trú / Place of residence:',
          'Thôn 3, Xã Hoà Bắc, Huyện Hoà Vang, Đà Nẵng',
          'Nơi đăng ký khai sinh / Place of birth:',
          'Xã Tân Phú, Huyện Châu..',
          'Ngày, tháng, năm cấp / Date of issue: 01/08/2024',
        ]),
      ],
      [{ ...BACK, type: 'can-cuoc-2024' }],
      context,
    );
    const place = record.fields['person.birthRegistrationPlace'];
    expect(place === undefined || place.confidence < 0.7).toBe(true);
    expect(record.fields['person.residence']?.confidence ?? 0).toBeGreaterThanOrEqual(0.7);
  });

  it('keeps a value holding words of a printed label below the threshold', async () => {
    const record = await canCuoc2024.extract(
      [
        back([
          'Nơi cư trú / Place of residence:',
          'of residence Thôn 3, Xã Hoà Bắc, Huyện Hoà Vang, Đà Nẵng',
          'Ngày, tháng, năm cấp / Date of issue: 01/08/2024',
        ]),
      ],
      [{ ...BACK, type: 'can-cuoc-2024' }],
      context,
    );
    const residence = record.fields['person.residence'];
    expect(residence === undefined || residence.confidence < 0.7).toBe(true);
  });
});
