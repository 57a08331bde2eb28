import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SohoaError, writePrivateFile, type SubjectRef } from '@sohoa/core';
import type { Journal, ReviewItem } from '@sohoa/batch';
import { cropPage, readPages, toPng } from '@sohoa/ingest';
import { assertVaultExists, withVault } from '../context';
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
  // A read: a missing vault or journal is refused, never created empty.
  if (options.vault) assertVaultExists(options.vault);
  if (!existsSync(path)) {
    throw new SohoaError(
      'CLI_JOURNAL_NOT_FOUND',
      `No batch journal at ${resolve(path)}: \`sohoa digitize <files> --vault <file.db>\` writes it beside the vault (or pass \`--journal <file>\`).`,
      { details: { path: resolve(path) } },
    );
  }
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
  if (!item)
    throw new SohoaError('BATCH_REVIEW_NOT_FOUND', `No review item \`${id}\`: list them with \`sohoa review list\`.`);
  return item;
}

/** `sohoa review list`: the fields waiting for an officer (keys and places, no values). */
export async function runReviewList(options: ReviewCommandOptions): Promise<number> {
  // The queue keeps no subject ids: a subject's items are those of its documents in the vault.
  const documentIds = options.subject
    ? await withVault(options.vault, async (vault) =>
        (await vault.listDocuments(options.subject!, { purpose: 'review' })).map((d) => d.id),
      )
    : undefined;
  const items = await withJournal(options, (j) =>
    j.review.list({ status: options.status ?? 'open', ...(documentIds ? { documentIds } : {}) }),
  );
  if (options.json) process.stdout.write(`${JSON.stringify({ items }, null, 2)}\n`);
  else
    process.stdout.write(
      `${formatTable(
        ['id', 'key', 'reason', 'confidence', 'file', 'page'],
        items.map((i) => [i.id, i.key, i.code ?? i.reason, i.confidence.toFixed(2), i.file, String(i.page ?? '')]),
      )}\n${items.length} item(s)\n`,
    );
  return 0;
}

async function currentFact(vaultPath: string | undefined, item: ReviewItem) {
  return withVault(vaultPath, async (vault) => {
    const subjectId = (await vault.getDocument(item.documentId, { purpose: 'review' }))?.subject.id;
    if (subjectId === undefined)
      throw new SohoaError(
        'BATCH_REVIEW_NOT_FOUND',
        `The vault no longer holds the document behind review item \`${item.id}\` (erased).`,
      );
    const facts = await vault.listFacts(subjectId, { purpose: 'review' });
    const fact = facts.find((f) => f.documentId === item.documentId && f.key === item.key);
    if (!fact)
      throw new SohoaError(
        'BATCH_REVIEW_NOT_FOUND',
        `The vault no longer holds the fact behind review item \`${item.id}\` (erased or corrected).`,
      );
    return { fact, subjectId };
  });
}

/** `sohoa review show <id> [--crop out.png]`: the value read and, with `--crop`, the evidence crop of the page. */
export async function runReviewShow(id: string, options: ReviewCommandOptions): Promise<number> {
  const item = await withJournal(options, (j) => getItem(j, id));
  const { fact } = await currentFact(options.vault, item);
  if (options.crop) {
    if (!item.box || item.page === undefined)
      throw new SohoaError('BATCH_REVIEW_NOT_FOUND', `Review item \`${id}\` has no position on a page to crop.`);
    // Evidence boxes are in the file's own pixels: read the page as decoded, without preprocessing.
    const pages = await readPages(item.file, { preprocess: false, quality: false });
    const page = pages[item.page - 1];
    if (!page) throw new SohoaError('BATCH_REVIEW_NOT_FOUND', `Page ${item.page} of \`${item.file}\` is gone.`);
    const margin = Math.round(item.box.height * 0.8);
    const crop = cropPage(page, {
      x: item.box.x - margin,
      y: item.box.y - margin,
      width: item.box.width + 2 * margin,
      height: item.box.height + 2 * margin,
    });
    writePrivateFile(options.crop, await toPng(crop));
  }
  const shown = { ...item, value: fact.value, method: fact.method };
  if (options.json) process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
  else
    process.stdout.write(
      `${item.key}: ${JSON.stringify(fact.value)} (${fact.method}, confidence ${fact.confidence.toFixed(2)}, ${item.code ?? item.reason})\nfrom ${item.file} page ${item.page ?? '?'}${options.crop ? `; crop written to ${options.crop}` : ''}\n`,
    );
  return 0;
}

