import { createHmac, randomBytes } from 'node:crypto';
import { SohoaError } from '@sohoa/core';
import type { Grant, MasterKey, NewDocument, StoredSubject, VaultDriver } from '../types';
import { open, randomKey, seal, subjectTag, unwrapKey, wrapKey } from './crypto';
import { deriveSubkey } from './subkeys';

/** `meta` entries: how subject ids are stored, and the wrapped index key. */
const MODE = 'subject-ids';
const INDEX_KEY = 'subject-index-key';
const BLIND = 'hmac-sha256/1';
const CLEAR = 'clear';
/** HKDF labels: the key wrapping the index key, and the key sealing a subject id beside its index. */
const WRAP_LABEL = 'sohoa/vault/subject-index-key';
const REF_LABEL = 'sohoa/vault/subject-ref';

const isIndex = (id: string) => /^b1:[0-9a-f]{64}$/.test(id);

/** A fresh random audit pseudonym for one subject (kept in `subjectTag`, deleted at erasure). */
export function randomSubjectTag(): string {
  return randomBytes(16).toString('hex');
}

/**
 * A driver that stores subject ids as a keyed blind index: HMAC-SHA-256 of the id under a random
 * per-vault index key, which is kept in `meta` wrapped by a key derived from the master key. Every
 * subject id going in is replaced by its index; the clear id is sealed (AES-256-GCM, under a key
 * derived from the index key) beside the index in the subject row and in stored grants, so listings
 * can still show it to a reader with the master key. Wrapped data keys and bodies pass through
 * unchanged (their additional data still names the clear id, which the vault always knows).
 *
 * A vault whose ids are still in clear (written before this, or without a master key) is migrated
 * once, subject by subject, the first time it is opened with a master key; `onMigrated` is told how
 * many subjects moved so the vault can log it.
 */
