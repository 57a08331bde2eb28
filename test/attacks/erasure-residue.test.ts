// Attack 8 (issue 13): after `vault erase` the person can still be found. The batch journal keeps the
// erased documents' ids and file paths; the audit log's subject pseudonym is an HMAC under a salt stored
// beside it, so trying candidate ID numbers re-identifies the erased person's entries; on PostgreSQL the
// deleted rows, wrapped data key included, stay readable in dead tuples until VACUUM.
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVault, operatorAccess, type MasterKey } from '@sohoa/vault';
import { postgresDriver } from '@sohoa/vault/drivers/postgres';
import { sqliteDriver } from '@sohoa/vault/drivers/sqlite';
import { SYNTHETIC_ID, syntheticCccd } from '../../packages/vault/src/internal/fixtures';
import { filesContaining, openSqlite, pgClient, postgresUrl, root, sohoa } from './storage-helpers';

const masterKey: MasterKey = { id: 'attack', key: new Uint8Array(32).fill(9) };
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'sohoa-attack-erase-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Every keyed pseudonym of `id` an attacker holding the files (and the master key) can compute. */
function pseudonymsOf(id: string, secrets: Buffer[]): string[] {
  return secrets.flatMap((key) => {
    const full = createHmac('sha256', key).update(id).digest('hex');
    return [full, full.slice(0, 32)];
  });
}

describe('attack 8: erasure residue', () => {
  it('after `sohoa vault erase`, the journal beside the vault names none of the erased documents or files', async () => {
    const card = join(root, 'seeds/data/cccd/01-tran-kim-giang');
    const id = (JSON.parse(readFileSync(join(card, 'truth.json'), 'utf8')) as { person: { idNumber: string } }).person
      .idNumber;
    const vault = join(work, 'cli', 'vault.db');
    const digitized = await sohoa([
      'digitize',
      join(card, 'front.jpg'),
      '--vault',
      vault,
      '--json',
      '--quiet',
      '--no-isolate',
    ]);
    expect(digitized.code).toBe(0);
    const doc = (JSON.parse(digitized.stdout) as { documents: Array<{ subject: string; documentId: string }> })
      .documents[0]!;
    expect(doc.subject).toBe(id);
    const journal = `${vault}.journal.db`;
    expect(filesContaining([journal], doc.documentId)).not.toEqual([]);
    const erased = await sohoa(['vault', 'erase', '--vault', vault, '--subject', id, '--yes']);
    expect(erased.code).toBe(0);
    expect(filesContaining([vault, journal], doc.documentId)).toEqual([]);
    expect(filesContaining([vault, journal], 'tran-kim-giang')).toEqual([]);
    expect(filesContaining([vault, journal], id)).toEqual([]);
  }, 180_000);

  it('after erasure, no audit entry can be linked to the erased ID number by trying candidates (SQLite file, even with the master key)', async () => {
    const path = join(work, 'api', 'vault.db');
    const vault = createVault({ driver: sqliteDriver({ path }), masterKey, ...operatorAccess('attack') });
    await vault.putDocument(syntheticCccd());
    await vault.profile(SYNTHETIC_ID, { purpose: 'p', form: 'f' });
    expect((await vault.listAudit(SYNTHETIC_ID)).length).toBeGreaterThan(0);
    await vault.erase(SYNTHETIC_ID);
    await vault.close();

    const db = openSqlite(path);
    const secrets = [Buffer.from(masterKey.key)];
    for (const { value } of db.prepare('SELECT value FROM meta').all() as Array<{ value: string }>)
      secrets.push(Buffer.from(value, 'base64'), Buffer.from(value, 'utf8'));
    const rows = db.prepare('SELECT subject_tag, body FROM audit_log').all() as Array<{
      subject_tag: string | null;
      body: string;
    }>;
    db.close();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const linkable = pseudonymsOf(SYNTHETIC_ID, secrets);
    const linked = rows.filter((r) =>
      linkable.some((p) => r.subject_tag === p || r.body.includes(p) || r.body.includes(SYNTHETIC_ID)),
    );
    expect(linked).toEqual([]);
  });

  it.runIf(process.env.CI === 'true')(
    'after erasure on PostgreSQL, no page of any vault table still holds the wrapped data key (pageinspect)',
    async () => {
      const schema = `sohoa_attack_erase_${process.pid}`;
      const vault = createVault({
        driver: postgresDriver({ connectionString: postgresUrl, schema, poolConfig: { max: 2 } }),
        masterKey,
        ...operatorAccess('attack'),
      });
      const client = await pgClient();
      try {
        await vault.putDocument(syntheticCccd());
        await client.query('CREATE EXTENSION IF NOT EXISTS pageinspect');
        const tables = (
          await client.query<{ t: string }>(
            `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
            [schema],
          )
        ).rows.map((r) => r.t);
        // Keys wrapped by the master key, as stored: `<master key id>:<base64>`.
        const wrappedKeys = async () => {
          const found: string[] = [];
          for (const t of tables) {
            for (const row of (await client.query<{ x: string }>(`SELECT x::text AS x FROM "${schema}"."${t}" x`)).rows)
              found.push(...(row.x.match(/attack:[A-Za-z0-9+/=]{40,}/g) ?? []));
          }
          return found;
        };
        const before = await wrappedKeys();
        await vault.erase(SYNTHETIC_ID);
        // The subject's data key is the one that went (a vault-wide key, if any, stays).
        const after = await wrappedKeys();
        const wrapped = before.filter((w) => !after.includes(w));
        expect(wrapped.length).toBe(1);
        const holding: string[] = [];
        for (const t of tables) {
          const pages = Number(
            (
              await client.query<{ n: string }>(
                `SELECT pg_relation_size($1) / current_setting('block_size')::int AS n`,
                [`"${schema}"."${t}"`],
              )
            ).rows[0]!.n,
          );
          for (let page = 0; page < pages; page++) {
            const raw = (
              await client.query<{ p: Buffer }>(`SELECT get_raw_page($1, $2) AS p`, [`"${schema}"."${t}"`, page])
            ).rows[0]!.p;
            if (wrapped.some((w) => raw.includes(Buffer.from(w.slice(w.indexOf(':') + 1), 'utf8'))))
              holding.push(`${t}#${page}`);
          }
        }
        expect(holding).toEqual([]);
      } finally {
        await vault.close();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
    },
  );
});
