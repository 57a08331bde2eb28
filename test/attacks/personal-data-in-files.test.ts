// Done-means of issue 13: no personal ID number, name or value appears in clear in any file sohoa
// writes, before or after erasure. A real synthetic card goes through the CLI with a master key:
// `digitize --report` (vault, WAL, journal, reports), `vault show` (audit entries and the checkpoint
// sidecar), `vault export --out` (sealed), `vault audit --verify`, then `vault erase`; after each stage
// every file in the folder is grepped (bytes, so `-wal`/`-shm` too) for the person's ID number, name
// and an address value. On PostgreSQL (CI=true) every table of the vault's schema is grepped the same way.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVault, operatorAccess, type MasterKey } from '@sohoa/vault';
import { postgresDriver } from '@sohoa/vault/drivers/postgres';
import { SYNTHETIC_ID, syntheticCccd } from '../../packages/vault/src/internal/fixtures';
import { pgClient, postgresUrl, root, sohoa } from './storage-helpers';

const card = join(root, 'seeds/data/cccd/01-tran-kim-giang');
const person = (
  JSON.parse(readFileSync(join(card, 'truth.json'), 'utf8')) as { person: { idNumber: string; fullName: string } }
).person;
// The address as printed (its street part is what a reader keeps whatever the OCR makes of the rest).
const canaries = [person.idNumber, person.fullName, 'Lê Lợi', 'Vĩnh Ninh'];
const env = {
  SOHOA_MASTER_KEY: `k1:${'5'.repeat(64)}`,
  SOHOA_EXPORT_PASSPHRASE: 'một passphrase đủ dài cho thử nghiệm',
};

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'sohoa-attack-grep-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** `file: canary` for every file under `dir` whose bytes contain a canary. */
function grep(dir: string): string[] {
  const hits: string[] = [];
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    for (const c of canaries) if (bytes.includes(Buffer.from(c, 'utf8'))) hits.push(`${name}: ${c}`);
  }
  return hits;
}

describe('no ID number, name or value in clear in any file sohoa writes (SQLite, through the CLI)', () => {
  it('before and after erasure', async () => {
    const vault = join(work, 'cli', 'vault.db');
    const files = () => readdirSync(join(work, 'cli')).sort();
    const digitized = await sohoa(
      [
        'digitize',
        join(card, 'front.jpg'),
        join(card, 'back.jpg'),
        '--vault',
        vault,
        '--report',
        join(work, 'cli', 'run'),
        '--json',
        '--quiet',
        '--no-isolate',
      ],
      env,
    );
    expect(digitized.code).toBe(0);
    expect(
      (JSON.parse(digitized.stdout) as { documents: Array<{ subject?: string }> }).documents.map((d) => d.subject),
    ).toContain(person.idNumber);
    // The person is really in there: the CLI reads them back by number.
    const shown = await sohoa(['vault', 'show', '--vault', vault, '--subject', person.idNumber], env);
    expect(shown.code).toBe(0);
    // Every canary is held (so its absence from the files means something).
    expect(canaries.filter((c) => !shown.stdout.includes(c))).toEqual([]);
    expect(
      (
        await sohoa(
          [
            'vault',
            'export',
            '--vault',
            vault,
            '--subject',
            person.idNumber,
            '--out',
            join(work, 'cli', 'export.json'),
          ],
          env,
        )
      ).code,
    ).toBe(0);
    expect((await sohoa(['vault', 'audit', '--verify', '--vault', vault], env)).code).toBe(0);
    expect(files()).toEqual(
      expect.arrayContaining([
        'vault.db',
        'vault.db.audit-head',
        'vault.db.journal.db',
        'run.json',
        'run.csv',
        'run.html',
        'export.json',
      ]),
    );
    expect(grep(work)).toEqual([]);

    expect((await sohoa(['vault', 'erase', '--vault', vault, '--subject', person.idNumber, '--yes'], env)).code).toBe(
      0,
    );
    expect((await sohoa(['vault', 'audit', '--verify', '--vault', vault], env)).code).toBe(0);
    expect(grep(work)).toEqual([]);
  }, 240_000);
});

describe.runIf(process.env.CI === 'true')('no ID number, name or value in clear in any table (PostgreSQL)', () => {
  it('before and after erasure', async () => {
    const masterKey: MasterKey = { id: 'grep', key: new Uint8Array(32).fill(5) };
    const schema = `sohoa_attack_grep_${process.pid}`;
    const vault = createVault({
      driver: postgresDriver({ connectionString: postgresUrl, schema, poolConfig: { max: 2 } }),
      masterKey,
      ...operatorAccess('attack'),
    });
    const client = await pgClient();
    const values = [SYNTHETIC_ID, 'Nguyễn Thị Thử', 'Đường Mẫu'];
    const tableHits = async () => {
      const tables = (
        await client.query<{ t: string }>(
          `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
          [schema],
        )
      ).rows.map((r) => r.t);
      expect(tables.length).toBeGreaterThan(5);
      const hits: string[] = [];
      for (const t of tables) {
        const text = (await client.query<{ x: string }>(`SELECT x::text AS x FROM "${schema}"."${t}" x`)).rows
          .map((r) => r.x)
          .join('\n');
        for (const v of values) if (text.includes(v)) hits.push(`${t}: ${v}`);
      }
      return hits;
    };
    try {
      await vault.putDocument(syntheticCccd());
      await vault.correct(SYNTHETIC_ID, { key: 'person.hometown', value: 'Đường Mẫu số 2', reason: 'quyết định 1' });
      expect((await vault.profile(SYNTHETIC_ID, { purpose: 'p', form: 'f' })).values['person.fullName']?.value).toBe(
        'Nguyễn Thị Thử',
      );
      expect(await tableHits()).toEqual([]);
      await vault.erase(SYNTHETIC_ID);
      expect(await tableHits()).toEqual([]);
    } finally {
      await vault.close();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  });
});
