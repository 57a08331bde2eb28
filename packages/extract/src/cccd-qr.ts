import type { Diagnostic, Evidence, ExtractedField } from '@sohoa/core';
import { normalizeText, parseDate, parseSex } from '@sohoa/vn';
import type { FieldSet, QrCode } from './types';

const QR_CONFIDENCE = 0.99;

/**
 * Parses the pipe-separated payload of the CCCD / Căn cước QR code:
 * `ID(12)|CMND(9, may be empty)|full name|ddmmyyyy|Nam/Nữ|permanent address|ddmmyyyy (issue)`.
 * Returns undefined when the text is not such a payload.
 */
export function parseCccdQrPayload(
  qr: QrCode,
  sha256: string,
): { fields: FieldSet; diagnostics: Diagnostic[] } | undefined {
  const parts = qr.text.trim().split('|');
  if (parts.length < 6 || !/^\d{12}$/.test(parts[0] ?? '')) return undefined;
  // Some cards omit the old CMND field: 6 fields instead of 7.
  const [id, cmnd, name, dob, sex, address, issued] = parts.length >= 7 ? parts : [parts[0], '', ...parts.slice(1)];
  const evidence: Evidence[] = [{ method: 'qr', sha256, page: qr.page, box: qr.box }];
  const field = (value: string | undefined, raw?: string): ExtractedField | undefined =>
    value ? { value, raw: raw ?? value, confidence: QR_CONFIDENCE, evidence } : undefined;
  const diagnostics: Diagnostic[] = [];
  const fields: FieldSet = {};
  const put = (key: string, f: ExtractedField | undefined) => {
    if (f) fields[key] = f;
  };
  put('person.idNumber', field(id));
  if (cmnd && /^\d{9}$/.test(cmnd)) put('person.oldIdNumber', field(cmnd));
  put('person.fullName', field(name ? normalizeText(name) : undefined, name));
  const birth = dob ? parseDate(dob) : undefined;
  put('person.birthDate', field(birth?.iso, dob));
  const s = sex ? parseSex(sex) : undefined;
  put('person.sex', field(s, sex));
  put('person.permanentAddress', field(address ? normalizeText(address) : undefined, address));
  const issue = issued ? parseDate(issued) : undefined;
  put('document.issueDate', field(issue?.iso, issued));
  if (dob && !birth)
    diagnostics.push({
      code: 'EXTRACT_QR_FIELD_INVALID',
      severity: 'warning',
      origin: 'extract',
      key: 'person.birthDate',
      page: qr.page,
      message: 'The QR code holds a birth date that is not a valid date; it was ignored.',
    });
  return { fields, diagnostics };
}
