import type {
  Box,
  Diagnostic,
  DocumentKind,
  DocumentRecord,
  LinkDecision,
  DocumentStatus,
  ExtractionMethod,
  FieldValue,
  PageSource,
  SourcedValue,
  SubjectRef,
} from '@sohoa/core';
import type { VaultDriver } from './driver';

/** A master key supplied by the application (from a KMS, an HSM or a secret store); never stored. */
export interface MasterKey {
  /** Names the key in stored data so the right one unwraps each data key; not secret, e.g. `2026-01`. */
  id: string;
  /** 32 random bytes (AES-256). */
  key: Uint8Array;
}

/** Options of {@link createVault}. */
export interface VaultOptions {
  /** Storage backend, e.g. `memoryDriver()`, `sqliteDriver({ path })` or `postgresDriver({ connectionString })`. */
  driver: VaultDriver;
  /**
   * Wraps each subject's data key; fact values, documents and dossiers are then encrypted at rest
   * (AES-256-GCM). Without it values are stored in clear: only for tests and throwaway vaults.
   */
  masterKey?: MasterKey;
  /** Older master keys still wrapping some data keys; `rotateMasterKey()` rewraps them under `masterKey`. @default [] */
  previousMasterKeys?: MasterKey[];
  /**
   * Key of the audit chain's HMAC, for a vault without a `masterKey` (32 random bytes, kept outside
   * the vault like a master key). With a `masterKey` the vault keeps its own random audit key wrapped
   * by the master key, and this option is not needed. Without either the chain is unkeyed SHA-256.
   */
  auditKey?: Uint8Array;
  /**
   * Where the head of the audit chain is checkpointed after every entry; `verifyAudit()` compares
   * with it. `false` for none.
   * @default `fileCheckpointStore('<file>.audit-head')` beside a SQLite file; in memory for the memory driver; none otherwise
   */
  auditCheckpoint?: AuditCheckpointStore | false;
  /**
   * Who reads when a call names no `actor`, e.g. the service account of a portal or `sohoa-cli`.
   * @default 'anonymous'
   */
  actor?: string;
  /**
   * Standing grants from the application's configuration (an officer role, the CLI operator of a
   * local file). They are checked and audited like stored grants but cannot be revoked at run time.
   * @default []
   */
  grants?: GrantInput[];
  /**
   * Clock used for `recordedAt`, grant expiry, the audit log and the default `asOf` of a profile.
   * @default () => new Date()
   */
  now?: () => Date;
  /**
   * Which document types are identity documents whose `document.*` fields are also stored as the
   * subject's `person.idDocument.*` facts (so forms can ask for "giấy tờ tùy thân" unambiguously).
   * @default the record's `kind` is `identity` (`documentKindOf` of `@sohoa/core` for older records)
   */
  isIdentityDocument?: (type: string) => boolean;
  /**
   * Where the bytes of digitised copies are kept (the archive's blob store): `erase()` deletes a subject's
   * copies through it before their records. Without it, `erase()` returns their locations in
   * `copyLocationsLeft` for the caller to delete.
   */
  copyStore?: CopyBytesStore;
}

/** The part of a blob store the vault uses: delete the bytes at a copy's `location`. */
export interface CopyBytesStore {
  /** Delete the bytes at `location` (a key of the store); deleting what is absent is not an error. */
  delete(location: string): Promise<void>;
}

/** A digitised copy (PDF/A of a document) as the vault records it: its DocCode, where it is, its hash. */
export interface CopyRecord {
  /** `MCQ_LV_STT_PB`, e.g. `G09.01.02_GKS_000021_V1`. */
  docCode: string;
  /** Agency electronic code (QĐ 20/2020 shape). */
  agency: string;
  /** Kind abbreviation of the document type. */
  kind: string;
  /** Running number, allocated once per (agency, kind), never repeated. */
  number: number;
  /** 1 for the first scan; a corrected copy replacing an earlier one gets the next. */
  version: number;
  /** The vault document the copy is of. */
  documentId: string;
  /** `reserved` once the code is allocated, `stored` once the bytes are written and recorded. */
  status: 'reserved' | 'stored';
  /** ISO timestamp of the reservation (the date in the copy's file name). */
  createdAt: string;
  /** ISO timestamp the copy was stored. */
  storedAt?: string;
  /** SHA-256 (hex) of the copy's bytes as stored (signed, when signed). */
  sha256?: string;
  size?: number;
  /** The blob store key of the bytes. */
  location?: string;
  /** Pages of the copy (equal to the source's). */
  pageCount?: number;
  /** SHA-256 (hex) of the source file it was made from. */
  sourceSha256?: string;
  /** Whether the copy carries the digitising unit's signature. */
  signed?: boolean;
  /** The DocCode of the version that replaced this one. */
  replacedBy?: string;
}

