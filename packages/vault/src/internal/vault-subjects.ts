import { SohoaError } from '@sohoa/core';
import { isPlaintext, open as openValue, unwrapKey, wrapKey, wrappingKeyId } from './crypto';
import { planImport } from './import-check';
import type { Fact, SubjectExport, Vault } from '../types';

import { assertDossier } from './vault-dossiers';
import { aad, RELATION_KEY, type VaultCore } from './vault-core';

/** A subject's whole life in the vault: export, import, erasure, and the keys its values are sealed with. */
export function subjectMethods(
  core: VaultCore,
  putDossier: Vault['putDossier'],
): Pick<Vault, 'exportSubject' | 'importSubject' | 'erase' | 'encryptPlaintext' | 'rotateMasterKey'> {
  const { options, now, defaultActor, master, masters, driver, blind, dataKeys, seal, assertOpen } = core;
  const { log, audit, dataKeyOf, grantsFor, storeDocument, readFacts, rawRead, listDocumentsOf } = core;
  const { dossiersOf, listAuditOf } = core;
  const notFound: () => never = core.notFound;
  async function exportSubject(subjectId: string, o?: { actor?: string }): Promise<SubjectExport> {
    const { actor, grants } = await rawRead(
      subjectId,
      { purpose: 'export', ...(o?.actor !== undefined && { actor: o.actor }) },
      true,
    );
    const held = await readFacts(subjectId);
    if (!held) notFound();
    const relations = held.facts
      .map((f) => ({ m: RELATION_KEY.exec(f.key), f }))
      .filter((x): x is { m: RegExpExecArray; f: Fact } => x.m !== null)
      .map(({ m, f }) => ({ role: m[1]!, subjectId: String(f.value) }));
    const seen = new Set<string>();
    await audit({ actor, action: 'export', subjectId, purpose: 'export', keys: ['*'], grantId: grants[0]!.id });
    return {
      format: 'sohoa-vault-export/1',
      exportedAt: now().toISOString(),
      subject: held.subject,
      documents: await listDocumentsOf(subjectId),
      facts: held.facts,
      relations: relations.filter((r) => !seen.has(`${r.role}|${r.subjectId}`) && seen.add(`${r.role}|${r.subjectId}`)),
      dossiers: await dossiersOf(subjectId),
      grants: (await grantsFor(subjectId)).filter((g) => g.subject === subjectId),
      audit: await listAuditOf(subjectId),
    };
  }

  async function importSubject(data: SubjectExport, o?: { actor?: string }) {
    assertOpen();
    const actor = o?.actor ?? defaultActor;
    const plan = planImport(data, now().toISOString());
    const subject = data.subject;
    // Everything that could clash is checked before the first write, so a refused import leaves nothing behind.
    const conflict = (what: string): never => {
      throw new SohoaError(
        'VAULT_IMPORT_CONFLICT',
        `The export cannot be imported: ${what} Nothing was written; check that the file is the export of this subject.`,
      );
    };
    const exportedIds = new Set(plan.documents.map((d) => d.document.id));
    for (const { document } of plan.documents) {
      const held = await driver.getDocument(document.id);
      if (held && held.subjectId !== subject.id)
        conflict('one of its documents is already held under another subject.');
    }
    const docs = new Set([...(await listDocumentsOf(subject.id)).map((d) => d.id), ...exportedIds]);
    for (const dossier of data.dossiers ?? []) {
      assertDossier(dossier, docs);
      const held = await driver.getDossier(dossier.code.trim());
      if (held && held.subjectId !== subject.id)
        conflict('one of its dossier codes is already used by another subject.');
    }
    let created = 0;
    for (const { document, facts } of plan.documents) if ((await storeDocument(document, facts)).created) created++;
    for (const dossier of data.dossiers ?? []) await putDossier(dossier);
    let grantCount = 0;
    for (const g of plan.grants) {
      if (await driver.getGrant(g.id)) continue;
      await driver.insertGrant(g);
      await audit({ actor, action: 'grant', subjectId: g.subject, purpose: g.purpose, keys: g.keys, grantId: g.id });
      grantCount++;
    }
    await audit({ actor, action: 'import', subjectId: subject.id, keys: [] });
    return {
      subject,
      documents: { created, unchanged: data.documents.length - created },
      dossiers: (data.dossiers ?? []).length,
      grants: grantCount,
    };
  }

  async function erase(subjectId: string, o?: { actor?: string }) {
    const { actor, grants } = await rawRead(
      subjectId,
      { purpose: 'erase', ...(o?.actor !== undefined && { actor: o.actor }) },
      false,
    );
    dataKeys.delete(subjectId);
    const exists = (await driver.getSubject(subjectId)) !== undefined;
    // The entry keeps the pseudonym the subject had; erasure deletes it, so nothing links it to the id.
    const tag = await log.tagOf(subjectId, true);
    // The bytes of its digitised copies go first: if that fails the records remain, and erasing again retries.
    const locations = (await driver.listSubjectCopies(subjectId)).flatMap((c) => (c.location ? [c.location] : []));
    if (options.copyStore) for (const location of locations) await options.copyStore.delete(location);
    const counts = await driver.eraseSubject(subjectId);
    dataKeys.delete(subjectId);
    log.forget(subjectId);
    await audit({ actor, action: 'erase', tag, purpose: 'erase', keys: ['*'], grantId: grants[0]!.id });
    return { erased: exists, ...counts, copyLocationsLeft: options.copyStore ? [] : locations };
  }

  async function encryptPlaintext(o?: { actor?: string }) {
    assertOpen();
    if (!master) {
      throw new SohoaError(
        'VAULT_KEY_MISSING',
        'Sealing plaintext values needs the `masterKey` to seal them with; pass it to `createVault()`.',
      );
    }
    const actor = o?.actor ?? defaultActor;
    let subjects = 0;
    let values = 0;
    for (const row of await driver.listSubjects()) {
      const documents = (await driver.listDocuments(row.id)).filter((d) => isPlaintext(d.body));
      const facts = (await driver.listFacts(row.id)).filter((f) => isPlaintext(f.body));
      const dossiers = (await driver.listDossiers(row.id)).filter((d) => isPlaintext(d.body));
      if (documents.length + facts.length + dossiers.length === 0) continue;
      dataKeys.delete(row.id);
      const { key } = await dataKeyOf(row, true);
      const reseal = (body: string, additional: string) =>
        seal(key, openValue(undefined, body, additional), additional);
      await driver.replaceBodies(row.id, {
        documents: documents.map((d) => ({ id: d.id, body: reseal(d.body, aad.document(row.id, d.id)) })),
        facts: facts.map((f) => ({
          documentId: f.documentId,
          key: f.key,
          body: reseal(f.body, aad.fact(row.id, f.documentId, f.key)),
        })),
        dossiers: dossiers.map((d) => ({ code: d.code, body: reseal(d.body, aad.dossier(row.id, d.code)) })),
      });
      subjects++;
      values += documents.length + facts.length + dossiers.length;
      await audit({
        actor,
        action: 'encrypt-plaintext',
        subjectId: row.id,
        purpose: 'encrypt-plaintext',
        keys: [...new Set(facts.map((f) => f.key))],
      });
    }
    return { subjects, values };
  }

  async function rotateMasterKey(o?: { actor?: string }) {
    assertOpen();
    if (!master) {
      throw new SohoaError(
        'VAULT_KEY_MISSING',
        'Key rotation needs the new key as `masterKey` and the old ones in `previousMasterKeys` when creating the vault.',
      );
    }
    let rewrapped = 0;
    for (const row of await driver.listSubjects()) {
      if (!row.wrappedKey || wrappingKeyId(row.wrappedKey) === master.id) continue;
      const key = unwrapKey(masters, row.wrappedKey, row.id);
      await driver.setWrappedKey(row.id, wrapKey(master, key, row.id));
      rewrapped++;
    }
    await blind?.rewrapIndexKey(master);
    await log.rewrap(master);
    await audit({
      actor: o?.actor ?? defaultActor,
      action: 'rotate-key',
      purpose: `master-key:${master.id}`,
      keys: [],
    });
    return { rewrapped };
  }

  return { exportSubject, importSubject, erase, encryptPlaintext, rotateMasterKey };
}
