import { sha256Hex, type DocumentRecord } from '@sohoa/core';

/** Idempotency key of a record: sorted distinct source digests + type + part (content hash when no sources). */
export function documentFingerprint(record: DocumentRecord): string {
  const digests = [...new Set(record.sources.map((s) => s.sha256))].sort();
  const basis = digests.length > 0 ? digests.join(',') : `content:${sha256Hex(stableStringify(record.fields))}`;
  return sha256Hex(`${basis}|${record.type}|${record.part ?? ''}`);
}

/** Document id derived from its fingerprint, so every process computes the same id. */
export function documentIdFor(fingerprint: string): string {
  return `doc_${fingerprint.slice(0, 32)}`;
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