/** What {@link Vault.completeCopy} records once the bytes are stored. */
export interface CopyStored {
  sha256: string;
  size: number;
  location: string;
  pageCount: number;
  sourceSha256?: string;
  signed?: boolean;
}

/** A copy row as a driver stores it: the record's fields, nothing sealed (no personal values). */
export type StoredCopy = CopyRecord;

/** A document as kept in the vault: metadata plus the record it came from. */
export interface VaultDocument {
  /** Stable id derived from the document fingerprint. */
  id: string;
  /** SHA-256 of the sorted source digests + type + part; the idempotency key. */
  fingerprint: string;
  /** Whose document it is; for an unlinked document, its holder `unlinked:<document id>` (see `link`). */
  subject: SubjectRef;
  type: string;
  /** What the document is (derived from the type for documents stored before kinds existed). */
  kind: DocumentKind;
  /** The vault's link decision: what proved the subject, or why there is none and who it may be. */
  link?: LinkDecision;
  part?: string;
  number?: string;
  issuer?: string;
  /** ISO date. */
  issued?: string;
  /** ISO date. */
  validUntil?: string;
  status: DocumentStatus;
  sources: PageSource[];
  /** ISO timestamp of when the vault stored it. */
  recordedAt: string;
  record: DocumentRecord;
  /** Set on the documents that `correct()` writes: who corrected what, and why. */
  correction?: Correction;
}

/** Who corrected a value and why (type `correction` documents). */
export interface Correction {
  /** The actor who made it: the citizen or an officer. */
  by: string;
  reason: string;
  /** Ids of the facts it supersedes. */
  supersedes: string[];
}

/** One value about a subject under a semantic key, from one document. Never overwritten. */
export interface Fact {
  /** `<documentId>/<key>`. */
  id: string;
  subjectId: string;
  documentId: string;
  documentType: string;
  key: string;
  value: FieldValue;
  /** 0..1 */
  confidence: number;
  method: ExtractionMethod;
  sha256?: string;
  page?: number;
  box?: Box;
  /** From `METHOD_AUTHORITY`; higher wins. */
  authority: number;
  /** ISO date the document was issued, when known. */
  validFrom?: string;
  /** ISO date the document expires, when known. */
  validTo?: string;
  /** The document's status when stored. */
  documentStatus: DocumentStatus;
  /** ISO timestamp. */
  recordedAt: string;
  /** Facts this one replaces (a correction); they stay in the history but are never chosen again. */
  supersedes?: string[];
  /** For a correction: the actor who made it. */
  correctedBy?: string;
}

/** What an audit entry records. */
export type AuditAction =
  | 'read'
  | 'read-denied'
  | 'export'
  | 'grant'
  | 'revoke'
  | 'correct'
  | 'erase'
  | 'rotate-key'
  | 'import'
  | 'migrate'
  | 'encrypt-plaintext'
  | 'link'
  | 'unlink';

/**
 * One entry of the append-only, hash-chained audit log. It names keys, never values; the subject
 * is stored as a keyed pseudonym (`subjectTag`), so the log can outlive an erasure.
 */
export interface AuditEntry {
  /** 1, 2, 3, … with no gaps. */
  seq: number;
  /** ISO timestamp. */
  at: string;
  /** Who acted. */
  actor: string;
  action: AuditAction;
  /** Filled in when the entry is listed for a subject (`listAudit(subjectId)`). */
  subjectId?: string;
  /** Keyed pseudonym of the subject. */
  subjectTag?: string;
  purpose?: string;
  form?: string;
  /** Keys read, corrected or granted (never values). */
  keys: string[];
  /** The grant that allowed the action. */
  grantId?: string;
  documentId?: string;
  /** `hmac-sha256` when `hash` is keyed (see {@link AuditVerification.mac}). */
  mac?: 'hmac-sha256';
  /** Hash of the previous entry (64 zeros for the first). */
  prevHash: string;
  /** SHA-256 over this entry (without `hash`) and `prevHash`. */
  hash: string;
}

