import { SohoaError } from '@sohoa/core';
import { safeParseDossierCode } from '../dossier-code';
import type { Dossier, DossierInput, ReadOptions, Vault } from '../types';

import { aad, type VaultCore } from './vault-core';

/** Dossiers: the documents of one application for a procedure, written with a compare-and-set. */
export function dossierMethods(
  core: VaultCore,
): Pick<Vault, 'putDossier' | 'updateDossier' | 'getDossier' | 'listDossiers'> {
  const { now, driver, open, seal, assertOpen, audit, dataKeyOf, rawRead, listDocumentsOf, dossiersOf } = core;
  async function putDossier(input: DossierInput): Promise<Dossier> {
    return (await writeDossier(input, undefined))!;
  }

  /** Validates and seals a dossier, then writes it (a compare-and-set with `expected`; `undefined` when that lost). */
  async function writeDossier(
    input: DossierInput,
    expected: { body: string } | null | undefined,
  ): Promise<Dossier | undefined> {
    assertOpen();
    const subjectId = typeof input?.subject?.id === 'string' ? input.subject.id : undefined;
    assertDossier(input, new Set(subjectId ? (await listDocumentsOf(subjectId)).map((d) => d.id) : []));
    const answered = new Set(input.components.map((c) => c.requirementId));
    const dossier: Dossier = {
      ...structuredClone(input),
      code: input.code.trim(),
      recordedAt: now().toISOString(),
      missing: input.procedure.requirements.map((r) => r.id).filter((id) => !answered.has(id)),
    };
    const { key } = await dataKeyOf(input.subject, true);
    const written = await driver.putDossier(
      {
        code: dossier.code,
        subjectId: input.subject.id,
        body: seal(key, dossier, aad.dossier(input.subject.id, dossier.code)),
      },
      expected,
    );
    return written === false ? undefined : dossier;
  }

  /** Opens a stored dossier row for a reader holding a grant on its subject, and audits the read. */
  async function readDossierRow(
    row: { code: string; subjectId: string; body: string },
    o: ReadOptions | undefined,
  ): Promise<Dossier> {
    const { actor, purpose, grants } = await rawRead(row.subjectId, o, false);
    const subject = await driver.getSubject(row.subjectId);
    const dossier = open<Dossier>(
      subject ? (await dataKeyOf(subject, false)).key : undefined,
      row.body,
      aad.dossier(row.subjectId, row.code),
    );
    await audit({ actor, action: 'read', subjectId: row.subjectId, purpose, keys: [], grantId: grants[0]!.id });
    return dossier;
  }

  async function updateDossier(
    code: string,
    update: (current: Dossier | undefined) => DossierInput | undefined | Promise<DossierInput | undefined>,
    o?: ReadOptions,
  ): Promise<Dossier | undefined> {
    assertOpen();
    const wanted = typeof code === 'string' ? code.trim() : '';
    for (let attempt = 0; attempt < 20; attempt++) {
      const row = await driver.getDossier(wanted);
      const current = row ? await readDossierRow(row, o) : undefined;
      const next = await update(current === undefined ? undefined : structuredClone(current));
      if (next === undefined) return current;
      if (next.code?.trim() !== wanted) {
        throw new SohoaError(
          'VAULT_DOSSIER_INVALID',
          `The dossier cannot be stored: \`updateDossier('${wanted}')\` returned a dossier with another code.`,
        );
      }
      const written = await writeDossier(next, row ? { body: row.body } : null);
      if (written) return written;
      // Someone else wrote this dossier in between: read theirs and apply the update again.
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 10 * (attempt + 1))));
    }
    throw new SohoaError(
      'VAULT_DOSSIER_CONFLICT',
      `The dossier \`${wanted}\` kept changing under 20 attempts to update it; try again.`,
    );
  }

  return {
    putDossier,
    updateDossier,
    async getDossier(code, o) {
      assertOpen();
      const row = await driver.getDossier(code);
      return row ? readDossierRow(row, o) : undefined;
    },
    async listDossiers(subjectId, o) {
      const { actor, purpose, grants } = await rawRead(subjectId, o, false);
      const dossiers = await dossiersOf(subjectId);
      await audit({ actor, action: 'read', subjectId, purpose, keys: [], grantId: grants[0]!.id });
      return dossiers;
    },
  };
}

/** Throws `VAULT_DOSSIER_INVALID` unless the dossier's code, procedure and components are sound; `docs` are its subject's document ids. */
export function assertDossier(input: DossierInput, docs: ReadonlySet<string>): void {
  const bad = (why: string): never => {
    throw new SohoaError('VAULT_DOSSIER_INVALID', `The dossier cannot be stored: ${why}`);
  };
  const code = safeParseDossierCode(input?.code);
  if (!code.ok) bad(code.diagnostics[0]!.message);
  if (!input.subject?.id) bad('`subject` is missing.');
  if (!input.procedure?.code || !Array.isArray(input.procedure.requirements))
    bad('`procedure` needs a `code` and `requirements` (see `procedureFromRecord()`).');
  const requirementIds = new Set(input.procedure.requirements.map((r) => r.id));
  for (const [i, c] of (input.components ?? []).entries()) {
    if (!requirementIds.has(c.requirementId))
      bad(`component ${i + 1} answers requirement \`${c.requirementId}\`, which the procedure does not have.`);
    if (c.documentId === undefined && c.sha256 === undefined)
      bad(`component ${i + 1} has neither a vault \`documentId\` nor an upload \`sha256\`.`);
    if (c.documentId !== undefined && !docs.has(c.documentId))
      bad(
        `component ${i + 1} reuses document \`${c.documentId}\`, which is not a document of this subject in the vault.`,
      );
  }
  for (const id of input.results ?? [])
    if (!docs.has(id))
      bad(`result \`${id}\` is not a document of this subject in the vault; store it with \`putDocument()\` first.`);
}
