import { randomUUID } from 'node:crypto';
import {
  createDiagnostic,
  documentKindOf,
  SohoaError,
  sha256Hex,
  type Diagnostic,
  type DocumentRecord,
  type FieldValue,
  type LinkDecision,
  type SubjectRef,
} from '@sohoa/core';
import { createAuditLog, type AuditInput } from './internal/audit-log';
import { blindIndexDriver, clearIdDriver } from './internal/blind-index';
import {
  assertMasterKey,
  isPlaintext,
  open as openValue,
  randomKey,
  seal as sealValue,
  unwrapKey,
  wrapKey,
  wrappingKeyId,
} from './internal/crypto';
import { assertDataKey, assertSealed } from './internal/plaintext';
import { copyMethods } from './copies';
import { safeParseDossierCode } from './dossier-code';
import { factId, factsOf } from './internal/facts';
import { documentFingerprint, documentIdFor } from './internal/fingerprint';
import { assertGrantInput, grantApplies, keyMatches } from './internal/grants';
import { birthDatesAgree, provenOldNumber } from './internal/link-policy';
import { planImport } from './internal/import-check';
import { cardKey, cardKeysOf, holderFor, isUnlinkedHolder, matchPeople, type PersonFacts } from './internal/linking';
import { chooseValues } from './internal/policy';
import type {
  CorrectionInput,
  Dossier,
  DossierInput,
  Fact,
  Grant,
  GrantInput,
  LinkOptions,
  MasterKey,
  Profile,
  ProfileOptions,
  ProfileRelation,
  PutDocumentResult,
  ReadOptions,
  StoredDocument,
  StoredFact,
  SubjectExport,
  UnlinkedDocument,
  Vault,
  VaultDocument,
  VaultOptions,
} from './types';

const RELATION_KEY = /^person\.(mother|father|spouse|child|guardian|householdHead|representative)\.idNumber$/;
const DEFAULT_PURPOSE = 'vault-admin';

const aad = {
  document: (subjectId: string, id: string) => `doc|${subjectId}|${id}`,
  fact: (subjectId: string, documentId: string, key: string) => `fact|${subjectId}|${documentId}|${key}`,
  dossier: (subjectId: string, code: string) => `dossier|${subjectId}|${code}`,
};

/**
 * Create a vault over a storage driver.
 *
 * Closed by default: every read (`profile`, `listFacts`, `listDocuments`, `exportSubject`, …) names
 * an actor and a purpose and needs a grant — stored with `grant()` or standing in `options.grants` —
 * and is written to the hash-chained audit log; a read without one throws `VAULT_GRANT_MISSING` and
 * is logged as denied. Writes (`putDocument`, `putDossier`) need no grant.
 *
 * Profile policy: facts superseded by a correction are out; among the rest for a key, prefer
 * documents that are not expired (nor revoked or superseded) as of `asOf`, then higher authority
 * (`METHOD_AUTHORITY`: registry > manual > QR > MRZ > PDF text > OCR > computed), then the more
 * recently issued document, then higher confidence. Documents issued after `asOf` are ignored. Other
 * distinct values are kept as `alternatives`.
 *
 * With a `masterKey`, each subject gets a random data key wrapped by it; documents, facts and
 * dossiers are sealed with AES-256-GCM, and `erase()` destroys the data key with the rows.
 *
 * @example
 * const vault = createVault({
 *   driver: sqliteDriver({ path: 'vault.db' }),
 *   masterKey: { id: '2026-01', key: await kms.getKey('sohoa') },
 *   actor: 'portal:dichvucong',
 * });
 * await vault.putDocument(record);
 * await vault.grant({ to: 'portal:dichvucong', subject: id, purpose: 'dang-ky-khai-sinh', keys: ['person.*'], expiresAt: '2026-02-01T00:00:00Z' });
 * const profile = await vault.profile(id, { purpose: 'dang-ky-khai-sinh', form: 'to-khai-dang-ky-khai-sinh' });
 */
