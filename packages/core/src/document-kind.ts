import type { DocumentKind, DocumentRecord } from './types';

// Only for records stored before `kind` existed: new records carry the kind their type declares.
const LEGACY_KINDS: Record<string, DocumentKind> = {
  'cccd-2021': 'identity',
  'cccd-2016': 'identity',
  'can-cuoc-2024': 'identity',
  'cmnd-9': 'identity',
  'giay-khai-sinh': 'civil-status',
  'giay-chung-nhan-ket-hon': 'civil-status',
  'enterprise-registration': 'business',
  'household-business-registration': 'business',
  'land-use-certificate': 'land',
  'van-ban-hanh-chinh': 'letter',
  correction: 'correction',
};

/** The kind of a record: its own `kind`, or, for a record stored before kinds existed, the kind of its type. */
export function documentKindOf(record: Pick<DocumentRecord, 'type' | 'kind'>): DocumentKind {
  return record.kind ?? LEGACY_KINDS[record.type] ?? 'unclassified';
}
