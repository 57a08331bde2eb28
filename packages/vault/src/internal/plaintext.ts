import { SohoaError } from '@sohoa/core';
import { isPlaintext } from './crypto';

/**
 * In an encrypted vault every stored value must be sealed: a plaintext one was either written before
 * encryption was turned on, or put there by someone without the key (it would be read as genuine).
 * Throws `VAULT_PLAINTEXT_REFUSED`.
 */
export function assertSealed(stored: string): void {
  if (isPlaintext(stored)) {
    throw new SohoaError(
      'VAULT_PLAINTEXT_REFUSED',
      'A stored value is in plaintext but this vault is encrypted, so it was refused: it was written before a master key was used, or put there by someone without the key. If the vault was once used without a master key, seal its old values once with `vault.encryptPlaintext()` (`sohoa vault encrypt-plaintext`); otherwise restore the database from a backup.',
    );
  }
}

/** Refuses to write a value without a data key in an encrypted vault (it would be stored in plaintext). */
export function assertDataKey(key: Uint8Array | undefined): asserts key is Uint8Array {
  if (!key)
    throw new SohoaError(
      'VAULT_PLAINTEXT_REFUSED',
      'A value was about to be stored in plaintext in an encrypted vault (its subject has no data key); nothing was written. Report this: it is a bug.',
    );
}
