import { describe, expect, it } from 'vitest';
import { mrzCheckDigit, normalizeText } from '@sohoa/vn';
import { parseCccdQrPayload } from './cccd-qr';
import { safeExtractDocument } from './extract';
import { mergeFieldSets } from './merge';
import { readMrz } from './mrz';
import { findDigitRuns, findNumericDates } from './ocr-fixes';
import { ocrPageFromLines, SOURCE, whitePage } from './test-helpers';

const blankPage = whitePage(8, 8);

const FRONT = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'CĂN CƯỚC CÔNG DÂN',
  'Citizen Identity Card',
  'Số / No.: 079190001234',
  'Họ và tên / Full name:',
  'TRẦN THỊ THUỶ',
  'Ngày sinh / Date of birth: 05/03/1990',
  'Giới tính / Sex: Nữ Quốc tịch / Nationality: Việt Nam',
  'Quê quán / Place of origin:',
  'Xã Tân Phú, Huyện Châu Thành, Tiền Giang',
  'Nơi thường trú / Place of residence:',
  'Số 12 Nguyễn Trãi, Phường 2,',
  'Quận 5, TP. Hồ Chí Minh',
  'Có giá trị đến: 05/03/2030',
  'Date of expiry',
];

function mrzFor(id: string, birth: string, sex: 'M' | 'F', expiry: string, name: string): string[] {
  const doc = id.slice(3);
  const l1 = `IDVNM${doc}${mrzCheckDigit(doc)}${id}<<`.padEnd(29, '<');
  const line1 = `${l1}${mrzCheckDigit(l1.slice(15, 29))}`.slice(0, 30);
  const l2 = `${birth}${mrzCheckDigit(birth)}${sex}${expiry}${mrzCheckDigit(expiry)}VNM`.padEnd(29, '<');
  const composite = mrzCheckDigit(line1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29));
  return [line1, `${l2}${composite}`, name.padEnd(30, '<')];
}

describe('OCR digit repair', () => {
  it('finds 12-digit IDs with look-alike letters and never inside words', () => {
    expect(findDigitRuns('Số / No.: O79I90001234', 12)).toEqual(['079190001234']);
    expect(findDigitRuns('Số / No.: 0791 9000 1234', 12)).toEqual([]);
    expect(findDigitRuns('Sống ở Bình Định', 12)).toEqual([]);
  });
  it('finds numeric dates', () => {
    expect(findNumericDates('Ngày sinh / Date of birth: O5/03/199O')).toEqual(['05/03/1990']);
  });
});

describe('CCCD QR payload', () => {
  const qr = {
    text: '079190001234|123456789|Trần Thị Thuỷ|05031990|Nữ|Số 12 Nguyễn Trãi, Phường 2, Quận 5, TP. Hồ Chí Minh|15042021',
    page: 2,
    box: { x: 1, y: 2, width: 3, height: 4 },
  };
  it('reads every field with QR evidence', () => {
    const parsed = parseCccdQrPayload(qr, SOURCE.sha256)!;
    expect(parsed.fields['person.idNumber']?.value).toBe('079190001234');
    expect(parsed.fields['person.oldIdNumber']?.value).toBe('123456789');
    expect(parsed.fields['person.birthDate']?.value).toBe('1990-03-05');
    expect(parsed.fields['person.sex']?.value).toBe('female');
    expect(parsed.fields['document.issueDate']?.value).toBe('2021-04-15');
    expect(parsed.fields['person.fullName']?.evidence[0]).toMatchObject({ method: 'qr', page: 2 });
  });
  it('accepts the 6-field variant without the old ID and rejects other QR codes', () => {
    const six = parseCccdQrPayload({ ...qr, text: '079190001234|Trần Thị Thuỷ|05031990|Nữ|Quận 5|15042021' }, 'x')!;
    expect(six.fields['person.fullName']?.value).toBe(normalizeText('Trần Thị Thuỷ'));
    expect(six.fields['person.birthDate']?.value).toBe('1990-03-05');
    expect(six.fields['person.oldIdNumber']).toBeUndefined();
    expect(parseCccdQrPayload({ ...qr, text: 'https://example.org' }, 'x')).toBeUndefined();
  });
});

