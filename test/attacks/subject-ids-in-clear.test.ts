// Attack 7 (issue 13): subject ids are personal ID numbers, stored in clear in every table that names a
// subject and in the batch journal's review queue, so a copy of the files says who is in the vault.
// The vault must keep them as a keyed blind index; lookups by id still work.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVault, operatorAccess, type MasterKey } from '@sohoa/vault';
import { postgresDriver } from '@sohoa/vault/drivers/postgres';
import { sqliteDriver } from '@sohoa/vault/drivers/sqlite';
import { collectReviewItems } from '@sohoa/batch';
import { sqliteJournal } from '@sohoa/batch/journal/sqlite';
import { SYNTHETIC_ID, syntheticCccd } from '../../packages/vault/src/internal/fixtures';
import { filesContaining, importSyntheticExport, pgClient, postgresUrl, sohoa } from './storage-helpers';

const masterKey: MasterKey = { id: 'attack', key: new Uint8Array(32).fill(7) };
const RELATIVE = '079188000123';
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'sohoa-attack-ids-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

async function fill(vault: ReturnType<typeof createVault>): Promise<void> {
  await vault.putDocument(
    syntheticCccd({ relations: [{ role: 'mother', subject: { kind: 'person', id: RELATIVE }, fields: {} }] }),
  );
  await vault.putDocument(
    syntheticCccd({ sha256: 'd'.repeat(64), subject: { kind: 'person', id: RELATIVE }, number: RELATIVE }),
  );
  await vault.grant({
    to: 'portal:test',
    subject: SYNTHETIC_ID,
    purpose: 'p',
    keys: ['person.*'],
    expiresAt: '2099-01-01T00:00:00Z',
  });
  await vault.correct(SYNTHETIC_ID, { key: 'person.hometown', value: 'Xã Khác', reason: 'quyết định 1' });
  await vault.profile(SYNTHETIC_ID, { purpose: 'p', form: 'f', actor: 'portal:test' });
}

