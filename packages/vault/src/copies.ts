import { SohoaError } from '@sohoa/core';
import type { CopyRecord, CopyStored, ReadOptions, StoredCopy, VaultDriver } from './types';

/** Highest running number of the DocCode (`STT`, 6 digits). */
const MAX_NUMBER = 999_999;
/** Storage-safety shapes only; `@sohoa/archive` checks the QĐ 20/2020 shape before calling. */
const SAFE_AGENCY = /^[A-Z0-9][A-Z0-9.]{0,19}$/;
const SAFE_KIND = /^[A-Z][A-Z0-9]{0,9}$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** What the copy methods need from the vault. */
export interface CopyContext {
  driver: VaultDriver;
  now: () => Date;
  assertOpen: () => void;
  /** Checks a grant on the subject and audits the read of `documentId` (no keys). */
  readOf: (subjectId: string, documentId: string, options: ReadOptions | undefined) => Promise<void>;
}

const invalid = (why: string): never => {
  throw new SohoaError('VAULT_COPY_INVALID', `The copy cannot be recorded: ${why}`);
};

const codeOf = (c: Pick<CopyRecord, 'agency' | 'kind' | 'number' | 'version'>) =>
  `${c.agency}_${c.kind}_${String(c.number).padStart(6, '0')}_V${c.version}`;

