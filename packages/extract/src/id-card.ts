import type { Diagnostic, DocumentRecord } from '@sohoa/core';
import { foldDiacritics } from '@sohoa/vn';
import { parseCccdQrPayload } from './cccd-qr';
import { checkOrder } from './civil-document';
import { endsWithProvince } from './field-parsers';
import { foldLines } from './lines';
import { readMrz } from './mrz';
import type { ExtractContext, FieldSet, PageClass, PageReading } from './types';

/** Shared steps of ID card types: QR and MRZ sets, expiry rules, computed fields and the record frame. */

/** Field sets read from a card side's QR code and MRZ, with their diagnostics. */
export function machineReadableSets(
  reading: PageReading,
  part: string | undefined,
  context: ExtractContext,
): { sets: FieldSet[]; diagnostics: Diagnostic[] } {
  const sets: FieldSet[] = [];
  const diagnostics: Diagnostic[] = [];
  const sha = reading.page.source.sha256;
  if (reading.qr) {
    const parsed = parseCccdQrPayload(reading.qr, sha);
    if (parsed) {
      sets.push(parsed.fields);
      diagnostics.push(...parsed.diagnostics);
    }
  }
  if (reading.ocr && part === 'back') {
    const mrz = readMrz(reading.ocr, sha, Number(context.options.asOf.slice(0, 4)));
    if (mrz) {
      sets.push(mrz.fields);
      diagnostics.push(...mrz.diagnostics);
    }
  }
  return { sets, diagnostics };
}

/**
 * A card expires on a birthday at one of the renewal ages (Luật Căn cước công dân 2014: 25, 40, 60;
 * Luật Căn cước 2023: 14, 25, 40, 60); a printed expiry that is not one halves its confidence.
 */
export function checkExpiryRule(fields: FieldSet, renewalAges: readonly number[]): Diagnostic[] {
  const birth = fields['person.birthDate']?.value;
  const expiry = fields['document.expiryDate'];
  if (typeof birth !== 'string' || !expiry || typeof expiry.value !== 'string') return [];
  const age = Number(expiry.value.slice(0, 4)) - Number(birth.slice(0, 4));
  if (expiry.value.slice(5) === birth.slice(5) && renewalAges.includes(age)) return [];
  expiry.confidence *= 0.5;
  return [
    {
      code: 'EXTRACT_EXPIRY_INCONSISTENT',
      severity: 'warning',
      origin: 'extract',
      key: 'document.expiryDate',
      message: `The expiry date is not a birthday at age ${renewalAges.join(', ')} as the card rules require; it was probably misread and needs review.`,
    },
  ];
}

/** Birth before issue, issue before expiry: a reversed pair lowers both and is reported. */
export function checkCardDates(fields: FieldSet): Diagnostic[] {
  return [
    ...checkOrder(fields, 'person.birthDate', 'document.issueDate'),
    ...checkOrder(fields, 'document.issueDate', 'document.expiryDate'),
  ];
}

/** Front first, then back: `front`, `back` or `front+back`. */
export function partsOf(classes: PageClass[]): string {
  return [...new Set(classes.map((c) => c.part))]
    .sort((a, b) => (a === 'front' ? -1 : b === 'front' ? 1 : 0))
    .join('+');
}

/** True when the pages show the card's validity: an expiry date was read, or `Không thời hạn` is printed. */
export function showsValidity(readings: PageReading[], fields: FieldSet): boolean {
  return (
    fields['document.expiryDate'] !== undefined ||
    readings.some((r) => r.ocr !== undefined && foldLines(r.ocr.lines).some((l) => /khong thoi han/.test(l.folded)))
  );
}

/**
 * The record frame of an ID card; the subject is the personal ID, or `subjectKey`'s value when given.
 * `validityShown: false` (a side without the expiry) makes the status `unknown`.
 */
export function idCardRecord(
  type: string,
  readings: PageReading[],
  classes: PageClass[],
  fields: FieldSet,
  diagnostics: Diagnostic[],
  options: { validUntil?: string; subjectKey?: string; validityShown?: boolean } = {},
): Omit<DocumentRecord, 'status'> & { status?: DocumentRecord['status'] } {
  const str = (k: string) => (typeof fields[k]?.value === 'string' ? (fields[k]!.value as string) : undefined);
  const subjectId = str(options.subjectKey ?? 'person.idNumber');
  const number = str('document.number');
  const validUntil = options.validUntil ?? str('document.expiryDate');
  return {
    type,
    part: partsOf(classes),
    ...(subjectId ? { subject: { kind: 'person' as const, id: subjectId } } : {}),
    ...(number ? { number } : {}),
    ...(str('document.issuer') ? { issuer: str('document.issuer') } : {}),
    ...(str('document.issueDate') ? { issued: str('document.issueDate') } : {}),
    ...(validUntil ? { validUntil } : {}),
    ...(options.validityShown === false ? { status: 'unknown' as const } : {}),
    fields,
    sources: readings.map((r) => r.page.source),
    diagnostics,
  };
}

/**
 * Addresses on ID cards end with the province; one that does not was cut short (a wrapped line
 * missed) or misread, so its confidence drops below the fill threshold.
 */
export function checkAddressEnds(fields: FieldSet, keys: readonly string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const key of keys) {
    const field = fields[key];
    if (
      !field ||
      typeof field.value !== 'string' ||
      field.evidence.some((e) => e.method === 'qr') ||
      endsWithProvince(field.value)
    )
      continue;
    field.confidence = Math.min(field.confidence, 0.6);
    diagnostics.push({
      code: 'EXTRACT_FIELD_INCOMPLETE',
      severity: 'warning',
      origin: 'extract',
      key,
      message: `\`${key}\` does not end with a province as card addresses do; part of it was probably not read and it needs review.`,
    });
  }
  return diagnostics;
}

// Administrative words that never end a place: a value ending with one lost what followed it.
const DANGLING = /(?:^|[\s,])(?:xa|phuong|huyen|quan|thi tran|thi xa|tinh|thanh pho|tp|ap|thon|to|so|khu pho)\.?$/;

// Words of the cards' English labels, never part of a Vietnamese value.
const LABEL_PIECES = /\b(?:place of|of origin|of residence|of birth|full name|date of|nationality|identification)\b/;

/**
 * A value that looks cut (ends with `..` or `…`, or with an administrative word and nothing after
 * it) is not certain whatever its OCR confidence: it drops below the fill thresholds with a
 * diagnostic. Values from the QR code or MRZ are complete by construction and are left alone.
 */
export function checkCutValues(fields: FieldSet): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [key, field] of Object.entries(fields)) {
    if (typeof field.value !== 'string' || field.evidence.some((e) => e.method === 'qr' || e.method === 'mrz'))
      continue;
    const text = field.value.trim();
    const folded = foldDiacritics(text);
    const cut =
      /(?:\.\.|…)$/.test(text) ||
      (/[Pp]lace|[Aa]ddress|hometown|residence|Registration/i.test(key) && DANGLING.test(folded));
    // A piece of a printed label read into the value ("of residence Ấp …"): its start is not certain either.
    const labelled = LABEL_PIECES.test(folded);
    if (!cut && !labelled) continue;
    field.confidence = Math.min(field.confidence, 0.5);
    const why = cut
      ? 'looks cut short (it ends with an ellipsis or an administrative word with nothing after it)'
      : 'holds words of a printed label';
    diagnostics.push({
      code: 'EXTRACT_FIELD_INCOMPLETE',
      severity: 'warning',
      origin: 'extract',
      key,
      message: `\`${key}\` ${why}; it needs review.`,
    });
  }
  return diagnostics;
}
