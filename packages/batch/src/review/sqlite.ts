import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { NewReviewItem, ReviewItem, ReviewQueue } from './types';

interface Row {
  id: string;
  body: string;
  status: ReviewItem['status'];
  decided_by: string | null;
  decided_at: string | null;
}

/** The review queue in the journal's SQLite database (table `review`). */
export function sqliteReviewQueue(db: BetterSqlite3.Database): ReviewQueue {
  db.exec(`CREATE TABLE IF NOT EXISTS review (
    id TEXT PRIMARY KEY, document_id TEXT NOT NULL, subject_id TEXT NOT NULL, key TEXT NOT NULL,
    status TEXT NOT NULL, body TEXT NOT NULL, decided_by TEXT, decided_at TEXT, created_at TEXT NOT NULL,
    UNIQUE (document_id, key))`);
  // The queue keeps no subject ids (found through the document); rows written before lose theirs.
  db.exec(`UPDATE review SET subject_id = '', body = json_remove(body, '$.subjectId') WHERE subject_id != ''`);
  const insert = db.prepare(
    `INSERT OR IGNORE INTO review (id, document_id, subject_id, key, status, body, created_at) VALUES (?, ?, ?, ?, 'open', ?, ?)`,
  );
  const toItem = (row: Row): ReviewItem => ({
    ...(JSON.parse(row.body) as ReviewItem),
    id: row.id,
    status: row.status,
    ...(row.decided_by ? { decidedBy: row.decided_by } : {}),
    ...(row.decided_at ? { decidedAt: row.decided_at } : {}),
  });
  const addMany = db.transaction((items: Parameters<ReviewQueue['add']>[0]) => {
    let added = 0;
    const createdAt = new Date().toISOString();
    for (const item of items) {
      const { subjectId: _subject, ...kept } = item as NewReviewItem & { subjectId?: string };
      added += insert.run(
        randomUUID(),
        item.documentId,
        '',
        item.key,
        JSON.stringify({ ...kept, createdAt }),
        createdAt,
      ).changes;
    }
    return added;
  });
  return {
    async add(items) {
      return addMany(items);
    },
    async list(filter = {}) {
      const rows = db
        .prepare<[string | null, string | null], Row & { document_id: string }>(
          'SELECT id, document_id, body, status, decided_by, decided_at FROM review WHERE (? IS NULL OR status = ?) ORDER BY created_at, id',
        )
        .all(filter.status ?? null, filter.status ?? null);
      return rows.filter((r) => !filter.documentIds || filter.documentIds.includes(r.document_id)).map(toItem);
    },
    async get(id) {
      const row = db
        .prepare<[string], Row>('SELECT id, body, status, decided_by, decided_at FROM review WHERE id = ?')
        .get(id);
      return row ? toItem(row) : undefined;
    },
    async forget(documentIds) {
      const remove = db.prepare('DELETE FROM review WHERE document_id = ?');
      return db.transaction(() => documentIds.reduce((n, id) => n + remove.run(id).changes, 0))();
    },
    async decide(id, decision) {
      db.prepare('UPDATE review SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?').run(
        decision.status,
        decision.by,
        new Date().toISOString(),
        id,
      );
    },
  };
}