export function createVault(options: VaultOptions): Vault {
  const now = options.now ?? (() => new Date());
  const defaultActor = options.actor ?? 'anonymous';
  const isIdentityType = options.isIdentityDocument;
  const isIdentityDocument = (record: DocumentRecord) =>
    isIdentityType ? isIdentityType(record.type) : documentKindOf(record) === 'identity';
  const master = options.masterKey;
  const masters = new Map<string, MasterKey>();
  for (const [i, key] of [...(options.previousMasterKeys ?? []), ...(master ? [master] : [])].entries()) {
    assertMasterKey(key, i === (options.previousMasterKeys?.length ?? 0) ? 'master key' : 'previous master key');
    const same = masters.get(key.id);
    if (same && !Buffer.from(same.key).equals(Buffer.from(key.key))) {
      // Data keys name the master key by id: two keys under one id would leave every rotated read failing.
      throw new SohoaError(
        'VAULT_KEY_INVALID',
        `Two master keys share the id \`${key.id}\` but differ; nothing was changed. Give the new master key a new id (e.g. \`k2\`) and pass the old one in \`previousMasterKeys\`.`,
      );
    }
    masters.set(key.id, key);
  }
  const configGrants: Grant[] = (options.grants ?? []).map((g, i) => {
    assertGrantInput(g, 'config');
    return { ...structuredClone(g), id: `config:${i + 1}`, createdAt: new Date(0).toISOString(), source: 'config' };
  });
  // Subject ids reach storage as a keyed blind index when there is a master key (`internal/blind-index.ts`).
  const blind = master
    ? blindIndexDriver(options.driver, master, masters, (moved) =>
        audit({ actor: defaultActor, action: 'migrate', purpose: `subject-index:${moved}`, keys: [] }),
      )
    : undefined;
  const driver = blind ?? clearIdDriver(options.driver);
  const dataKeys = new Map<string, Buffer | undefined>();
  let closed = false;

  /** An encrypted vault reads and writes sealed values only. */
  function open<T>(key: Buffer | undefined, stored: string, additional: string): T {
    if (master) assertSealed(stored);
    return openValue<T>(key, stored, additional);
  }
  function seal(key: Buffer | undefined, value: unknown, additional: string): string {
    if (master) assertDataKey(key);
    return sealValue(key, value, additional);
  }

  function assertOpen(): void {
    if (closed) {
      throw new SohoaError(
        'VAULT_CLOSED',
        'The vault was used after `close()`; create a new vault with `createVault()`.',
      );
    }
  }

  const log = createAuditLog({
    driver,
    blind: blind !== undefined,
    now,
    ...(master && { master }),
    masters,
    ...(options.auditKey && { auditKey: options.auditKey }),
    ...(options.auditCheckpoint !== undefined && { checkpoint: options.auditCheckpoint }),
  });
  const audit = (entry: AuditInput): Promise<void> => log.append(entry);

  /** The subject's data key (undefined in a vault without a master key); creates the subject when asked. */
  async function dataKeyOf(
    subject: SubjectRef,
    create: boolean,
  ): Promise<{ exists: boolean; key: Buffer | undefined }> {
    if (dataKeys.has(subject.id)) return { exists: true, key: dataKeys.get(subject.id) };
    let row = await driver.getSubject(subject.id);
    if (!row) {
      if (!create) return { exists: false, key: undefined };
      const fresh = master ? randomKey() : undefined;
      row = await driver.ensureSubject({
        kind: subject.kind,
        id: subject.id,
        ...(master && fresh && { wrappedKey: wrapKey(master, fresh, subject.id) }),
      });
    } else if (!row.wrappedKey && master && create) {
      // A subject first stored without encryption gets a data key for what is written from now on.
      await driver.setWrappedKey(row.id, wrapKey(master, randomKey(), row.id));
      row = (await driver.getSubject(row.id)) ?? row;
    }
    const key = row.wrappedKey ? unwrapKey(masters, row.wrappedKey, row.id) : undefined;
    dataKeys.set(row.id, key);
    return { exists: true, key };
  }

  async function grantsFor(subjectId: string): Promise<Grant[]> {
    return [...configGrants, ...(await driver.listGrants(subjectId))];
  }

  /**
   * The grants allowing a read, and the key patterns they open; throws `VAULT_GRANT_MISSING` (logged
   * as `read-denied`) when none applies or, with `allKeys`, none opens every key.
   */
  async function authorize(read: {
    actor: string;
    subjectId: string;
    purpose: string;
    form?: string;
    allKeys?: boolean;
  }): Promise<{ grants: Grant[]; patterns: string[] }> {
    const at = now().toISOString();
    const grants = (await grantsFor(read.subjectId)).filter(
      (g) => grantApplies(g, { ...read, at }) && (!read.allKeys || g.keys.includes('*')),
    );
    if (grants.length === 0) {
      await audit({
        actor: read.actor,
        action: 'read-denied',
        ...(read.subjectId !== '*' && { subjectId: read.subjectId }),
        purpose: read.purpose,
        ...(read.form !== undefined && { form: read.form }),
      });
      throw new SohoaError(
        'VAULT_GRANT_MISSING',
        `No valid grant lets this actor read ${read.allKeys ? 'every key of ' : ''}this subject for purpose \`${read.purpose}\`${read.form !== undefined ? ` and form \`${read.form}\`` : ''}; the attempt was logged. Ask for a grant (\`vault.grant({ to, subject, purpose, keys, expiresAt })\` or \`sohoa vault grant\`), or check that it has not expired or been revoked.`,
        { details: { purpose: read.purpose, ...(read.form !== undefined && { form: read.form }) } },
      );
    }
    return { grants, patterns: [...new Set(grants.flatMap((g) => g.keys))] };
  }

  function assertReadNames(purpose: unknown, form: unknown, needForm: boolean): void {
    if (typeof purpose !== 'string' || purpose.trim() === '') {
      throw new SohoaError(
        'VAULT_GRANT_MISSING',
        'A read needs a `purpose` (why the data is read); pass `{ purpose: "...", form: "..." }` to `vault.profile()`.',
      );
    }
    if (needForm && (typeof form !== 'string' || form.trim() === '')) {
      throw new SohoaError(
        'VAULT_READ_INVALID',
        'A profile read needs a `form` (the form id it fills); pass `{ purpose, form }` to `vault.profile()`.',
      );
    }
  }

  async function decodeDocument(row: StoredDocument, key: Buffer | undefined): Promise<VaultDocument> {
    const doc = open<VaultDocument>(key, row.body, aad.document(row.subjectId, row.id));
    // Documents stored before kinds existed get theirs here, once, from their type.
    return doc.kind ? doc : { ...doc, kind: documentKindOf(doc.record) };
  }

  async function decodeFacts(subjectId: string, rows: StoredFact[], key: Buffer | undefined): Promise<Fact[]> {
    return rows.map((r) => open<Fact>(key, r.body, aad.fact(subjectId, r.documentId, r.key)));
  }

  async function storeDocument(
    document: VaultDocument,
    facts: Fact[],
  ): Promise<{ created: boolean; documentId: string }> {
    const { key } = await dataKeyOf(document.subject, true);
    const subjectId = document.subject.id;
    return driver.insertDocument({
      document: {
        id: document.id,
        fingerprint: document.fingerprint,
        subjectId,
        type: document.type,
        recordedAt: document.recordedAt,
        body: seal(key, document, aad.document(subjectId, document.id)),
      },
      facts: facts.map((f) => ({
        subjectId,
        documentId: f.documentId,
        key: f.key,
        body: seal(key, f, aad.fact(subjectId, f.documentId, f.key)),
      })),
    });
  }

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

  async function readFacts(subjectId: string): Promise<{ subject: SubjectRef; facts: Fact[] } | undefined> {
    const row = await driver.getSubject(subjectId);
    if (!row) return undefined;
    const { key } = await dataKeyOf(row, false);
    return {
      subject: { kind: row.kind, id: row.id },
      facts: await decodeFacts(subjectId, await driver.listFacts(subjectId), key),
    };
  }

  function notFound(): never {
    throw new SohoaError(
      'VAULT_SUBJECT_NOT_FOUND',
      'No subject with the given id is in the vault; store one of its documents with `putDocument()` first, or check the id.',
    );
  }

  async function profile(subjectId: string, opts: ProfileOptions): Promise<Profile> {
    assertOpen();
    assertReadNames(opts?.purpose, opts?.form, true);
    const actor = opts.actor ?? defaultActor;
    const { grants, patterns } = await authorize({ actor, subjectId, purpose: opts.purpose, form: opts.form });
    const held = await readFacts(subjectId);
    if (!held) notFound();
    const asOf = (opts.asOf ?? now().toISOString()).slice(0, 10);
    const found = await oldCardOf(held.subject, held.facts, { actor, purpose: opts.purpose, form: opts.form });
    const link = found?.linked;
    const allowed = [...held.facts, ...(link?.facts ?? [])].filter((f) => patterns.some((p) => keyMatches(p, f.key)));
    const { values, diagnostics } = chooseValues(allowed, asOf);
    if (found) diagnostics.unshift(found.diagnostic);
    const relations: ProfileRelation[] = Object.values(values)
      .map((v) => RELATION_KEY.exec(v.key))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ role: m[1]!, subjectId: String(values[m[0]]!.value) }));
    await audit({
      actor,
      action: 'read',
      subjectId,
      purpose: opts.purpose,
      form: opts.form,
      keys: Object.keys(values),
      grantId: grants[0]!.id,
    });
    if (link) {
      // The old card's own log shows the read too, so the citizen sees it under either number.
      const keys = Object.values(values)
        .filter((v) => link.documentIds.has(v.documentId))
        .map((v) => v.key);
      await audit({
        actor,
        action: 'read',
        subjectId: link.subject.id,
        purpose: opts.purpose,
        form: opts.form,
        keys,
        grantId: link.grantId,
      });
    }
    return {
      subject: held.subject,
      asOf,
      values,
      relations,
      grantIds: grants.map((g) => g.id),
      diagnostics,
      ...(link ? { linkedSubjects: [link.subject] } : {}),
    };
  }

  /**
   * The subject filed under the person's former 9-digit CMND number, when the person's own documents
   * prove it is theirs (see `provenOldNumber`: never a manual correction) and the two subjects' birth
   * dates, where both are known, agree. Its facts (except its own ID number) join the profile only for
   * keys that a grant on the old number itself gives this reader for this purpose and form: a link
   * never widens what the reader may see. Nothing here says whether the old number is in the vault.
   */
  async function oldCardOf(
    subject: SubjectRef,
    facts: Fact[],
    read: { actor: string; purpose: string; form: string },
  ): Promise<
    | {
        linked: { subject: SubjectRef; facts: Fact[]; documentIds: Set<string>; grantId: string };
        diagnostic: Diagnostic;
      }
    | { linked?: undefined; diagnostic: Diagnostic }
    | undefined
  > {
    if (subject.kind !== 'person' || !/^\d{12}$/.test(subject.id)) return undefined;
    const proven = provenOldNumber(facts);
    if (!proven) return undefined;
    const at = now().toISOString();
    const grants = (await grantsFor(proven.number)).filter((g) =>
      grantApplies(g, { ...read, subjectId: proven.number, at }),
    );
    if (grants.length === 0) {
      return {
        diagnostic: createDiagnostic(
          'VAULT_SUBJECT_NOT_LINKED',
          'info',
          "A card gives this person's former ID number; facts filed under that number are read only under a grant on that number for this purpose and form, and this read has none.",
          { origin: 'vault', key: 'person.oldIdNumber' },
        ),
      };
    }
    const other = await readFacts(proven.number);
    if (other?.subject.kind !== 'person') return undefined;
    if (!birthDatesAgree(facts, other.facts)) {
      // Not the same person, or one number misread: an officer should look (no values in the message).
      return {
        diagnostic: createDiagnostic(
          'VAULT_SUBJECT_NOT_LINKED',
          'warning',
          "A card gives this person's former ID number, but the subject filed under that number has another birth date; its facts were left out. Check both records.",
          { origin: 'vault', key: 'person.oldIdNumber' },
        ),
      };
    }
    const patterns = [...new Set(grants.flatMap((g) => g.keys))];
    const joined = other.facts.filter((f) => f.key !== 'person.idNumber' && patterns.some((p) => keyMatches(p, f.key)));
    return {
      linked: {
        subject: other.subject,
        facts: joined,
        documentIds: new Set(joined.map((f) => f.documentId)),
        grantId: grants[0]!.id,
      },
      diagnostic: createDiagnostic(
        'VAULT_SUBJECT_LINKED',
        'info',
        `Facts filed under the former ID card number were included: a card's ${proven.viaQr ? 'QR code' : 'printed text'} gives it as this person's old number.`,
        { origin: 'vault' },
      ),
    };
  }

  async function rawRead(subjectId: string, o: ReadOptions | undefined, allKeys: boolean) {
    assertOpen();
    const actor = o?.actor ?? defaultActor;
    const purpose = o?.purpose ?? DEFAULT_PURPOSE;
    assertReadNames(purpose, undefined, false);
    return { actor, purpose, ...(await authorize({ actor, subjectId, purpose, allKeys })) };
  }

  async function listDocumentsOf(subjectId: string): Promise<VaultDocument[]> {
    const row = await driver.getSubject(subjectId);
    if (!row) return [];
    const { key } = await dataKeyOf(row, false);
    return Promise.all((await driver.listDocuments(subjectId)).map((d) => decodeDocument(d, key)));
  }

  async function dossiersOf(subjectId: string): Promise<Dossier[]> {
    const row = await driver.getSubject(subjectId);
    if (!row) return [];
    const { key } = await dataKeyOf(row, false);
    return (await driver.listDossiers(subjectId)).map((d) =>
      open<Dossier>(key, d.body, aad.dossier(subjectId, d.code)),
    );
  }

  const listAuditOf = (subjectId: string) => log.entriesOf(subjectId);

  async function correct(subjectId: string, input: CorrectionInput): Promise<Fact> {
    assertOpen();
    const actor = input?.actor ?? defaultActor;
    const by = input?.by ?? actor;
    const bad = (why: string): never => {
      throw new SohoaError('VAULT_CORRECTION_INVALID', `The correction cannot be stored: ${why}`);
    };
    if (typeof input?.key !== 'string' || input.key === '') bad('`key` is missing; name the semantic key to correct.');
    if (!['string', 'number', 'boolean'].includes(typeof input.value))
      bad('`value` must be a string, number or boolean.');
    if (typeof input.reason !== 'string' || input.reason.trim() === '')
      bad('`reason` is missing; say why (e.g. the decision that corrects it).');
    const { grants, patterns } = await authorize({ actor, subjectId, purpose: 'correct' });
    if (!patterns.some((p) => keyMatches(p, input.key))) {
      await audit({ actor, action: 'read-denied', subjectId, purpose: 'correct', keys: [input.key] });
      throw new SohoaError(
        'VAULT_GRANT_MISSING',
        `The grants of this actor for purpose \`correct\` do not cover key \`${input.key}\`; the attempt was logged. Ask for a grant that names the key.`,
      );
    }
    const held = await readFacts(subjectId);
    if (!held) notFound();
    const current = held.facts.filter((f) => f.key === input.key).map((f) => f.id);
    const supersedes = input.supersedes ?? current;
    const unknown = supersedes.filter((id) => !held.facts.some((f) => f.id === id && f.key === input.key));
    if (unknown.length > 0)
      bad(
        `${unknown.length} of the fact ids in \`supersedes\` are not facts of this subject under \`${input.key}\`; list them with \`listFacts()\`.`,
      );
    const recordedAt = now().toISOString();
    const fingerprint = sha256Hex(`correction|${subjectId}|${input.key}|${recordedAt}|${randomUUID()}`);
    const documentId = documentIdFor(fingerprint);
    const value: FieldValue = input.value;
    const record: DocumentRecord = {
      type: 'correction',
      kind: 'correction',
      subject: held.subject,
      issued: recordedAt.slice(0, 10),
      status: 'valid',
      fields: { [input.key]: { value, confidence: 1, evidence: [{ method: 'manual' }] } },
      sources: [],
      diagnostics: [],
    };
    const document: VaultDocument = {
      id: documentId,
      fingerprint,
      subject: held.subject,
      type: 'correction',
      kind: 'correction',
      issued: record.issued!,
      status: 'valid',
      sources: [],
      recordedAt,
      record,
      correction: { by, reason: input.reason, supersedes },
    };
    const fact: Fact = {
      id: factId(documentId, input.key),
      subjectId,
      documentId,
      documentType: 'correction',
      key: input.key,
      value,
      confidence: 1,
      method: 'manual',
      authority: 90,
      validFrom: record.issued!,
      documentStatus: 'valid',
      recordedAt,
      supersedes,
      correctedBy: by,
    };
    await storeDocument(document, [fact]);
    await audit({
      actor,
      action: 'correct',
      subjectId,
      purpose: 'correct',
      keys: [input.key],
      grantId: grants[0]!.id,
      documentId,
    });
    return fact;
  }

  async function grant(input: GrantInput): Promise<Grant> {
    assertOpen();
    assertGrantInput(input, 'stored');
    const stored: Grant = {
      ...structuredClone(input),
      grantedBy: input.grantedBy ?? defaultActor,
      id: `grant_${randomUUID()}`,
      createdAt: now().toISOString(),
      source: 'stored',
    };
    await driver.insertGrant(stored);
    await audit({
      actor: stored.grantedBy!,
      action: 'grant',
      subjectId: stored.subject,
      purpose: stored.purpose,
      keys: stored.keys,
      grantId: stored.id,
    });
    return stored;
  }

  async function revokeGrant(id: string, o?: { actor?: string }): Promise<Grant> {
    assertOpen();
    const stored = await driver.getGrant(id);
    if (!stored) {
      throw new SohoaError(
        'VAULT_GRANT_NOT_FOUND',
        `No stored grant \`${id}\`: list a subject's grants with \`listGrants()\`; standing grants from \`createVault({ grants })\` are changed in configuration.`,
      );
    }
    if (stored.revokedAt) return stored;
    const at = now().toISOString();
    await driver.setGrantRevoked(id, at);
    await audit({
      actor: o?.actor ?? defaultActor,
      action: 'revoke',
      subjectId: stored.subject,
      purpose: stored.purpose,
      keys: stored.keys,
      grantId: id,
    });
    return { ...stored, revokedAt: at };
  }

  async function exportSubject(subjectId: string, o?: { actor?: string }): Promise<SubjectExport> {
    const { actor, grants } = await rawRead(
      subjectId,
      { purpose: 'export', ...(o?.actor !== undefined && { actor: o.actor }) },
      true,
    );
    const held = await readFacts(subjectId);
    if (!held) notFound();
    const relations = held.facts
      .map((f) => ({ m: RELATION_KEY.exec(f.key), f }))
      .filter((x): x is { m: RegExpExecArray; f: Fact } => x.m !== null)
      .map(({ m, f }) => ({ role: m[1]!, subjectId: String(f.value) }));
    const seen = new Set<string>();
    await audit({ actor, action: 'export', subjectId, purpose: 'export', keys: ['*'], grantId: grants[0]!.id });
    return {
      format: 'sohoa-vault-export/1',
      exportedAt: now().toISOString(),
      subject: held.subject,
      documents: await listDocumentsOf(subjectId),
      facts: held.facts,
      relations: relations.filter((r) => !seen.has(`${r.role}|${r.subjectId}`) && seen.add(`${r.role}|${r.subjectId}`)),
      dossiers: await dossiersOf(subjectId),
      grants: (await grantsFor(subjectId)).filter((g) => g.subject === subjectId),
      audit: await listAuditOf(subjectId),
    };
  }

  async function importSubject(data: SubjectExport, o?: { actor?: string }) {
    assertOpen();
    const actor = o?.actor ?? defaultActor;
    const plan = planImport(data, now().toISOString());
    const subject = data.subject;
    // Everything that could clash is checked before the first write, so a refused import leaves nothing behind.
    const conflict = (what: string): never => {
      throw new SohoaError(
        'VAULT_IMPORT_CONFLICT',
        `The export cannot be imported: ${what} Nothing was written; check that the file is the export of this subject.`,
      );
    };
    const exportedIds = new Set(plan.documents.map((d) => d.document.id));
    for (const { document } of plan.documents) {
      const held = await driver.getDocument(document.id);
      if (held && held.subjectId !== subject.id)
        conflict('one of its documents is already held under another subject.');
    }
    const docs = new Set([...(await listDocumentsOf(subject.id)).map((d) => d.id), ...exportedIds]);
    for (const dossier of data.dossiers ?? []) {
      assertDossier(dossier, docs);
      const held = await driver.getDossier(dossier.code.trim());
      if (held && held.subjectId !== subject.id)
        conflict('one of its dossier codes is already used by another subject.');
    }
    let created = 0;
    for (const { document, facts } of plan.documents) if ((await storeDocument(document, facts)).created) created++;
    for (const dossier of data.dossiers ?? []) await putDossier(dossier);
    let grantCount = 0;
    for (const g of plan.grants) {
      if (await driver.getGrant(g.id)) continue;
      await driver.insertGrant(g);
      await audit({ actor, action: 'grant', subjectId: g.subject, purpose: g.purpose, keys: g.keys, grantId: g.id });
      grantCount++;
    }
    await audit({ actor, action: 'import', subjectId: subject.id, keys: [] });
    return {
      subject,
      documents: { created, unchanged: data.documents.length - created },
      dossiers: (data.dossiers ?? []).length,
      grants: grantCount,
    };
  }

  async function erase(subjectId: string, o?: { actor?: string }) {
    const { actor, grants } = await rawRead(
      subjectId,
      { purpose: 'erase', ...(o?.actor !== undefined && { actor: o.actor }) },
      false,
    );
    dataKeys.delete(subjectId);
    const exists = (await driver.getSubject(subjectId)) !== undefined;
    // The entry keeps the pseudonym the subject had; erasure deletes it, so nothing links it to the id.
    const tag = await log.tagOf(subjectId, true);
    // The bytes of its digitised copies go first: if that fails the records remain, and erasing again retries.
    const locations = (await driver.listSubjectCopies(subjectId)).flatMap((c) => (c.location ? [c.location] : []));
    if (options.copyStore) for (const location of locations) await options.copyStore.delete(location);
    const counts = await driver.eraseSubject(subjectId);
    dataKeys.delete(subjectId);
    log.forget(subjectId);
    await audit({ actor, action: 'erase', tag, purpose: 'erase', keys: ['*'], grantId: grants[0]!.id });
    return { erased: exists, ...counts, copyLocationsLeft: options.copyStore ? [] : locations };
  }

  async function encryptPlaintext(o?: { actor?: string }) {
    assertOpen();
    if (!master) {
      throw new SohoaError(
        'VAULT_KEY_MISSING',
        'Sealing plaintext values needs the `masterKey` to seal them with; pass it to `createVault()`.',
      );
    }
    const actor = o?.actor ?? defaultActor;
    let subjects = 0;
    let values = 0;
    for (const row of await driver.listSubjects()) {
      const documents = (await driver.listDocuments(row.id)).filter((d) => isPlaintext(d.body));
      const facts = (await driver.listFacts(row.id)).filter((f) => isPlaintext(f.body));
      const dossiers = (await driver.listDossiers(row.id)).filter((d) => isPlaintext(d.body));
      if (documents.length + facts.length + dossiers.length === 0) continue;
      dataKeys.delete(row.id);
      const { key } = await dataKeyOf(row, true);
      const reseal = (body: string, additional: string) =>
        seal(key, openValue(undefined, body, additional), additional);
      await driver.replaceBodies(row.id, {
        documents: documents.map((d) => ({ id: d.id, body: reseal(d.body, aad.document(row.id, d.id)) })),
        facts: facts.map((f) => ({
          documentId: f.documentId,
          key: f.key,
          body: reseal(f.body, aad.fact(row.id, f.documentId, f.key)),
        })),
        dossiers: dossiers.map((d) => ({ code: d.code, body: reseal(d.body, aad.dossier(row.id, d.code)) })),
      });
      subjects++;
      values += documents.length + facts.length + dossiers.length;
      await audit({
        actor,
        action: 'encrypt-plaintext',
        subjectId: row.id,
        purpose: 'encrypt-plaintext',
        keys: [...new Set(facts.map((f) => f.key))],
      });
    }
    return { subjects, values };
  }

  async function rotateMasterKey(o?: { actor?: string }) {
    assertOpen();
    if (!master) {
      throw new SohoaError(
        'VAULT_KEY_MISSING',
        'Key rotation needs the new key as `masterKey` and the old ones in `previousMasterKeys` when creating the vault.',
      );
    }
    let rewrapped = 0;
    for (const row of await driver.listSubjects()) {
      if (!row.wrappedKey || wrappingKeyId(row.wrappedKey) === master.id) continue;
      const key = unwrapKey(masters, row.wrappedKey, row.id);
      await driver.setWrappedKey(row.id, wrapKey(master, key, row.id));
      rewrapped++;
    }
    await blind?.rewrapIndexKey(master);
    await log.rewrap(master);
    await audit({
      actor: o?.actor ?? defaultActor,
      action: 'rotate-key',
      purpose: `master-key:${master.id}`,
      keys: [],
    });
    return { rewrapped };
  }

  async function putDossier(input: DossierInput): Promise<Dossier> {
    return (await writeDossier(input, undefined))!;
  }

  /** Validates and seals a dossier, then writes it (a compare-and-set with `expected`; `undefined` when that lost). */
  async function writeDossier(
    input: DossierInput,
    expected: { body: string } | null | undefined,
  ): Promise<Dossier | undefined> {
    assertOpen();
    const subjectId = typeof input?.subject?.id === 'string' ? input.subject.id : undefined;
    assertDossier(input, new Set(subjectId ? (await listDocumentsOf(subjectId)).map((d) => d.id) : []));
    const answered = new Set(input.components.map((c) => c.requirementId));
    const dossier: Dossier = {
      ...structuredClone(input),
      code: input.code.trim(),
      recordedAt: now().toISOString(),
      missing: input.procedure.requirements.map((r) => r.id).filter((id) => !answered.has(id)),
    };
    const { key } = await dataKeyOf(input.subject, true);
    const written = await driver.putDossier(
      {
        code: dossier.code,
        subjectId: input.subject.id,
        body: seal(key, dossier, aad.dossier(input.subject.id, dossier.code)),
      },
      expected,
    );
    return written === false ? undefined : dossier;
  }

  /** Opens a stored dossier row for a reader holding a grant on its subject, and audits the read. */
  async function readDossierRow(
    row: { code: string; subjectId: string; body: string },
    o: ReadOptions | undefined,
  ): Promise<Dossier> {
    const { actor, purpose, grants } = await rawRead(row.subjectId, o, false);
    const subject = await driver.getSubject(row.subjectId);
    const dossier = open<Dossier>(
      subject ? (await dataKeyOf(subject, false)).key : undefined,
      row.body,
      aad.dossier(row.subjectId, row.code),
    );
    await audit({ actor, action: 'read', subjectId: row.subjectId, purpose, keys: [], grantId: grants[0]!.id });
    return dossier;
  }

  async function updateDossier(
    code: string,
    update: (current: Dossier | undefined) => DossierInput | undefined | Promise<DossierInput | undefined>,
    o?: ReadOptions,
  ): Promise<Dossier | undefined> {
    assertOpen();
    const wanted = typeof code === 'string' ? code.trim() : '';
    for (let attempt = 0; attempt < 20; attempt++) {
      const row = await driver.getDossier(wanted);
      const current = row ? await readDossierRow(row, o) : undefined;
      const next = await update(current === undefined ? undefined : structuredClone(current));
      if (next === undefined) return current;
      if (next.code?.trim() !== wanted) {
        throw new SohoaError(
          'VAULT_DOSSIER_INVALID',
          `The dossier cannot be stored: \`updateDossier('${wanted}')\` returned a dossier with another code.`,
        );
      }
      const written = await writeDossier(next, row ? { body: row.body } : null);
      if (written) return written;
      // Someone else wrote this dossier in between: read theirs and apply the update again.
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 10 * (attempt + 1))));
    }
    throw new SohoaError(
      'VAULT_DOSSIER_CONFLICT',
      `The dossier \`${wanted}\` kept changing under 20 attempts to update it; try again.`,
    );
  }

  const copies = copyMethods({
    driver,
    now,
    assertOpen,
    async readOf(subjectId, documentId, o) {
      const { actor, purpose, grants } = await rawRead(subjectId, o, false);
      await audit({ actor, action: 'read', subjectId, purpose, keys: [], grantId: grants[0]!.id, documentId });
    },
  });

  return {
    encrypted: master !== undefined,
    ...copies,
    putDocument,
    linkDocument,
    unlinkDocument,
    listUnlinked,
    profile,
    correct,
    grant,
    revokeGrant,
    exportSubject,
    importSubject,
    erase,
    rotateMasterKey,
    encryptPlaintext,
    putDossier,
    updateDossier,
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
    async listFacts(subjectId, o) {
      const { actor, purpose, grants, patterns } = await rawRead(subjectId, o, false);
      const facts = ((await readFacts(subjectId))?.facts ?? []).filter((f) =>
        patterns.some((p) => keyMatches(p, f.key)),
      );
      await audit({
        actor,
        action: 'read',
        subjectId,
        purpose,
        keys: [...new Set(facts.map((f) => f.key))],
        grantId: grants[0]!.id,
      });
      return facts;
    },
    async listSubjects(o) {
      const { actor, purpose, grants } = await rawRead('*', o, false);
      const rows = (await driver.listSubjects()).filter((r) => !isUnlinkedHolder(r.id));
      await audit({ actor, action: 'read', purpose, keys: [], grantId: grants[0]!.id });
      return rows.map((r) => ({ kind: r.kind, id: r.id }));
    },
    async hasSubject(id, o) {
      await rawRead(id, o, false);
      return (await driver.getSubject(id)) !== undefined;
    },
    async listGrants(subjectId) {
      assertOpen();
      return (await grantsFor(subjectId)).filter((g) => g.subject === subjectId || g.subject === '*');
    },
    async listAudit(subjectId) {
      assertOpen();
      return listAuditOf(subjectId);
    },
    async verifyAudit(o) {
      assertOpen();
      return log.verify(o?.head);
    },
    async getDossier(code, o) {
      assertOpen();
      const row = await driver.getDossier(code);
      return row ? readDossierRow(row, o) : undefined;
    },
    async listDossiers(subjectId, o) {
      const { actor, purpose, grants } = await rawRead(subjectId, o, false);
      const dossiers = await dossiersOf(subjectId);
      await audit({ actor, action: 'read', subjectId, purpose, keys: [], grantId: grants[0]!.id });
      return dossiers;
    },
    async close() {
      if (closed) return;
      closed = true;
      dataKeys.clear();
      await log.close();
      await driver.close();
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

/** Throws `VAULT_DOSSIER_INVALID` unless the dossier's code, procedure and components are sound; `docs` are its subject's document ids. */
function assertDossier(input: DossierInput, docs: ReadonlySet<string>): void {
  const bad = (why: string): never => {
    throw new SohoaError('VAULT_DOSSIER_INVALID', `The dossier cannot be stored: ${why}`);
  };
  const code = safeParseDossierCode(input?.code);
  if (!code.ok) bad(code.diagnostics[0]!.message);
  if (!input.subject?.id) bad('`subject` is missing.');
  if (!input.procedure?.code || !Array.isArray(input.procedure.requirements))
    bad('`procedure` needs a `code` and `requirements` (see `procedureFromRecord()`).');
  const requirementIds = new Set(input.procedure.requirements.map((r) => r.id));
  for (const [i, c] of (input.components ?? []).entries()) {
    if (!requirementIds.has(c.requirementId))
      bad(`component ${i + 1} answers requirement \`${c.requirementId}\`, which the procedure does not have.`);
    if (c.documentId === undefined && c.sha256 === undefined)
      bad(`component ${i + 1} has neither a vault \`documentId\` nor an upload \`sha256\`.`);
    if (c.documentId !== undefined && !docs.has(c.documentId))
      bad(
        `component ${i + 1} reuses document \`${c.documentId}\`, which is not a document of this subject in the vault.`,
      );
  }
  for (const id of input.results ?? [])
    if (!docs.has(id))
      bad(`result \`${id}\` is not a document of this subject in the vault; store it with \`putDocument()\` first.`);
}
