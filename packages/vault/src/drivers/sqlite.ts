import { resolve } from 'node:path';
import { createPrivateFile, importOptionalPeer, SohoaError } from '@sohoa/core';
import type BetterSqlite3 from 'better-sqlite3';
import * as sqlRow from '../internal/sql-rows';
import type { StoredAudit, StoredDocument, StoredDossier, StoredFact, VaultDriver } from '../driver';

/** Options of {@link sqliteDriver}. */
export interface SqliteDriverOptions {
  /** Database file; parent folders are created. Use `:memory:` for a throwaway database. */
  path: string;
  /**
   * Flush every read's audit entry to disk before the read returns (`synchronous=FULL`), as every other
   * write is. Default `false`: read entries are committed with `synchronous=NORMAL` (they survive a
   * crash of the process, a power loss can drop the last ones; see docs/privacy.md).
   */
  durableReads?: boolean;
}

const SCHEMA_VERSION = 4;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS subjects (id TEXT PRIMARY KEY, kind TEXT NOT NULL, wrapped_key TEXT, sealed_ref TEXT);
CREATE TABLE IF NOT EXISTS subject_tags (subject_id TEXT PRIMARY KEY, tag TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL UNIQUE,
  subject_id TEXT NOT NULL REFERENCES subjects(id),
  type TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_subject ON documents(subject_id);
CREATE TABLE IF NOT EXISTS facts (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  subject_id TEXT NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents(id),
  key TEXT NOT NULL,
  body TEXT NOT NULL,
  UNIQUE (document_id, key)
);
CREATE INDEX IF NOT EXISTS facts_subject ON facts(subject_id);
CREATE TABLE IF NOT EXISTS dossiers (
  code TEXT PRIMARY KEY,
  subject_id TEXT NOT NULL REFERENCES subjects(id),
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dossiers_subject ON dossiers(subject_id);
CREATE TABLE IF NOT EXISTS grants (id TEXT PRIMARY KEY, subject_id TEXT NOT NULL, body TEXT NOT NULL, revoked_at TEXT);
CREATE INDEX IF NOT EXISTS grants_subject ON grants(subject_id);
CREATE TABLE IF NOT EXISTS audit_log (seq INTEGER PRIMARY KEY, subject_tag TEXT, body TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_log_subject ON audit_log(subject_tag);
CREATE TRIGGER IF NOT EXISTS audit_log_append_only_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_append_only_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TABLE IF NOT EXISTS counters (scope TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS copies (
  doc_code TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  agency TEXT NOT NULL,
  kind TEXT NOT NULL,
  number INTEGER NOT NULL,
  version INTEGER NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  stored_at TEXT,
  sha256 TEXT,
  size INTEGER,
  location TEXT,
  page_count INTEGER,
  source_sha256 TEXT,
  signed INTEGER,
  replaced_by TEXT,
  UNIQUE (document_id, version),
  UNIQUE (agency, kind, number, version)
);
CREATE INDEX IF NOT EXISTS copies_sha256 ON copies(sha256);
`;

/** Schema 1 (the foundation) stored plain JSON bodies and an unchained audit list. */
const MIGRATE_1_TO_2 = `
ALTER TABLE subjects ADD COLUMN wrapped_key TEXT;
UPDATE documents SET body = 'p1:' || body;
UPDATE facts SET body = 'p1:' || json_set(body, '$.id', document_id || '/' || key);
ALTER TABLE audit RENAME TO audit_v1_unchained;
`;

/* Schema 3 had no running numbers nor copies (issue 14): schema 4 adds the tables only (CREATE … IF NOT EXISTS). */

/** Schema 2 stored subject ids in clear; the vault moves them to a blind index when it has a master key. */
const MIGRATE_2_TO_3 = 'ALTER TABLE subjects ADD COLUMN sealed_ref TEXT;';
const MARK_CLEAR_IDS = "INSERT OR IGNORE INTO meta (key, value) VALUES ('subject-ids', 'clear');";

/**
 * SQLite vault driver (better-sqlite3, an optional peer dependency): WAL, `synchronous=FULL`
 * (`NORMAL` for the audit entries of reads unless `durableReads`), `secure_delete=ON`, one
 * transaction per document. The file is opened on first use. Erasure
 * checkpoints and truncates the WAL, so no copy of an erased row stays in `-wal`.
 *
 * @example
 * const vault = createVault({ driver: sqliteDriver({ path: '.sohoa/vault.db' }), masterKey });
 */
export function sqliteDriver(options: SqliteDriverOptions): VaultDriver {
  const durableReads = options.durableReads === true;
  const file = options.path === ':memory:' ? options.path : resolve(options.path);
  let opening: Promise<BetterSqlite3.Database> | undefined;
  const db = () => (opening ??= openDatabase(file));
  const statements = new Map<string, BetterSqlite3.Statement>();
  const sql = async (text: string) => {
    const conn = await db();
    let s = statements.get(text);
    if (!s) statements.set(text, (s = conn.prepare(text)));
    return s;
  };

  return {
    name: 'sqlite',
    capabilities: { persistent: file !== ':memory:' },
    ...(file !== ':memory:' && { file }),
    meta: (async (key: string, init?: () => string) => {
      if (init) (await sql('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)')).run(key, init());
      return ((await sql('SELECT value FROM meta WHERE key = ?')).get(key) as { value: string } | undefined)?.value;
    }) as VaultDriver['meta'],
    async setMeta(key, value) {
      if (value === undefined) (await sql('DELETE FROM meta WHERE key = ?')).run(key);
      else
        (
          await sql(
            'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
          )
        ).run(key, value);
    },
    async subjectTag(subjectId, init) {
      if (init)
        (await sql('INSERT OR IGNORE INTO subject_tags (subject_id, tag) VALUES (?, ?)')).run(subjectId, init());
      return (
        (await sql('SELECT tag FROM subject_tags WHERE subject_id = ?')).get(subjectId) as { tag: string } | undefined
      )?.tag;
    },
    async reindexSubject(fromId, to) {
      const conn = await db();
      const next = to.subject;
      conn
        .transaction(() => {
          // A subject named only by grants or its pseudonym (no document yet) has no row: those move alone.
          const hasRow = conn.prepare('SELECT id FROM subjects WHERE id = ?').get(fromId) !== undefined;
          if (hasRow) {
            conn
              .prepare('INSERT INTO subjects (id, kind, wrapped_key, sealed_ref) VALUES (?, ?, ?, ?)')
              .run(next.id, next.kind, next.wrappedKey ?? null, next.sealedRef ?? null);
            for (const table of ['documents', 'facts', 'dossiers'])
              conn.prepare(`UPDATE ${table} SET subject_id = ? WHERE subject_id = ?`).run(next.id, fromId);
          }
          conn
            .prepare(
              "UPDATE grants SET subject_id = ?, body = json_set(body, '$.subject', ?, '$.subjectSealed', ?) WHERE subject_id = ?",
            )
            .run(next.id, next.id, to.grantSubject, fromId);
          const tag =
            to.tag ??
            (
              conn.prepare('SELECT tag FROM subject_tags WHERE subject_id = ?').get(fromId) as
                | { tag: string }
                | undefined
            )?.tag;
          conn.prepare('DELETE FROM subject_tags WHERE subject_id IN (?, ?)').run(fromId, next.id);
          if (tag !== undefined)
            conn.prepare('INSERT INTO subject_tags (subject_id, tag) VALUES (?, ?)').run(next.id, tag);
          if (hasRow) conn.prepare('DELETE FROM subjects WHERE id = ?').run(fromId);
        })
        .immediate();
      conn.pragma('wal_checkpoint(TRUNCATE)');
    },
    async listOrphanSubjectIds() {
      const q =
        "SELECT subject_id AS id FROM grants WHERE subject_id <> '*' UNION SELECT subject_id FROM subject_tags EXCEPT SELECT id FROM subjects ORDER BY 1";
      return ((await sql(q)).all() as Array<{ id: string }>).map((r) => r.id);
    },
    async ensureSubject(subject) {
      (await sql('INSERT OR IGNORE INTO subjects (id, kind, wrapped_key, sealed_ref) VALUES (?, ?, ?, ?)')).run(
        subject.id,
        subject.kind,
        subject.wrappedKey ?? null,
        subject.sealedRef ?? null,
      );
      return sqlRow.toSubject(
        (await sql('SELECT id, kind, wrapped_key, sealed_ref FROM subjects WHERE id = ?')).get(subject.id) as never,
      );
    },
    async getSubject(id) {
      const row = (await sql('SELECT id, kind, wrapped_key, sealed_ref FROM subjects WHERE id = ?')).get(id);
      return row ? sqlRow.toSubject(row as never) : undefined;
    },
    async listSubjects() {
      return (
        (await sql('SELECT id, kind, wrapped_key, sealed_ref FROM subjects ORDER BY rowid')).all() as never[]
      ).map(sqlRow.toSubject);
    },
    async setWrappedKey(id, wrappedKey) {
      (await sql('UPDATE subjects SET wrapped_key = ? WHERE id = ?')).run(wrappedKey, id);
    },
    async insertDocument({ document, facts }) {
      const conn = await db();
      const find = await sql('SELECT id FROM documents WHERE fingerprint = ?');
      const insertDoc = await sql(
        'INSERT INTO documents (id, fingerprint, subject_id, type, recorded_at, body) VALUES (?, ?, ?, ?, ?, ?)',
      );
      const insertFact = await sql('INSERT INTO facts (subject_id, document_id, key, body) VALUES (?, ?, ?, ?)');
      const insert = conn.transaction(() => {
        const existing = find.get(document.fingerprint) as { id: string } | undefined;
        if (existing) return { created: false, documentId: existing.id };
        insertDoc.run(
          document.id,
          document.fingerprint,
          document.subjectId,
          document.type,
          document.recordedAt,
          document.body,
        );
        for (const f of facts) insertFact.run(f.subjectId, f.documentId, f.key, f.body);
        return { created: true, documentId: document.id };
      });
      return insert.immediate();
    },
    async replaceBodies(subjectId, rows) {
      const conn = await db();
      const doc = await sql('UPDATE documents SET body = ? WHERE id = ? AND subject_id = ?');
      const fact = await sql('UPDATE facts SET body = ? WHERE document_id = ? AND key = ? AND subject_id = ?');
      const dossier = await sql('UPDATE dossiers SET body = ? WHERE code = ? AND subject_id = ?');
      conn
        .transaction(() => {
          for (const d of rows.documents) doc.run(d.body, d.id, subjectId);
          for (const f of rows.facts) fact.run(f.body, f.documentId, f.key, subjectId);
          for (const d of rows.dossiers) dossier.run(d.body, d.code, subjectId);
        })
        .immediate();
    },
    async moveDocument({ document, facts }) {
      const conn = await db();
      const update = await sql('UPDATE documents SET subject_id = ?, type = ?, body = ? WHERE id = ?');
      const dropFacts = await sql('DELETE FROM facts WHERE document_id = ?');
      const insertFact = await sql('INSERT INTO facts (subject_id, document_id, key, body) VALUES (?, ?, ?, ?)');
      const move = conn.transaction(() => {
        if (update.run(document.subjectId, document.type, document.body, document.id).changes === 0) return false;
        dropFacts.run(document.id);
        for (const f of facts) insertFact.run(f.subjectId, f.documentId, f.key, f.body);
        return true;
      });
      return move.immediate();
    },
    async getDocument(id) {
      const row = (
        await sql('SELECT id, fingerprint, subject_id, type, recorded_at, body FROM documents WHERE id = ?')
      ).get(id);
      return row ? toDocument(row as never) : undefined;
    },
    async listDocuments(subjectId) {
      const rows = (
        await sql(
          'SELECT id, fingerprint, subject_id, type, recorded_at, body FROM documents WHERE subject_id = ? ORDER BY rowid',
        )
      ).all(subjectId);
      return (rows as never[]).map(toDocument);
    },
    async listFacts(subjectId) {
      const rows = (
        await sql('SELECT subject_id, document_id, key, body FROM facts WHERE subject_id = ? ORDER BY seq')
      ).all(subjectId) as Array<{
        subject_id: string;
        document_id: string;
        key: string;
        body: string;
      }>;
      return rows.map(
        (r): StoredFact => ({ subjectId: r.subject_id, documentId: r.document_id, key: r.key, body: r.body }),
      );
    },
    async putDossier(d, expected) {
      if (expected === null)
        return (
          (
            await sql('INSERT INTO dossiers (code, subject_id, body) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING')
          ).run(d.code, d.subjectId, d.body).changes === 1
        );
      if (expected)
        return (
          (await sql('UPDATE dossiers SET subject_id = ?, body = ? WHERE code = ? AND body = ?')).run(
            d.subjectId,
            d.body,
            d.code,
            expected.body,
          ).changes === 1
        );
      (
        await sql(
          'INSERT INTO dossiers (code, subject_id, body) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET subject_id = excluded.subject_id, body = excluded.body',
        )
      ).run(d.code, d.subjectId, d.body);
      return true;
    },
    async getDossier(code) {
      const row = (await sql('SELECT code, subject_id, body FROM dossiers WHERE code = ?')).get(code) as
        | { code: string; subject_id: string; body: string }
        | undefined;
      return row && { code: row.code, subjectId: row.subject_id, body: row.body };
    },
    async listDossiers(subjectId) {
      const rows = (await sql('SELECT code, subject_id, body FROM dossiers WHERE subject_id = ? ORDER BY rowid')).all(
        subjectId,
      ) as Array<{ code: string; subject_id: string; body: string }>;
      return rows.map((r): StoredDossier => ({ code: r.code, subjectId: r.subject_id, body: r.body }));
    },
    async insertGrant(grant) {
      const { revokedAt, ...body } = grant;
      (await sql('INSERT INTO grants (id, subject_id, body, revoked_at) VALUES (?, ?, ?, ?)')).run(
        grant.id,
        grant.subject,
        JSON.stringify(body),
        revokedAt ?? null,
      );
    },
    async getGrant(id) {
      const row = (await sql('SELECT body, revoked_at FROM grants WHERE id = ?')).get(id);
      return row ? sqlRow.toGrant(row as never) : undefined;
    },
    async listGrants(subjectId) {
      return (
        (await sql("SELECT body, revoked_at FROM grants WHERE subject_id IN (?, '*') ORDER BY rowid")).all(
          subjectId,
        ) as never[]
      ).map(sqlRow.toGrant);
    },
    async setGrantRevoked(id, at) {
      (await sql('UPDATE grants SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')).run(at, id);
    },
    async appendAudit(build, options) {
      const conn = await db();
      const last = await sql('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
      const insert = await sql('INSERT INTO audit_log (seq, subject_tag, body, hash) VALUES (?, ?, ?, ?)');
      const initTag = await sql('INSERT OR IGNORE INTO subject_tags (subject_id, tag) VALUES (?, ?)');
      const readTag = await sql('SELECT tag FROM subject_tags WHERE subject_id = ?');
      const append = conn.transaction((): StoredAudit => {
        const subject = options?.subject;
        if (subject) initTag.run(subject.id, subject.initTag());
        const tag = subject && (readTag.get(subject.id) as { tag: string }).tag;
        const row = build(last.get() as { seq: number; hash: string } | undefined, tag);
        insert.run(row.seq, row.subjectTag ?? null, row.body, row.hash);
        return row;
      });
      if (!options?.deferFlush || durableReads) return append.immediate();
      // A read entry: committed to the WAL without an fsync (synchronous=NORMAL for this commit only).
      // The WAL is append-only and recovered up to its last valid commit, so a power loss can drop a
      // tail of read entries but never an earlier commit; the next FULL commit or checkpoint flushes them.
      (await sql('PRAGMA synchronous = NORMAL')).run();
      try {
        return append.immediate();
      } finally {
        (await sql('PRAGMA synchronous = FULL')).run();
      }
    },
    async listAudit(subjectTag) {
      const rows = (
        subjectTag === undefined
          ? (await sql('SELECT seq, subject_tag, body, hash FROM audit_log ORDER BY seq')).all()
          : (await sql('SELECT seq, subject_tag, body, hash FROM audit_log WHERE subject_tag = ? ORDER BY seq')).all(
              subjectTag,
            )
      ) as Array<{ seq: number; subject_tag: string | null; body: string; hash: string }>;
      return rows.map((r) => ({
        seq: r.seq,
        ...(r.subject_tag !== null && { subjectTag: r.subject_tag }),
        body: r.body,
        hash: r.hash,
      }));
    },
    async eraseSubject(id) {
      const conn = await db();
      const counts = conn
        .transaction(() => {
          const copies = conn
            .prepare('DELETE FROM copies WHERE document_id IN (SELECT id FROM documents WHERE subject_id = ?)')
            .run(id).changes;
          const facts = conn.prepare('DELETE FROM facts WHERE subject_id = ?').run(id).changes;
          const dossiers = conn.prepare('DELETE FROM dossiers WHERE subject_id = ?').run(id).changes;
          const documents = conn.prepare('DELETE FROM documents WHERE subject_id = ?').run(id).changes;
          conn.prepare('DELETE FROM grants WHERE subject_id = ?').run(id);
          conn.prepare('DELETE FROM subjects WHERE id = ?').run(id);
          conn.prepare('DELETE FROM subject_tags WHERE subject_id = ?').run(id);
          return { documents, facts, dossiers, copies };
        })
        .immediate();
      // secure_delete zeroed the freed cells in the pages; the checkpoint moves them into the file
      // and truncates the WAL, which still held the pages as they were before the delete.
      conn.pragma('wal_checkpoint(TRUNCATE)');
      return counts;
    },
    async nextSequence(scope) {
      // One statement: the write lock makes the increment and the read one step across processes.
      const row = (
        await sql(
          'INSERT INTO counters (scope, value) VALUES (?, 1) ON CONFLICT (scope) DO UPDATE SET value = value + 1 RETURNING value',
        )
      ).get(scope) as { value: number };
      return row.value;
    },
    async insertCopy(c) {
      return (
        (
          await sql(
            `INSERT INTO copies (${sqlRow.COPY_COLUMNS}) VALUES (${sqlRow.COPY_COLUMNS.split(',')
              .map(() => '?')
              .join(', ')}) ON CONFLICT DO NOTHING`,
          )
        ).run(...sqlRow.copyValues(c)).changes === 1
      );
    },
    async storeCopy(c, replaces) {
      const conn = await db();
      const store = await sql(
        `UPDATE copies SET status = 'stored', ${sqlRow.STORED_COPY_COLUMNS.map((col) => `${col} = ?`).join(', ')} WHERE doc_code = ? AND status = 'reserved'`,
      );
      const replace = await sql('UPDATE copies SET replaced_by = ? WHERE doc_code = ?');
      return conn
        .transaction(() => {
          const changed = store.run(...sqlRow.storedCopyValues(c), c.docCode).changes === 1;
          if (changed && replaces !== undefined) replace.run(c.docCode, replaces);
          return changed;
        })
        .immediate();
    },
    async getCopy(docCode) {
      const row = (await sql(`SELECT ${sqlRow.COPY_COLUMNS} FROM copies WHERE doc_code = ?`)).get(docCode);
      return row ? sqlRow.toCopy(row as sqlRow.CopyRow) : undefined;
    },
    async listCopies(query) {
      const rows =
        'documentId' in query
          ? (await sql(`SELECT ${sqlRow.COPY_COLUMNS} FROM copies WHERE document_id = ? ORDER BY version`)).all(
              query.documentId,
            )
          : (await sql(`SELECT ${sqlRow.COPY_COLUMNS} FROM copies WHERE sha256 = ? ORDER BY version`)).all(
              query.sha256,
            );
      return (rows as sqlRow.CopyRow[]).map(sqlRow.toCopy);
    },
    async listSubjectCopies(subjectId) {
      const rows = (
        await sql(
          `SELECT ${sqlRow.COPY_COLUMNS} FROM copies WHERE document_id IN (SELECT id FROM documents WHERE subject_id = ?) ORDER BY rowid`,
        )
      ).all(subjectId);
      return (rows as sqlRow.CopyRow[]).map(sqlRow.toCopy);
    },
    async close() {
      if (!opening) return;
      statements.clear();
      const conn = await opening.catch(() => undefined);
      conn?.close();
    },
  };
}

function toDocument(r: {
  id: string;
  fingerprint: string;
  subject_id: string;
  type: string;
  recorded_at: string;
  body: string;
}): StoredDocument {
  return {
    id: r.id,
    fingerprint: r.fingerprint,
    subjectId: r.subject_id,
    type: r.type,
    recordedAt: r.recorded_at,
    body: r.body,
  };
}

async function openDatabase(file: string): Promise<BetterSqlite3.Database> {
  const { default: Database } = await importOptionalPeer(
    () => import('better-sqlite3'),
    'VAULT_DRIVER_MISSING',
    'The SQLite vault driver needs the `better-sqlite3` package, which is not installed; add it with `pnpm add better-sqlite3`.',
  );
  const name = file === ':memory:' ? file : file.split(/[\\/]/).pop();
  let conn: BetterSqlite3.Database | undefined;
  try {
    // Created 0600 before SQLite opens it; SQLite gives `-wal`, `-shm` and `-journal` the file's mode.
    if (file !== ':memory:') createPrivateFile(file);
    conn = new Database(file);
    conn.pragma('journal_mode = WAL');
    conn.pragma('synchronous = FULL');
    conn.pragma('foreign_keys = ON');
    conn.pragma('secure_delete = ON');
    conn.pragma('busy_timeout = 5000');
    // Checkpoint the WAL every ~40 MB instead of 4 MB: each checkpoint flushes twice, and every read appends
    // to the WAL; ten times fewer (larger, deduplicated) checkpoints keep them out of all but the slowest reads.
    conn.pragma('wal_autocheckpoint = 10000');
    const open = conn;
    open
      .transaction(() => {
        const hasVersion = open
          .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
          .get();
        const row = hasVersion
          ? (open.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined)
          : undefined;
        if (row && row.version > SCHEMA_VERSION) {
          throw new Error(`schema version ${row.version} is newer than this driver's ${SCHEMA_VERSION}; upgrade sohoa`);
        }
        if (row?.version === 1) open.exec(MIGRATE_1_TO_2);
        if (row && row.version < 3) open.exec(MIGRATE_2_TO_3);
        open.exec(SCHEMA);
        if (row && row.version < 3) open.exec(MARK_CLEAR_IDS);
        if (!row) open.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION);
        else if (row.version < SCHEMA_VERSION)
          open.prepare('UPDATE schema_version SET version = ?').run(SCHEMA_VERSION);
      })
      .immediate();
    return conn;
  } catch (cause) {
    conn?.close();
    throw new SohoaError(
      'VAULT_OPEN_FAILED',
      `Could not open the SQLite vault \`${name}\`: ${reason(cause)}. Check that the path is a writable file (not a folder) created by sohoa, or choose another path.`,
      { cause, details: { file: name } },
    );
  }
}

function reason(cause: unknown): string {
  const code = (cause as { code?: unknown })?.code;
  if (code === 'SQLITE_NOTADB') return 'the file is not a SQLite database';
  if (code === 'SQLITE_CANTOPEN') return 'the file cannot be opened';
  if (code === 'SQLITE_READONLY' || code === 'EACCES' || code === 'EROFS') return 'the file or folder is not writable';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a parent of the path is not a folder';
  return cause instanceof Error && !('code' in cause) ? cause.message : `error ${String(code ?? 'unknown')}`;
}
