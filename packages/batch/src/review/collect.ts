import type { DocumentRecord } from '@sohoa/core';
import type { NewReviewItem } from './types';

/**
 * The review items of a stored record: every field below `threshold`, and every field a cross-check
 * diagnostic names (sources disagree, ID digits inconsistent, expiry off the card rules).
 */
export function collectReviewItems(
  record: DocumentRecord,
  documentId: string,
  file: string,
  threshold: number,
): NewReviewItem[] {
  if (!record.subject?.id) return [];
  const items = new Map<string, NewReviewItem>();
  const base = (key: string) => {
    const field = record.fields[key];
    const evidence = field?.evidence.find((e) => e.page !== undefined) ?? field?.evidence[0];
    return {
      documentId,
      key,
      file,
      sha256: evidence?.sha256 ?? record.sources[0]?.sha256 ?? '',
      ...(evidence?.page !== undefined ? { page: evidence.page } : {}),
      ...(evidence?.box ? { box: evidence.box } : {}),
      confidence: field?.confidence ?? 0,
    };
  };
  for (const diagnostic of record.diagnostics) {
    if (diagnostic.key && diagnostic.severity !== 'info' && record.fields[diagnostic.key]) {
      items.set(diagnostic.key, { ...base(diagnostic.key), reason: 'cross-check-failed', code: diagnostic.code });
    }
  }
  for (const [key, field] of Object.entries(record.fields)) {
    if (!items.has(key) && field.confidence < threshold && field.evidence.some((e) => e.method !== 'computed'))
      items.set(key, { ...base(key), reason: 'low-confidence' });
  }
  return [...items.values()];
}