describe('MRZ', () => {
  it('reads a TD1 MRZ with valid check digits, repairing O/0 confusions', () => {
    const lines = mrzFor('079190001234', '900305', 'F', '300305', 'TRAN<<THI<THUY');
    const ocr = ocrPageFromLines([
      'Đặc điểm nhân dạng',
      lines[0]!.replace(/0/g, 'O').replace('IDVNM', 'IDVNM'),
      lines[1]!,
      lines[2]!,
    ]);
    const mrz = readMrz(ocr, SOURCE.sha256, 2026)!;
    expect(mrz.valid).toBe(true);
    expect(mrz.fields['person.idNumber']?.value).toBe('079190001234');
    expect(mrz.fields['person.birthDate']?.value).toBe('1990-03-05');
    expect(mrz.fields['document.expiryDate']?.value).toBe('2030-03-05');
    expect(mrz.fields['person.sex']?.value).toBe('female');
  });
  it('drops fields whose check digit fails', () => {
    const lines = mrzFor('079190001234', '900305', 'F', '300305', 'TRAN<<THI<THUY');
    const broken = lines[1]!.replace('900305', '900306');
    const mrz = readMrz(ocrPageFromLines([lines[0]!, broken, lines[2]!]), SOURCE.sha256, 2026)!;
    expect(mrz.fields['person.birthDate']).toBeUndefined();
    expect(mrz.diagnostics.map((d) => d.code)).toContain('EXTRACT_MRZ_CHECK_FAILED');
  });
});

describe('merge', () => {
  it('keeps the higher-authority value and reports the disagreement without values', () => {
    const merged = mergeFieldSets([
      { 'person.birthDate': { value: '1990-03-06', confidence: 0.8, evidence: [{ method: 'ocr' }] } },
      { 'person.birthDate': { value: '1990-03-05', confidence: 0.99, evidence: [{ method: 'qr' }] } },
    ]);
    expect(merged.fields['person.birthDate']?.value).toBe('1990-03-05');
    expect(merged.fields['person.birthDate']!.confidence).toBeLessThan(0.99);
    expect(merged.diagnostics[0]?.code).toBe('EXTRACT_SOURCES_DISAGREE');
    expect(JSON.stringify(merged.diagnostics)).not.toContain('1990');
  });
  it('raises confidence when sources agree', () => {
    const merged = mergeFieldSets([
      { 'person.idNumber': { value: '079190001234', confidence: 0.8, evidence: [{ method: 'ocr' }] } },
      { 'person.idNumber': { value: '079190001234', confidence: 0.97, evidence: [{ method: 'mrz' }] } },
    ]);
    expect(merged.fields['person.idNumber']!.confidence).toBeGreaterThan(0.99);
    expect(merged.fields['person.idNumber']!.evidence).toHaveLength(2);
  });
});

describe('extractDocument on a CCCD front', () => {
  it('classifies and reads the printed fields', async () => {
    const result = await safeExtractDocument(
      { pages: [blankPage], ocr: [ocrPageFromLines(FRONT)] },
      { asOf: '2026-11-28' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const r = result.value;
    expect(r.type).toBe('cccd-2021');
    expect(r.part).toBe('front');
    expect(r.subject).toEqual({ kind: 'person', id: '079190001234' });
    const values = Object.fromEntries(Object.entries(r.fields).map(([k, f]) => [k, f.value]));
    expect(values).toMatchObject({
      'person.idNumber': '079190001234',
      'person.fullName': normalizeText('Trần Thị Thuỷ'),
      'person.birthDate': '1990-03-05',
      'person.sex': 'female',
      'person.nationality': 'Việt Nam',
      'person.hometown': 'Xã Tân Phú, Huyện Châu Thành, Tiền Giang',
      'person.permanentAddress': 'Số 12 Nguyễn Trãi, Phường 2, Quận 5, TP. Hồ Chí Minh',
      'document.expiryDate': '2030-03-05',
    });
    expect(r.status).toBe('valid');
    const later = await safeExtractDocument(
      { pages: [blankPage], ocr: [ocrPageFromLines(FRONT)] },
      { asOf: '2031-01-01' },
    );
    expect(later.ok && later.value.status).toBe('expired');
  });
  it('returns EXTRACT_UNKNOWN_DOCUMENT for an unrelated page', async () => {
    const result = await safeExtractDocument({
      pages: [blankPage],
      ocr: [ocrPageFromLines(['Hello world', 'nothing here'])],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]?.code).toBe('EXTRACT_UNKNOWN_DOCUMENT');
  });
});
