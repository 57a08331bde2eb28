import type {
  Box,
  Diagnostic,
  DocumentRecord,
  DocumentStatus,
  ExtractionMethod,
  FieldValue,
  PageSource,
  SubjectRef,
} from '@sohoa/core';

/** Options of {@link createVault}. */
export interface VaultOptions {
  /** Storage backend, e.g. `memoryDriver()` or `sqliteDriver({ path })`. */
  driver: VaultDriver;
  /**
   * Clock used for `recordedAt` and the default `asOf` of a profile.
   * @default () => new Date()
   */
  now?: () => Date;
  /**
   * Which document types are identity documents whose `document.*` fields are also stored as the
   * subject's `person.idDocument.*` facts (so forms can ask for "giấy tờ tùy thân" unambiguously).
   * @default (type) => /^(cccd|cmnd|can-cuoc|passport|ho-chieu)/.test(type)
   */
  isIdentityDocument?: (type: string) => boolean;
}

/** A document as kept in the vault: metadata plus the record it came from. */
export interface VaultDocument {
  /** Stable id derived from the document fingerprint. */
  id: string;
  /** SHA-256 of the sorted source digests + type + part; the idempotency key. */
  fingerprint: string;
  subject: SubjectRef;
  type: string;
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
}

/** One value about a subject under a semantic key, from one document. Never overwritten. */
export interface Fact {
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
}

/** One read recorded in the append-only audit list. */
export interface AuditEntry {
  /** ISO timestamp. */
  at: string;
  subjectId: string;
  action: 'profile';
  purpose: string;
  form?: string;
  /** Keys returned by the read. */
  keys: string[];
}

/** Result of {@link Vault.putDocument}. */
export interface PutDocumentResult {
  documentId: string;
  subject: SubjectRef;
  /** `false` when the same sources, type and part were stored before. */
  created: boolean;
  factsAdded: number;
}

/** Options of {@link Vault.profile}. */
export interface ProfileOptions {
  /** Why the data is read, e.g. `dang-ky-khai-sinh`; written to the audit list. */
  purpose: string;
  /** The form the data is read for; written to the audit list. */
  form?: string;
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
export interface ProfileValue {
  key: string;
  value: FieldValue;
  confidence: number;
  method: ExtractionMethod;
  documentId: string;
  documentType: string;
  sha256?: string;
  page?: number;
  box?: Box;
  /** ISO date the source document expires. */
  validUntil?: string;
  /** True when the source document is expired (or revoked/superseded) as of the profile's `asOf`. */
  expired: boolean;
  /** Other distinct values seen for the key, best first. */
  alternatives: ProfileAlternative[];
}

/** Everything the vault holds about a subject, one chosen value per key. */
export interface Profile {
  subject: SubjectRef;
  /** ISO date at which validity was judged. */
  asOf: string;
  values: Record<string, ProfileValue>;
  diagnostics: Diagnostic[];
}

/** The vault: store digitised documents and read a subject's profile. */
export interface Vault {
  /** Store a document and its facts; idempotent by sources + type + part. */
  putDocument(record: DocumentRecord): Promise<PutDocumentResult>;
  getDocument(id: string): Promise<VaultDocument | undefined>;
  listDocuments(subjectId: string): Promise<VaultDocument[]>;
  listSubjects(): Promise<SubjectRef[]>;
  hasSubject(id: string): Promise<boolean>;
  /** All facts about a subject, in insertion order (history included). */
  listFacts(subjectId: string): Promise<Fact[]>;
  /** Choose one value per key for a subject and record the read in the audit list. */
  profile(subjectId: string, options: ProfileOptions): Promise<Profile>;
  /** The audit entries of a subject, oldest first. */
  listAudit(subjectId: string): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

/** What a driver stores for a new document (the vault prepares it). */
export interface NewDocument {
  document: VaultDocument;
  facts: Fact[];
}

/** Result of {@link VaultDriver.insertDocument}. */
export interface InsertResult {
  /** `false` when a document with the same fingerprint already existed (nothing written). */
  created: boolean;
  documentId: string;
}

/**
 * Storage backend of a vault: a small plain object. `insertDocument` must be atomic: a document and
 * all of its facts are written together, or nothing is (and nothing when the fingerprint exists).
 */
export interface VaultDriver {
  readonly name: string;
  readonly capabilities: { persistent: boolean };
  insertDocument(input: NewDocument): Promise<InsertResult>;
  getDocument(id: string): Promise<VaultDocument | undefined>;
  listDocuments(subjectId: string): Promise<VaultDocument[]>;
  listSubjects(): Promise<SubjectRef[]>;
  getSubject(id: string): Promise<SubjectRef | undefined>;
  hasSubject(id: string): Promise<boolean>;
  listFacts(subjectId: string): Promise<Fact[]>;
  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(subjectId: string): Promise<AuditEntry[]>;
  close(): Promise<void>;
}
