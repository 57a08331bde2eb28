// Lesser finding: importing an export whose document id clashes with a document already held (under
// another subject) crashed with exit 70 and a stack trace, and left the new subject behind, orphaned.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSohoaError } from '@sohoa/core';
import { createVault, operatorAccess } from '@sohoa/vault';
import { memoryDriver } from '@sohoa/vault/drivers/memory';
import { sqliteDriver } from '@sohoa/vault/drivers/sqlite';
import { card, sohoa, storageDrivers, tempDir } from './helpers';

const HELD = '001180000555';
const NEW = '001190000666';
const KEY = { id: 'k1', key: Buffer.alloc(32, 5) };

/** An export of `NEW` whose only document carries the id (and fingerprint) of `HELD`'s card. */
async function clashingExport(heldDocumentId: string, heldFingerprint: string) {
  const source = createVault({ driver: memoryDriver(), ...operatorAccess('op') });
  await source.putDocument(card(NEW, { name: 'Người Mới', birthDate: '1991-01-01', address: 'Địa chỉ mới', sha: '6' }));
  const data = await source.exportSubject(NEW);
  const doc = data.documents[0]!;
  const oldId = doc.id;
  doc.id = heldDocumentId;
  doc.fingerprint = heldFingerprint;
  data.facts = data.facts.map((f) =>
    f.documentId === oldId ? { ...f, documentId: heldDocumentId, id: f.id.replace(oldId, heldDocumentId) } : f,
  );
  return data;
}

for (const { name, make } of storageDrivers()) {
  describe(`import with a clashing document id (${name})`, () => {
    it('is a typed error and writes nothing (no orphan subject)', async () => {
      const vault = createVault({ driver: make('clash'), masterKey: KEY, ...operatorAccess('op') });
      const held = await vault.putDocument(
        card(HELD, { name: 'Người Cũ', birthDate: '1970-01-01', address: 'Địa chỉ cũ', sha: '5' }),
      );
      const heldDoc = (await vault.listDocuments(HELD))[0]!;
      const error = await vault
        .importSubject(await clashingExport(held.documentId, heldDoc.fingerprint))
        .catch((e: unknown) => e);
      expect(isSohoaError(error, 'VAULT_IMPORT_CONFLICT')).toBe(true);
      expect(await vault.hasSubject(NEW)).toBe(false);
      expect((await vault.listDocuments(HELD)).map((d) => d.id)).toEqual([held.documentId]);
      await vault.close();
    });
  });
}

describe('import with a clashing document id through the CLI', () => {
  it('prints one line, exits 1, and leaves no orphan subject', async () => {
    const dir = tempDir();
    const db = join(dir, 'v.db');
    writeFileSync(`${db}.key`, `k1:${KEY.key.toString('hex')}\n`, { mode: 0o600 });
    const vault = createVault({ driver: sqliteDriver({ path: db }), masterKey: KEY, ...operatorAccess('op') });
    const held = await vault.putDocument(
      card(HELD, { name: 'Người Cũ', birthDate: '1970-01-01', address: 'Địa chỉ cũ', sha: '5' }),
    );
    const heldDoc = (await vault.listDocuments(HELD))[0]!;
    await vault.close();
    const file = join(dir, 'clash.json');
    writeFileSync(file, JSON.stringify(await clashingExport(held.documentId, heldDoc.fingerprint)));
    const result = await sohoa(['vault', 'import', file, '--vault', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/VAULT_IMPORT_CONFLICT/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const orphan = await sohoa(['vault', 'show', '--subject', NEW, '--vault', db]);
    expect(orphan.stderr).toMatch(/VAULT_SUBJECT_NOT_FOUND/);
  });
});
