// Attack 4: the audit chain can be rewritten. It was an unkeyed SHA-256 chain: someone with the
// vault file drops the append-only triggers, edits, deletes, reorders or truncates entries and
// recomputes the hashes, and `vault audit --verify` still said "ok".
import { copyFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createVault, operatorAccess } from '@sohoa/vault';
import { sqliteDriver } from '@sohoa/vault/drivers/sqlite';
import { card, openSqliteFile, sohoa, tempDir, type SqliteDatabase } from './helpers';

const ID = '001180000888';
const KEY = { id: 'k1', key: Buffer.alloc(32, 4) };
const dir = tempDir();
const base = join(dir, 'base.db');

/** Sorted-key JSON, as the chain's bodies are written. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

type Row = { seq: number; subject_tag: string | null; body: string; hash: string };

/** Rewrites the whole log from `entries` (bodies as objects), renumbered and rechained with SHA-256. */
function rewrite(db: SqliteDatabase, entries: Array<{ tag: string | null; body: Record<string, unknown> }>): void {
  db.exec(
    'DROP TRIGGER IF EXISTS audit_log_append_only_update; DROP TRIGGER IF EXISTS audit_log_append_only_delete; DELETE FROM audit_log;',
  );
  let prev = '0'.repeat(64);
  const insert = db.prepare('INSERT INTO audit_log (seq, subject_tag, body, hash) VALUES (?, ?, ?, ?)');
  entries.forEach((e, i) => {
    const body = canonical({ ...e.body, seq: i + 1, prevHash: prev });
    const hash = createHash('sha256').update(body).digest('hex');
    insert.run(i + 1, e.tag, body, hash);
    prev = hash;
  });
}

/** A copy of the base vault (with its key file and any file sohoa keeps beside it), tampered with by `edit`. */
function tampered(name: string, edit: (db: SqliteDatabase, rows: Row[]) => void): string {
  const db = join(dir, `${name}.db`);
  for (const suffix of ['', '.key', '.audit-head'])
    if (existsSync(base + suffix)) copyFileSync(base + suffix, db + suffix);
  const file = openSqliteFile(db);
  edit(file, file.prepare('SELECT seq, subject_tag, body, hash FROM audit_log ORDER BY seq').all() as Row[]);
  file.close();
  return db;
}

const parsed = (rows: Row[]) =>
  rows.map((r) => ({ tag: r.subject_tag, body: JSON.parse(r.body) as Record<string, unknown> }));

const attacks: Array<[string, (db: SqliteDatabase, rows: Row[]) => void]> = [
  [
    'an entry edited (actor changed), chain recomputed with SHA-256',
    (db, rows) =>
      rewrite(
        db,
        parsed(rows).map((e, i) => (i === 2 ? { ...e, body: { ...e.body, actor: 'someone-else' } } : e)),
      ),
  ],
  [
    'an entry deleted, chain renumbered and recomputed',
    (db, rows) =>
      rewrite(
        db,
        parsed(rows).filter((_, i) => i !== 2),
      ),
  ],
  [
    'two entries swapped, chain recomputed',
    (db, rows) => {
      const e = parsed(rows);
      [e[1], e[2]] = [e[2]!, e[1]!];
      rewrite(db, e);
    },
  ],
  ['the whole chain recomputed with SHA-256 unchanged', (db, rows) => rewrite(db, parsed(rows))],
  [
    'the last two entries deleted (truncated)',
    (db) =>
      db.exec(
        'DROP TRIGGER IF EXISTS audit_log_append_only_delete; DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log);',
      ),
  ],
  [
    'the chain passed off as an old unkeyed one (mac marks stripped, SHA-256 recomputed)',
    (db, rows) =>
      rewrite(
        db,
        parsed(rows).map((e) => ({ ...e, body: { ...e.body, mac: undefined } })),
      ),
  ],
  [
    'the same, with the sidecar checkpoint deleted too',
    (db, rows) => {
      rewrite(
        db,
        parsed(rows).map((e) => ({ ...e, body: { ...e.body, mac: undefined } })),
      );
      rmSync(`${db.name}.audit-head`);
    },
  ],
  [
    'an entry edited in place, hash left alone',
    (db) =>
      db.exec(
        `DROP TRIGGER IF EXISTS audit_log_append_only_update; UPDATE audit_log SET body = replace(body, '"actor":"op"', '"actor":"xx"') WHERE seq = 3;`,
      ),
  ],
];