/** Result of {@link Vault.verifyAudit}. */
export interface AuditVerification {
  ok: boolean;
  /** Entries checked. */
  entries: number;
  /** Hash of the last entry. */
  head: string;
  /**
   * How the entries are chained: `hmac-sha256` (keyed: cannot be recomputed without the audit key),
   * `unkeyed` (plain SHA-256, as vaults before issue 13 and vaults without a key write: anyone with
   * the file can rewrite it consistently), or `mixed` (an unkeyed chain upgraded to keyed).
   */
  mac: 'hmac-sha256' | 'unkeyed' | 'mixed';
  /** Entries chained with plain SHA-256 (before the upgrade, or in a vault without a key). */
  unkeyedEntries: number;
  /** The sequence number of the checkpoint compared with, `missing` when the store has none, `none` without a store. */
  checkpoint: number | 'missing' | 'none';
  /** The first broken entry, when `ok` is false. */
  brokenAt?: {
    seq: number;
    reason:
      | 'hash-mismatch'
      | 'chain-broken'
      | 'sequence-gap'
      | 'head-not-found'
      | 'unkeyed-entry'
      | 'key-missing'
      | 'truncated'
      | 'checkpoint-mismatch'
      | 'checkpoint-missing';
  };
}

/** The head of the audit chain as last written: its sequence number, hash and (keyed vaults) a MAC of both. */
export interface AuditCheckpoint {
  seq: number;
  head: string;
  mac?: string;
}

/**
 * Where the audit chain's head is checkpointed, outside the vault, after every entry, so
 * `verifyAudit()` catches a truncated or replaced log. Keep it where whoever can write the vault
 * cannot (another volume, another host, WORM storage).
 */
export interface AuditCheckpointStore {
  read(): Promise<AuditCheckpoint | undefined>;
  write(checkpoint: AuditCheckpoint): Promise<void>;
  /** Called by `vault.close()`. */
  close?(): Promise<void>;
}

/** A grant to create: who may read which keys of whom, for what, until when. */
export interface GrantInput {
  /** The actor allowed to read, e.g. `officer:ubnd-q1/017` or `portal:dichvucong`. */
  to: string;
  /** Whose data: a subject id, or `*` for every subject (standing grants only: an officer role). */
  subject: string;
  /** The purpose the read must name, e.g. `dang-ky-khai-sinh`; `*` for any. */
  purpose: string;
  /** Key patterns: exact (`person.fullName`), a prefix (`person.*`), or `*` for every key. */
  keys: string[];
  /** Forms the read may name; any form when absent. */
  forms?: string[];
  /** ISO timestamp after which the grant no longer applies; required for stored grants. */
  expiresAt?: string;
  /** Who gave it (the citizen, an officer); recorded in the audit log. @default the vault's actor */
  grantedBy?: string;
}

/** A grant as kept by the vault. */
export interface Grant extends GrantInput {
  id: string;
  /** ISO timestamp. */
  createdAt: string;
  /** ISO timestamp, once revoked. */
  revokedAt?: string;
  /** `config` for the standing grants of {@link VaultOptions.grants}. */
  source: 'stored' | 'config';
}

/** Who reads, and why, for the raw accessors (`listDocuments`, `listFacts`, …). */
export interface ReadOptions {
  /** @default the vault's `actor` */
  actor?: string;
  /** @default 'vault-admin' */
  purpose?: string;
}

/** Result of {@link Vault.putDocument}. */
export interface PutDocumentResult {
  documentId: string;
  /** Whose document it is; absent when it was stored unlinked. */
  subject?: SubjectRef;
  /** The link decision stored with the document (its evidence, or its reason and candidates). */
  link: LinkDecision;
  /** `false` when the same sources, type and part were stored before. */
  created: boolean;
  factsAdded: number;
}

/**
 * Who links or unlinks a document, and why (both go to the audit log and the document's link evidence).
 * The vault's own actor needs a grant for purpose `link`; `actor` names the officer who decided.
 */
export interface LinkOptions {
  actor: string;
  reason: string;
}

/** An unlinked document as an officer sees it in the review list. */
export interface UnlinkedDocument {
  documentId: string;
  type: string;
  kind: DocumentKind;
  part?: string;
  recordedAt: string;
  link: LinkDecision;
}

