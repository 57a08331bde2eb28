import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { SohoaError } from '@sohoa/core';
import { createVault, operatorAccess, type MasterKey, type Vault, type VaultDriver } from '@sohoa/vault';
import { UsageError } from './errors';

/** The actor the CLI reads as, under the standing operator grant: whoever runs it holds the file and key. */
export const CLI_ACTOR = 'sohoa-cli';

export interface OpenVaultOptions {
  /** Read as another actor: then only that actor's stored grants apply (no operator grant). */
  actor?: string;
}

export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//.test(location);

/**
 * Parses a master key given as `[id:]<64 hex | base64 of 32 bytes>` (`SOHOA_MASTER_KEY`,
 * `SOHOA_PREVIOUS_MASTER_KEYS` comma-separated, or a key file).
 */
export function parseMasterKey(text: string, label: string): MasterKey {
  const trimmed = text.trim();
  const colon = trimmed.lastIndexOf(':');
  const id = colon > 0 ? trimmed.slice(0, colon) : 'k1';
  const material = colon > 0 ? trimmed.slice(colon + 1) : trimmed;
  const key = /^[0-9a-f]{64}$/i.test(material) ? Buffer.from(material, 'hex') : Buffer.from(material, 'base64');
  if (key.length !== 32) {
    throw new SohoaError('VAULT_KEY_INVALID', `The master key in ${label} is not 32 bytes: give \`[id:]\` followed by 64 hex digits or the base64 of 32 random bytes (\`openssl rand -hex 32\`).`);
  }
  return { id, key };
}

/**
 * The master key: `SOHOA_MASTER_KEY` when set (use this in production, from a secret store);
 * otherwise, for a SQLite file, the key file `<file>.key` beside it, created (mode 600) on first use.
 * A PostgreSQL vault needs `SOHOA_MASTER_KEY`.
 */
export function resolveMasterKeys(location: string): { masterKey: MasterKey; previousMasterKeys: MasterKey[] } {
  const previousMasterKeys = (process.env.SOHOA_PREVIOUS_MASTER_KEYS ?? '')
    .split(',')
    .filter((s) => s.trim() !== '')
    .map((s) => parseMasterKey(s, '`SOHOA_PREVIOUS_MASTER_KEYS`'));
  const fromEnv = process.env.SOHOA_MASTER_KEY;
  if (fromEnv) return { masterKey: parseMasterKey(fromEnv, '`SOHOA_MASTER_KEY`'), previousMasterKeys };
  if (isPostgresUrl(location)) {
    throw new SohoaError('VAULT_KEY_MISSING', 'A PostgreSQL vault needs its master key in `SOHOA_MASTER_KEY` (`[id:]` + 64 hex digits, e.g. from `openssl rand -hex 32`).');
  }
  const keyFile = `${resolve(location)}.key`;
  if (!existsSync(keyFile)) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, `k1:${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(keyFile, 0o600);
  }
  return { masterKey: parseMasterKey(readFileSync(keyFile, 'utf8'), `key file \`${keyFile.split(/[\\/]/).pop()}\``), previousMasterKeys };
}

/** Opens the vault named by `--vault`: a SQLite file path, or a `postgres://` URL. */
export async function openVault(location: string | undefined, options: OpenVaultOptions = {}): Promise<Vault> {
  if (!location) throw new UsageError('missing required option `--vault <file.db | postgres://…>`');
  const keys = resolveMasterKeys(location);
  let driver: VaultDriver;
  if (isPostgresUrl(location)) {
    const { postgresDriver } = await import('@sohoa/vault/drivers/postgres');
    driver = postgresDriver({ connectionString: location });
  } else {
    const path = resolve(location);
    mkdirSync(dirname(path), { recursive: true });
    const { sqliteDriver } = await import('@sohoa/vault/drivers/sqlite');
    driver = sqliteDriver({ path });
  }
  const access = options.actor && options.actor !== CLI_ACTOR ? { actor: options.actor } : operatorAccess(CLI_ACTOR);
  return createVault({ driver, ...keys, ...access });
}

/** Runs `fn` with an open vault and always closes it. */
export async function withVault<T>(location: string | undefined, fn: (vault: Vault) => Promise<T>, options: OpenVaultOptions = {}): Promise<T> {
  const vault = await openVault(location, options);
  try {
    return await fn(vault);
  } finally {
    await vault.close();
  }
}
