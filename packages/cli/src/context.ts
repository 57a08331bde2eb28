import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SohoaError } from '@sohoa/core';
import { createVault, type Vault } from '@sohoa/vault';
import { UsageError } from './errors';

/** Opens the vault named by `--vault`: a SQLite file path (PostgreSQL URLs come with the vault issue). */
export async function openVault(location: string | undefined): Promise<Vault> {
  if (!location) throw new UsageError('missing required option `--vault <file.db>`');
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new SohoaError('VAULT_DRIVER_MISSING', 'PostgreSQL vaults are not supported by this version yet: pass a SQLite file path to `--vault`.');
  }
  const path = resolve(location);
  mkdirSync(dirname(path), { recursive: true });
  const { sqliteDriver } = await import('@sohoa/vault/drivers/sqlite');
  return createVault({ driver: sqliteDriver({ path }) });
}

/** Runs `fn` with an open vault and always closes it. */
export async function withVault<T>(location: string | undefined, fn: (vault: Vault) => Promise<T>): Promise<T> {
  const vault = await openVault(location);
  try {
    return await fn(vault);
  } finally {
    await vault.close();
  }
}