/** The copy methods of the vault: numbering, reservation, completion and audited reads (issue 14). */
export function copyMethods(ctx: CopyContext) {
  const { driver } = ctx;

  /** The current copy of a document: its highest version. */
  async function currentOf(documentId: string): Promise<StoredCopy | undefined> {
    return (await driver.listCopies({ documentId })).at(-1);
  }

  async function assertDocument(documentId: unknown): Promise<string> {
    if (typeof documentId !== 'string' || documentId === '') invalid('`documentId` is missing.');
    if (!(await driver.getDocument(documentId as string)))
      invalid(
        `no document \`${String(documentId).slice(0, 80)}\` in the vault; store it with \`putDocument()\` first.`,
      );
    return documentId as string;
  }

  async function reserveCopy(input: { documentId: string; agency: string; kind: string }): Promise<CopyRecord> {
    ctx.assertOpen();
    const documentId = await assertDocument(input?.documentId);
    if (typeof input.agency !== 'string' || !SAFE_AGENCY.test(input.agency))
      invalid('`agency` is not an agency electronic code (capital letters, digits and dots, e.g. `G09.01.02`).');
    if (typeof input.kind !== 'string' || !SAFE_KIND.test(input.kind))
      invalid('`kind` is not an uppercase ASCII abbreviation (e.g. `GKS`).');
    // Another worker may reserve the same document at the same time: the (document, version) key lets one win,
    // the other reads the winner's reservation (its number stays unused: numbers never repeat, gaps are allowed).
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await currentOf(documentId);
      if (current) return current;
      const number = await driver.nextSequence(`doccode:${input.agency}:${input.kind}`);
      if (number > MAX_NUMBER)
        throw new SohoaError(
          'ARCHIVE_DOCCODE_EXHAUSTED',
          `The running numbers of agency \`${input.agency}\` and kind \`${input.kind}\` are used up (${MAX_NUMBER}); use another agency code or kind.`,
        );
      const row: StoredCopy = {
        docCode: codeOf({ agency: input.agency, kind: input.kind, number, version: 1 }),
        agency: input.agency,
        kind: input.kind,
        number,
        version: 1,
        documentId,
        status: 'reserved',
        createdAt: ctx.now().toISOString(),
      };
      if (await driver.insertCopy(row)) return row;
    }
    throw new SohoaError('VAULT_COPY_INVALID', 'The copy kept being reserved by another writer; try again.');
  }

  async function reviseCopy(documentId: string): Promise<CopyRecord> {
    ctx.assertOpen();
    await assertDocument(documentId);
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await currentOf(documentId);
      if (!current) invalid('the document has no copy to correct; reserve its first with `reserveCopy()`.');
      if (current!.status === 'reserved') return current!;
      const version = current!.version + 1;
      const row: StoredCopy = {
        ...current!,
        docCode: codeOf({ ...current!, version }),
        version,
        status: 'reserved',
        createdAt: ctx.now().toISOString(),
      };
      for (const k of ['storedAt', 'sha256', 'size', 'location', 'pageCount', 'sourceSha256', 'signed', 'replacedBy'])
        delete (row as unknown as Record<string, unknown>)[k];
      if (await driver.insertCopy(row)) return row;
    }
    throw new SohoaError('VAULT_COPY_INVALID', 'The copy kept being revised by another writer; try again.');
  }

  async function completeCopy(docCode: string, stored: CopyStored): Promise<CopyRecord> {
    ctx.assertOpen();
    const row = await driver.getCopy(docCode);
    if (!row)
      throw new SohoaError(
        'VAULT_COPY_NOT_FOUND',
        `No copy \`${String(docCode).slice(0, 40)}\` is reserved in the vault.`,
      );
    if (typeof stored?.sha256 !== 'string' || !SHA256.test(stored.sha256)) invalid('`sha256` is not 64 hex digits.');
    if (stored.sourceSha256 !== undefined && !SHA256.test(stored.sourceSha256))
      invalid('`sourceSha256` is not 64 hex digits.');
    if (!Number.isSafeInteger(stored.size) || stored.size <= 0) invalid('`size` is not a positive whole number.');
    if (!Number.isSafeInteger(stored.pageCount) || stored.pageCount <= 0)
      invalid('`pageCount` is not a positive whole number.');
    if (typeof stored.location !== 'string' || stored.location === '') invalid('`location` is missing.');
    if (row.status === 'stored') {
      // Idempotent for a resumed batch that recorded the same bytes already; anything else is a second copy.
      if (row.sha256 === stored.sha256 && row.location === stored.location) return row;
      invalid(`\`${row.docCode}\` is already stored with other bytes; revise it with \`reviseCopy()\` instead.`);
    }
    const next: StoredCopy = {
      ...row,
      status: 'stored',
      storedAt: ctx.now().toISOString(),
      sha256: stored.sha256,
      size: stored.size,
      location: stored.location,
      pageCount: stored.pageCount,
      ...(stored.sourceSha256 !== undefined && { sourceSha256: stored.sourceSha256 }),
      ...(stored.signed !== undefined && { signed: stored.signed }),
    };
    const previous =
      row.version > 1
        ? (await driver.listCopies({ documentId: row.documentId })).find((c) => c.version === row.version - 1)
        : undefined;
    if (!(await driver.storeCopy(next, previous?.docCode))) {
      const now = await driver.getCopy(docCode);
      if (now?.status === 'stored' && now.sha256 === stored.sha256 && now.location === stored.location) return now;
      invalid(`\`${row.docCode}\` was stored by another writer with other bytes.`);
    }
    return next;
  }

  async function readable(rows: StoredCopy[], options: ReadOptions | undefined): Promise<CopyRecord[]> {
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.documentId)) continue;
      seen.add(row.documentId);
      const doc = await driver.getDocument(row.documentId);
      if (doc) await ctx.readOf(doc.subjectId, row.documentId, options);
    }
    return rows;
  }

  return {
    reserveCopy,
    reviseCopy,
    completeCopy,
    async getCopy(docCode: string, options?: ReadOptions): Promise<CopyRecord | undefined> {
      ctx.assertOpen();
      const row = typeof docCode === 'string' ? await driver.getCopy(docCode.trim()) : undefined;
      return row && (await readable([row], options))[0];
    },
    async findCopies(query: { documentId: string } | { sha256: string }, options?: ReadOptions): Promise<CopyRecord[]> {
      ctx.assertOpen();
      if ('sha256' in query && !SHA256.test(String(query.sha256))) invalid('`sha256` is not 64 lower-case hex digits.');
      return readable(await driver.listCopies(query), options);
    },
  };
}
