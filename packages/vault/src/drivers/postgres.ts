import { SohoaError } from '@sohoa/core';
import type { Pool, PoolClient, PoolConfig } from 'pg';
import * as sqlRow from '../internal/sql-rows';
import type { StoredAudit, StoredDocument, StoredFact, VaultDriver } from '../driver';

/** Options of {@link postgresDriver}. */
export interface PostgresDriverOptions {
  /** `postgres://user@host:5432/db`; ignored when `pool` is given. */
  connectionString?: string;
  /** Bring your own `pg.Pool` (it is not ended by `close()`). */
  pool?: Pool;
  /** Extra pool settings when the driver creates the pool. @default { max: 4 } */
  poolConfig?: PoolConfig;
  /** Schema holding the vault's tables; created when missing. @default 'sohoa' */
  schema?: string;
}

const SCHEMA_VERSION = 4;

function ddl(s: string): string {
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.schema_version (version integer NOT NULL);
CREATE TABLE IF NOT EXISTS ${s}.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS ${s}.subjects (seq bigserial UNIQUE, id text PRIMARY KEY, kind text NOT NULL, wrapped_key text, sealed_ref text);
ALTER TABLE ${s}.subjects ADD COLUMN IF NOT EXISTS sealed_ref text;
CREATE TABLE IF NOT EXISTS ${s}.subject_tags (subject_id text PRIMARY KEY, tag text NOT NULL);
CREATE TABLE IF NOT EXISTS ${s}.documents (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  fingerprint text NOT NULL UNIQUE,
  subject_id text NOT NULL REFERENCES ${s}.subjects(id),
  type text NOT NULL,
  recorded_at text NOT NULL,
  body text NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_subject ON ${s}.documents(subject_id);
CREATE TABLE IF NOT EXISTS ${s}.facts (
  seq bigserial PRIMARY KEY,
  subject_id text NOT NULL,
  document_id text NOT NULL REFERENCES ${s}.documents(id),
  key text NOT NULL,
  body text NOT NULL,
  UNIQUE (document_id, key)
);
CREATE INDEX IF NOT EXISTS facts_subject ON ${s}.facts(subject_id);
CREATE TABLE IF NOT EXISTS ${s}.dossiers (seq bigserial UNIQUE, code text PRIMARY KEY, subject_id text NOT NULL REFERENCES ${s}.subjects(id), body text NOT NULL);
CREATE INDEX IF NOT EXISTS dossiers_subject ON ${s}.dossiers(subject_id);
CREATE TABLE IF NOT EXISTS ${s}.grants (seq bigserial UNIQUE, id text PRIMARY KEY, subject_id text NOT NULL, body text NOT NULL, revoked_at text);
CREATE INDEX IF NOT EXISTS grants_subject ON ${s}.grants(subject_id);
CREATE TABLE IF NOT EXISTS ${s}.audit_log (seq bigint PRIMARY KEY, subject_tag text, body text NOT NULL, hash text NOT NULL);
CREATE INDEX IF NOT EXISTS audit_log_subject ON ${s}.audit_log(subject_tag);
CREATE OR REPLACE FUNCTION ${s}.audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'audit is append-only'; END $$;
DROP TRIGGER IF EXISTS audit_log_append_only ON ${s}.audit_log;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON ${s}.audit_log
  FOR EACH ROW EXECUTE FUNCTION ${s}.audit_append_only();
CREATE TABLE IF NOT EXISTS ${s}.counters (scope text PRIMARY KEY, value bigint NOT NULL);
CREATE TABLE IF NOT EXISTS ${s}.copies (
  seq bigserial UNIQUE,
  doc_code text PRIMARY KEY,
  document_id text NOT NULL REFERENCES ${s}.documents(id),
  agency text NOT NULL,
  kind text NOT NULL,
  number integer NOT NULL,
  version integer NOT NULL,
  status text NOT NULL,
  created_at text NOT NULL,
  stored_at text,
  sha256 text,
  size bigint,
  location text,
  page_count integer,
  source_sha256 text,
  signed smallint,
  replaced_by text,
  UNIQUE (document_id, version),
  UNIQUE (agency, kind, number, version)
);
CREATE INDEX IF NOT EXISTS copies_sha256 ON ${s}.copies(sha256);
`;
}

/**
 * PostgreSQL vault driver (`pg`, an optional peer dependency) for many processes on many machines:
 * one transaction per document, the audit chain appended under a transaction-scoped advisory lock.
 *
 * @example
 * const vault = createVault({ driver: postgresDriver({ connectionString: process.env.DATABASE_URL }), masterKey });
 */
export function postgresDriver(options: PostgresDriverOptions): VaultDriver {
  const schemaName = options.schema ?? 'sohoa';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schemaName)) {
    throw new SohoaError(
      'VAULT_OPEN_FAILED',
      `The PostgreSQL schema name \`${schemaName}\` is not a plain lower-case identifier; use letters, digits and \`_\`.`,
    );
  }
  const s = `"${schemaName}"`;
  let ready: Promise<Pool> | undefined;
  const pool = () => (ready ??= openPool(options, s));
  // Serialises audit appends across processes; the number is derived from the schema name.
  const auditLock = `hashtext('sohoa-audit:${schemaName}')`;

  async function query<R>(text: string, values: unknown[] = []): Promise<R[]> {
    return (await (await pool()).query(text, values)).rows as R[];
  }
  async function tx<T>(fn: (c: PoolClient) => Promise<T>): Promise<T> {
    const client = await (await pool()).connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  /** One statement for all facts of a document (arrays unnested), inside the caller's transaction. */
  async function insertFacts(c: PoolClient, facts: readonly StoredFact[]): Promise<void> {
    await c.query(
      `INSERT INTO ${s}.facts (subject_id, document_id, key, body) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
      [
        facts.map((f) => f.subjectId),
        facts.map((f) => f.documentId),
        facts.map((f) => f.key),
        facts.map((f) => f.body),
      ],
    );
  }
  const toDocument = (r: Record<string, string>): StoredDocument => ({
    id: r.id!,
    fingerprint: r.fingerprint!,
    subjectId: r.subject_id!,
    type: r.type!,
    recordedAt: r.recorded_at!,
    body: r.body!,
  });

  return {
    name: 'postgres',
    capabilities: { persistent: true },
    meta: (async (key: string, init?: () => string) => {
      if (init)
        await query(`INSERT INTO ${s}.meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [key, init()]);
      return (await query<{ value: string }>(`SELECT value FROM ${s}.meta WHERE key = $1`, [key]))[0]?.value;
    }) as VaultDriver['meta'],
    async setMeta(key, value) {
      if (value === undefined) await query(`DELETE FROM ${s}.meta WHERE key = $1`, [key]);
      else
        await query(
          `INSERT INTO ${s}.meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          [key, value],
        );
    },
    async subjectTag(subjectId, init) {
      if (init)
        await query(
          `INSERT INTO ${s}.subject_tags (subject_id, tag) VALUES ($1, $2) ON CONFLICT (subject_id) DO NOTHING`,
          [subjectId, init()],
        );
      return (await query<{ tag: string }>(`SELECT tag FROM ${s}.subject_tags WHERE subject_id = $1`, [subjectId]))[0]
        ?.tag;
    },
    async reindexSubject(fromId, to) {
      const next = to.subject;
      await tx(async (c) => {
        // A subject named only by grants or its pseudonym (no document yet) has no row: those move alone.
        const hasRow =
          ((await c.query(`SELECT id FROM ${s}.subjects WHERE id = $1 FOR UPDATE`, [fromId])).rowCount ?? 0) > 0;
        if (hasRow) {
          await c.query(`INSERT INTO ${s}.subjects (id, kind, wrapped_key, sealed_ref) VALUES ($1, $2, $3, $4)`, [
            next.id,
            next.kind,
            next.wrappedKey ?? null,
            next.sealedRef ?? null,
          ]);
          for (const table of ['documents', 'facts', 'dossiers'])
            await c.query(`UPDATE ${s}.${table} SET subject_id = $1 WHERE subject_id = $2`, [next.id, fromId]);
        }
        await c.query(
          `UPDATE ${s}.grants SET subject_id = $1, body = (body::jsonb || jsonb_build_object('subject', $1::text, 'subjectSealed', $2::text))::text WHERE subject_id = $3`,
          [next.id, to.grantSubject, fromId],
        );
        const tag =
          to.tag ??
          (await c.query<{ tag: string }>(`SELECT tag FROM ${s}.subject_tags WHERE subject_id = $1`, [fromId])).rows[0]
            ?.tag;
        await c.query(`DELETE FROM ${s}.subject_tags WHERE subject_id IN ($1, $2)`, [fromId, next.id]);
        if (tag !== undefined)
          await c.query(`INSERT INTO ${s}.subject_tags (subject_id, tag) VALUES ($1, $2)`, [next.id, tag]);
        if (hasRow) await c.query(`DELETE FROM ${s}.subjects WHERE id = $1`, [fromId]);
      });
    },
    async listOrphanSubjectIds() {
      const rows = await query<{ id: string }>(
        `SELECT subject_id AS id FROM ${s}.grants WHERE subject_id <> '*' UNION SELECT subject_id FROM ${s}.subject_tags EXCEPT SELECT id FROM ${s}.subjects ORDER BY 1`,
      );
      return rows.map((r) => r.id);
    },
    async ensureSubject(subject) {
      await query(
        `INSERT INTO ${s}.subjects (id, kind, wrapped_key, sealed_ref) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
        [subject.id, subject.kind, subject.wrappedKey ?? null, subject.sealedRef ?? null],
      );
      return sqlRow.toSubject(
        (
          await query<never>(`SELECT id, kind, wrapped_key, sealed_ref FROM ${s}.subjects WHERE id = $1`, [subject.id])
        )[0]!,
      );
    },
    async getSubject(id) {
      const row = (
        await query<never>(`SELECT id, kind, wrapped_key, sealed_ref FROM ${s}.subjects WHERE id = $1`, [id])
      )[0];
      return row && sqlRow.toSubject(row);
    },
    async listSubjects() {
      return (await query<never>(`SELECT id, kind, wrapped_key, sealed_ref FROM ${s}.subjects ORDER BY seq`)).map(
        sqlRow.toSubject,
      );
    },
    async setWrappedKey(id, wrappedKey) {
      await query(`UPDATE ${s}.subjects SET wrapped_key = $1 WHERE id = $2`, [wrappedKey, id]);
    },
    async insertDocument({ document: d, facts }) {
      return tx(async (c) => {
        const inserted = await c.query(
          `INSERT INTO ${s}.documents (id, fingerprint, subject_id, type, recorded_at, body) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (fingerprint) DO NOTHING RETURNING id`,
          [d.id, d.fingerprint, d.subjectId, d.type, d.recordedAt, d.body],
        );
        if (inserted.rowCount === 0) {
          const existing = await c.query<{ id: string }>(`SELECT id FROM ${s}.documents WHERE fingerprint = $1`, [
            d.fingerprint,
          ]);
          return { created: false, documentId: existing.rows[0]!.id };
        }
        if (facts.length > 0) {
          await insertFacts(c, facts);
        }
        return { created: true, documentId: d.id };
      });
    },
    async replaceBodies(subjectId, rows) {
      await tx(async (c) => {
        for (const d of rows.documents)
          await c.query(`UPDATE ${s}.documents SET body = $1 WHERE id = $2 AND subject_id = $3`, [
            d.body,
            d.id,
            subjectId,
          ]);
        for (const f of rows.facts)
          await c.query(`UPDATE ${s}.facts SET body = $1 WHERE document_id = $2 AND key = $3 AND subject_id = $4`, [
            f.body,
            f.documentId,
            f.key,
            subjectId,
          ]);
        for (const d of rows.dossiers)
          await c.query(`UPDATE ${s}.dossiers SET body = $1 WHERE code = $2 AND subject_id = $3`, [
            d.body,
            d.code,
            subjectId,
          ]);
      });
    },
    async moveDocument({ document: d, facts }) {
      return tx(async (c) => {
        const updated = await c.query(`UPDATE ${s}.documents SET subject_id = $1, type = $2, body = $3 WHERE id = $4`, [
          d.subjectId,
          d.type,
          d.body,
          d.id,
        ]);
        if (updated.rowCount === 0) return false;
        await c.query(`DELETE FROM ${s}.facts WHERE document_id = $1`, [d.id]);
        if (facts.length > 0) {
          await insertFacts(c, facts);
        }
        return true;
      });
    },
    async getDocument(id) {
      const row = (
        await query<Record<string, string>>(
          `SELECT id, fingerprint, subject_id, type, recorded_at, body FROM ${s}.documents WHERE id = $1`,
          [id],
        )
      )[0];
      return row && toDocument(row);
    },
    async listDocuments(subjectId) {
      const rows = await query<Record<string, string>>(
        `SELECT id, fingerprint, subject_id, type, recorded_at, body FROM ${s}.documents WHERE subject_id = $1 ORDER BY seq`,
        [subjectId],
      );
      return rows.map(toDocument);
    },
    async listFacts(subjectId) {
      const rows = await query<{ subject_id: string; document_id: string; key: string; body: string }>(
        `SELECT subject_id, document_id, key, body FROM ${s}.facts WHERE subject_id = $1 ORDER BY seq`,
        [subjectId],
      );
      return rows.map((r) => ({ subjectId: r.subject_id, documentId: r.document_id, key: r.key, body: r.body }));
    },
    async putDossier(d, expected) {
      if (expected === null) {
        return (
          (
            await query<{ code: string }>(
              `INSERT INTO ${s}.dossiers (code, subject_id, body) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING code`,
              [d.code, d.subjectId, d.body],
            )
          ).length === 1
        );
      }
      if (expected) {
        return (
          (
            await query<{ code: string }>(
              `UPDATE ${s}.dossiers SET subject_id = $2, body = $3 WHERE code = $1 AND body = $4 RETURNING code`,
              [d.code, d.subjectId, d.body, expected.body],
            )
          ).length === 1
        );
      }
      await query(
        `INSERT INTO ${s}.dossiers (code, subject_id, body) VALUES ($1, $2, $3) ON CONFLICT (code) DO UPDATE SET subject_id = excluded.subject_id, body = excluded.body`,
        [d.code, d.subjectId, d.body],
      );
      return true;
    },
    async getDossier(code) {
      const row = (
        await query<{ code: string; subject_id: string; body: string }>(
          `SELECT code, subject_id, body FROM ${s}.dossiers WHERE code = $1`,
          [code],
        )
      )[0];
      return row && { code: row.code, subjectId: row.subject_id, body: row.body };
    },
    async listDossiers(subjectId) {
      const rows = await query<{ code: string; subject_id: string; body: string }>(
        `SELECT code, subject_id, body FROM ${s}.dossiers WHERE subject_id = $1 ORDER BY seq`,
        [subjectId],
      );
      return rows.map((r) => ({ code: r.code, subjectId: r.subject_id, body: r.body }));
    },
    async insertGrant(grant) {
      const { revokedAt, ...body } = grant;
      await query(`INSERT INTO ${s}.grants (id, subject_id, body, revoked_at) VALUES ($1, $2, $3, $4)`, [
        grant.id,
        grant.subject,
        JSON.stringify(body),
        revokedAt ?? null,
      ]);
    },
    async getGrant(id) {
      const row = (await query<never>(`SELECT body, revoked_at FROM ${s}.grants WHERE id = $1`, [id]))[0];
      return row && sqlRow.toGrant(row);
    },
    async listGrants(subjectId) {
      return (
        await query<never>(`SELECT body, revoked_at FROM ${s}.grants WHERE subject_id IN ($1, '*') ORDER BY seq`, [
          subjectId,
        ])
      ).map(sqlRow.toGrant);
    },
    async setGrantRevoked(id, at) {
      await query(`UPDATE ${s}.grants SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL`, [at, id]);
    },
    async appendAudit(build, options) {
      // Every entry is committed durably here (synchronous_commit stays on): `deferFlush` is not used.
      return tx(async (c) => {
        await c.query(`SELECT pg_advisory_xact_lock(${auditLock})`);
        const subject = options?.subject;
        if (subject)
          await c.query(
            `INSERT INTO ${s}.subject_tags (subject_id, tag) VALUES ($1, $2) ON CONFLICT (subject_id) DO NOTHING`,
            [subject.id, subject.initTag()],
          );
        const tag =
          subject &&
          (await c.query<{ tag: string }>(`SELECT tag FROM ${s}.subject_tags WHERE subject_id = $1`, [subject.id]))
            .rows[0]!.tag;
        const last = (
          await c.query<{ seq: string; hash: string }>(`SELECT seq, hash FROM ${s}.audit_log ORDER BY seq DESC LIMIT 1`)
        ).rows[0];
        const row: StoredAudit = build(last && { seq: Number(last.seq), hash: last.hash }, tag);
        await c.query(`INSERT INTO ${s}.audit_log (seq, subject_tag, body, hash) VALUES ($1, $2, $3, $4)`, [
          row.seq,
          row.subjectTag ?? null,
          row.body,
          row.hash,
        ]);
        return row;
      });
    },
    async listAudit(subjectTag) {
      const rows =
        subjectTag === undefined
          ? await query<{ seq: string; subject_tag: string | null; body: string; hash: string }>(
              `SELECT seq, subject_tag, body, hash FROM ${s}.audit_log ORDER BY seq`,
            )
          : await query<{ seq: string; subject_tag: string | null; body: string; hash: string }>(
              `SELECT seq, subject_tag, body, hash FROM ${s}.audit_log WHERE subject_tag = $1 ORDER BY seq`,
              [subjectTag],
            );
      return rows.map((r) => ({
        seq: Number(r.seq),
        ...(r.subject_tag !== null && { subjectTag: r.subject_tag }),
        body: r.body,
        hash: r.hash,
      }));
    },
    async eraseSubject(id) {
      // Deleted tuples stay in heap pages until VACUUM. Bodies were sealed with the subject's data key
      // (crypto-shredding); the key itself is overwritten, deleted, and its table vacuumed below.
      const counts = await tx(async (c) => {
        const copies =
          (
            await c.query(
              `DELETE FROM ${s}.copies WHERE document_id IN (SELECT id FROM ${s}.documents WHERE subject_id = $1)`,
              [id],
            )
          ).rowCount ?? 0;
        const facts = (await c.query(`DELETE FROM ${s}.facts WHERE subject_id = $1`, [id])).rowCount ?? 0;
        const dossiers = (await c.query(`DELETE FROM ${s}.dossiers WHERE subject_id = $1`, [id])).rowCount ?? 0;
        const documents = (await c.query(`DELETE FROM ${s}.documents WHERE subject_id = $1`, [id])).rowCount ?? 0;
        await c.query(`DELETE FROM ${s}.grants WHERE subject_id = $1`, [id]);
        await c.query(`DELETE FROM ${s}.subject_tags WHERE subject_id = $1`, [id]);
        await c.query(
          `UPDATE ${s}.subjects SET wrapped_key = repeat('0', length(wrapped_key)), sealed_ref = repeat('0', length(sealed_ref)) WHERE id = $1`,
          [id],
        );
        await c.query(`DELETE FROM ${s}.subjects WHERE id = $1`, [id]);
        return { documents, facts, dossiers, copies };
      });
      // VACUUM cannot run inside a transaction: it runs after the commit, on the small tables holding
      // the wrapped key, the sealed id and the pseudonym, so their dead tuples are cleared now.
      for (const table of ['subjects', 'subject_tags', 'grants']) await query(`VACUUM ${s}.${table}`);
      return counts;
    },
    async nextSequence(scope) {
      // One statement: the row lock of the upsert serialises concurrent increments across connections.
      const rows = await query<{ value: string }>(
        `INSERT INTO ${s}.counters (scope, value) VALUES ($1, 1) ON CONFLICT (scope) DO UPDATE SET value = ${s}.counters.value + 1 RETURNING value`,
        [scope],
      );
      return Number(rows[0]!.value);
    },
    async insertCopy(c) {
      const values = sqlRow.copyValues(c);
      const rows = await query(
        `INSERT INTO ${s}.copies (${sqlRow.COPY_COLUMNS}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT DO NOTHING RETURNING doc_code`,
        values,
      );
      return rows.length === 1;
    },
    async storeCopy(c, replaces) {
      return tx(async (client) => {
        const stored = await client.query(
          `UPDATE ${s}.copies SET status = 'stored', ${sqlRow.STORED_COPY_COLUMNS.map((col, i) => `${col} = $${i + 1}`).join(', ')} WHERE doc_code = $${sqlRow.STORED_COPY_COLUMNS.length + 1} AND status = 'reserved'`,
          [...sqlRow.storedCopyValues(c), c.docCode],
        );
        if (stored.rowCount !== 1) return false;
        if (replaces !== undefined)
          await client.query(`UPDATE ${s}.copies SET replaced_by = $1 WHERE doc_code = $2`, [c.docCode, replaces]);
        return true;
      });
    },
    async getCopy(docCode) {
      const row = (
        await query<sqlRow.CopyRow>(`SELECT ${sqlRow.COPY_COLUMNS} FROM ${s}.copies WHERE doc_code = $1`, [docCode])
      )[0];
      return row && sqlRow.toCopy(row);
    },
    async listCopies(q) {
      const rows =
        'documentId' in q
          ? await query<sqlRow.CopyRow>(
              `SELECT ${sqlRow.COPY_COLUMNS} FROM ${s}.copies WHERE document_id = $1 ORDER BY version`,
              [q.documentId],
            )
          : await query<sqlRow.CopyRow>(
              `SELECT ${sqlRow.COPY_COLUMNS} FROM ${s}.copies WHERE sha256 = $1 ORDER BY version`,
              [q.sha256],
            );
      return rows.map(sqlRow.toCopy);
    },
    async listSubjectCopies(subjectId) {
      const rows = await query<sqlRow.CopyRow>(
        `SELECT ${sqlRow.COPY_COLUMNS} FROM ${s}.copies WHERE document_id IN (SELECT id FROM ${s}.documents WHERE subject_id = $1) ORDER BY seq`,
        [subjectId],
      );
      return rows.map(sqlRow.toCopy);
    },
    async close() {
      if (!ready) return;
      const p = await ready.catch(() => undefined);
      if (p && !options.pool) await p.end();
    },
  };
}

