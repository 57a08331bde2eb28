import { resolve } from 'node:path';
import { createPrivateFile, importOptionalPeer, SohoaError } from '@sohoa/core';
import type BetterSqlite3 from 'better-sqlite3';
import { sqliteReviewQueue } from '../review/sqlite';
import type { Journal, JournalEntry, JournalState } from './types';

export interface SqliteJournalOptions {
  /** Journal file, e.g. beside the vault: `vault.db.journal.db`. Parent folders are created. */
  path: string;
}

interface Row {
  sha256: string;
  file: string;
  state: JournalState;
  attempts: number;
  document_id: string | null;
  outcome: string | null;
  error_code: string | null;
  error_message: string | null;
  updated_at: string;
}

function toEntry(row: Row): JournalEntry {
  return {
    sha256: row.sha256,
    file: row.file,
    state: row.state,
    attempts: row.attempts,
    updatedAt: row.updated_at,
    ...(row.document_id ? { documentId: row.document_id } : {}),
    ...(row.outcome ? { outcome: row.outcome } : {}),
    ...(row.error_code ? { errorCode: row.error_code } : {}),
    ...(row.error_message ? { errorMessage: row.error_message } : {}),
  };
}

/**
 * A journal in a SQLite file (better-sqlite3, optional peer): WAL with `synchronous=FULL`, so a state
 * written before a crash is there after it.
 */
export async function sqliteJournal(options: SqliteJournalOptions): Promise<Journal> {
  const { default: Database } = await importOptionalPeer(
    () => import('better-sqlite3'),
    'VAULT_DRIVER_MISSING',
    'The SQLite journal needs the `better-sqlite3` package: install it next to `@sohoa/batch`.',
  );
  const file = resolve(options.path);
  let db: BetterSqlite3.Database;
  try {
    // 0600 before SQLite opens it (paths and document ids); its `-wal` and `-shm` inherit the mode.
    createPrivateFile(file);
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.exec(`CREATE TABLE IF NOT EXISTS files (
      sha256 TEXT PRIMARY KEY, file TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL,
      document_id TEXT, outcome TEXT, error_code TEXT, error_message TEXT, updated_at TEXT NOT NULL)`);
  } catch (cause) {
    throw new SohoaError(
      'BATCH_JOURNAL_FAILED',
      `Cannot open the batch journal \`${options.path}\`: it is not a journal database or not writable.`,
      { cause },
    );
  }
  const now = () => new Date().toISOString();
  const get = db.prepare<[string], Row>('SELECT * FROM files WHERE sha256 = ?');
  const start = db.prepare(`INSERT INTO files (sha256, file, state, attempts, updated_at) VALUES (?, ?, 'started', 1, ?)
    ON CONFLICT(sha256) DO UPDATE SET file = excluded.file, state = 'started', attempts = attempts + 1, updated_at = excluded.updated_at`);
  const finish = db.prepare(
    `UPDATE files SET state = 'done', document_id = ?, outcome = ?, error_code = NULL, error_message = NULL, updated_at = ? WHERE sha256 = ?`,
  );
  const fail = db.prepare(
    `UPDATE files SET state = ?, error_code = ?, error_message = ?, updated_at = ? WHERE sha256 = ?`,
  );
  const all = db.prepare<[], Row>('SELECT * FROM files ORDER BY updated_at, sha256');
  const review = sqliteReviewQueue(db);
  return {
    async get(sha256) {
      const row = get.get(sha256);
      return row ? toEntry(row) : undefined;
    },
    async start(sha256, path) {
      start.run(sha256, path, now());
      return toEntry(get.get(sha256)!);
    },
    async finish(sha256, result) {
      finish.run(result.documentId ?? null, result.outcome, now(), sha256);
    },
    async fail(sha256, error, park) {
      fail.run(park ? 'parked' : 'failed', error.code, error.message, now(), sha256);
    },
    async entries() {
      return all.all().map(toEntry);
    },
    async forget({ documentIds, sha256 }) {
      const bySha = db.prepare('DELETE FROM files WHERE sha256 = ?');
      const byDocument = db.prepare('DELETE FROM files WHERE document_id = ?');
      const gone = db.transaction(
        () =>
          sha256.reduce((n, s) => n + bySha.run(s).changes, 0) +
          documentIds.reduce((n, d) => n + byDocument.run(d).changes, 0),
      )();
      await review.forget(documentIds);
      // secure_delete zeroed the freed cells; the checkpoint writes them back and empties the WAL.
      db.pragma('wal_checkpoint(TRUNCATE)');
      return gone;
    },
    review,
    async close() {
      if (db.open) db.close();
    },
  };
}
