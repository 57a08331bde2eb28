// The storage driver's interface: what the vault asks of a backend (memory, SQLite, PostgreSQL or one's own).
// It moves opaque, sealed bodies; the public API the vault gives its callers is in types.ts.
import type { SubjectRef } from '@sohoa/core';
import type { Grant, StoredCopy } from './types';

/** What {@link VaultDriver.appendAudit} is told besides the entry. */
export interface AuditAppendOptions {
  /** The subject the entry names: its pseudonym is read, or stored from `initTag()`, in the append's transaction. */
  subject?: { id: string; initTag: () => string };
  /** A read entry (`read`, `read-denied`): may be acknowledged before it is flushed to disk. */
  deferFlush?: boolean;
}

/** A subject as the driver stores it: its wrapped data key travels with it. */
export interface StoredSubject extends SubjectRef {
  /** `<master key id>:<base64>`, absent in a vault without a master key. */
  wrappedKey?: string;
  /** The clear `{ kind, id }`, sealed, when `id` is a blind index (a vault with a master key). */
  sealedRef?: string;
}

/** A document row: the columns needed to find it, and an opaque (sealed) body. */
export interface StoredDocument {
  id: string;
  fingerprint: string;
  subjectId: string;
  type: string;
  recordedAt: string;
  body: string;
}

/** A fact row: subject, document and key in clear (no values), an opaque body. */
export interface StoredFact {
  subjectId: string;
  documentId: string;
  key: string;
  body: string;
}

/** A dossier row. */
export interface StoredDossier {
  code: string;
  subjectId: string;
  body: string;
}

/** An audit row: the entry as canonical JSON and its chain hash. */
export interface StoredAudit {
  seq: number;
  subjectTag?: string;
  body: string;
  hash: string;
}

/** New bodies for existing rows of one subject; see {@link VaultDriver.replaceBodies}. */
export interface BodyReplacements {
  documents: Array<{ id: string; body: string }>;
  facts: Array<{ documentId: string; key: string; body: string }>;
  dossiers: Array<{ code: string; body: string }>;
}

/** What a driver stores for a new document (the vault prepares and seals it). */
export interface NewDocument {
  document: StoredDocument;
  facts: StoredFact[];
}

/** Result of {@link VaultDriver.insertDocument}. */
export interface InsertResult {
  /** `false` when a document with the same fingerprint already existed (nothing written). */
  created: boolean;
  documentId: string;
}

/**
 * Storage backend of a vault: a small plain object that stores opaque bodies (the vault encrypts).
 * `insertDocument` is atomic: a document and all of its facts are written together, or nothing is.
 * `appendAudit` is serialised: `build` sees the current last entry and its result is appended.
 */
