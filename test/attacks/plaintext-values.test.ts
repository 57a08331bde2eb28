// Attack 3: plaintext values in an encrypted vault. Without the key, someone with the database
// replaces a sealed fact with a `p1:` plaintext value (and may clear the subject's wrapped key), and
// `vault show` returned the forged value.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSohoaError } from '@sohoa/core';
import { createVault, operatorAccess, type Fact } from '@sohoa/vault';
import { postgresDriver } from '@sohoa/vault/drivers/postgres';
import { sqliteDriver } from '@sohoa/vault/drivers/sqlite';
import { card, openSqliteFile, pgUrl, requireClient, sohoa, tempDir, type PgModule } from './helpers';

const ID = '001180000777';
const KEY = { id: 'k1', key: Buffer.alloc(32, 9) };
const FORGED = 'Địa chỉ GIẢ MẠO';
const record = card(ID, { name: 'Người Thật', birthDate: '1980-01-01', address: 'Địa chỉ thật', sha: '7' });

/** Replaces the sealed address fact with a plaintext forgery; `clearKey` also removes the wrapped data key. */
function forge(rows: Array<{ document_id: unknown; key: unknown }>, clearKey: boolean) {
  const row = rows.find((r) => r.key === 'person.permanentAddress')!;
  const fact: Partial<Fact> = {
    id: `${row.document_id}/person.permanentAddress`,
    subjectId: ID,
    documentId: String(row.document_id),
    documentType: 'cccd-2021',
    key: 'person.permanentAddress',
    value: FORGED,
    confidence: 1,
    method: 'registry',
    authority: 100,
    documentStatus: 'valid',
    recordedAt: '2026-01-01T00:00:00Z',
  };
  return { documentId: String(row.document_id), body: `p1:${JSON.stringify(fact)}`, clearKey };
}

const dir = tempDir();

describe('attack 3, plaintext values in an encrypted vault (sqlite)', () => {
  for (const clearKey of [false, true]) {
    it(`a \`p1:\` fact ${clearKey ? 'with the wrapped key cleared ' : ''}is refused on read, through the API and the CLI`, async () => {
      const db = join(dir, `forged-${clearKey}.db`);
      writeFileSync(`${db}.key`, `k1:${KEY.key.toString('hex')}\n`, { mode: 0o600 });
      const setup = createVault({ driver: sqliteDriver({ path: db }), masterKey: KEY, ...operatorAccess('op') });
      await setup.putDocument(record);
      await setup.close();
      const file = openSqliteFile(db);
      const f = forge(
        file.prepare('SELECT document_id, key FROM facts').all() as Array<{ document_id: unknown; key: unknown }>,
        clearKey,
      );
      file
        .prepare("UPDATE facts SET body = ? WHERE document_id = ? AND key = 'person.permanentAddress'")
        .run(f.body, f.documentId);
      if (clearKey) file.prepare('UPDATE subjects SET wrapped_key = NULL').run();
      file.close();

      const vault = createVault({ driver: sqliteDriver({ path: db }), masterKey: KEY, ...operatorAccess('op') });
      const error = await vault.profile(ID, { purpose: 'p', form: 'f' }).catch((e: unknown) => e);
      // With the data key gone the sealed rows fail first; either way nothing forged is read.
      expect(
        isSohoaError(error, 'VAULT_PLAINTEXT_REFUSED') || (clearKey && isSohoaError(error, 'VAULT_DECRYPT_FAILED')),
      ).toBe(true);
      await vault.close();

      const shown = await sohoa(['vault', 'show', '--subject', ID, '--vault', db]);
      expect(shown.stdout).not.toContain(FORGED);
      expect(shown.code).toBe(1);
      expect(shown.stderr).toMatch(clearKey ? /VAULT_(PLAINTEXT_REFUSED|DECRYPT_FAILED)/ : /VAULT_PLAINTEXT_REFUSED/);
    });
  }

  it('an old file written without encryption is readable only after the explicit, audited migration', async () => {
    const db = join(dir, 'legacy.db');
    const legacy = createVault({ driver: sqliteDriver({ path: db }), ...operatorAccess('op') });
    await legacy.putDocument(record);
    await legacy.close();
    const vault = createVault({ driver: sqliteDriver({ path: db }), masterKey: KEY, ...operatorAccess('op') });
    expect(
      isSohoaError(
        await vault.profile(ID, { purpose: 'p', form: 'f' }).catch((e: unknown) => e),
        'VAULT_PLAINTEXT_REFUSED',
      ),
    ).toBe(true);
    const migrated = await vault.encryptPlaintext();
    expect(migrated.subjects).toBe(1);
    expect(migrated.values).toBeGreaterThan(10);
    expect((await vault.profile(ID, { purpose: 'p', form: 'f' })).values['person.permanentAddress']?.value).toBe(
      'Địa chỉ thật',
    );
    await vault.close();
    const file = openSqliteFile(db);
    const plain = file
      .prepare(
        "SELECT (SELECT count(*) FROM facts WHERE body LIKE 'p1:%') + (SELECT count(*) FROM documents WHERE body LIKE 'p1:%') AS n",
      )
      .get();
    file.close();
    expect(plain).toEqual({ n: 0 });
    const again = createVault({ driver: sqliteDriver({ path: db }), masterKey: KEY, ...operatorAccess('op') });
    const log = (await again.verifyAudit(), await again.listAudit(ID));
    expect(log).toContainEqual(expect.objectContaining({ action: 'encrypt-plaintext' }));
    await again.close();
  });
});

describe.skipIf(process.env.CI !== 'true')('attack 3, plaintext values in an encrypted vault (postgres)', () => {
  it('a `p1:` fact is refused on read', async () => {
    const schema = `sohoa_atk3_${process.pid}`;
    const pg = requireClient('pg') as PgModule;
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      const setup = createVault({
        driver: postgresDriver({ connectionString: pgUrl, schema }),
        masterKey: KEY,
        ...operatorAccess('op'),
      });
      await setup.putDocument(record);
      await setup.close();
      const rows = (await client.query(`SELECT document_id, key FROM "${schema}".facts`)).rows as Array<{
        document_id: unknown;
        key: unknown;
      }>;
      const f = forge(rows, true);
      await client.query(
        `UPDATE "${schema}".facts SET body = $1 WHERE document_id = $2 AND key = 'person.permanentAddress'`,
        [f.body, f.documentId],
      );
      await client.query(`UPDATE "${schema}".subjects SET wrapped_key = NULL`);
      const vault = createVault({
        driver: postgresDriver({ connectionString: pgUrl, schema }),
        masterKey: KEY,
        ...operatorAccess('op'),
      });
      const error = await vault.profile(ID, { purpose: 'p', form: 'f' }).catch((e: unknown) => e);
      expect(isSohoaError(error, 'VAULT_PLAINTEXT_REFUSED') || isSohoaError(error, 'VAULT_DECRYPT_FAILED')).toBe(true);
      await vault.close();
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  });
});
