import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { Option } from 'commander';
import { SohoaError, isSohoaError } from '@sohoa/core';
import {
  createVault,
  fileCheckpointStore,
  operatorAccess,
  type MasterKey,
  type Vault,
  type VaultDriver,
} from '@sohoa/vault';
import { UsageError } from './errors';
import { log } from './log';

/** The actor the CLI reads as, under the standing operator grant: whoever runs it holds the file and key. */
export const CLI_ACTOR = 'sohoa-cli';

export interface OpenVaultOptions {
  /** Read as another actor: then only that actor's stored grants apply (no operator grant). */
  actor?: string;
  /** Create a missing SQLite vault (and its key file): only commands that write documents do. @default false */
  create?: boolean;
}

/** `--vault`, which `SOHOA_VAULT` supplies when it is not given. */
export function vaultOption(description: string, required = true): Option {
  const option = new Option('--vault <file.db|postgres-url>', description).env('SOHOA_VAULT');
  return required ? option.makeOptionMandatory() : option;
}

/** A read command on a SQLite vault that does not exist: refused before anything (vault or key file) is created. */
export function assertVaultExists(location: string): void {
  if (isPostgresUrl(location) || existsSync(resolve(location))) return;
  const path = resolve(location);
  throw new SohoaError(
    'CLI_VAULT_NOT_FOUND',
    `No vault at ${path}. Check the path (or SOHOA_VAULT), or create the vault by digitising documents into it: \`sohoa digitize <files or folders> --vault ${path}\`.`,
    { details: { path } },
  );
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
    throw new SohoaError(
      'VAULT_KEY_INVALID',
      `The master key in ${label} is not 32 bytes: give \`[id:]\` followed by 64 hex digits or the base64 of 32 random bytes (\`openssl rand -hex 32\`).`,
    );
  }
  return { id, key };
}

/** The key file beside a SQLite vault: `<file>.key`. */
export const keyFileOf = (location: string) => `${resolve(location)}.key`;

/**
 * Reads a key file: the current master key on the first line, then any previous keys still wrapping
 * data keys (present only while `sohoa vault rotate-key` has not finished).
 */
export function readKeyFile(keyFile: string): { masterKey: MasterKey; previousMasterKeys: MasterKey[] } {
  const label = `key file \`${keyFile.split(/[\\/]/).pop()}\``;
  const [first, ...rest] = readFileSync(keyFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  if (first === undefined)
    throw new SohoaError(
      'VAULT_KEY_INVALID',
      `The ${label} is empty: restore it from a backup (without it the vault cannot be read).`,
    );
  return { masterKey: parseMasterKey(first, label), previousMasterKeys: rest.map((l) => parseMasterKey(l, label)) };
}

/** Replaces a key file atomically (a temporary file, mode 600, renamed over it), so a crash leaves the old or the new file whole. */
export function writeKeyFile(keyFile: string, keys: readonly MasterKey[]): void {
  const temporary = `${keyFile}.${process.pid}.tmp`;
  writeFileSync(temporary, keys.map((k) => `${k.id}:${Buffer.from(k.key).toString('hex')}\n`).join(''), {
    mode: 0o600,
    flag: 'w',
  });
  chmodSync(temporary, 0o600);
  renameSync(temporary, keyFile);
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
    throw new SohoaError(
      'VAULT_KEY_MISSING',
      'A PostgreSQL vault needs its master key in `SOHOA_MASTER_KEY` (`[id:]` + 64 hex digits, e.g. from `openssl rand -hex 32`).',
    );
  }
  const keyFile = keyFileOf(location);
  if (!existsSync(keyFile)) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, `k1:${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(keyFile, 0o600);
  }
  const fromFile = readKeyFile(keyFile);
  return { masterKey: fromFile.masterKey, previousMasterKeys: [...fromFile.previousMasterKeys, ...previousMasterKeys] };
}

/**
 * `sohoa vault rotate-key` for a vault whose key is in its key file: writes a new current key with
 * the old one kept as previous, rewraps every data key, then drops the old key from the file. A run
 * stopped half-way leaves both keys in the file (nothing lost); running it again finishes it.
 * With `SOHOA_MASTER_KEY` set (or a PostgreSQL vault) the keys come from the environment and no file is written.
 */
export async function rotateMasterKey(
  location: string | undefined,
  options: OpenVaultOptions = {},
): Promise<{ rewrapped: number; keyFile?: string; keyId: string }> {
  if (!location) throw new UsageError('missing required option `--vault <file.db | postgres://…>`');
  assertVaultExists(location);
  if (process.env.SOHOA_MASTER_KEY || isPostgresUrl(location)) {
    const result = await withVault(location, (v) => v.rotateMasterKey(), options);
    return { ...result, keyId: resolveMasterKeys(location).masterKey.id };
  }
  const keyFile = keyFileOf(location);
  resolveMasterKeys(location);
  let { masterKey, previousMasterKeys } = readKeyFile(keyFile);
  if (previousMasterKeys.length === 0) {
    const taken = new Set([masterKey.id]);
    const n = /^k(\d+)$/.exec(masterKey.id);
    let next = n ? `k${Number(n[1]) + 1}` : `${masterKey.id.slice(0, 60)}-r1`;
    while (taken.has(next)) next = `${next}x`;
    previousMasterKeys = [masterKey];
    masterKey = { id: next, key: randomBytes(32) };
    writeKeyFile(keyFile, [masterKey, ...previousMasterKeys]);
  }
  const result = await withVault(location, (v) => v.rotateMasterKey(), options);
  writeKeyFile(keyFile, [masterKey]);
  return { ...result, keyFile, keyId: masterKey.id };
}

/** Opens the vault named by `--vault`: a SQLite file path, or a `postgres://` URL. */
export async function openVault(location: string | undefined, options: OpenVaultOptions = {}): Promise<Vault> {
  if (!location)
    throw new UsageError('missing required option `--vault <file.db | postgres://…>` (or set SOHOA_VAULT)');
  if (!options.create) assertVaultExists(location);
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
  // Where the audit chain's head is checkpointed: beside a SQLite file by default; for PostgreSQL only when set.
  const checkpoint = process.env.SOHOA_AUDIT_CHECKPOINT;
  log().debug('vault opened', {
    vault: isPostgresUrl(location) ? 'postgres' : resolve(location),
    actor: options.actor ?? CLI_ACTOR,
  });
  return createVault({
    driver,
    ...keys,
    ...access,
    ...(checkpoint && { auditCheckpoint: fileCheckpointStore(resolve(checkpoint)) }),
  });
}

/** Runs `fn` with an open vault and always closes it. */
export async function withVault<T>(
  location: string | undefined,
  fn: (vault: Vault) => Promise<T>,
  options: OpenVaultOptions = {},
): Promise<T> {
  const vault = await openVault(location, options);
  try {
    return await fn(vault);
  } catch (error) {
    // The vault's own advice names its API (`putDocument()`); on the command line the way in is `sohoa digitize`.
    if (isSohoaError(error, 'VAULT_SUBJECT_NOT_FOUND') && location && !isPostgresUrl(location)) {
      const path = resolve(location);
      throw new SohoaError(
        'VAULT_SUBJECT_NOT_FOUND',
        `No subject with the given id is in the vault ${path}. Check the id (\`sohoa review unlinked --vault ${path}\` lists documents filed under no one), or digitise one of its documents: \`sohoa digitize <files> --vault ${path}\`.`,
        { cause: error, details: { path } },
      );
    }
    throw error;
  } finally {
    await vault.close();
  }
}
