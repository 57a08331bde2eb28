import { memoryReviewQueue } from '../review/memory';
import type { Journal, JournalEntry } from './types';

/** A journal kept in memory: for tests and one-off runs that need no resume. */
export function memoryJournal(now: () => Date = () => new Date()): Journal {
  const rows = new Map<string, JournalEntry>();
  const update = (sha256: string, patch: Partial<JournalEntry>) => {
    const row = rows.get(sha256);
    if (row) rows.set(sha256, { ...row, ...patch, updatedAt: now().toISOString() });
  };
  const review = memoryReviewQueue(now);
  return {
    async get(sha256) {
      const row = rows.get(sha256);
      return row ? { ...row } : undefined;
    },
    async start(sha256, file) {
      const prev = rows.get(sha256);
      const row: JournalEntry = {
        sha256,
        file,
        state: 'started',
        attempts: (prev?.attempts ?? 0) + 1,
        updatedAt: now().toISOString(),
      };
      rows.set(sha256, row);
      return { ...row };
    },
    async finish(sha256, result) {
      update(sha256, {
        state: 'done',
        ...(result.documentId ? { documentId: result.documentId } : {}),
        outcome: result.outcome,
        errorCode: undefined,
        errorMessage: undefined,
      });
    },
    async fail(sha256, error, park) {
      update(sha256, { state: park ? 'parked' : 'failed', errorCode: error.code, errorMessage: error.message });
    },
    async entries() {
      return [...rows.values()].map((r) => ({ ...r }));
    },
    async forget({ documentIds, sha256 }) {
      const gone = [...rows.values()].filter(
        (r) => sha256.includes(r.sha256) || (r.documentId !== undefined && documentIds.includes(r.documentId)),
      );
      for (const r of gone) rows.delete(r.sha256);
      await review.forget(documentIds);
      return gone.length;
    },
    review,
    async close() {},
  };
}
