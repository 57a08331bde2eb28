import { SohoaError, type DocumentRecord, type SubjectRef } from '@sohoa/core';
import { factsOf } from './internal/facts';
import { documentFingerprint, documentIdFor } from './internal/fingerprint';
import { chooseValues } from './internal/policy';
import type { AuditEntry, Profile, ProfileOptions, PutDocumentResult, Vault, VaultDocument, VaultOptions } from './types';

const IDENTITY_TYPES = /^(cccd|cmnd|can-cuoc|passport|ho-chieu)/;

/**
 * Create a vault over a storage driver.
 *
 * Profile policy: among the facts for a key, prefer documents that are not expired (nor revoked or
 * superseded) as of `asOf`, then higher authority (`METHOD_AUTHORITY`: registry > manual > QR > MRZ >
 * PDF text > OCR > computed), then the more recently issued document, then higher confidence.
 * Documents issued after `asOf` are ignored. Other distinct values are kept as `alternatives`.
 *
 * @example
 * const vault = createVault({ driver: memoryDriver() });
 * await vault.putDocument(record);
 * const profile = await vault.profile(record.subject!.id, { purpose: 'dang-ky-khai-sinh' });
 */
export function createVault(options: VaultOptions): Vault {
  const { driver } = options;
  const now = options.now ?? (() => new Date());
  const isIdentityDocument = options.isIdentityDocument ?? ((type: string) => IDENTITY_TYPES.test(type));
  let closed = false;

  function assertOpen(): void {
    if (closed) {
      throw new SohoaError('VAULT_CLOSED', 'The vault was used after `close()`; create a new vault with `createVault()`.');
    }
  }

  async function putDocument(record: DocumentRecord): Promise<PutDocumentResult> {
    assertOpen();
    const subject = assertRecord(record);
    const fingerprint = documentFingerprint(record);
    const id = documentIdFor(fingerprint);
    const document: VaultDocument = {
      id,
      fingerprint,
      subject: { kind: subject.kind, id: subject.id },
      type: record.type,
      ...(record.part !== undefined && { part: record.part }),
      ...(record.number !== undefined && { number: record.number }),
      ...(record.issuer !== undefined && { issuer: record.issuer }),
      ...(record.issued !== undefined && { issued: record.issued }),
      ...(record.validUntil !== undefined && { validUntil: record.validUntil }),
      status: record.status,
      sources: record.sources,
      recordedAt: now().toISOString(),
      record: structuredClone(record),
    };
    const facts = factsOf(document, isIdentityDocument);
    const result = await driver.insertDocument({ document, facts });
    return {
      documentId: result.documentId,
      subject: document.subject,
      created: result.created,
      factsAdded: result.created ? facts.length : 0,
    };
  }

  async function profile(subjectId: string, opts: ProfileOptions): Promise<Profile> {
    assertOpen();
    if (typeof opts?.purpose !== 'string' || opts.purpose.trim() === '') {
      throw new SohoaError(
        'VAULT_GRANT_MISSING',
        'A profile read needs a `purpose` (why the data is read); pass `{ purpose: "..." }` to `vault.profile()`.',
      );
    }
    const subject = await driver.getSubject(subjectId);
    if (!subject) {
      throw new SohoaError(
        'VAULT_SUBJECT_NOT_FOUND',
        'No subject with the given id is in the vault; store one of its documents with `putDocument()` first, or check the id.',
      );
    }
    const asOf = (opts.asOf ?? now().toISOString()).slice(0, 10);
    const { values, diagnostics } = chooseValues(await driver.listFacts(subjectId), asOf);
    const entry: AuditEntry = {
      at: now().toISOString(),
      subjectId,
      action: 'profile',
      purpose: opts.purpose,
      ...(opts.form !== undefined && { form: opts.form }),
      keys: Object.keys(values),
    };
    await driver.appendAudit(entry);
    return { subject, asOf, values, diagnostics };
  }

  return {
    putDocument,
    profile,
    getDocument: async (id) => (assertOpen(), driver.getDocument(id)),
    listDocuments: async (subjectId) => (assertOpen(), driver.listDocuments(subjectId)),
    listSubjects: async () => (assertOpen(), driver.listSubjects()),
    hasSubject: async (id) => (assertOpen(), driver.hasSubject(id)),
    listFacts: async (subjectId) => (assertOpen(), driver.listFacts(subjectId)),
    listAudit: async (subjectId) => (assertOpen(), driver.listAudit(subjectId)),
    async close() {
      if (closed) return;
      closed = true;
      await driver.close();
    },
  };
}

function assertRecord(record: DocumentRecord): SubjectRef {
  const invalid = (why: string): never => {
    throw new SohoaError('VAULT_DOCUMENT_INVALID', `The document record cannot be stored: ${why}`);
  };
  if (typeof record !== 'object' || record === null) invalid('it is not an object; pass a `DocumentRecord`.');
  if (typeof record.type !== 'string' || record.type === '') invalid('`type` is missing; set the document type id.');
  if (!record.subject || typeof record.subject.id !== 'string' || record.subject.id === '') {
    invalid('`subject` is missing; the extractor must resolve whose document it is (`{ kind, id }`).');
  }
  if (typeof record.fields !== 'object' || record.fields === null) invalid('`fields` is missing.');
  if (!Array.isArray(record.sources)) invalid('`sources` is not an array.');
  return record.subject as SubjectRef;
}
