import { parse as parseMrzLines } from 'mrz';
import { unionBoxes } from './lines';
import type { Diagnostic, Evidence, ExtractedField, OcrLine, OcrPage } from '@sohoa/core';
import type { FieldSet } from './types';

const MRZ_CONFIDENCE = 0.97;

/** Normalises an OCR line that may be an MRZ line: upper case, no spaces, common misreads of `<`. */
function cleanMrzLine(text: string): string {
  return text
    .toUpperCase()
    .replace(/[«‹]/g, '<')
    .replace(/\s+/g, '')
    .replace(/[^A-Z0-9<]/g, '<');
}

function looksLikeMrz(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  // Before cleaning: nearly all characters must already be MRZ characters (not prose turned into `<`).
  const mrzChars = compact.replace(/[^A-Z0-9<«‹]/g, '').length;
  const t = cleanMrzLine(text);
  return (
    t.length >= 26 &&
    t.length <= 34 &&
    mrzChars / Math.max(1, compact.length) >= 0.9 &&
    (t.match(/</g)?.length ?? 0) >= 2
  );
}

function fitTo30(line: string): string {
  return line.length >= 30 ? line.slice(0, 30) : line.padEnd(30, '<');
}

/** Letters OCR confuses with digits, per MRZ position kind. */
const TO_DIGIT: Record<string, string> = { O: '0', Q: '0', D: '0', I: '1', L: '1', Z: '2', S: '5', G: '6', B: '8' };

function repairDigits(line: string, ranges: Array<[number, number]>): string {
  const chars = [...line];
  for (const [start, end] of ranges) {
    for (let i = start; i < end && i < chars.length; i++) chars[i] = TO_DIGIT[chars[i]!] ?? chars[i]!;
  }
  return chars.join('');
}

export interface MrzReading {
  lines: [string, string, string];
  fields: FieldSet;
  valid: boolean;
  diagnostics: Diagnostic[];
}

function mrzDate(yymmdd: string | null | undefined, kind: 'birth' | 'expiry', reference: number): string | undefined {
  if (!yymmdd || !/^\d{6}$/.test(yymmdd)) return undefined;
  const yy = Number(yymmdd.slice(0, 2));
  const refYY = reference % 100;
  const century = Math.floor(reference / 100) * 100;
  // Birth dates are in the past; expiry dates within the next 100 years.
  const year =
    kind === 'birth'
      ? yy > refYY
        ? century - 100 + yy
        : century + yy
      : yy + century < reference - 50
        ? century + 100 + yy
        : century + yy;
  const iso = `${year}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

/**
 * Finds a TD1 MRZ (three lines of 30 characters) in a page's OCR lines and reads it. Check digits
 * decide the confidence: a field whose check digit fails is not emitted.
 */
export function readMrz(
  ocr: OcrPage,
  sha256: string,
  referenceYear = new Date().getUTCFullYear(),
): MrzReading | undefined {
  const candidates = ocr.lines.filter((l) => looksLikeMrz(l.text));
  if (candidates.length < 3) return undefined;
  const picked: OcrLine[] = candidates.slice(-3);
  const raw = picked.map((l) => fitTo30(cleanMrzLine(l.text)));
  // TD1: line 1 positions 5-14 document number + check; line 2 dates and check digits.
  // Line 1 of a Vietnamese card starts with `IDVNM`; OCR often reads the I as T, 1 or l.
  const l1 = repairDigits(raw[0]!.replace(/^[IT1L|][DO0]/, 'ID').replace(/^ID[V][N][M]/, 'IDVNM'), [
    [5, 15],
    [15, 30],
  ]);
  const l2 = repairDigits(raw[1]!, [
    [0, 7],
    [8, 15],
    [29, 30],
  ]).replace(/^(.{7})[^MF<]/, '$1<');
  const l3 = raw[2]!.replace(
    /[0-9]/g,
    (d) => ({ '0': 'O', '1': 'I', '5': 'S', '8': 'B', '2': 'Z', '6': 'G' })[d] ?? '<',
  );
  const lines: [string, string, string] = [l1, l2, l3];
  let result;
  try {
    result = parseMrzLines(lines);
  } catch {
    return undefined;
  }
  const box = unionBoxes(picked.map((l) => l.box));
  const evidence: Evidence[] = [{ method: 'mrz', sha256, page: ocr.source.page, box }];
  const ok = (name: string) => result.details.find((d) => d.field === name)?.valid !== false;
  const fields: FieldSet = {};
  const put = (key: string, value: string | undefined, valid: boolean, confidence = MRZ_CONFIDENCE) => {
    if (value && valid) fields[key] = { value, confidence, evidence } satisfies ExtractedField;
  };
  const optional = (result.fields.optional1 ?? '').replace(/\s/g, '');
  const idFromOptional = /^\d{12}/.exec(optional)?.[0];
  const docNumber = result.fields.documentNumber ?? undefined;
  const docValid = ok('documentNumber') && ok('documentNumberCheckDigit');
  // The 12-digit ID is in the optional field; its last 9 digits must equal the check-digited document number.
  if (idFromOptional && docNumber && idFromOptional.endsWith(docNumber) && docValid)
    put('person.idNumber', idFromOptional, true);
  put(
    'person.birthDate',
    mrzDate(result.fields.birthDate, 'birth', referenceYear),
    ok('birthDate') && ok('birthDateCheckDigit'),
  );
  put(
    'document.expiryDate',
    mrzDate(result.fields.expirationDate, 'expiry', referenceYear),
    ok('expirationDate') && ok('expirationDateCheckDigit'),
  );
  const sex = result.fields.sex === 'male' || result.fields.sex === 'female' ? result.fields.sex : undefined;
  put('person.sex', sex, ok('sex'), 0.9);
  const mrzName = [result.fields.lastName, result.fields.firstName].filter(Boolean).join(' ').trim();
  // The MRZ name has no diacritics: kept only for cross-checking, never filled from.
  put('mrz.name', mrzName || undefined, true, 0.9);
  const diagnostics: Diagnostic[] = [];
  // Cards without expiry ("Không thời hạn") fill the expiry date and its check digit with `<`.
  const noExpiry = /^<{7}$/.test(l2.slice(8, 15));
  const failedFields = result.details.filter(
    (d) => !d.valid && !(noExpiry && String(d.field).startsWith('expirationDate')),
  );
  if (failedFields.length > 0) {
    const failed = failedFields.map((d) => d.field).join(', ');
    diagnostics.push({
      code: 'EXTRACT_MRZ_CHECK_FAILED',
      severity: 'warning',
      origin: 'extract',
      page: ocr.source.page,
      box,
      message: `The MRZ was found but some check digits fail (${failed}); those fields were not used.`,
    });
  }
  return { lines, fields, valid: result.valid, diagnostics };
}
