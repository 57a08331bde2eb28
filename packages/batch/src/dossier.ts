import { isSohoaError, type Diagnostic, type DocumentRecord, type SubjectRef } from '@sohoa/core';
import {
  safeParseDossierCode,
  type Dossier,
  type DossierComponent,
  type DossierInput,
  type DossierStatus,
  type Procedure,
} from '@sohoa/vault';
import type { ManifestEntry } from './manifest';
import type { DocumentSink, DossierAttachment } from './types';

// One read-modify-write at a time per dossier and vault, so that two files of one dossier processed
// at once both end up in it.
const locks = new WeakMap<object, Map<string, Promise<unknown>>>();

function serialised<T>(owner: object, key: string, fn: () => Promise<T>): Promise<T> {
  let byKey = locks.get(owner);
  if (!byKey) locks.set(owner, (byKey = new Map()));
  const previous = byKey.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.catch(() => undefined);
  byKey.set(key, tail);
  void tail.then(() => {
    if (byKey.get(key) === tail) byKey.delete(key);
  });
  return run;
}

const OPEN: DossierStatus[] = ['received', 'processing', 'additional-info-requested'];

/** A manifest's subject column as a subject: 9 or 12 digits is a person's ID, anything else a tax code. */
export function subjectOf(id: string): SubjectRef {
  return { kind: /^\d{9}$|^\d{12}$/.test(id) ? 'person' : 'org', id };
}

function notAttached(
  code: string,
  role: DossierAttachment['role'],
  why: string,
): { attachment: DossierAttachment; diagnostics: Diagnostic[] } {
  return {
    attachment: { code, role, attached: false },
    diagnostics: [
      {
        code: 'BATCH_DOSSIER_NOT_ATTACHED',
        severity: 'warning',
        origin: 'batch',
        message: `The file was stored but not attached to its dossier: ${why}`,
      },
    ],
  };
}

/** The requirement a document answers: the one listing its type, else an extra requirement for the type. */
function requirementFor(
  procedure: Procedure,
  type: string,
): { procedure: Procedure; requirementId: string; extra: boolean } {
  const listed = procedure.requirements.find((r) => r.documentTypes?.includes(type));
  if (listed) return { procedure, requirementId: listed.id, extra: false };
  const id = `x-${type}`;
  if (procedure.requirements.some((r) => r.id === id)) return { procedure, requirementId: id, extra: true };
  return {
    procedure: {
      ...procedure,
      requirements: [...procedure.requirements, { id, name: type, originals: 0, copies: 0, documentTypes: [type] }],
    },
    requirementId: id,
    extra: true,
  };
}

/**
 * Attaches a stored document to the dossier its manifest row names: as a result (by vault document id)
 * or as a component (by document id, or by file hash when the document is another person's). Creates
 * the dossier when the vault has none with that code. Idempotent: a file already listed is not added
 * again, and nothing is written then. Problems with the data come back as a warning, never a throw.
 */