/** Options of {@link Vault.profile}. */
export interface ProfileOptions {
  /** Why the data is read, e.g. `dang-ky-khai-sinh`; checked against grants and written to the audit log. */
  purpose: string;
  /** The form the data is read for; checked against grants and written to the audit log. */
  form: string;
  /** Who reads. @default the vault's `actor` */
  actor?: string;
  /** ISO date (or timestamp) at which validity is judged. @default today from `now()` */
  asOf?: string;
}

/** A competing value for a key, from another document. */
export interface ProfileAlternative {
  value: FieldValue;
  method: ExtractionMethod;
  confidence: number;
  documentId: string;
}

/** The chosen value for one key, with its provenance and the values it beat. */
export interface ProfileValue extends SourcedValue {
  key: string;
  /** ISO date the source document expires. */
  validUntil?: string;
  /** True when the source document is expired (or revoked/superseded) as of the profile's `asOf`. */
  expired: boolean;
  /** Other distinct values seen for the key, best first. */
  alternatives: ProfileAlternative[];
}

/** A related person named by the subject's documents; read their profile with its own grant. */
export interface ProfileRelation {
  /** `mother`, `father`, `spouse`, `child`, `guardian`, `householdHead`, `representative` (of an organisation). */
  role: string;
  /** The related person's id, when a document gives it. */
  subjectId?: string;
}

/** What the vault holds about a subject under a grant, one chosen value per granted key. */
export interface Profile {
  subject: SubjectRef;
  /** ISO date at which validity was judged. */
  asOf: string;
  values: Record<string, ProfileValue>;
  relations: ProfileRelation[];
  /** The grants that allowed the read. */
  grantIds: string[];
  diagnostics: Diagnostic[];
  /**
   * Subjects whose facts joined this profile: the person's former CMND number, when a card's QR code (a
   * surely read ID field, or an officer's correction) names it as theirs and the birth dates agree
   * (diagnostic `VAULT_SUBJECT_LINKED`; `VAULT_SUBJECT_NOT_LINKED` when the birth dates disagree).
   */
  linkedSubjects?: SubjectRef[];
}

/** A correction by the citizen or an officer: a new fact that supersedes the current ones. */
export interface CorrectionInput {
  key: string;
  value: FieldValue;
  /** Why, e.g. `đính chính theo quyết định 12/QĐ-UBND`; kept encrypted with the fact. */
  reason: string;
  /** Who performs it: checked against grants (purpose `correct`) and written to the audit log. @default the vault's `actor` */
  actor?: string;
  /** Who made the decision (an officer, the citizen), kept with the fact. @default `actor` */
  by?: string;
  /** Fact ids to supersede. @default every fact currently held for `key` */
  supersedes?: string[];
}

/** Everything the vault holds about one subject, as plain JSON (`exportSubject`). */
export interface SubjectExport {
  format: 'sohoa-vault-export/1';
  /** ISO timestamp. */
  exportedAt: string;
  subject: SubjectRef;
  documents: VaultDocument[];
  facts: Fact[];
  relations: ProfileRelation[];
  dossiers: Dossier[];
  grants: Grant[];
  audit: AuditEntry[];
}

/** Result of {@link Vault.importSubject}. */
export interface ImportResult {
  subject: SubjectRef;
  documents: { created: number; unchanged: number };
  dossiers: number;
  grants: number;
}

/** Result of {@link Vault.erase}. */
export interface EraseResult {
  /** False when the subject was not in the vault. */
  erased: boolean;
  documents: number;
  facts: number;
  dossiers: number;
  /** Records of digitised copies erased with the subject's documents (issue 14). */
  copies?: number;
  /**
   * Where the erased copies' bytes were, for the caller to delete when the vault has no `copyStore`
   * (with one, the vault deleted them before the records, and this is empty).
   */
  copyLocationsLeft?: string[];
}

/** What a procedure (thủ tục hành chính) asks for: one component of its dossier. */
export interface ProcedureRequirement {
  /** Stable within the procedure: `r1`, `r2`, … */
  id: string;
  /** Name as published (tên giấy tờ). */
  name: string;
  /** Attached form file (mẫu đơn, tờ khai), when one is published. */
  form?: string;
  originals: number;
  copies: number;
  /** Document types of the vault that satisfy it, when known (reuse instead of a new upload). */
  documentTypes?: string[];
}

