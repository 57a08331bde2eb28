import { isSohoaError } from '@sohoa/core';
import { afterAll, describe, expect, it } from 'vitest';
import { runVaultContract, TEST_MASTER_KEY, TESTER_GRANT } from '../driver-contract';
import { SYNTHETIC_ID, syntheticCccd } from '../internal/fixtures';
import { createVault } from '../vault';
import { postgresDriver } from './postgres';

/** The local server CI starts (`.ci/run`): trust auth, database `test`. Override with `SOHOA_TEST_POSTGRES`. */
const url = process.env.SOHOA_TEST_POSTGRES ?? `postgres://${process.env.PGUSER ?? 'postgres'}@127.0.0.1:5432/test`;
const run = `t${process.pid}_${Date.now().toString(36)}`;
const schemas = new Set<string>();

async function reachable(): Promise<boolean> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const available = await reachable();
if (!available)
  console.warn(
    `postgres driver tests skipped: no PostgreSQL server at ${url.replace(/\/\/[^@]*@/, '//')} (set SOHOA_TEST_POSTGRES)`,
  );

afterAll(async () => {
  if (!available || schemas.size === 0) return;
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await client.end();
});

const driverFor = (slot: string) => {
  const schema = `sohoa_${run}_${slot}`.toLowerCase();
  schemas.add(schema);
  return postgresDriver({ connectionString: url, schema, poolConfig: { max: 2 } });
};

if (available) runVaultContract('postgres', driverFor);

describe.skipIf(!available)('postgres driver', () => {
  it('keeps the audit chain whole under concurrent writers', async () => {
    const vaults = [0, 1, 2].map(() =>
      createVault({
        driver: driverFor('concurrent'),
        masterKey: TEST_MASTER_KEY,
        actor: 'tester',
        grants: [TESTER_GRANT],
      }),
    );
    await vaults[0]!.putDocument(syntheticCccd());
    await Promise.all(
      vaults.flatMap((v, i) => [0, 1, 2, 3].map((j) => v.profile(SYNTHETIC_ID, { purpose: `p${i}-${j}`, form: 'f' }))),
    );
    const verified = await vaults[1]!.verifyAudit();
    expect(verified).toMatchObject({ ok: true, entries: 12 });
    await Promise.all(vaults.map((v) => v.close()));
  });

  it('allocates running numbers without repeats under concurrent allocators (several pools, one statement each)', async () => {
    const drivers = [0, 1, 2, 3].map(() => driverFor('numbers'));
    // Open the schema once before the race (DDL takes its own lock).
    await drivers[0]!.nextSequence('warm-up');
    const numbers = (
      await Promise.all(
        drivers.map((d) => Promise.all(Array.from({ length: 50 }, () => d.nextSequence('doccode:G09.01.02:CCCD')))),
      )
    ).flat();
    expect(numbers).toHaveLength(200);
    expect(new Set(numbers).size).toBe(200);
    expect(Math.min(...numbers)).toBe(1);
    expect(Math.max(...numbers)).toBe(200);
    await Promise.all(drivers.map((d) => d.close()));
  });

  it('gives concurrent reservations of one document one copy, and of many documents distinct codes', async () => {
    const vaults = [0, 1, 2].map(() =>
      createVault({
        driver: driverFor('reserve'),
        masterKey: TEST_MASTER_KEY,
        actor: 'tester',
        grants: [TESTER_GRANT],
      }),
    );
    const ids: string[] = [];
    for (const digit of ['1', '2', '3', '4', '5', '6'])
      ids.push((await vaults[0]!.putDocument(syntheticCccd({ sha256: digit.repeat(64) }))).documentId);
    const reserved = await Promise.all(
      vaults.flatMap((v) => ids.map((documentId) => v.reserveCopy({ documentId, agency: 'H41', kind: 'CCCD' }))),
    );
    const byDocument = new Map<string, Set<string>>();
    for (const r of reserved) byDocument.set(r.documentId, (byDocument.get(r.documentId) ?? new Set()).add(r.docCode));
    expect([...byDocument.values()].map((codes) => codes.size)).toEqual([1, 1, 1, 1, 1, 1]);
    const codes = [...byDocument.values()].map((c) => [...c][0]);
    expect(new Set(codes).size).toBe(6);
    await Promise.all(vaults.map((v) => v.close()));
  });

  it('fails clearly when the server cannot be reached', async () => {
    const vault = createVault({
      driver: postgresDriver({
        connectionString: 'postgres://nobody@127.0.0.1:1/none',
        poolConfig: { connectionTimeoutMillis: 1000 },
      }),
      grants: [TESTER_GRANT],
      actor: 'tester',
    });
    const error = await vault.listSubjects().catch((e: unknown) => e);
    expect(isSohoaError(error, 'VAULT_OPEN_FAILED')).toBe(true);
    expect((error as Error).message).toContain('Check that the server is running');
    await vault.close();
  });

  it('rejects a schema name that is not a plain identifier', () => {
    expect(() => postgresDriver({ connectionString: url, schema: 'x"; DROP TABLE y; --' })).toThrow(
      /plain lower-case identifier/,
    );
  });
});
