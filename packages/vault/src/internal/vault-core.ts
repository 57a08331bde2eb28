import { documentKindOf, SohoaError, type DocumentRecord, type SubjectRef } from '@sohoa/core';
import { createAuditLog, type AuditInput } from './audit-log';
import { blindIndexDriver, clearIdDriver } from './blind-index';
import { assertMasterKey, open as openValue, randomKey, seal as sealValue, unwrapKey, wrapKey } from './crypto';
import { assertDataKey, assertSealed } from './plaintext';
import { assertGrantInput, grantApplies } from './grants';
import type {
  Dossier,
  Fact,
  Grant,
  MasterKey,
  ReadOptions,
  StoredDocument,
  StoredFact,
  VaultDocument,
  VaultOptions,
} from '../types';

export const RELATION_KEY = /^person\.(mother|father|spouse|child|guardian|householdHead|representative)\.idNumber$/;
const DEFAULT_PURPOSE = 'vault-admin';

/** The additional data each sealed value is bound to (a body moved to another row does not open). */
export const aad = {
  document: (subjectId: string, id: string) => `doc|${subjectId}|${id}`,
  fact: (subjectId: string, documentId: string, key: string) => `fact|${subjectId}|${documentId}|${key}`,
  dossier: (subjectId: string, code: string) => `dossier|${subjectId}|${code}`,
};

/** What every concern of a vault shares: its driver, keys, clock, audit log and grant checks. */
export type VaultCore = ReturnType<typeof createVaultCore>;

/**
 * The shared state of one vault ({@link createVault} composes the concerns over it): keys and the
 * sealing of values, the audit log, grants and read authorisation, and the reads every concern uses.
 */
export function createVaultCore(options: VaultOptions) {
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

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    dataKeys.clear();
    await log.close();
    await driver.close();
  }

  return {
    options,
    now,
    defaultActor,
    isIdentityDocument,
    master,
    masters,
    driver,
    blind,
    dataKeys,
    open,
    seal,
    assertOpen,
    close,
    log,
    audit,
    dataKeyOf,
    grantsFor,
    authorize,
    assertReadNames,
    decodeDocument,
    decodeFacts,
    storeDocument,
    readFacts,
    notFound,
    rawRead,
    listDocumentsOf,
    dossiersOf,
    listAuditOf,
  };
}
