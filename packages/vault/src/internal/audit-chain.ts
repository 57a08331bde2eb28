import { sha256Hex } from '@sohoa/core';
import type { AuditEntry, AuditVerification, StoredAudit } from '../types';

/** `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The stored form of an entry: canonical JSON (sorted keys, no `undefined`), hashed as is. */
export function toAuditRow(entry: Omit<AuditEntry, 'hash' | 'subjectId'>): StoredAudit {
  const body = canonicalJson(entry);
  return { seq: entry.seq, ...(entry.subjectTag !== undefined && { subjectTag: entry.subjectTag }), body, hash: sha256Hex(body) };
}

/** The entry a row holds. */
export function fromAuditRow(row: StoredAudit): AuditEntry {
  return { ...(JSON.parse(row.body) as Omit<AuditEntry, 'hash'>), hash: row.hash };
}

/**
 * Walk the chain: each row's hash is the SHA-256 of its body, each body names the previous hash and
 * the next sequence number. An edited entry breaks its own hash (or, rehashed, the next link); a
 * deleted one leaves a gap. A truncated tail shows only against a `head` kept from before.
 */
export function verifyChain(rows: readonly StoredAudit[], head?: string): AuditVerification {
  let prev = GENESIS_HASH;
  let headSeen = head === undefined || head === GENESIS_HASH;
  for (const [i, row] of rows.entries()) {
    const seq = i + 1;
    const broken = (reason: NonNullable<AuditVerification['brokenAt']>['reason']): AuditVerification => ({
      ok: false,
      entries: rows.length,
      head: rows.at(-1)?.hash ?? GENESIS_HASH,
      brokenAt: { seq, reason },
    });
    let entry: Partial<AuditEntry>;
    try {
      entry = JSON.parse(row.body) as Partial<AuditEntry>;
    } catch {
      return broken('hash-mismatch');
    }
    if (row.seq !== seq || entry.seq !== seq) return broken('sequence-gap');
    if (sha256Hex(row.body) !== row.hash) return broken('hash-mismatch');
    if (entry.prevHash !== prev) return broken('chain-broken');
    prev = row.hash;
    if (row.hash === head) headSeen = true;
  }
  const last = rows.at(-1)?.hash ?? GENESIS_HASH;
  if (!headSeen) return { ok: false, entries: rows.length, head: last, brokenAt: { seq: rows.length, reason: 'head-not-found' } };
  return { ok: true, entries: rows.length, head: last };
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
