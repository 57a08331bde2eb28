import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSohoaError } from '@sohoa/core';
import { afterAll, describe, expect, it } from 'vitest';
import { runVaultContract } from '../driver-contract';
import { SYNTHETIC_ID, syntheticCccd } from '../internal/fixtures';
import { createVault } from '../vault';
import { sqliteDriver } from './sqlite';

const dir = mkdtempSync(join(tmpdir(), 'sohoa-vault-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runVaultContract('sqlite', (slot) => sqliteDriver({ path: join(dir, slot, 'nested', 'vault.db') }));

describe('sqlite driver', () => {
  it('fails clearly when the file is not a database', async () => {
    const file = join(dir, 'not-a-db.db');
    writeFileSync(file, 'this is plain text, not SQLite '.repeat(200));
    const vault = createVault({ driver: sqliteDriver({ path: file }) });
    const error = await vault.listSubjects().catch((e: unknown) => e);
    expect(isSohoaError(error, 'VAULT_OPEN_FAILED')).toBe(true);
    expect((error as Error).message).toMatchInlineSnapshot(`"Could not open the SQLite vault \`not-a-db.db\`: the file is not a SQLite database. Check that the path is a writable file (not a folder) created by sohoa, or choose another path."`);
    await vault.close();
  });

  it('fails clearly when the path is a folder', async () => {
    const vault = createVault({ driver: sqliteDriver({ path: dir }) });
    await expect(vault.listSubjects()).rejects.toMatchObject({ code: 'VAULT_OPEN_FAILED' });
    await vault.close();
  });

  it('uses WAL and a schema version', async () => {
    const path = join(dir, 'pragma.db');
    const vault = createVault({ driver: sqliteDriver({ path }) });
    await vault.listSubjects();
    await vault.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_version').get()).toEqual({ version: 1 });
    db.close();
  });

  it('keeps the audit table append-only', async () => {
    const path = join(dir, 'audit.db');
    const vault = createVault({ driver: sqliteDriver({ path }) });
    await vault.putDocument(syntheticCccd());
    await vault.profile(SYNTHETIC_ID, { purpose: 'test' });
    await vault.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE audit SET at = 'x'").run()).toThrow(/append-only/);
    db.close();
  });
});
