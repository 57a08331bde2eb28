import { createHash } from 'node:crypto';
import { SohoaError } from '@sohoa/core';
import type { CopyRecord, Vault } from '@sohoa/vault';
import { assertAgencyCode, safeParseKind } from './doccode';
import { type SignOptions, signCopy } from './sign';
import type { BlobStore } from './store/types';

/** A reserved DocCode and the time the copy counts as made (stable across resumed runs). */
export interface CopyReservation {
  docCode: string;
  /** ISO date-time of the reservation: the `YYYYMMDD` of the file name and the copy's `digitisedAt`. */
  digitisedAt: string;
  version: number;
}

/** Options of {@link produceCopy}. */
export interface ProduceCopyOptions {
  vault: Pick<Vault, 'reserveCopy' | 'completeCopy'>;
  store: BlobStore;
  /** The vault document the copy is of. */
  documentId: string;
  /** Agency electronic code (`--agency`), QĐ 20/2020 shape. */
  agency: string;
  /** Kind abbreviation of the document's type (`docCodeKindOf(type)`; `unclassified` pages use their own). */
  kind: string;
  /** The PDF/A for a reservation (the copy writer, e.g. `writeArchivalCopy({ pages, metadata })`) and its page count. */
  render: (reservation: CopyReservation) => Promise<{ pdf: Uint8Array; pageCount: number; sourceSha256?: string }>;
  /** The blob key (file name) for a reservation, e.g. `copyFileName(metadata, desc)`. */
  name: (reservation: CopyReservation) => string;
  /** Sign as the digitising unit (PAdES B-B), when given. */
  sign?: SignOptions;
}

/** What {@link produceCopy} did. */
export interface ProducedCopy {
  record: CopyRecord;
  /** `false` when the document's copy was already stored (a resumed run): nothing was written. */
  created: boolean;
}

/**
 * Make, sign, store and record a document's digitised copy, exactly once per document even across killed and
 * resumed runs: the vault reserves the DocCode first (the same one on every retry), the bytes are written under
 * a name derived from it (atomically, replacing a half-done earlier attempt), and only then is the copy recorded
 * as stored. A document whose copy is stored already is left alone. A corrected copy goes through
 * `vault.reviseCopy()` first (same number, next version).
 */
export async function produceCopy(options: ProduceCopyOptions): Promise<ProducedCopy> {
  const agency = assertAgencyCode(options.agency);
  const kind = safeParseKind(options.kind);
  if (!kind.ok)
    throw new SohoaError('ARCHIVE_DOCCODE_INVALID', kind.diagnostics[0]!.message, { diagnostics: kind.diagnostics });
  const record = await options.vault.reserveCopy({ documentId: options.documentId, agency, kind: kind.value });
  if (record.status === 'stored') {
    if (record.location !== undefined && (await options.store.exists(record.location)))
      return { record, created: false };
    throw new SohoaError(
      'ARCHIVE_STORE_FAILED',
      `The copy \`${record.docCode}\` is recorded but its bytes are missing from the store; restore them from a backup or make a corrected copy (next version).`,
      { details: { docCode: record.docCode } },
    );
  }
  const reservation: CopyReservation = {
    docCode: record.docCode,
    digitisedAt: record.createdAt,
    version: record.version,
  };
  const key = options.name(reservation);
  const rendered = await options.render(reservation);
  const pdf = options.sign ? await signCopy(rendered.pdf, options.sign) : rendered.pdf;
  await options.store.put(key, pdf);
  const stored = await options.vault.completeCopy(record.docCode, {
    sha256: createHash('sha256').update(pdf).digest('hex'),
    size: pdf.length,
    location: key,
    pageCount: rendered.pageCount,
    ...(rendered.sourceSha256 !== undefined && { sourceSha256: rendered.sourceSha256 }),
    signed: options.sign !== undefined,
  });
  return { record: stored, created: true };
}
