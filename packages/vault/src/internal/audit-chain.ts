import { createHmac } from 'node:crypto';
import { sha256Hex } from '@sohoa/core';
import type { AuditCheckpoint, AuditEntry, AuditVerification, StoredAudit } from '../types';

/** `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);
/** Marks an entry whose `hash` is an HMAC under the audit key (entries without it are the old, unkeyed SHA-256). */
export const AUDIT_MAC = 'hmac-sha256';

const hmacHex = (key: Uint8Array, text: string) => createHmac('sha256', key).update(text).digest('hex');

/**
 * The stored form of an entry: canonical JSON (sorted keys, no `undefined`). With an audit key the
 * body says `mac: "hmac-sha256"` and the hash is HMAC-SHA-256 under that key, so nobody without the
 * key can recompute the chain; without one it is the SHA-256 of the body (vaults with no key).
 */
export function toAuditRow(entry: Omit<AuditEntry, 'hash' | 'subjectId' | 'mac'>, key?: Uint8Array): StoredAudit {
  const body = canonicalJson(key ? { ...entry, mac: AUDIT_MAC } : entry);
  return {
    seq: entry.seq,
    ...(entry.subjectTag !== undefined && { subjectTag: entry.subjectTag }),
    body,
    hash: key ? hmacHex(key, body) : sha256Hex(body),
  };
}

/** The entry a row holds. */
export function fromAuditRow(row: StoredAudit): AuditEntry {
  return { ...(JSON.parse(row.body) as Omit<AuditEntry, 'hash'>), hash: row.hash };
}

/** A checkpoint of the chain's head, MACed under the audit key when there is one. */
export function toCheckpoint(row: { seq: number; hash: string }, key?: Uint8Array): AuditCheckpoint {
  return { seq: row.seq, head: row.hash, ...(key && { mac: hmacHex(key, `checkpoint|${row.seq}|${row.hash}`) }) };
}

/** The MACed "keyed from entry `seq` on" marker kept in the vault when an unkeyed chain was upgraded. */
export function keyedFromMarker(seq: number, key: Uint8Array): string {
  return `${seq}:${hmacHex(key, `keyed-from|${seq}`)}`;
}

/** What {@link verifyChain} checks the rows against. */
export interface ChainContext {
  /** The audit key; entries marked `hmac-sha256` cannot be checked without it. */
  key?: Uint8Array;
  /** The `keyedFromMarker` stored in the vault; absent with a key means keyed from entry 1. */
  keyedFrom?: string;
  /** A head hash kept from before by the caller. */
  head?: string;
  /** The last checkpoint kept outside the vault: `null` when the store has none, `undefined` without a store. */
  checkpoint?: AuditCheckpoint | null;
}

/**
 * Walk the chain: each row's hash is the HMAC (or, for old unkeyed entries, the SHA-256) of its body,
 * each body names the previous hash and the next sequence number. An edited entry breaks its own
 * hash; recomputing hashes needs the key; a deleted or reordered entry breaks the sequence or the
 * links; an unkeyed entry where the chain is keyed is refused; a truncated tail shows against the
 * checkpoint (and any `head` the caller kept).
 */
export function verifyChain(rows: readonly StoredAudit[], context: ChainContext = {}): AuditVerification {
  const { key, head } = context;
  let keyedFrom = key ? 1 : Number.POSITIVE_INFINITY;
  const last = rows.at(-1)?.hash ?? GENESIS_HASH;
  let unkeyed = 0;
  const result = (brokenAt?: AuditVerification['brokenAt']): AuditVerification => ({
    ok: brokenAt === undefined,
    entries: rows.length,
    head: last,
    mac:
      rows.length === 0
        ? key
          ? AUDIT_MAC
          : 'unkeyed'
        : unkeyed === rows.length
          ? 'unkeyed'
          : unkeyed === 0
            ? AUDIT_MAC
            : 'mixed',
    unkeyedEntries: unkeyed,
    checkpoint:
      context.checkpoint === undefined ? 'none' : context.checkpoint === null ? 'missing' : context.checkpoint.seq,
    ...(brokenAt && { brokenAt }),
  });
  if (key && context.keyedFrom !== undefined) {
    const seq = Number(context.keyedFrom.split(':')[0]);
    if (!Number.isInteger(seq) || seq < 1 || context.keyedFrom !== keyedFromMarker(seq, key))
      return result({ seq: 1, reason: 'unkeyed-entry' });
    keyedFrom = seq;
  }
  let prev = GENESIS_HASH;
  let headSeen = head === undefined || head === GENESIS_HASH;
  for (const [i, row] of rows.entries()) {
    const seq = i + 1;
    let entry: Partial<AuditEntry>;
    try {
      entry = JSON.parse(row.body) as Partial<AuditEntry>;
    } catch {
      return result({ seq, reason: 'hash-mismatch' });
    }
    if (row.seq !== seq || entry.seq !== seq) return result({ seq, reason: 'sequence-gap' });
    if (entry.mac === AUDIT_MAC) {
      if (!key) return result({ seq, reason: 'key-missing' });
      if (hmacHex(key, row.body) !== row.hash) return result({ seq, reason: 'hash-mismatch' });
    } else {
      if (seq >= keyedFrom) return result({ seq, reason: 'unkeyed-entry' });
      if (sha256Hex(row.body) !== row.hash) return result({ seq, reason: 'hash-mismatch' });
      unkeyed++;
    }
    if (entry.prevHash !== prev) return result({ seq, reason: 'chain-broken' });
    prev = row.hash;
    if (row.hash === head) headSeen = true;
  }
  if (!headSeen) return result({ seq: rows.length, reason: 'head-not-found' });
  const checkpoint = context.checkpoint;
  if (checkpoint) {
    if (rows.length < checkpoint.seq) return result({ seq: rows.length, reason: 'truncated' });
    // A checkpoint written before the upgrade to a keyed chain has no MAC.
    const expected = toCheckpoint(
      { seq: checkpoint.seq, hash: checkpoint.head },
      checkpoint.seq < keyedFrom ? undefined : key,
    );
    if ((checkpoint.seq > 0 && rows[checkpoint.seq - 1]?.hash !== checkpoint.head) || expected.mac !== checkpoint.mac)
      return result({ seq: checkpoint.seq, reason: 'checkpoint-mismatch' });
  } else if (checkpoint === null && unkeyed < rows.length) {
    // A keyed chain is checkpointed from its first entry: no checkpoint means it was removed.
    return result({ seq: rows.length, reason: 'checkpoint-missing' });
  }
  return result();
}

/** JSON with sorted keys and `undefined` dropped, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