/** An administrative procedure as data: its code and the components its dossier needs. */
export interface Procedure {
  /** Mã thủ tục, e.g. `1.013628`. */
  code: string;
  name: string;
  /** Lĩnh vực. */
  field?: string;
  requirements: ProcedureRequirement[];
  /** Kết quả thực hiện, as published. */
  result?: string;
}

/** One component of a dossier (thành phần hồ sơ). */
export interface DossierComponent {
  /** The procedure requirement it answers. */
  requirementId: string;
  /** A document already in the vault (reuse: the citizen is not asked again)… */
  documentId?: string;
  /** …or the SHA-256 of a new upload. */
  sha256?: string;
}

/** Status of a dossier along the one-stop process. */
export type DossierStatus =
  | 'received'
  | 'processing'
  | 'additional-info-requested'
  | 'completed'
  | 'rejected'
  | 'withdrawn';

/** A dossier to store. */
export interface DossierInput {
  /** One-stop dossier code `MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX`, e.g. `000.00.17.H29-260115-0001`. */
  code: string;
  subject: SubjectRef;
  procedure: Procedure;
  /** Cơ quan tiếp nhận. */
  receivingAgency: string;
  /** ISO date received. */
  receivedOn: string;
  /** ISO date results are due. */
  dueOn?: string;
  status: DossierStatus;
  components: DossierComponent[];
  /** Documents issued as results (kết quả), by vault document id. */
  results?: string[];
}

/** A stored dossier, with which requirements are still unmet. */
export interface Dossier extends DossierInput {
  /** ISO timestamp. */
  recordedAt: string;
  /** Requirement ids with no component. */
  missing: string[];
}

