// Lesser findings on key rotation: `rotate-key` between two keys with the same id printed
// "rewrapped 0", exited 0 and left every read failing; and it never updated the key file.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVault, operatorAccess } from '@sohoa/vault';
import { sqliteDriver } from '@sohoa/vault/drivers/sqlite';
import { card, sohoa, tempDir } from './helpers';

const ID = '001180000999';
const dir = tempDir();

async function vaultFile(name: string, key: Buffer, writeKeyFile: boolean): Promise<string> {
  const db = join(dir, `${name}.db`);
  if (writeKeyFile) writeFileSync(`${db}.key`, `k1:${key.toString('hex')}\n`, { mode: 0o600 });
  const vault = createVault({
    driver: sqliteDriver({ path: db }),
    masterKey: { id: 'k1', key },
    ...operatorAccess('op'),
  });
  await vault.putDocument(card(ID, { name: 'Người Thật', birthDate: '1980-01-01', address: 'Địa chỉ thật', sha: '9' }));
  await vault.close();
  return db;
}

describe('rotate-key', () => {
  it('between two keys with the same id is refused before anything changes', async () => {
    const old = randomBytes(32);
    const db = await vaultFile('same-id', old, false);
    const rotated = await sohoa(['vault', 'rotate-key', '--vault', db], {
      SOHOA_MASTER_KEY: `k1:${randomBytes(32).toString('hex')}`,
      SOHOA_PREVIOUS_MASTER_KEYS: `k1:${old.toString('hex')}`,
    });
    expect(rotated.code).toBe(1);
    expect(rotated.stderr).toMatch(/VAULT_KEY_INVALID/);
    const shown = await sohoa(['vault', 'show', '--subject', ID, '--vault', db], {
      SOHOA_MASTER_KEY: `k1:${old.toString('hex')}`,
    });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Địa chỉ thật');
  });

  it('with the key file: writes a new key (0600) and the vault reads with it afterwards; the old key no longer opens it', async () => {
    const old = randomBytes(32);
    const db = await vaultFile('key-file', old, true);
    const rotated = await sohoa(['vault', 'rotate-key', '--vault', db]);
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toMatch(/rewrapped 1 data key/);
    const text = readFileSync(`${db}.key`, 'utf8');
    expect(text).not.toContain(old.toString('hex'));
    expect(statSync(`${db}.key`).mode & 0o777).toBe(0o600);
    const shown = await sohoa(['vault', 'show', '--subject', ID, '--vault', db]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Địa chỉ thật');
    const withOld = await sohoa(['vault', 'show', '--subject', ID, '--vault', db], {
      SOHOA_MASTER_KEY: `k1:${old.toString('hex')}`,
    });
    expect(withOld.code).toBe(1);
    expect((await sohoa(['vault', 'audit', '--verify', '--vault', db])).code).toBe(0);
  });

  it('a rotation that stopped half-way (new key written, previous kept) loses nothing and completes when run again', async () => {
    const old = randomBytes(32);
    const db = await vaultFile('half-way', old, true);
    // What the key file holds between writing the new key and finishing the rewrap.
    writeFileSync(`${db}.key`, `k2:${randomBytes(32).toString('hex')}\nk1:${old.toString('hex')}\n`, { mode: 0o600 });
    expect((await sohoa(['vault', 'show', '--subject', ID, '--vault', db])).stdout).toContain('Địa chỉ thật');
    const rotated = await sohoa(['vault', 'rotate-key', '--vault', db]);
    expect(rotated.code).toBe(0);
    expect(readFileSync(`${db}.key`, 'utf8').trim().split('\n')).toHaveLength(1);
    expect((await sohoa(['vault', 'show', '--subject', ID, '--vault', db])).stdout).toContain('Địa chỉ thật');
  });
});
