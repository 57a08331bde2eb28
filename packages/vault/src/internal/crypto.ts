import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { SohoaError } from '@sohoa/core';
import type { MasterKey } from '../types';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED = 'e1:';
const PLAIN = 'p1:';

/** A fresh random 256-bit key. */
export function randomKey(): Buffer {
  return randomBytes(32);
}

/** Checks a master key once, so a wrong length fails at `createVault()`, not at the first write. */
export function assertMasterKey(key: MasterKey, label: string): void {
  if (typeof key?.id !== 'string' || !/^[\w.-]{1,64}$/.test(key.id)) {
    throw new SohoaError(
      'VAULT_KEY_INVALID',
      `The ${label} needs an \`id\` of 1-64 letters, digits, \`.\`, \`_\` or \`-\` (it names the key in stored data; it is not secret).`,
    );
  }
  if (!(key.key instanceof Uint8Array) || key.key.length !== 32) {
    throw new SohoaError(
      'VAULT_KEY_INVALID',
      `The ${label} \`${key.id}\` must be 32 random bytes (AES-256); generate one with \`crypto.randomBytes(32)\`.`,
    );
  }
}

function encrypt(key: Uint8Array, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

function decrypt(key: Uint8Array, sealed: string, aad: string): Buffer {
  const bytes = Buffer.from(sealed, 'base64');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
}

/**
 * Seals a JSON value with a subject's data key (AES-256-GCM). The additional data binds the
 * ciphertext to its row, so a value copied into another row or subject fails to open.
 * Without a data key (a vault created without a master key) the value is stored as plain JSON.
 */
export function seal(dataKey: Uint8Array | undefined, value: unknown, aad: string): string {
  const json = JSON.stringify(value);
  if (!dataKey) return PLAIN + json;
  return SEALED + encrypt(dataKey, Buffer.from(json, 'utf8'), aad);
}

/** Whether a stored value was written without encryption (by a vault without a master key). */
export function isPlaintext(stored: string): boolean {
  return stored.startsWith(PLAIN);
}

/** Opens what {@link seal} produced; a tampered or foreign ciphertext throws `VAULT_DECRYPT_FAILED`. */
export function open<T>(dataKey: Uint8Array | undefined, stored: string, aad: string): T {
  if (stored.startsWith(PLAIN)) return JSON.parse(stored.slice(PLAIN.length)) as T;
  if (!stored.startsWith(SEALED) || !dataKey) {
    throw new SohoaError(
      'VAULT_DECRYPT_FAILED',
      'A stored value is encrypted but no data key is available: open the vault with the `masterKey` it was written with.',
    );
  }
  try {
    return JSON.parse(decrypt(dataKey, stored.slice(SEALED.length), aad).toString('utf8')) as T;
  } catch (cause) {
    throw new SohoaError(
      'VAULT_DECRYPT_FAILED',
      'A stored value failed its integrity check (AES-256-GCM): the row was altered or moved, or the wrong key was supplied. Restore the row from a backup.',
      { cause },
    );
  }
}

/** Wraps a subject's data key under a master key: `<master key id>:<base64>`. */
export function wrapKey(master: MasterKey, dataKey: Uint8Array, subjectId: string): string {
  return `${master.id}:${encrypt(master.key, Buffer.from(dataKey), `dek|${subjectId}`)}`;
}

/** The id of the master key that wrapped a data key. */
export function wrappingKeyId(wrapped: string): string {
  return wrapped.slice(0, wrapped.indexOf(':'));
}

/** Unwraps a data key with whichever of the given master keys wrapped it. */
export function unwrapKey(masters: ReadonlyMap<string, MasterKey>, wrapped: string, subjectId: string): Buffer {
  const id = wrappingKeyId(wrapped);
  const master = masters.get(id);
  if (!master) {
    throw new SohoaError(
      'VAULT_KEY_MISSING',
      `A subject's data key is wrapped by master key \`${id}\`, which was not supplied: pass it in \`previousMasterKeys\` (then run \`rotateMasterKey()\`).`,
      { details: { keyId: id } },
    );
  }
  try {
    return decrypt(master.key, wrapped.slice(id.length + 1), `dek|${subjectId}`);
  } catch (cause) {
    throw new SohoaError(
      'VAULT_DECRYPT_FAILED',
      `A subject's data key failed to unwrap with master key \`${id}\`: the key bytes are wrong for that id, or the stored key was altered.`,
      { cause, details: { keyId: id } },
    );
  }
}

/** Keyed pseudonym of a subject id for the audit log (HMAC-SHA-256, 128 bits shown). */
export function subjectTag(salt: string, subjectId: string): string {
  return createHmac('sha256', Buffer.from(salt, 'base64')).update(subjectId).digest('hex').slice(0, 32);
}
