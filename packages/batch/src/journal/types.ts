import type { ReviewQueue } from '../review/types';

/** State of one input file in a batch journal, keyed by the file's SHA-256. */
export type JournalState = 'started' | 'done' | 'failed' | 'parked';

export interface JournalEntry {
  sha256: string;
  /** Path as given when the file was last seen (file names are not personal data by convention here). */
  file: string;
  state: JournalState;
  /** How many times processing started. */
  attempts: number;
  /** Vault document id, once done. */
  documentId?: string;
  /** Outcome when done: `stored`, `unchanged` or `extracted`. */
  outcome?: string;
  /** Stable error code of the last failure. */
  errorCode?: string;
  errorMessage?: string;
  updatedAt: string;
}

/**
 * Durable record of each file's progress, so a batch killed at any point resumes where it was:
 * a file is `started` before work begins and `done` only after the vault has committed it.
 */
export interface Journal {
  get(sha256: string): Promise<JournalEntry | undefined>;
  /** Marks a file started and counts the attempt; returns the updated entry. */
  start(sha256: string, file: string): Promise<JournalEntry>;
  finish(sha256: string, result: { documentId?: string; outcome: string }): Promise<void>;
  fail(sha256: string, error: { code: string; message: string }, park: boolean): Promise<void>;
  entries(): Promise<JournalEntry[]>;
  /**
   * Deletes every trace of an erased subject's files: the entries of these documents or of these
   * source files (SHA-256), and their review items. Returns how many entries went.
   */
  forget(what: { documentIds: string[]; sha256: string[] }): Promise<number>;
  /** Fields waiting for an officer, kept with the journal. */
  review: ReviewQueue;
  close(): Promise<void>;
}
