import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SohoaError, type SubjectRef } from '@sohoa/core';
import type BetterSqlite3 from 'better-sqlite3';
import type { AuditEntry, Fact, InsertResult, NewDocument, VaultDocument, VaultDriver } from '../types';

/** Options of {@link sqliteDriver}. */
export interface SqliteDriverOptions {
  /** Database file; parent folders are created. Use `:memory:` for a throwaway database. */
  path: string;
}

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS subjects (id TEXT PRIMARY KEY, kind TEXT NOT NULL);
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
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  subject_id TEXT NOT NULL,
  at TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_subject ON audit(subject_id);
CREATE TRIGGER IF NOT EXISTS audit_append_only_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_append_only_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
`;

/**
 * SQLite vault driver (better-sqlite3, an optional peer dependency): WAL, `synchronous=FULL`, one
 * transaction per document. The file is opened on first use.
 *
 * @example
 * const vault = createVault({ driver: sqliteDriver({ path: '.sohoa/vault.db' }) });
 */
export function sqliteDriver(options: SqliteDriverOptions): VaultDriver {
  const file = options.path === ':memory:' ? options.path : resolve(options.path);
  let opening: Promise<BetterSqlite3.Database> | undefined;
  const db = () => (opening ??= openDatabase(file));

  return {
    name: 'sqlite',
    capabilities: { persistent: file !== ':memory:' },
    async insertDocument({ document, facts }: NewDocument): Promise<InsertResult> {
      const conn = await db();
      const insert = conn.transaction((): InsertResult => {
        const existing = conn.prepare('SELECT id FROM documents WHERE fingerprint = ?').get(document.fingerprint) as
          | { id: string }
          | undefined;
        if (existing) return { created: false, documentId: existing.id };
        conn
          .prepare('INSERT OR IGNORE INTO subjects (id, kind) VALUES (?, ?)')
          .run(document.subject.id, document.subject.kind);
        conn
          .prepare('INSERT INTO documents (id, fingerprint, subject_id, type, recorded_at, body) VALUES (?, ?, ?, ?, ?, ?)')
          .run(document.id, document.fingerprint, document.subject.id, document.type, document.recordedAt, JSON.stringify(document));
        const insertFact = conn.prepare('INSERT INTO facts (subject_id, document_id, key, body) VALUES (?, ?, ?, ?)');
        for (const fact of facts) insertFact.run(fact.subjectId, fact.documentId, fact.key, JSON.stringify(fact));
        return { created: true, documentId: document.id };
      });
      return insert.immediate();
    },
    async getDocument(id) {
      const row = (await db()).prepare('SELECT body FROM documents WHERE id = ?').get(id) as { body: string } | undefined;
      return row && (JSON.parse(row.body) as VaultDocument);
    },
    async listDocuments(subjectId) {
      const rows = (await db())
        .prepare('SELECT body FROM documents WHERE subject_id = ? ORDER BY rowid')
        .all(subjectId) as Array<{ body: string }>;
      return rows.map((r) => JSON.parse(r.body) as VaultDocument);
    },
    async listSubjects() {
      const rows = (await db()).prepare('SELECT id, kind FROM subjects ORDER BY rowid').all() as SubjectRef[];
      return rows.map((r) => ({ kind: r.kind, id: r.id }));
    },
    async getSubject(id) {
      const row = (await db()).prepare('SELECT id, kind FROM subjects WHERE id = ?').get(id) as SubjectRef | undefined;
      return row && { kind: row.kind, id: row.id };
    },
    async hasSubject(id) {
      return (await db()).prepare('SELECT 1 FROM subjects WHERE id = ?').get(id) !== undefined;
    },
    async listFacts(subjectId) {
      const rows = (await db()).prepare('SELECT body FROM facts WHERE subject_id = ? ORDER BY seq').all(subjectId) as Array<{
        body: string;
      }>;
      return rows.map((r) => JSON.parse(r.body) as Fact);
    },
    async appendAudit(entry: AuditEntry) {
      (await db())
        .prepare('INSERT INTO audit (subject_id, at, body) VALUES (?, ?, ?)')
        .run(entry.subjectId, entry.at, JSON.stringify(entry));
    },
    async listAudit(subjectId) {
      const rows = (await db()).prepare('SELECT body FROM audit WHERE subject_id = ? ORDER BY seq').all(subjectId) as Array<{
        body: string;
      }>;
      return rows.map((r) => JSON.parse(r.body) as AuditEntry);
    },
    async close() {
      if (!opening) return;
      const conn = await opening.catch(() => undefined);
      conn?.close();
    },
  };
}

async function openDatabase(file: string): Promise<BetterSqlite3.Database> {
  let Database: typeof BetterSqlite3;
  try {
    Database = (await import('better-sqlite3')).default;
  } catch (cause) {
    throw new SohoaError(
      'VAULT_DRIVER_MISSING',
      'The SQLite vault driver needs the `better-sqlite3` package, which is not installed; add it with `pnpm add better-sqlite3`.',
      { cause },
    );
  }
  const name = file === ':memory:' ? file : file.split(/[\\/]/).pop();
  let conn: BetterSqlite3.Database | undefined;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    conn = new Database(file);
    conn.pragma('journal_mode = WAL');
    conn.pragma('synchronous = FULL');
    conn.pragma('foreign_keys = ON');
    conn.exec(SCHEMA);
    const row = conn.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
    if (!row) conn.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION);
    else if (row.version > SCHEMA_VERSION) {
      throw new Error(`schema version ${row.version} is newer than this driver's ${SCHEMA_VERSION}`);
    }
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