export async function attachToDossier(
  sink: DocumentSink,
  input: {
    row: ManifestEntry & { dossier: string };
    record: DocumentRecord;
    documentId: string;
    sha256: string;
    /** The dossier owner's ID as another manifest row of the same dossier states it, when this row has no `subject`. */
    owner?: string;
  },
  procedures?: Map<string, Procedure>,
): Promise<{ attachment: DossierAttachment; diagnostics: Diagnostic[] }> {
  const { row, record, documentId, sha256, owner } = input;
  const role = row.role ?? 'result';
  const code = row.dossier.trim();
  const update = sink.updateDossier?.bind(sink);
  const get = sink.getDossier?.bind(sink);
  const put = sink.putDossier?.bind(sink);
  if (!update && !(get && put))
    return notAttached(
      code,
      role,
      'the vault given to the batch cannot keep dossiers (it has no `updateDossier`, nor `getDossier` and `putDossier`).',
    );
  type Outcome = { attachment: DossierAttachment; diagnostics: Diagnostic[] };

  // What this file changes in the dossier as it is now: the outcome, and the dossier to write (if any).
  const plan = (existing: Dossier | undefined): { outcome: Outcome; next?: DossierInput } => {
    if (existing && row.procedure && existing.procedure.code !== row.procedure) {
      return {
        outcome: notAttached(
          code,
          role,
          `the dossier is kept for procedure \`${existing.procedure.code}\`, the manifest row names \`${row.procedure}\`; fix the manifest.`,
        ),
      };
    }
    const stated = row.subject ?? owner;
    const subject = existing?.subject ?? (stated ? subjectOf(stated) : record.subject);
    if (!subject)
      return {
        outcome: notAttached(code, role, 'no subject: give the dossier owner in the manifest `subject` column.'),
      };
    let procedure =
      existing?.procedure ??
      (row.procedure
        ? (procedures?.get(row.procedure) ?? { code: row.procedure, name: row.procedure, requirements: [] })
        : undefined);
    if (!procedure)
      return {
        outcome: notAttached(
          code,
          role,
          'the dossier is not in the vault yet and the manifest row has no `procedure` code to create it with.',
        ),
      };
    const ownDocument = record.subject?.id === subject.id;
    const diagnostics: Diagnostic[] = [];
    const components: DossierComponent[] = [...(existing?.components ?? [])];
    const results = [...(existing?.results ?? [])];
    let requirementId: string | undefined;
    let changed = !existing;
    if (role === 'result') {
      // The vault keeps as results only documents of the dossier's own subject.
      if (!ownDocument)
        return {
          outcome: notAttached(
            code,
            role,
            'a result must be a document of the dossier owner, and this one names another subject; check the manifest `subject` column.',
          ),
        };
      if (!results.includes(documentId)) results.push(documentId), (changed = true);
    } else {
      const already = components.find((c) => c.documentId === documentId || c.sha256 === sha256);
      if (already) requirementId = already.requirementId;
      else {
        const found = requirementFor(procedure, record.type);
        if (found.extra && procedures?.has(procedure.code)) {
          diagnostics.push({
            code: 'BATCH_DOSSIER_EXTRA_COMPONENT',
            severity: 'info',
            origin: 'batch',
            message: `No requirement of procedure \`${procedure.code}\` lists document type \`${record.type}\`; the file is attached as an extra component \`${found.requirementId}\`.`,
          });
        }
        procedure = found.procedure;
        requirementId = found.requirementId;
        // Another person's document (a parent's card in a child's dossier) is attached as an upload, by its hash.
        components.push(ownDocument ? { requirementId, documentId } : { requirementId, sha256 });
        changed = true;
      }
    }
    const outcome: Outcome = {
      attachment: { code, role, attached: true, ...(requirementId ? { requirementId } : {}) },
      diagnostics,
    };
    if (!changed) return { outcome };
    const parsed = safeParseDossierCode(code);
    const status: DossierStatus = existing
      ? role === 'result' && OPEN.includes(existing.status)
        ? 'completed'
        : existing.status
      : role === 'result'
        ? 'completed'
        : 'received';
    return {
      outcome,
      next: {
        code,
        subject,
        procedure,
        receivingAgency: existing?.receivingAgency ?? row.agency ?? (parsed.ok ? parsed.value.agency : code),
        receivedOn:
          existing?.receivedOn ??
          (parsed.ok ? parsed.value.receivedOn : (record.issued ?? new Date().toISOString().slice(0, 10))),
        ...(existing?.dueOn ? { dueOn: existing.dueOn } : {}),
        status,
        components,
        results,
      },
    };
  };

  try {
    if (update) {
      // A compare-and-set in the vault: safe against workers on other machines writing the same dossier.
      let outcome: Outcome | undefined;
      await update(code, (existing) => {
        const planned = plan(existing);
        outcome = planned.outcome;
        return planned.next;
      });
      return outcome!;
    }
    // A sink without `updateDossier`: one read-modify-write at a time in this process.
    return await serialised(sink, code, async () => {
      const planned = plan(await get!(code));
      if (planned.next) await put!(planned.next);
      return planned.outcome;
    });
  } catch (error) {
    if (
      isSohoaError(error, 'VAULT_DOSSIER_INVALID') ||
      isSohoaError(error, 'VAULT_GRANT_MISSING') ||
      isSohoaError(error, 'VAULT_DOSSIER_CONFLICT')
    ) {
      return notAttached(code, role, `the vault refused it (\`${error.code}\`: ${error.message})`);
    }
    throw error;
  }
}
