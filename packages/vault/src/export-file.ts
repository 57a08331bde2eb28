import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { SohoaError } from '@sohoa/core';
import type { SubjectExport } from './types';

/** The sealed form of an export file. */
export const SEALED_EXPORT_FORMAT = 'sohoa-vault-export-sealed/1';

/** A sealed export: the JSON of a `SubjectExport`, AES-256-GCM under a key derived from a passphrase with scrypt. */
export interface SealedExport {
  format: typeof SEALED_EXPORT_FORMAT;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  /** base64: 12-byte nonce, ciphertext, 16-byte tag. */
  sealed: string;
}

// scrypt N=2^17, r=8, p=1 (OWASP's password-storage parameters): 128 MiB per guess.
const KDF = { N: 2 ** 17, r: 8, p: 1 } as const;
const MAX_N = 2 ** 20;

function keyOf(passphrase: string, kdf: SealedExport['kdf']): Buffer {
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r + (1 << 20),
  });
}

function assertPassphrase(passphrase: string | undefined): asserts passphrase is string {
  if (typeof passphrase !== 'string' || passphrase.length < 12) {
    throw new SohoaError(
      'VAULT_EXPORT_PASSPHRASE_MISSING',
      'A sealed export needs a passphrase of at least 12 characters: set SOHOA_EXPORT_PASSPHRASE (the CLI) or pass one to `sealExport()`; give it to the recipient by another channel.',
    );
  }
}

/** Whether parsed JSON is a sealed export (rather than a plaintext `SubjectExport`). */
export function isSealedExport(value: unknown): value is SealedExport {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === SEALED_EXPORT_FORMAT;
}

/**
 * Seal an export with a passphrase. The header (format and KDF parameters) is authenticated too.
 *
 * @example
 * writePrivateFile('export.json', JSON.stringify(sealExport(await vault.exportSubject(id), passphrase)));
 */
export function sealExport(data: SubjectExport, passphrase: string): SealedExport {
  assertPassphrase(passphrase);
  const kdf = { name: 'scrypt' as const, ...KDF, salt: randomBytes(16).toString('base64') };
  const header = { format: SEALED_EXPORT_FORMAT as typeof SEALED_EXPORT_FORMAT, kdf };
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(passphrase, kdf), iv);
  cipher.setAAD(Buffer.from(JSON.stringify(header), 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return { ...header, sealed: Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64') };
}

/** Open a sealed export; `VAULT_EXPORT_DECRYPT_FAILED` for a wrong passphrase or an altered file. */
export function openExport(sealed: SealedExport, passphrase: string | undefined): SubjectExport {
  assertPassphrase(passphrase);
  const failed = (why: string, cause?: unknown): never => {
    throw new SohoaError('VAULT_EXPORT_DECRYPT_FAILED', `The sealed export cannot be opened: ${why}`, {
      ...(cause !== undefined && { cause }),
    });
  };
  const kdf = sealed.kdf;
  if (
    kdf?.name !== 'scrypt' ||
    ![kdf.N, kdf.r, kdf.p].every(Number.isInteger) ||
    kdf.N > MAX_N ||
    kdf.r > 32 ||
    kdf.p > 16 ||
    typeof kdf.salt !== 'string' ||
    typeof sealed.sealed !== 'string'
  ) {
    failed('its header is not one sohoa writes; ask for a new export.');
  }
  const bytes = Buffer.from(sealed.sealed, 'base64');
  if (bytes.length < 28) failed('it is truncated; ask for a new export.');
  const header = {
    format: SEALED_EXPORT_FORMAT,
    kdf: { name: kdf.name, N: kdf.N, r: kdf.r, p: kdf.p, salt: kdf.salt },
  };
  let text: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(passphrase, kdf), bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(JSON.stringify(header), 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    text = Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
  } catch (cause) {
    return failed('the passphrase is wrong or the file was altered. Check SOHOA_EXPORT_PASSPHRASE.', cause);
  }
  return JSON.parse(text) as SubjectExport;
}
