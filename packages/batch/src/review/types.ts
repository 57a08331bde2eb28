import type { Box } from '@sohoa/core';

/** Why a field needs a person's look. */
export type ReviewReason = 'low-confidence' | 'cross-check-failed';

/** One field waiting for an officer: where it was read, never its value (the vault holds that). */
export interface ReviewItem {
  id: string;
  /** The vault document the field is in; its subject is found through it (the queue keeps no subject ids). */
  documentId: string;
  key: string;
  /** Source file and where on it the value was read, for the evidence crop. */
  file: string;
  sha256: string;
  page?: number;
  box?: Box;
  confidence: number;
  reason: ReviewReason;
  /** The diagnostic code behind a `cross-check-failed`. */
  code?: string;
  status: 'open' | 'accepted' | 'corrected';
  decidedBy?: string;
  decidedAt?: string;
  createdAt: string;
}

export type NewReviewItem = Omit<ReviewItem, 'id' | 'status' | 'createdAt' | 'decidedBy' | 'decidedAt'>;

/** The review queue: fields below the confidence threshold and failed cross-checks, per document. */
export interface ReviewQueue {
  /** Adds items; an item for the same document and key is not added twice. Returns how many were new. */
  add(items: NewReviewItem[]): Promise<number>;
  /** Items, optionally only those of some documents (a subject's: `vault.listDocuments(id)`). */
  list(filter?: { status?: ReviewItem['status']; documentIds?: string[] }): Promise<ReviewItem[]>;
  get(id: string): Promise<ReviewItem | undefined>;
  decide(id: string, decision: { status: 'accepted' | 'corrected'; by: string }): Promise<void>;
  /** Deletes the items of these documents (an erased subject's); returns how many went. */
  forget(documentIds: string[]): Promise<number>;
}
