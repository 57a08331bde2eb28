import { createHmac, randomBytes } from 'node:crypto';
import { SohoaError } from '@sohoa/core';
import type { MasterKey, VaultDriver } from '../types';
import { keyedFromMarker } from './audit-chain';
import { unwrapKey, wrapKey, wrappingKeyId } from './crypto';

// The audit key is wrapped like a subject's data key, under this pseudo-subject.
const WRAP_LABEL = '#audit-chain';
const META_KEY = 'audit-key';
const MARKER_KEY = 'audit-keyed-from';
const EXTERNAL = 'external:';

/** The audit chain's key and the stored marker of where keyed entries begin. */
export interface AuditKeyState {
  key: Buffer | undefined;
  keyedFrom: string | undefined;
}

/**
 * Resolves the audit key once per vault. With a master key: a random key kept in the vault's meta
 * wrapped by the master key (so it survives a rotation, unlike a key derived from the master key).
 * With `auditKey` (vaults without a master key): that key, with a random tag and its MAC stored so a
 * wrong key is reported. The first keyed use of a vault whose chain already has (unkeyed) entries
 * stores a MACed marker saying where keyed entries begin: the one-way upgrade.
 */
export async function resolveAuditKey(
  driver: VaultDriver,
  options: { master?: MasterKey; masters: ReadonlyMap<string, MasterKey>; auditKey?: Uint8Array },
): Promise<AuditKeyState> {
  const { master, masters, auditKey } = options;
  if (!master && !auditKey) return { key: undefined, keyedFrom: undefined };
  let proposed: string;
  let fresh: Buffer;
  if (auditKey) {
    if (!(auditKey instanceof Uint8Array) || auditKey.length !== 32) {
      throw new SohoaError(
        'VAULT_KEY_INVALID',
        'The `auditKey` must be 32 random bytes; generate one with `crypto.randomBytes(32)` and keep it outside the vault.',
      );
    }
    fresh = Buffer.from(auditKey);
    proposed = externalCheck(fresh, randomBytes(16).toString('hex'));
  } else {
    fresh = randomBytes(32);
    proposed = wrapKey(master!, fresh, WRAP_LABEL);
  }
  const stored = await driver.meta(META_KEY, () => proposed);
  let key: Buffer;
  if (auditKey) {
    key = fresh;
    if (!stored.startsWith(EXTERNAL)) {
      throw new SohoaError(
        'VAULT_AUDIT_KEY_MISSING',
        'This vault keeps its audit key wrapped by its master key: open it with the `masterKey` instead of `auditKey`.',
      );
    }
    if (stored !== externalCheck(key, stored.slice(EXTERNAL.length).split(':')[0]!)) {
      throw new SohoaError(
        'VAULT_AUDIT_KEY_MISSING',
        "The `auditKey` given is not the key this vault's audit chain was written with; pass the right one (its chain cannot be verified without it).",
      );
    }
  } else if (stored.startsWith(EXTERNAL)) {
    throw new SohoaError(
      'VAULT_AUDIT_KEY_MISSING',
      'The audit chain of this vault is keyed with a separate `auditKey`: pass it to `createVault()` as well.',
    );
  } else {
    key = unwrapKey(masters, stored, WRAP_LABEL);
  }
  if (stored === proposed) {
    // This call created the key: if the chain already has entries, they are the unkeyed past.
    const rows = await driver.listAudit();
    const from = (rows.at(-1)?.seq ?? 0) + 1;
    if (from > 1) await driver.setMeta(MARKER_KEY, keyedFromMarker(from, key));
  }
  const marker = await driver.meta(MARKER_KEY, () => '');
  return { key, keyedFrom: marker === '' ? undefined : marker };
}

/** After a master key rotation: the audit key (already resolved) rewrapped under the new master key. */
export async function rewrapAuditKey(driver: VaultDriver, master: MasterKey, key: Uint8Array): Promise<void> {
  const stored = await driver.meta(META_KEY, () => wrapKey(master, key, WRAP_LABEL));
  if (stored.startsWith(EXTERNAL) || wrappingKeyId(stored) === master.id) return;
  await driver.setMeta(META_KEY, wrapKey(master, key, WRAP_LABEL));
}

/** `external:<tag>:<HMAC of the tag>`: tells a wrong `auditKey` from the right one without storing it. */
function externalCheck(key: Uint8Array, tag: string): string {
  return `${EXTERNAL}${tag}:${createHmac('sha256', key).update(`audit-key-check|${tag}`).digest('hex')}`;
}