/**
 * `sohoa review accept <id>` / `sohoa review correct <id> --value …`: the officer's decision becomes a
 * fact in the vault (method `manual`, the officer as its source) that supersedes what the machine read.
 */
export async function runReviewDecide(
  id: string,
  decision: 'accepted' | 'corrected',
  options: ReviewCommandOptions,
): Promise<number> {
  if (decision === 'corrected' && options.value === undefined)
    throw new UsageError('`review correct` needs `--value <the right value>`');
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

/** `sohoa review unlinked`: documents stored without a subject, with why and who they may belong to (for the operator only). */
export async function runReviewUnlinked(options: ReviewCommandOptions): Promise<number> {
  const unlinked = await withVault(options.vault, (vault) => vault.listUnlinked({ purpose: 'review' }));
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ documents: unlinked }, null, 2)}\n`);
    return 0;
  }
  const rows = unlinked.map((u) => [
    u.documentId,
    `${u.type}${u.part ? `/${u.part}` : ''}`,
    u.link.reason,
    (u.link.candidates ?? []).map((c) => `${c.subject.id} (${c.rule})`).join(', ') || '-',
  ]);
  process.stdout.write(
    `${formatTable(['document', 'type', 'reason', 'candidates'], rows)}\n${unlinked.length} unlinked document(s); link one with \`sohoa review link <document> <subject>\`\n`,
  );
  return 0;
}

function subjectFromArgument(id: string): SubjectRef {
  const trimmed = id.trim();
  if (!/^\d{9}$|^\d{12}$|^\d{10}(-\d{3})?$|^\d{13}$/.test(trimmed))
    throw new UsageError(
      'the subject must be a personal ID (12 digits), a CMND number (9 digits) or a tax code (10 or 13 digits)',
    );
  return { kind: /^\d{9}$|^\d{12}$/.test(trimmed) ? 'person' : 'org', id: trimmed };
}

/** `sohoa review link <document> <subject>`: an officer files an unlinked (or misfiled) document under a subject; audited with who and why. */
export async function runReviewLink(
  documentId: string,
  subjectId: string,
  options: ReviewCommandOptions,
): Promise<number> {
  const subject = subjectFromArgument(subjectId);
  const by = options.by ?? process.env.SOHOA_OFFICER ?? 'officer';
  const doc = await withVault(options.vault, (vault) =>
    vault.linkDocument(documentId, subject, { actor: by, reason: options.reason ?? 'linked on review' }),
  );
  if (options.json) process.stdout.write(`${JSON.stringify({ documentId: doc.id, link: doc.link }, null, 2)}\n`);
  else process.stdout.write(`${doc.id}: linked by ${by}\n`);
  return 0;
}

/** `sohoa review unlink <document>`: take a document away from the subject it was filed under (filed under the wrong person). */
export async function runReviewUnlink(documentId: string, options: ReviewCommandOptions): Promise<number> {
  const by = options.by ?? process.env.SOHOA_OFFICER ?? 'officer';
  const doc = await withVault(options.vault, (vault) =>
    vault.unlinkDocument(documentId, { actor: by, reason: options.reason ?? 'unlinked on review' }),
  );
  if (options.json) process.stdout.write(`${JSON.stringify({ documentId: doc.id, link: doc.link }, null, 2)}\n`);
  else process.stdout.write(`${doc.id}: unlinked by ${by}\n`);
  return 0;
}
