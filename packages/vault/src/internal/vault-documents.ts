import { documentKindOf, SohoaError, type DocumentRecord, type LinkDecision, type SubjectRef } from '@sohoa/core';
import { factsOf } from './facts';
import { documentFingerprint, documentIdFor } from './fingerprint';
import { cardKey, cardKeysOf, holderFor, isUnlinkedHolder, matchPeople, type PersonFacts } from './linking';
import type { LinkOptions, PutDocumentResult, ReadOptions, UnlinkedDocument, Vault, VaultDocument } from '../types';

import { aad, type VaultCore } from './vault-core';

/** Documents: storing a record, filing it under its subject (or unlinked), linking and unlinking, reading documents. */
export function documentMethods(
  core: VaultCore,
): Pick<Vault, 'putDocument' | 'linkDocument' | 'unlinkDocument' | 'listUnlinked' | 'getDocument' | 'listDocuments'> {
  const { now, defaultActor, isIdentityDocument, driver, dataKeys, seal, assertOpen, audit } = core;
  const { dataKeyOf, authorize, decodeDocument, storeDocument, readFacts, rawRead, listDocumentsOf } = core;
  function toVaultDocument(
    record: DocumentRecord,
    subject: SubjectRef,
    link: LinkDecision,
    fingerprint: string,
    recordedAt: string,
  ): VaultDocument {
    return {
      id: documentIdFor(fingerprint),
      fingerprint,
      subject: { kind: subject.kind, id: subject.id },
      type: record.type,
      kind: documentKindOf(record),
      link,
      ...(record.part !== undefined && { part: record.part }),
      ...(record.number !== undefined && { number: record.number }),
      ...(record.issuer !== undefined && { issuer: record.issuer }),
      ...(record.issued !== undefined && { issued: record.issued }),
      ...(record.validUntil !== undefined && { validUntil: record.validUntil }),
      status: record.status,
      sources: record.sources,
      recordedAt,
      record: {
        ...structuredClone(record),
        ...(link.subject ? { subject: link.subject } : { subject: undefined }),
        link: structuredClone(link),
      },
    };
  }

  /** Every person and organisation of the vault with their facts (holders of unlinked documents left out). */
  async function everyone(): Promise<PersonFacts[]> {
    const out: PersonFacts[] = [];
    for (const row of await driver.listSubjects()) {
      if (isUnlinkedHolder(row.id)) continue;
      const held = await readFacts(row.id);
      if (held) out.push(held);
    }
    return out;
  }

  /** How the vault files a record the extractor left without a subject: card join, a unique rule match, or unlinked with candidates. */
  async function decideUnlinked(record: DocumentRecord, at: string): Promise<LinkDecision> {
    const people = await everyone();
    const fromExtract = (record.link?.candidates ?? []).filter((c) =>
      people.some((p) => p.subject.id === c.subject.id),
    );
    const card = cardKey(record);
    if (card) {
      for (const person of people) {
        const documentId = cardKeysOf(person.facts).get(card);
        if (documentId)
          return {
            subject: person.subject,
            evidence: [{ method: 'card-join', key: 'document.number', documentId, at }],
            reason: 'card-join',
            candidates: fromExtract,
          };
      }
    }
    const matched = matchPeople(record, people);
    const candidates = [
      ...fromExtract,
      ...matched.candidates.filter((c) => !fromExtract.some((f) => f.subject.id === c.subject.id)),
    ];
    if (matched.auto) {
      const agreed = matched.candidates.find((c) => c.subject.id === matched.auto!.id)?.matched ?? [];
      return {
        subject: matched.auto,
        evidence: [{ method: 'match-rule', agreed, at }],
        reason: 'match-rule',
        candidates,
      };
    }
    return { evidence: [], reason: record.link?.reason ?? 'no-id', ...(candidates.length > 0 && { candidates }) };
  }

  async function putDocument(record: DocumentRecord): Promise<PutDocumentResult> {
    assertOpen();
    assertRecord(record);
    const fingerprint = documentFingerprint(record);
    const documentId = documentIdFor(fingerprint);
    const recordedAt = now().toISOString();
    let link: LinkDecision;
    if (record.subject) {
      // A record without a link decision comes from a caller that vouches for its subject (tests, imports, older extractors).
      link =
        record.link?.subject?.id === record.subject.id
          ? record.link
          : { subject: record.subject, evidence: record.link?.evidence ?? [], reason: record.link?.reason ?? 'caller' };
    } else {
      const existing = await driver.getDocument(documentId);
      if (existing) {
        const holder = await driver.getSubject(existing.subjectId);
        const doc = await decodeDocument(existing, holder ? (await dataKeyOf(holder, false)).key : undefined);
        return {
          documentId,
          ...(!isUnlinkedHolder(doc.subject.id) && { subject: doc.subject }),
          link: doc.link ?? { evidence: [], reason: 'no-id' },
          created: false,
          factsAdded: 0,
        };
      }
      link = await decideUnlinked(record, recordedAt);
    }
    const filedUnder = link.subject ?? holderFor(documentId, record);
    const document = toVaultDocument(record, filedUnder, link, fingerprint, recordedAt);
    const facts = factsOf(document, isIdentityDocument);
    const result = await storeDocument(document, facts);
    if (result.created && link.subject) await joinOtherSides(document);
    return {
      documentId: result.documentId,
      ...(link.subject && { subject: link.subject }),
      link,
      created: result.created,
      factsAdded: result.created ? facts.length : 0,
    };
  }

  /** When a card side arrives linked, the unlinked other side of the same card (same type and card number) joins it. */
  async function joinOtherSides(document: VaultDocument): Promise<void> {
    const card = cardKey(document.record);
    if (!card) return;
    for (const row of await driver.listSubjects()) {
      if (!isUnlinkedHolder(row.id)) continue;
      for (const other of await listDocumentsOf(row.id)) {
        if (other.id === document.id || cardKey(other.record) !== card) continue;
        const at = now().toISOString();
        await refile(other, {
          subject: document.subject,
          evidence: [{ method: 'card-join', key: 'document.number', documentId: document.id, at }],
          reason: 'card-join',
          ...(other.link?.candidates && { candidates: other.link.candidates }),
        });
      }
    }
  }

  /** Moves a stored document under the subject of `link` (or its own holder when `link` has none), with its facts, in one driver transaction. */
  async function refile(doc: VaultDocument, link: LinkDecision): Promise<VaultDocument> {
    const target = link.subject ?? holderFor(doc.id, doc.record);
    const moved = toVaultDocument(doc.record, target, link, doc.fingerprint, doc.recordedAt);
    const facts = factsOf(moved, isIdentityDocument);
    const { key } = await dataKeyOf(target, true);
    const wrote = await driver.moveDocument({
      document: {
        id: moved.id,
        fingerprint: moved.fingerprint,
        subjectId: target.id,
        type: moved.type,
        recordedAt: moved.recordedAt,
        body: seal(key, moved, aad.document(target.id, moved.id)),
      },
      facts: facts.map((f) => ({
        subjectId: target.id,
        documentId: f.documentId,
        key: f.key,
        body: seal(key, f, aad.fact(target.id, f.documentId, f.key)),
      })),
    });
    if (!wrote)
      throw new SohoaError(
        'VAULT_LINK_INVALID',
        'The document was removed while it was being linked; list unlinked documents again.',
      );
    // The holder of an unlinked document held only it: its key and row go (crypto-shredding what it sealed).
    if (isUnlinkedHolder(doc.subject.id) && doc.subject.id !== target.id) {
      dataKeys.delete(doc.subject.id);
      await driver.eraseSubject(doc.subject.id);
    }
    return moved;
  }

  async function openDocument(documentId: string): Promise<VaultDocument> {
    const row = await driver.getDocument(documentId);
    if (!row)
      throw new SohoaError(
        'VAULT_LINK_INVALID',
        `No document \`${documentId}\` is in the vault; list unlinked documents with \`listUnlinked()\` (\`sohoa review unlinked\`).`,
      );
    const holder = await driver.getSubject(row.subjectId);
    return decodeDocument(row, holder ? (await dataKeyOf(holder, false)).key : undefined);
  }

  function assertLinkOptions(o: LinkOptions | undefined): LinkOptions {
    if (
      !o ||
      typeof o.actor !== 'string' ||
      o.actor.trim() === '' ||
      typeof o.reason !== 'string' ||
      o.reason.trim() === ''
    ) {
      throw new SohoaError(
        'VAULT_LINK_INVALID',
        'Linking or unlinking a document needs `{ actor, reason }`: who decides and why (both are audited).',
      );
    }
    return o;
  }

  async function linkDocument(documentId: string, subject: SubjectRef, options: LinkOptions): Promise<VaultDocument> {
    assertOpen();
    const { actor, reason } = assertLinkOptions(options);
    if (
      !subject ||
      (subject.kind !== 'person' && subject.kind !== 'org') ||
      typeof subject.id !== 'string' ||
      subject.id === '' ||
      isUnlinkedHolder(subject.id)
    ) {
      throw new SohoaError(
        'VAULT_LINK_INVALID',
        'The subject to link to must be `{ kind: "person" | "org", id }` with the personal ID or tax code.',
      );
    }
    const doc = await openDocument(documentId);
    const from = isUnlinkedHolder(doc.subject.id) ? undefined : doc.subject;
    if (from?.id === subject.id) return doc;
    // The application holding the vault needs the grant; the officer it names is who decided.
    const grant = await authorize({ actor: defaultActor, subjectId: subject.id, purpose: 'link' });
    if (from) await authorize({ actor: defaultActor, subjectId: from.id, purpose: 'link' });
    const at = now().toISOString();
    const moved = await refile(doc, {
      subject,
      evidence: [{ method: 'officer', actor, reason, at }],
      reason: 'officer',
      ...(doc.link?.candidates && { candidates: doc.link.candidates }),
    });
    if (from)
      await audit({
        actor,
        action: 'unlink',
        subjectId: from.id,
        purpose: 'link',
        documentId,
        grantId: grant.grants[0]!.id,
      });
    await audit({
      actor,
      action: 'link',
      subjectId: subject.id,
      purpose: 'link',
      documentId,
      grantId: grant.grants[0]!.id,
    });
    return moved;
  }

  async function unlinkDocument(documentId: string, options: LinkOptions): Promise<VaultDocument> {
    assertOpen();
    const { actor, reason } = assertLinkOptions(options);
    const doc = await openDocument(documentId);
    if (isUnlinkedHolder(doc.subject.id)) return doc;
    const grant = await authorize({ actor: defaultActor, subjectId: doc.subject.id, purpose: 'link' });
    const at = now().toISOString();
    const moved = await refile(doc, {
      evidence: [{ method: 'officer', actor, reason, at }],
      reason: 'unlinked-by-officer',
      ...(doc.link?.candidates && { candidates: doc.link.candidates }),
    });
    await audit({
      actor,
      action: 'unlink',
      subjectId: doc.subject.id,
      purpose: 'link',
      documentId,
      grantId: grant.grants[0]!.id,
    });
    return moved;
  }

  async function listUnlinked(o?: ReadOptions): Promise<UnlinkedDocument[]> {
    const { actor, purpose, grants } = await rawRead('*', o, true);
    const out: UnlinkedDocument[] = [];
    for (const row of await driver.listSubjects()) {
      if (!isUnlinkedHolder(row.id)) continue;
      for (const doc of await listDocumentsOf(row.id)) {
        out.push({
          documentId: doc.id,
          type: doc.type,
          kind: doc.kind,
          ...(doc.part !== undefined && { part: doc.part }),
          recordedAt: doc.recordedAt,
          link: doc.link ?? { evidence: [], reason: 'no-id' },
        });
      }
    }
    await audit({ actor, action: 'read', purpose, keys: [], grantId: grants[0]!.id });
    return out.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  }

  return {
    putDocument,
    linkDocument,
    unlinkDocument,
    listUnlinked,
    async getDocument(id, o) {
      assertOpen();
      const row = await driver.getDocument(id);
      if (!row) return undefined;
      const { actor, purpose, grants } = await rawRead(row.subjectId, o, true);
      const subject = await driver.getSubject(row.subjectId);
      const doc = await decodeDocument(row, subject ? (await dataKeyOf(subject, false)).key : undefined);
      await audit({
        actor,
        action: 'read',
        subjectId: row.subjectId,
        purpose,
        keys: ['*'],
        grantId: grants[0]!.id,
        documentId: id,
      });
      return doc;
    },
    async listDocuments(subjectId, o) {
      const { actor, purpose, grants } = await rawRead(subjectId, o, true);
      const docs = await listDocumentsOf(subjectId);
      await audit({ actor, action: 'read', subjectId, purpose, keys: ['*'], grantId: grants[0]!.id });
      return docs;
    },
  };
}

function assertRecord(record: DocumentRecord): void {
  const invalid = (why: string): never => {
    throw new SohoaError('VAULT_DOCUMENT_INVALID', `The document record cannot be stored: ${why}`);
  };
  if (typeof record !== 'object' || record === null) invalid('it is not an object; pass a `DocumentRecord`.');
  if (typeof record.type !== 'string' || record.type === '') invalid('`type` is missing; set the document type id.');
  if (
    record.subject !== undefined &&
    (typeof record.subject !== 'object' ||
      record.subject === null ||
      typeof record.subject.id !== 'string' ||
      record.subject.id === '')
  ) {
    invalid('`subject` has no `id`; give `{ kind, id }`, or leave `subject` out to store the document unlinked.');
  }
  if (record.subject && isUnlinkedHolder(record.subject.id))
    invalid('`subject` names the holder of an unlinked document; leave `subject` out instead.');
  if (typeof record.fields !== 'object' || record.fields === null) invalid('`fields` is missing.');
  if (!Array.isArray(record.sources)) invalid('`sources` is not an array.');
}
