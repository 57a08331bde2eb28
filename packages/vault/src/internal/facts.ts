import { METHOD_AUTHORITY, type DocumentRecord, type ExtractedField, type FieldValue } from '@sohoa/core';
import type { Fact, VaultDocument } from '../types';

const DOCUMENT_META_KEYS: ReadonlyArray<[string, (r: DocumentRecord) => FieldValue | undefined]> = [
  ['document.type', (r) => r.type],
  ['document.number', (r) => r.number],
  ['document.issuer', (r) => r.issuer],
  ['document.issueDate', (r) => r.issued],
  ['document.expiryDate', (r) => r.validUntil],
];

/** Facts of one document: its fields, its relations (role-prefixed keys), document metadata, identity copies. */
export function factsOf(doc: VaultDocument, isIdentityDocument: (record: DocumentRecord) => boolean): Fact[] {
  const record = doc.record;
  const fields = new Map<string, ExtractedField>(Object.entries(record.fields));
  for (const [key, read] of DOCUMENT_META_KEYS) {
    const value = read(record);
    if (!fields.has(key) && value !== undefined && value !== '') {
      fields.set(key, { value, confidence: 1, evidence: [{ method: 'computed' }] });
    }
  }
  for (const relation of record.relations ?? []) {
    for (const [key, field] of Object.entries(relation.fields)) {
      fields.set(withRole(key, relation.role), field);
    }
    if (relation.subject && !fields.has(withRole('person.idNumber', relation.role))) {
      fields.set(withRole('person.idNumber', relation.role), {
        value: relation.subject.id,
        confidence: 1,
        evidence: [{ method: 'computed' }],
      });
    }
  }
  if (isIdentityDocument(record)) {
    for (const [key, field] of [...fields]) {
      if (key.startsWith('document.')) fields.set(`person.idDocument.${key.slice('document.'.length)}`, field);
    }
  }
  // The record's own metadata is the extractor's final word on validity; fields are the fallback.
  const issued = record.issued ?? asString(fields.get('document.issueDate')?.value);
  const expires = record.validUntil ?? asString(fields.get('document.expiryDate')?.value);
  const facts: Fact[] = [];
  for (const [key, field] of fields) {
    const evidence = field.evidence[0];
    const method = evidence?.method ?? 'computed';
    facts.push({
      id: factId(doc.id, key),
      subjectId: doc.subject.id,
      documentId: doc.id,
      documentType: record.type,
      key,
      value: field.value,
      confidence: field.confidence,
      method,
      ...(evidence?.sha256 !== undefined && { sha256: evidence.sha256 }),
      ...(evidence?.page !== undefined && { page: evidence.page }),
      ...(evidence?.box !== undefined && { box: evidence.box }),
      authority: METHOD_AUTHORITY[method] ?? 0,
      ...(issued !== undefined && { validFrom: issued }),
      ...(expires !== undefined && { validTo: expires }),
      documentStatus: record.status,
      recordedAt: doc.recordedAt,
    });
  }
  return facts;
}

/** Id of the fact a document holds for a key. */
export function factId(documentId: string, key: string): string {
  return `${documentId}/${key}`;
}

/** `person.fullName` + `mother` → `person.mother.fullName`; non-person keys get the role as a prefix segment too. */
export function withRole(key: string, role: string): string {
  const dot = key.indexOf('.');
  if (dot < 0) return `${role}.${key}`;
  return `${key.slice(0, dot)}.${role}.${key.slice(dot + 1)}`;
}

function asString(value: FieldValue | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
