import { SohoaError, writePrivateFile } from '@sohoa/core';
import type { Journal, ReviewItem } from '@sohoa/batch';
import { cropPage, readPages, toPng } from '@sohoa/ingest';
import { withVault } from '../context';
import { UsageError } from '../errors';
import { formatTable } from '../table';

export interface ReviewCommandOptions {
  vault?: string;
  journal?: string;
  json?: boolean;
  status?: ReviewItem['status'];
  subject?: string;
  crop?: string;
  value?: string;
  reason?: string;
  by?: string;
}

async function withJournal<T>(options: ReviewCommandOptions, fn: (journal: Journal) => Promise<T>): Promise<T> {
  const path = options.journal ?? (options.vault ? `${options.vault}.journal.db` : undefined);
  if (!path) throw new UsageError('missing required option `--vault <file.db>` (or `--journal <file>`)');
  const { sqliteJournal } = await import('@sohoa/batch/journal/sqlite');
  const journal = await sqliteJournal({ path });
  try {
    return await fn(journal);
  } finally {
    await journal.close();
  }
}

async function getItem(journal: Journal, id: string): Promise<ReviewItem> {
  const item = await journal.review.get(id);
  if (!item) throw new SohoaError('BATCH_REVIEW_NOT_FOUND', `No review item \`${id}\`: list them with \`sohoa review list\`.`);
  return item;
}

/** `sohoa review list`: the fields waiting for an officer (keys and places, no values). */
export async function runReviewList(options: ReviewCommandOptions): Promise<number> {
  // The queue keeps no subject ids: a subject's items are those of its documents in the vault.
  const documentIds = options.subject ? await withVault(options.vault, async (vault) => (await vault.listDocuments(options.subject!, { purpose: 'review' })).map((d) => d.id)) : undefined;
  const items = await withJournal(options, (j) => j.review.list({ status: options.status ?? 'open', ...(documentIds ? { documentIds } : {}) }));
  if (options.json) process.stdout.write(`${JSON.stringify({ items }, null, 2)}\n`);
  else process.stdout.write(`${formatTable(['id', 'key', 'reason', 'confidence', 'file', 'page'], items.map((i) => [i.id, i.key, i.code ?? i.reason, i.confidence.toFixed(2), i.file, String(i.page ?? '')]))}\n${items.length} item(s)\n`);
  return 0;
}

async function currentFact(vaultPath: string | undefined, item: ReviewItem) {
  return withVault(vaultPath, async (vault) => {
    const subjectId = (await vault.getDocument(item.documentId, { purpose: 'review' }))?.subject.id;
    if (subjectId === undefined) throw new SohoaError('BATCH_REVIEW_NOT_FOUND', `The vault no longer holds the document behind review item \`${item.id}\` (erased).`);
    const facts = await vault.listFacts(subjectId, { purpose: 'review' });
    const fact = facts.find((f) => f.documentId === item.documentId && f.key === item.key);
    if (!fact) throw new SohoaError('BATCH_REVIEW_NOT_FOUND', `The vault no longer holds the fact behind review item \`${item.id}\` (erased or corrected).`);
    return { fact, subjectId };
  });
}

/** `sohoa review show <id> [--crop out.png]`: the value read and, with `--crop`, the evidence crop of the page. */
export async function runReviewShow(id: string, options: ReviewCommandOptions): Promise<number> {
  const item = await withJournal(options, (j) => getItem(j, id));
  const { fact } = await currentFact(options.vault, item);
  if (options.crop) {
    if (!item.box || item.page === undefined) throw new SohoaError('BATCH_REVIEW_NOT_FOUND', `Review item \`${id}\` has no position on a page to crop.`);
    // Evidence boxes are in the file's own pixels: read the page as decoded, without preprocessing.
    const pages = await readPages(item.file, { preprocess: false, quality: false });
    const page = pages[item.page - 1];
    if (!page) throw new SohoaError('BATCH_REVIEW_NOT_FOUND', `Page ${item.page} of \`${item.file}\` is gone.`);
    const margin = Math.round(item.box.height * 0.8);
    const crop = cropPage(page, { x: item.box.x - margin, y: item.box.y - margin, width: item.box.width + 2 * margin, height: item.box.height + 2 * margin });
    writePrivateFile(options.crop, await toPng(crop));
  }
  const shown = { ...item, value: fact.value, method: fact.method };
  if (options.json) process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
  else process.stdout.write(`${item.key}: ${JSON.stringify(fact.value)} (${fact.method}, confidence ${fact.confidence.toFixed(2)}, ${item.code ?? item.reason})\nfrom ${item.file} page ${item.page ?? '?'}${options.crop ? `; crop written to ${options.crop}` : ''}\n`);
  return 0;
}

/**
 * `sohoa review accept <id>` / `sohoa review correct <id> --value …`: the officer's decision becomes a
 * fact in the vault (method `manual`, the officer as its source) that supersedes what the machine read.
 */
export async function runReviewDecide(id: string, decision: 'accepted' | 'corrected', options: ReviewCommandOptions): Promise<number> {
  if (decision === 'corrected' && options.value === undefined) throw new UsageError('`review correct` needs `--value <the right value>`');
  const by = options.by ?? process.env.SOHOA_OFFICER ?? 'officer';
  return withJournal(options, async (journal) => {
    const item = await getItem(journal, id);
    const { fact, subjectId } = await currentFact(options.vault, item);
    await withVault(options.vault, (vault) =>
      vault.correct(subjectId, {
        key: item.key,
        value: decision === 'accepted' ? fact.value : options.value!,
        reason: options.reason ?? (decision === 'accepted' ? 'accepted on review' : 'corrected on review'),
        by,
        supersedes: [fact.id],
      }),
    );
    await journal.review.decide(id, { status: decision, by });
    process.stdout.write(`${item.key}: ${decision} by ${by}\n`);
    return 0;
  });
}
