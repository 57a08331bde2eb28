import type { DocumentRecord, ExtractedField, LinkDecision, LinkEvidence, SubjectCandidate } from '@sohoa/core';
import { checkPersonalIdAgainst, isCmnd, isPersonalId } from '@sohoa/vn';
import { hasValidTaxCheckDigit } from './registration-parsers';

/** An ID number read by OCR files a document under a person only at or above this confidence (the fill threshold of ID numbers). */
export const ID_THRESHOLD = 0.9;

const PERSON_ID_KEYS = ['person.idNumber', 'person.oldIdNumber'] as const;

function sourceKey(
  record: Pick<DocumentRecord, 'fields' | 'subject'>,
  keys: readonly string[],
): { key: string; field: ExtractedField } | undefined {
  for (const key of keys) {
    const field = record.fields[key];
    if (field && field.value === record.subject?.id) return { key, field };
  }
  return undefined;
}

function unlinked(reason: LinkDecision['reason'], candidates: SubjectCandidate[] = []): LinkDecision {
  return { evidence: [], reason, ...(candidates.length > 0 && { candidates }) };
}

/**
 * Decides whose document a freshly extracted record is, from the subject its type proposed and the
 * fields that support it. A person is kept as subject only on identity-grade evidence: the ID came
 * from a QR code, or from an MRZ whose check digits hold, or was read by OCR at {@link ID_THRESHOLD}
 * or above with its century/sex and year digits agreeing with the printed birth date and sex (a
 * 9-digit CMND number, which encodes neither, needs the threshold alone: it is the card's own number).
 * An organisation is kept when its tax code's check digit holds, or when the document names its
 * issuing body (letters). Otherwise the decision has no subject; an ID that was read but not proven is
 * offered as a candidate (`id-unconfirmed`) for an officer.
 *
 * @example
 * const link = decideSubject(record);
 * const filed = { ...record, ...(link.subject ? { subject: link.subject } : { subject: undefined }), link };
 */
export function decideSubject(record: Pick<DocumentRecord, 'fields' | 'subject'>): LinkDecision {
  const subject = record.subject;
  if (!subject) return unlinked('no-id');
  if (subject.kind === 'org') {
    if (subject.id.startsWith('name:'))
      return { subject, evidence: [{ method: 'issuer-name', key: 'document.issuer' }], reason: 'issuer-name' };
    const tax = sourceKey(record, ['org.taxCode']);
    if (tax && hasValidTaxCheckDigit(subject.id))
      return {
        subject,
        evidence: [{ method: 'tax-code', key: tax.key, confidence: tax.field.confidence }],
        reason: 'tax-code',
      };
    return unlinked('id-unverifiable');
  }
  const source = sourceKey(record, PERSON_ID_KEYS);
  const candidate: SubjectCandidate[] = [{ subject, rule: 'id-unconfirmed' }];
  if (!source) return unlinked('id-unverifiable', candidate);
  const { key, field } = source;
  const methods = new Set(field.evidence.map((e) => e.method));
  // The winning value keeps only the evidence that agreed with it, so a QR/MRZ method here vouches for the value itself.
  for (const method of ['qr', 'mrz'] as const) {
    if (methods.has(method))
      return { subject, evidence: [{ method, key, confidence: field.confidence }], reason: method };
  }
  if (key === 'person.oldIdNumber' && isCmnd(subject.id)) {
    if (field.confidence < ID_THRESHOLD) return unlinked('id-below-threshold', candidate);
    return { subject, evidence: [{ method: 'id-number', key, confidence: field.confidence }], reason: 'id-number' };
  }
  if (!isPersonalId(subject.id)) return unlinked('id-structure-mismatch', candidate);
  // The ID encodes the birth year only, so a certificate printing the year alone (land) checks as well as a full date.
  const birthKey =
    typeof record.fields['person.birthDate']?.value === 'string' ? 'person.birthDate' : 'person.birthDate.year';
  const birth = String(record.fields[birthKey]?.value ?? '');
  const sex = record.fields['person.sex']?.value;
  const checkable = /^\d{4}/.test(birth) && (sex === 'male' || sex === 'female');
  // A disagreement names the cause even when it also lowered the confidence (extraction halves it).
  if (
    checkable &&
    checkPersonalIdAgainst(subject.id, { birthDate: birth.length === 4 ? `${birth}-01-01` : birth, sex }).length > 0
  )
    return unlinked('id-structure-mismatch', candidate);
  if (field.confidence < ID_THRESHOLD) return unlinked('id-below-threshold', candidate);
  if (!checkable) return unlinked('id-unverifiable', candidate);
  const evidence: LinkEvidence = {
    method: 'id-number',
    key,
    confidence: field.confidence,
    agreed: [birthKey, 'person.sex'],
  };
  return { subject, evidence: [evidence], reason: 'id-number' };
}
