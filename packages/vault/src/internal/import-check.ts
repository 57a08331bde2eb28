import { isSohoaError, SohoaError } from '@sohoa/core';
import type { Fact, Grant, SubjectExport, VaultDocument } from '../types';
import { documentIdFor } from './fingerprint';
import { assertGrantInput } from './grants';

/** What an export will write, once its shape is known to be sound. */
export interface ImportPlan {
  documents: Array<{ document: VaultDocument; facts: Fact[] }>;
  /** Stored grants, rebuilt field by field, that are neither revoked nor expired at `at`. */
  grants: Grant[];
}

const invalid = (why: string): never => {
  throw new SohoaError(
    'VAULT_IMPORT_INVALID',
    `The export cannot be imported: ${why} Nothing was written; import only files written by \`sohoa vault export\`.`,
  );
};

/**
 * Checks everything an export claims before anything is written: one subject throughout, document
 * ids derived from their fingerprints, and each grant passing the checks of `grant()` and naming only
 * the exported subject (never `*` nor someone else). Throws `VAULT_IMPORT_INVALID`.
 */
export function planImport(data: SubjectExport, at: string): ImportPlan {
  if (
    data?.format !== 'sohoa-vault-export/1' ||
    !data.subject ||
    !Array.isArray(data.documents) ||
    !Array.isArray(data.facts)
  ) {
    invalid(
      'the data is not a sohoa vault export (`format: "sohoa-vault-export/1"` with `subject`, `documents` and `facts`).',
    );
  }
  const subject = data.subject;
  if (typeof subject.id !== 'string' || subject.id === '' || (subject.kind !== 'person' && subject.kind !== 'org')) {
    invalid('`subject` needs a `kind` and an `id`.');
  }
  const documents = data.documents.map((doc, i) => {
    if (doc?.subject?.id !== subject.id || doc.subject.kind !== subject.kind)
      invalid(`document ${i + 1} belongs to another subject; exports hold one subject each.`);
    if (typeof doc.fingerprint !== 'string' || doc.id !== documentIdFor(doc.fingerprint))
      invalid(`document ${i + 1} has an id that does not derive from its fingerprint.`);
    const facts = data.facts.filter((f) => f?.documentId === doc.id);
    if (facts.some((f) => f.subjectId !== subject.id || typeof f.key !== 'string'))
      invalid(`a fact of document ${i + 1} names another subject or no key.`);
    return { document: doc, facts };
  });
  for (const [i, dossier] of (data.dossiers ?? []).entries()) {
    if (dossier?.subject?.id !== subject.id) invalid(`dossier ${i + 1} belongs to another subject.`);
  }
  const grants: Grant[] = [];
  for (const [i, g] of (data.grants ?? []).entries()) {
    if (g?.source === 'config') continue; // standing grants of the exporting vault's configuration are not data
    try {
      assertGrantInput(g, 'stored');
    } catch (cause) {
      if (!isSohoaError(cause, 'VAULT_GRANT_INVALID')) throw cause;
      invalid(
        `grant ${i + 1} fails the checks of \`grant()\` (${cause.message.replace(/^The grant cannot be stored: /, '')})`,
      );
    }
    if (g.subject !== subject.id)
      invalid(
        `grant ${i + 1} names a subject other than the exported one; an export may carry grants on its own subject only.`,
      );
    if (
      g.source !== 'stored' ||
      typeof g.id !== 'string' ||
      !/^[\w:.-]{1,100}$/.test(g.id) ||
      Number.isNaN(Date.parse(g.createdAt))
    ) {
      invalid(`grant ${i + 1} lacks a stored grant's \`id\`, \`createdAt\` or \`source\`.`);
    }
    if (g.revokedAt !== undefined || g.expiresAt! <= at) continue;
    grants.push({
      id: g.id,
      to: g.to,
      subject: g.subject,
      purpose: g.purpose,
      keys: [...g.keys],
      ...(g.forms !== undefined && { forms: [...g.forms] }),
      expiresAt: g.expiresAt!,
      ...(typeof g.grantedBy === 'string' && { grantedBy: g.grantedBy }),
      createdAt: g.createdAt,
      source: 'stored',
    });
  }
  return { documents, grants };
}