describe('attack 7: personal ID numbers in clear', () => {
  it('an encrypted SQLite vault file holds no subject id in clear, and lookups by id still work', async () => {
    const path = join(work, 'api', 'vault.db');
    const vault = createVault({ driver: sqliteDriver({ path }), masterKey, ...operatorAccess('attack') });
    await fill(vault);
    expect(filesContaining([path], SYNTHETIC_ID)).toEqual([]);
    expect(filesContaining([path], RELATIVE)).toEqual([]);
    expect((await vault.profile(SYNTHETIC_ID, { purpose: 'p', form: 'f' })).values['person.fullName']?.value).toBe(
      'Nguyễn Thị Thử',
    );
    expect((await vault.listSubjects()).map((s) => s.id).sort()).toEqual([SYNTHETIC_ID, RELATIVE].sort());
    expect(await vault.hasSubject(SYNTHETIC_ID)).toBe(true);
    expect((await vault.listGrants(SYNTHETIC_ID)).filter((g) => g.source === 'stored').map((g) => g.subject)).toEqual([
      SYNTHETIC_ID,
    ]);
    expect((await vault.listAudit(SYNTHETIC_ID)).length).toBeGreaterThan(0);
    await vault.close();
    expect(filesContaining([path], SYNTHETIC_ID)).toEqual([]);
  });

  it('a vault migrated to the blind index keeps no id of a subject that had a grant but no document yet', async () => {
    // Found after the fix above: the migration moved subject rows only, so a grant given before the
    // subject's first document (and the pseudonym its audit entry made) kept the id in clear.
    const ORPHAN = '001099000777';
    const path = join(work, 'orphan', 'vault.db');
    const clear = createVault({ driver: sqliteDriver({ path }), ...operatorAccess('attack') });
    const given = await clear.grant({
      to: 'portal:test',
      subject: ORPHAN,
      purpose: 'p',
      keys: ['person.*'],
      expiresAt: '2099-01-01T00:00:00Z',
    });
    await clear.close();
    const keyed = createVault({ driver: sqliteDriver({ path }), masterKey, ...operatorAccess('attack') });
    expect((await keyed.listGrants(ORPHAN)).filter((g) => g.source === 'stored').map((g) => [g.id, g.subject])).toEqual(
      [[given.id, ORPHAN]],
    );
    await keyed.close();
    expect(filesContaining([path], ORPHAN)).toEqual([]);
    // The moved grant still opens the subject's data once it arrives, and its log still shows the grant.
    const again = createVault({ driver: sqliteDriver({ path }), masterKey, ...operatorAccess('attack') });
    await again.putDocument(
      syntheticCccd({ sha256: 'e'.repeat(64), subject: { kind: 'person', id: ORPHAN }, number: ORPHAN }),
    );
    expect(
      (await again.profile(ORPHAN, { purpose: 'p', form: 'f', actor: 'portal:test' })).values['person.fullName']?.value,
    ).toBe('Nguyễn Thị Thử');
    expect((await again.listAudit(ORPHAN)).map((e) => e.action)).toEqual(['grant', 'read']);
    await again.close();
    expect(filesContaining([path], ORPHAN)).toEqual([]);
  });

  it.runIf(process.env.CI === 'true')(
    'the same on PostgreSQL: a grant given before the first document is migrated, not left in clear',
    async () => {
      const ORPHAN = '001099000778';
      const schema = `sohoa_attack_orphan_${process.pid}`;
      const open = (key?: MasterKey) =>
        createVault({
          driver: postgresDriver({ connectionString: postgresUrl, schema, poolConfig: { max: 2 } }),
          ...(key && { masterKey: key }),
          ...operatorAccess('attack'),
        });
      const client = await pgClient();
      try {
        const clear = open();
        const given = await clear.grant({
          to: 'portal:test',
          subject: ORPHAN,
          purpose: 'p',
          keys: ['person.*'],
          expiresAt: '2099-01-01T00:00:00Z',
        });
        await clear.close();
        const keyed = open(masterKey);
        expect((await keyed.listGrants(ORPHAN)).filter((g) => g.source === 'stored').map((g) => g.id)).toEqual([
          given.id,
        ]);
        await keyed.close();
        const tables = (
          await client.query<{ t: string }>(
            `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
            [schema],
          )
        ).rows.map((r) => r.t);
        const named: string[] = [];
        for (const t of tables)
          if (
            (await client.query(`SELECT 1 FROM "${schema}"."${t}" x WHERE x::text LIKE $1 LIMIT 1`, [`%${ORPHAN}%`]))
              .rowCount
          )
            named.push(t);
        expect(named).toEqual([]);
      } finally {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
    },
  );

  it("the batch journal's review queue keeps no subject id", async () => {
    const path = join(work, 'api', 'vault.db.journal.db');
    const journal = await sqliteJournal({ path });
    const items = collectReviewItems(syntheticCccd({ method: 'ocr', confidence: 0.5 }), 'doc_1', 'front.jpg', 0.9);
    expect(items.length).toBeGreaterThan(0);
    await journal.review.add(items);
    await journal.close();
    expect(filesContaining([path], SYNTHETIC_ID)).toEqual([]);
  });

  it('`sohoa vault import` writes no subject id in clear into the vault file', async () => {
    const { vault, imported } = await importSyntheticExport(work);
    expect(imported.code).toBe(0);
    expect(filesContaining([vault], SYNTHETIC_ID)).toEqual([]);
    const shown = await sohoa(['vault', 'show', '--vault', vault, '--subject', SYNTHETIC_ID, '--json']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Nguyễn Thị Thử');
  });

  it.runIf(process.env.CI === 'true')(
    'an encrypted PostgreSQL vault holds no subject id in clear in any table',
    async () => {
      const schema = `sohoa_attack_ids_${process.pid}`;
      const vault = createVault({
        driver: postgresDriver({ connectionString: postgresUrl, schema, poolConfig: { max: 2 } }),
        masterKey,
        ...operatorAccess('attack'),
      });
      const client = await pgClient();
      try {
        await fill(vault);
        const tables = (
          await client.query<{ t: string }>(
            `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1`,
            [schema],
          )
        ).rows.map((r) => r.t);
        expect(tables.length).toBeGreaterThan(5);
        const named: string[] = [];
        for (const t of tables) {
          const hit = await client.query(
            `SELECT 1 FROM "${schema}"."${t}" x WHERE x::text LIKE $1 OR x::text LIKE $2 LIMIT 1`,
            [`%${SYNTHETIC_ID}%`, `%${RELATIVE}%`],
          );
          if (hit.rowCount) named.push(t);
        }
        expect(named).toEqual([]);
        expect((await vault.profile(SYNTHETIC_ID, { purpose: 'p', form: 'f' })).values['person.fullName']?.value).toBe(
          'Nguyễn Thị Thử',
        );
        expect((await vault.listSubjects()).map((s) => s.id).sort()).toEqual([SYNTHETIC_ID, RELATIVE].sort());
      } finally {
        await vault.close();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
    },
  );
});