async function openPool(options: PostgresDriverOptions, s: string): Promise<Pool> {
  let pg: typeof import('pg');
  try {
    pg = (await import('pg')).default as unknown as typeof import('pg');
  } catch (cause) {
    throw new SohoaError(
      'VAULT_DRIVER_MISSING',
      'The PostgreSQL vault driver needs the `pg` package, which is not installed; add it with `pnpm add pg`.',
      { cause },
    );
  }
  const pool =
    options.pool ??
    new pg.Pool({
      max: 4,
      ...options.poolConfig,
      ...(options.connectionString !== undefined && { connectionString: options.connectionString }),
    });
  try {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('sohoa-schema:' || $1))`, [s]);
      // DDL takes exclusive locks: skip it when the schema is current, so opening never blocks writers.
      const exists = (await client.query<{ t: string | null }>(`SELECT to_regclass($1) AS t`, [`${s}.schema_version`]))
        .rows[0]?.t;
      const current = exists
        ? (await client.query<{ version: number }>(`SELECT version FROM ${s}.schema_version`)).rows[0]
        : undefined;
      if (current?.version !== SCHEMA_VERSION) await client.query(ddl(s));
      const row = (await client.query<{ version: number }>(`SELECT version FROM ${s}.schema_version`)).rows[0];
      if (row && row.version > SCHEMA_VERSION)
        throw new Error(`schema version ${row.version} is newer than this driver's ${SCHEMA_VERSION}; upgrade sohoa`);
      if (!row) await client.query(`INSERT INTO ${s}.schema_version (version) VALUES ($1)`, [SCHEMA_VERSION]);
      else if (row.version < SCHEMA_VERSION) {
        // Schema 2 stored subject ids in clear; the vault moves them to a blind index when it has a master key.
        // (Schema 3 → 4 only adds the running numbers and copies tables, created by the DDL above.)
        if (row.version < 3)
          await client.query(
            `INSERT INTO ${s}.meta (key, value) VALUES ('subject-ids', 'clear') ON CONFLICT (key) DO NOTHING`,
          );
        await client.query(`UPDATE ${s}.schema_version SET version = $1`, [SCHEMA_VERSION]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return pool;
  } catch (cause) {
    if (!options.pool) await pool.end().catch(() => undefined);
    const code = (cause as { code?: string })?.code;
    throw new SohoaError(
      'VAULT_OPEN_FAILED',
      `Could not open the PostgreSQL vault (${code ?? (cause instanceof Error ? cause.message : 'unknown error')}). Check that the server is running, the URL's user, database and password are right, and the user may create tables.`,
      { cause, details: { ...(code !== undefined && { code }) } },
    );
  }
}