beforeAll(async () => {
  writeFileSync(`${base}.key`, `k1:${KEY.key.toString('hex')}\n`, { mode: 0o600 });
  const vault = createVault({ driver: sqliteDriver({ path: base }), masterKey: KEY, ...operatorAccess('op') });
  await vault.putDocument(card(ID, { name: 'Người Thật', birthDate: '1980-01-01', address: 'Địa chỉ thật', sha: '8' }));
  for (const purpose of ['a', 'b', 'c', 'd', 'e']) await vault.profile(ID, { purpose, form: 'f' });
  expect(await vault.verifyAudit()).toMatchObject({ ok: true, entries: 5 });
  await vault.close();
});

describe('attack 4, rewriting the audit chain of a SQLite vault', () => {
  it('the untouched copy verifies, through the API and the CLI', async () => {
    const db = tampered('untouched', () => undefined);
    const vault = createVault({ driver: sqliteDriver({ path: db }), masterKey: KEY, ...operatorAccess('op') });
    expect(await vault.verifyAudit()).toMatchObject({ ok: true, entries: 5 });
    await vault.close();
    expect((await sohoa(['vault', 'audit', '--verify', '--vault', db])).code).toBe(0);
  });

  for (const [name, edit] of attacks) {
    it(`catches ${name}`, async () => {
      const db = tampered(name.replace(/\W+/g, '-'), edit);
      const vault = createVault({ driver: sqliteDriver({ path: db }), masterKey: KEY, ...operatorAccess('op') });
      const verified = await vault.verifyAudit();
      expect(verified.ok).toBe(false);
      expect(verified.brokenAt?.reason).toMatch(
        /hash-mismatch|unkeyed-entry|truncated|checkpoint-mismatch|chain-broken|sequence-gap/,
      );
      await vault.close();
      const cli = await sohoa(['vault', 'audit', '--verify', '--vault', db]);
      expect(cli.code).not.toBe(0);
      expect(cli.stdout).toMatch(/BROKEN/);
    });
  }
});

describe.skipIf(process.env.CI !== 'true')(
  'attack 4 on PostgreSQL, through the CLI with SOHOA_AUDIT_CHECKPOINT',
  () => {
    it('catches the last entries deleted by someone with database access', async () => {
      const { pgUrl, requireClient } = await import('./helpers');
      const pg = requireClient('pg') as import('./helpers').PgModule;
      const database = `sohoa_attack4_${process.pid}`;
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      const url = pgUrl.replace(/\/[^/]*$/, `/${database}`);
      const env = {
        SOHOA_MASTER_KEY: `k1:${KEY.key.toString('hex')}`,
        SOHOA_AUDIT_CHECKPOINT: join(dir, 'pg.audit-head'),
      };
      try {
        const { postgresDriver } = await import('@sohoa/vault/drivers/postgres');
        const setup = createVault({
          driver: postgresDriver({ connectionString: url }),
          masterKey: KEY,
          ...operatorAccess('op'),
        });
        await setup.putDocument(
          card(ID, { name: 'Người Thật', birthDate: '1980-01-01', address: 'Địa chỉ thật', sha: '8' }),
        );
        await setup.close();
        for (let i = 0; i < 3; i++)
          expect((await sohoa(['vault', 'show', '--subject', ID, '--vault', url], env)).code).toBe(0);
        expect((await sohoa(['vault', 'audit', '--verify', '--vault', url], env)).code).toBe(0);
        const db = new pg.Client({ connectionString: url });
        await db.connect();
        await db.query('DROP TRIGGER IF EXISTS audit_log_append_only ON sohoa.audit_log');
        await db.query('DELETE FROM sohoa.audit_log WHERE seq = (SELECT max(seq) FROM sohoa.audit_log)');
        await db.end();
        const verified = await sohoa(['vault', 'audit', '--verify', '--vault', url], env);
        expect(verified.code).toBe(1);
        expect(verified.stdout).toMatch(/BROKEN.*truncated/);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await admin.end();
      }
    });
  },
);