/** The vault: documents, facts, grants, audit, corrections, dossiers, export and erasure. */
export interface Vault {
  /** Whether values are encrypted at rest (a master key was supplied). */
  readonly encrypted: boolean;
  /**
   * Store a document and its facts; idempotent by sources + type + part. Writes need no grant. A record
   * without a subject is stored unlinked (under its own holder), with candidates by the matching rule;
   * it is linked at once only by the card join or a unique match of the rule (see `docs/linking.md`).
   */
  putDocument(record: DocumentRecord): Promise<PutDocumentResult>;
  /**
   * File a document under `subject` (an officer's decision), moving it and its facts from its holder or
   * from the subject it was filed under; audited as `link` with the actor and reason. Needs a grant for
   * purpose `link` on the subjects involved (the operator's standing grant has it).
   */
  linkDocument(documentId: string, subject: SubjectRef, options: LinkOptions): Promise<VaultDocument>;
  /** Take a document away from the subject it was filed under and store it unlinked; audited as `unlink`. */
  unlinkDocument(documentId: string, options: LinkOptions): Promise<VaultDocument>;
  /** Unlinked documents with their link decision (reason and candidates), oldest first; a read of every subject. */
  listUnlinked(options?: ReadOptions): Promise<UnlinkedDocument[]>;
  /** Read one document; needs a grant on its subject for every key. */
  getDocument(id: string, options?: ReadOptions): Promise<VaultDocument | undefined>;
  /** A subject's documents in insertion order; needs a grant for every key. */
  listDocuments(subjectId: string, options?: ReadOptions): Promise<VaultDocument[]>;
  /** Every subject; needs a grant on subject `*`. */
  listSubjects(options?: ReadOptions): Promise<SubjectRef[]>;
  /** Whether a subject is held; needs any grant on it. */
  hasSubject(id: string, options?: ReadOptions): Promise<boolean>;
  /** A subject's facts (history included) for the granted keys, in insertion order. */
  listFacts(subjectId: string, options?: ReadOptions): Promise<Fact[]>;
  /** Choose one value per granted key for a subject; checked against grants and audited. */
  profile(subjectId: string, options: ProfileOptions): Promise<Profile>;
  /** Record a correction as a new fact superseding the current ones; needs a grant for purpose `correct`. */
  correct(subjectId: string, correction: CorrectionInput): Promise<Fact>;
  /** Store a grant (audited). */
  grant(input: GrantInput): Promise<Grant>;
  /** Revoke a stored grant (audited); reads under it fail from now on. */
  revokeGrant(id: string, options?: { actor?: string }): Promise<Grant>;
  /** Grants that name the subject, stored and standing. */
  listGrants(subjectId: string): Promise<Grant[]>;
  /** The citizen's view ("data tracker"): who read or changed what about the subject, when and why. */
  listAudit(subjectId: string): Promise<AuditEntry[]>;
  /**
   * Recompute the chain (HMACs under the audit key) and compare its head with the last checkpoint;
   * pass a `head` kept from earlier to check that it is still in the chain too.
   */
  verifyAudit(options?: { head?: string }): Promise<AuditVerification>;
  /** Everything about a subject as JSON; needs a grant for purpose `export` and every key. */
  exportSubject(subjectId: string, options?: { actor?: string }): Promise<SubjectExport>;
  /** Load an export into this vault (documents, corrections, dossiers, stored grants). */
  importSubject(data: SubjectExport, options?: { actor?: string }): Promise<ImportResult>;
  /** Crypto-shred a subject: destroy its data key and remove its rows; needs a grant for purpose `erase`. */
  erase(subjectId: string, options?: { actor?: string }): Promise<EraseResult>;
  /** Rewrap every data key still under a previous master key with the current one. */
  rotateMasterKey(options?: { actor?: string }): Promise<{ rewrapped: number }>;
  /**
   * One-way migration of a vault first used without a master key: seals every value still stored in
   * plaintext (an encrypted vault refuses them with `VAULT_PLAINTEXT_REFUSED`), audited per subject.
   * Run it only on a vault you know was written unencrypted: it would also seal a value forged in plaintext.
   */
  encryptPlaintext(options?: { actor?: string }): Promise<{ subjects: number; values: number }>;
  /** Store (or update the status of) a dossier. */
  putDossier(input: DossierInput): Promise<Dossier>;
  /** Read a dossier by its code; needs a grant on its subject. */
  getDossier(code: string, options?: ReadOptions): Promise<Dossier | undefined>;
  /**
   * Read-modify-write of one dossier that is safe against other writers, in this process or on other
   * machines sharing the database: `update` gets the stored dossier (or `undefined`) and returns the
   * dossier to store, or `undefined` to leave it as it is. When someone else wrote in between, it is
   * called again with their version (up to 20 times, then `VAULT_DOSSIER_CONFLICT`). Reading needs a
   * grant on the subject, as `getDossier` does. Returns the dossier as stored afterwards.
   */
  updateDossier(
    code: string,
    update: (current: Dossier | undefined) => DossierInput | undefined | Promise<DossierInput | undefined>,
    options?: ReadOptions,
  ): Promise<Dossier | undefined>;
  /** A subject's dossiers; needs a grant on the subject. */
  listDossiers(subjectId: string, options?: ReadOptions): Promise<Dossier[]>;
  /**
   * The copy a document has, or a new reservation: returns the document's current copy (its highest version,
   * reserved or stored) when it has one, else allocates the next running number of (`agency`, `kind`) in the
   * vault (atomic across processes and machines; never repeated, gaps possible) and reserves version 1. A write:
   * no grant needed. Throws `VAULT_COPY_INVALID` for an unknown document or bad codes, `ARCHIVE_DOCCODE_EXHAUSTED`
   * past 999999.
   */
  reserveCopy(input: { documentId: string; agency: string; kind: string }): Promise<CopyRecord>;
  /**
   * Reserve the next version of a document's stored copy (a corrected copy replacing it): same agency, kind and
   * running number, version + 1. Returns the current copy as it is when it is still only reserved.
   */
  reviseCopy(documentId: string): Promise<CopyRecord>;
  /** Record that a reserved copy's bytes are stored; the version it replaces gets `replacedBy`. */
  completeCopy(docCode: string, stored: CopyStored): Promise<CopyRecord>;
  /** A copy by DocCode; needs a grant on its document's subject (audited). */
  getCopy(docCode: string, options?: ReadOptions): Promise<CopyRecord | undefined>;
  /** Copies (every version) of a document, or those with a given SHA-256; needs a grant on each subject (audited). */
  findCopies(query: { documentId: string } | { sha256: string }, options?: ReadOptions): Promise<CopyRecord[]>;
  close(): Promise<void>;
}

// The storage driver's interface lives in driver.ts; it is part of the public API through this re-export.
export type * from './driver';