export interface VaultDriver {
  readonly name: string;
  readonly capabilities: { persistent: boolean };
  /** The database file, for a driver that keeps one (SQLite): the audit checkpoint goes beside it. */
  readonly file?: string;
  /** Get a vault-wide setting, storing `init()` first when absent (atomically). */
  meta(key: string, init: () => string): Promise<string>;
  /** Get a vault-wide setting, `undefined` when absent. */
  meta(key: string): Promise<string | undefined>;
  /** Set a vault-wide setting; `undefined` deletes it. */
  setMeta(key: string, value: string | undefined): Promise<void>;
  /**
   * The subject's audit pseudonym, storing `init()` first when absent (atomically); `undefined` when
   * absent and no `init`. `eraseSubject` deletes it, so erased entries can no longer be linked.
   */
  subjectTag(subjectId: string, init?: () => string): Promise<string | undefined>;
  /**
   * One-way migration step: move a subject stored under its clear id to `to.subject` (its blind index),
   * with its documents, facts, dossiers, grants (`to.grantSubject` replaces the clear id in their body)
   * and its audit pseudonym (`to.tag`, when given), in one transaction. Without a subject row, only its
   * grants and pseudonym move (no row is created).
   */
  reindexSubject(fromId: string, to: { subject: StoredSubject; grantSubject: string; tag?: string }): Promise<void>;
  /**
   * Ids named by stored grants (other than `*`) or audit pseudonyms that have no subject row: a subject
   * granted (or read, or refused) before its first document. The migration moves them with `reindexSubject`,
   * which then moves only the grants and the pseudonym.
   */
  listOrphanSubjectIds(): Promise<string[]>;
  /** Insert the subject when absent; return what is stored (the first writer's data key wins). */
  ensureSubject(subject: StoredSubject): Promise<StoredSubject>;
  getSubject(id: string): Promise<StoredSubject | undefined>;
  /** Every subject with its wrapped key, in insertion order. */
  listSubjects(): Promise<StoredSubject[]>;
  setWrappedKey(id: string, wrappedKey: string): Promise<void>;
  insertDocument(input: NewDocument): Promise<InsertResult>;
  /**
   * Replace the bodies of rows a subject already has, in one transaction: documents by id, facts by
   * document id and key, dossiers by code (only `encryptPlaintext()` uses it, to seal old plaintext rows).
   */
  replaceBodies(subjectId: string, rows: BodyReplacements): Promise<void>;
  /**
   * Refile a stored document (same id and fingerprint) under another subject: replace its row and all
   * of its facts by `input` in one transaction. Returns `false` when no document has that id.
   */
  moveDocument(input: NewDocument): Promise<boolean>;
  getDocument(id: string): Promise<StoredDocument | undefined>;
  listDocuments(subjectId: string): Promise<StoredDocument[]>;
  listFacts(subjectId: string): Promise<StoredFact[]>;
  /**
   * Insert or replace a dossier by code. With `expected`, a compare-and-set: `null` writes only when no
   * dossier has the code, `{ body }` only when the stored body is still that one (bodies are sealed with
   * a fresh nonce, so equal bodies mean nobody wrote in between). Returns whether it wrote.
   */
  putDossier(dossier: StoredDossier, expected?: { body: string } | null): Promise<boolean>;
  getDossier(code: string): Promise<StoredDossier | undefined>;
  listDossiers(subjectId: string): Promise<StoredDossier[]>;
  insertGrant(grant: Grant): Promise<void>;
  getGrant(id: string): Promise<Grant | undefined>;
  /** Stored grants naming the subject or `*`. */
  listGrants(subjectId: string): Promise<Grant[]>;
  setGrantRevoked(id: string, at: string): Promise<void>;
  /**
   * Append one entry. With `options.subject`, the subject's audit pseudonym is read (stored from
   * `initTag()` first when absent) in the same transaction and passed to `build`, so a subject's first
   * entry costs one commit, not two. With `options.deferFlush` (read entries only) the driver may
   * acknowledge the entry once it is written to the operating system, before the disk has it: it
   * survives a crash of the process, and a power loss can drop the last such entries (SQLite:
   * `synchronous=NORMAL` for that commit; see `docs/privacy.md`).
   */
  appendAudit(
    build: (last: { seq: number; hash: string } | undefined, subjectTag?: string) => StoredAudit,
    options?: AuditAppendOptions,
  ): Promise<StoredAudit>;
  /** Audit rows in `seq` order, all or those of one subject tag. */
  listAudit(subjectTag?: string): Promise<StoredAudit[]>;
  /**
   * Remove the subject, its documents (with their copy records), facts, dossiers, grants and audit pseudonym in
   * one transaction, then purge freed pages.
   */
  eraseSubject(id: string): Promise<{ documents: number; facts: number; dossiers: number; copies: number }>;
  /** Increment the counter `scope` and return its new value (1 first), atomically across processes. */
  nextSequence(scope: string): Promise<number>;
  /** Insert a copy row; `false` (nothing written) when its DocCode or its (document, version) is taken. */
  insertCopy(copy: StoredCopy): Promise<boolean>;
  /**
   * Mark a reserved copy stored with `copy`'s fields (by DocCode, only while `reserved`), and `replaces` (an
   * earlier version) as replaced by it, in one transaction. `false` when the copy is not reserved.
   */
  storeCopy(copy: StoredCopy, replaces?: string): Promise<boolean>;
  getCopy(docCode: string): Promise<StoredCopy | undefined>;
  /** Copy rows of a document or with a SHA-256, by version. */
  listCopies(query: { documentId: string } | { sha256: string }): Promise<StoredCopy[]>;
  /** Copy rows of every document of a subject. */
  listSubjectCopies(subjectId: string): Promise<StoredCopy[]>;
  close(): Promise<void>;
}
