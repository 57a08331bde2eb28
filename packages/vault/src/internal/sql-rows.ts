import type { Grant, StoredCopy, StoredSubject } from '../types';

/** The columns of a copy row (SQLite and PostgreSQL drivers), in the order of {@link copyValues}. */
export const COPY_COLUMNS =
  'doc_code, document_id, agency, kind, number, version, status, created_at, stored_at, sha256, size, location, page_count, source_sha256, signed, replaced_by';

/** A copy row as read from SQLite or PostgreSQL (`number`, `size` come back as strings from PostgreSQL's bigint). */
export interface CopyRow {
  doc_code: string;
  document_id: string;
  agency: string;
  kind: string;
  number: number | string;
  version: number | string;
  status: string;
  created_at: string;
  stored_at: string | null;
  sha256: string | null;
  size: number | string | null;
  location: string | null;
  page_count: number | string | null;
  source_sha256: string | null;
  signed: number | boolean | null;
  replaced_by: string | null;
}

/** The columns a copy gains when it is stored, in the order of {@link storedCopyValues}. */
export const STORED_COPY_COLUMNS = ['stored_at', 'sha256', 'size', 'location', 'page_count', 'source_sha256', 'signed'];

/** The values of {@link STORED_COPY_COLUMNS}, in order. */
export function storedCopyValues(c: StoredCopy): unknown[] {
  return [
    c.storedAt ?? null,
    c.sha256 ?? null,
    c.size ?? null,
    c.location ?? null,
    c.pageCount ?? null,
    c.sourceSha256 ?? null,
    c.signed === undefined ? null : c.signed ? 1 : 0,
  ];
}

/** The values of {@link COPY_COLUMNS}, in order. */
export function copyValues(c: StoredCopy): unknown[] {
  return [
    c.docCode,
    c.documentId,
    c.agency,
    c.kind,
    c.number,
    c.version,
    c.status,
    c.createdAt,
    ...storedCopyValues(c),
    c.replacedBy ?? null,
  ];
}

export function toCopy(r: CopyRow): StoredCopy {
  return {
    docCode: r.doc_code,
    documentId: r.document_id,
    agency: r.agency,
    kind: r.kind,
    number: Number(r.number),
    version: Number(r.version),
    status: r.status as StoredCopy['status'],
    createdAt: r.created_at,
    ...(r.stored_at !== null && { storedAt: r.stored_at }),
    ...(r.sha256 !== null && { sha256: r.sha256 }),
    ...(r.size !== null && { size: Number(r.size) }),
    ...(r.location !== null && { location: r.location }),
    ...(r.page_count !== null && { pageCount: Number(r.page_count) }),
    ...(r.source_sha256 !== null && { sourceSha256: r.source_sha256 }),
    ...(r.signed !== null && { signed: r.signed === true || r.signed === 1 }),
    ...(r.replaced_by !== null && { replacedBy: r.replaced_by }),
  };
}

/** A subject row as read from SQLite or PostgreSQL. */
export interface SubjectRow {
  id: string;
  kind: string;
  wrapped_key: string | null;
  sealed_ref: string | null;
}

export function toSubject(r: SubjectRow): StoredSubject {
  return {
    kind: r.kind as StoredSubject['kind'],
    id: r.id,
    ...(r.wrapped_key !== null && { wrappedKey: r.wrapped_key }),
    ...(r.sealed_ref !== null && { sealedRef: r.sealed_ref }),
  };
}

/** A grant row: its JSON body and, once revoked, when. */
export function toGrant(r: { body: string; revoked_at: string | null }): Grant {
  return {
    ...(JSON.parse(r.body) as Grant),
    ...(r.revoked_at !== null && { revokedAt: r.revoked_at }),
  };
}
