import { existsSync } from 'node:fs';
import type { Vault } from '@sohoa/vault';
import { isPostgresUrl } from '../context';

/**
 * What `vault erase` must also remove outside the vault: the ids and source digests of the subject's
 * documents, read before the erasure (the journal beside the vault is keyed by them).
 */
export async function traceOf(vault: Vault, subjectId: string): Promise<{ documentIds: string[]; sha256: string[] }> {
  if (!(await vault.hasSubject(subjectId, { purpose: 'erase' }))) return { documentIds: [], sha256: [] };
  const documents = await vault.listDocuments(subjectId, { purpose: 'erase' });
  return {
    documentIds: documents.map((d) => d.id),
    sha256: [...new Set(documents.flatMap((d) => d.sources.map((s) => s.sha256)))],
  };
}

/** Removes an erased subject's files and review items from the batch journal (`<vault>.journal.db` unless `journal` is given), when there is one. */
export async function forgetInJournal(
  trace: { documentIds: string[]; sha256: string[] },
  location: string | undefined,
  journal: string | undefined,
): Promise<number> {
  const path = journal ?? (location && !isPostgresUrl(location) ? `${location}.journal.db` : undefined);
  if (!path || !existsSync(path) || (trace.documentIds.length === 0 && trace.sha256.length === 0)) return 0;
  const { sqliteJournal } = await import('@sohoa/batch/journal/sqlite');
  const opened = await sqliteJournal({ path });
  try {
    return await opened.forget(trace);
  } finally {
    await opened.close();
  }
}