export function blindIndexDriver(
  inner: VaultDriver,
  master: MasterKey,
  masters: ReadonlyMap<string, MasterKey>,
  onMigrated: (subjects: number) => Promise<void>,
): VaultDriver & { rewrapIndexKey(next: MasterKey): Promise<void> } {
  let state: Promise<{ indexKey: Buffer; refKey: Buffer }> | undefined;
  const toClear = new Map<string, string>();

  const ready = () => (state ??= prepare());

  async function prepare(): Promise<{ indexKey: Buffer; refKey: Buffer }> {
    const mode = await inner.meta(MODE, () => BLIND);
    const wrapped = await inner.meta(INDEX_KEY, () => wrapKey(wrapperOf(master), randomKey(), INDEX_KEY));
    const indexKey = unwrapKey(new Map([...masters].map(([id, key]) => [id, wrapperOf(key)])), wrapped, INDEX_KEY);
    const keys = { indexKey, refKey: deriveSubkey({ id: 'index', key: indexKey }, REF_LABEL) };
    if (mode === CLEAR) await migrate(keys);
    return keys;
  }

  function wrapperOf(key: MasterKey): MasterKey {
    return { id: key.id, key: deriveSubkey(key, WRAP_LABEL) };
  }

  function indexOf(keys: { indexKey: Buffer }, id: string): string {
    const index = `b1:${createHmac('sha256', keys.indexKey).update(id, 'utf8').digest('hex')}`;
    toClear.set(index, id);
    return index;
  }

  const sealRef = (keys: { refKey: Buffer }, index: string, ref: { kind: string; id: string }) =>
    seal(keys.refKey, ref, `subject|${index}`);
  const openRef = (keys: { refKey: Buffer }, index: string, sealed: string) =>
    open<{ kind: StoredSubject['kind']; id: string }>(keys.refKey, sealed, `subject|${index}`);

  /** Every subject stored under its clear id moves to its index, keeping its audit pseudonym. */
  async function migrate(keys: { indexKey: Buffer; refKey: Buffer }): Promise<void> {
    const salt = await inner.meta('audit-salt');
    let moved = 0;
    for (const row of await inner.listSubjects()) {
      if (row.sealedRef !== undefined) continue;
      const index = indexOf(keys, row.id);
      const legacyTag = salt !== undefined ? subjectTag(salt, row.id) : undefined;
      await inner.reindexSubject(row.id, {
        subject: { ...row, id: index, sealedRef: sealRef(keys, index, { kind: row.kind, id: row.id }) },
        grantSubject: sealRef(keys, index, { kind: row.kind, id: row.id }),
        ...(legacyTag !== undefined && { tag: legacyTag }),
      });
      moved++;
    }
    // Grants given, and pseudonyms made, for an id before its first document: no subject row, same move.
    for (const id of await inner.listOrphanSubjectIds()) {
      if (isIndex(id)) continue;
      const index = indexOf(keys, id);
      const legacyTag = salt !== undefined ? subjectTag(salt, id) : undefined;
      const ref = sealRef(keys, index, { kind: 'person', id });
      await inner.reindexSubject(id, {
        subject: { kind: 'person', id: index, sealedRef: ref },
        grantSubject: ref,
        ...(legacyTag !== undefined && { tag: legacyTag }),
      });
      moved++;
    }
    // Without the salt, the pseudonyms of subjects erased before cannot be recomputed from candidates.
    await inner.setMeta('audit-salt', undefined);
    await inner.setMeta(MODE, BLIND);
    await onMigrated(moved);
  }

  async function clearOf(keys: { refKey: Buffer }, index: string): Promise<string> {
    const known = toClear.get(index);
    if (known !== undefined) return known;
    const row = await inner.getSubject(index);
    if (!row?.sealedRef) {
      throw new SohoaError(
        'VAULT_DECRYPT_FAILED',
        'A stored row names a subject whose id cannot be recovered (its subject row is missing or altered); restore the vault from a backup.',
      );
    }
    const id = openRef(keys, index, row.sealedRef).id;
    toClear.set(index, id);
    return id;
  }

  /** Wrapped methods return ids in clear: here, those not moved yet (none once migrated). */
  const listOrphanSubjectIds = async () => (await inner.listOrphanSubjectIds()).filter((id) => !isIndex(id));

  const subjectOut = (row: StoredSubject, id: string): StoredSubject => {
    const { sealedRef: _sealed, ...rest } = row;
    return { ...rest, id };
  };

  async function grantIn(
    keys: { indexKey: Buffer; refKey: Buffer },
    grant: Grant,
  ): Promise<Grant & { subjectSealed?: string }> {
    if (grant.subject === '*') return grant;
    const index = indexOf(keys, grant.subject);
    return { ...grant, subject: index, subjectSealed: sealRef(keys, index, { kind: 'person', id: grant.subject }) };
  }

  function grantOut(keys: { refKey: Buffer }, grant: Grant & { subjectSealed?: string }): Grant {
    const { subjectSealed, ...rest } = grant;
    if (rest.subject === '*' || subjectSealed === undefined) return rest;
    return { ...rest, subject: openRef(keys, rest.subject, subjectSealed).id };
  }

  const indexedDocument = (keys: { indexKey: Buffer }, { document, facts }: NewDocument): NewDocument => ({
    document: { ...document, subjectId: indexOf(keys, document.subjectId) },
    facts: facts.map((f) => ({ ...f, subjectId: indexOf(keys, f.subjectId) })),
  });

  const withKeys =
    <A extends unknown[], R>(fn: (keys: { indexKey: Buffer; refKey: Buffer }, ...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> =>
      fn(await ready(), ...args);

  return {
    name: inner.name,
    capabilities: inner.capabilities,
    ...(inner.file !== undefined && { file: inner.file }),
    meta: inner.meta.bind(inner) as VaultDriver['meta'],
    setMeta: inner.setMeta.bind(inner),
    ensureSubject: withKeys(async (keys, subject) => {
      const index = indexOf(keys, subject.id);
      const row = await inner.ensureSubject({
        ...subject,
        id: index,
        sealedRef: sealRef(keys, index, { kind: subject.kind, id: subject.id }),
      });
      return subjectOut(row, subject.id);
    }),
    getSubject: withKeys(async (keys, id) => {
      const row = await inner.getSubject(indexOf(keys, id));
      return row && subjectOut(row, id);
    }),
    listSubjects: withKeys(async (keys) =>
      Promise.all((await inner.listSubjects()).map(async (row) => subjectOut(row, await clearOf(keys, row.id)))),
    ),
    setWrappedKey: withKeys(async (keys, id, wrappedKey) => inner.setWrappedKey(indexOf(keys, id), wrappedKey)),
    insertDocument: withKeys(async (keys, input) => inner.insertDocument(indexedDocument(keys, input))),
    getDocument: withKeys(async (keys, id) => {
      const row = await inner.getDocument(id);
      return row && { ...row, subjectId: await clearOf(keys, row.subjectId) };
    }),
    moveDocument: withKeys(async (keys, input) => inner.moveDocument(indexedDocument(keys, input))),
    replaceBodies: withKeys(async (keys, subjectId, rows) => inner.replaceBodies(indexOf(keys, subjectId), rows)),
    listDocuments: withKeys(async (keys, subjectId) =>
      (await inner.listDocuments(indexOf(keys, subjectId))).map((d) => ({ ...d, subjectId })),
    ),
    listFacts: withKeys(async (keys, subjectId) =>
      (await inner.listFacts(indexOf(keys, subjectId))).map((f) => ({ ...f, subjectId })),
    ),
    putDossier: withKeys(async (keys, dossier, expected) =>
      inner.putDossier({ ...dossier, subjectId: indexOf(keys, dossier.subjectId) }, expected),
    ),
    getDossier: withKeys(async (keys, code) => {
      const row = await inner.getDossier(code);
      return row && { ...row, subjectId: await clearOf(keys, row.subjectId) };
    }),
    listDossiers: withKeys(async (keys, subjectId) =>
      (await inner.listDossiers(indexOf(keys, subjectId))).map((d) => ({ ...d, subjectId })),
    ),
    insertGrant: withKeys(async (keys, grant) => inner.insertGrant(await grantIn(keys, grant))),
    getGrant: withKeys(async (keys, id) => {
      const grant = await inner.getGrant(id);
      return grant && grantOut(keys, grant);
    }),
    listGrants: withKeys(async (keys, subjectId) =>
      (await inner.listGrants(subjectId === '*' ? '*' : indexOf(keys, subjectId))).map((g) => grantOut(keys, g)),
    ),
    setGrantRevoked: inner.setGrantRevoked.bind(inner),
    // An entry naming no subject does not wait for the keys: the migration's own entry is written while they are prepared.
    appendAudit: async (build, options) => {
      const subject = options?.subject;
      if (!subject) return inner.appendAudit(build, options);
      return inner.appendAudit(build, { ...options, subject: { ...subject, id: indexOf(await ready(), subject.id) } });
    },
    listAudit: inner.listAudit.bind(inner),
    subjectTag: withKeys(async (keys, id, init) => inner.subjectTag(indexOf(keys, id), init)),
    reindexSubject: inner.reindexSubject.bind(inner),
    listOrphanSubjectIds,
    eraseSubject: withKeys(async (keys, id) => inner.eraseSubject(indexOf(keys, id))),
    // Copy rows name no subject (their document does): only the subject's listing needs its index.
    nextSequence: inner.nextSequence.bind(inner),
    insertCopy: inner.insertCopy.bind(inner),
    storeCopy: inner.storeCopy.bind(inner),
    getCopy: inner.getCopy.bind(inner),
    listCopies: inner.listCopies.bind(inner),
    listSubjectCopies: withKeys(async (keys, subjectId) => inner.listSubjectCopies(indexOf(keys, subjectId))),
    close: inner.close.bind(inner),
    async rewrapIndexKey(next) {
      const { indexKey } = await ready();
      await inner.setMeta(INDEX_KEY, wrapKey(wrapperOf(next), indexKey, INDEX_KEY));
    },
  };
}

/** Refuses to open a vault whose subject ids are a blind index without the master key that opens it. */
async function assertClearIdVault(driver: VaultDriver): Promise<void> {
  if ((await driver.meta(MODE, () => CLEAR)) === BLIND) {
    throw new SohoaError(
      'VAULT_KEY_MISSING',
      'This vault stores subject ids as a keyed index: open it with its `masterKey` (the CLI reads `SOHOA_MASTER_KEY` or `<file>.key`).',
    );
  }
}

/**
 * The driver of a vault without a master key: subject ids stay in clear. It refuses a vault whose ids
 * are a blind index (`VAULT_KEY_MISSING`) before its first call.
 */
export function clearIdDriver(inner: VaultDriver): VaultDriver {
  let checked: Promise<void> | undefined;
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function' || prop === 'close') return value;
      return async (...args: unknown[]) => {
        await (checked ??= assertClearIdVault(target));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
