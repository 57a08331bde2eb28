// Attack 2: `vault import` plants grants. A crafted export carries a grant for `eve` on every subject
// (or on another person), which import stored as-is and did not audit; eve then exported a victim.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSohoaError } from '@sohoa/core';
import { createVault, operatorAccess, type SubjectExport } from '@sohoa/vault';
import { memoryDriver } from '@sohoa/vault/drivers/memory';
import { sqliteDriver } from '@sohoa/vault/drivers/sqlite';
import { card, sohoa, storageDrivers, tempDir } from './helpers';

const VICTIM = '001180000333';
const OWN = '001190000444';
const KEY = { id: 'k1', key: Buffer.alloc(32, 3) };
const far = '2099-01-01T00:00:00.000Z';

/** An honest export of the attacker's own subject, from another vault. */
async function ownExport(): Promise<SubjectExport> {
  const source = createVault({ driver: memoryDriver(), ...operatorAccess('op') });
  await source.putDocument(
    card(OWN, { name: 'Người Nhập', birthDate: '1991-01-01', address: 'Địa chỉ riêng', sha: '2' }),
  );
  return source.exportSubject(OWN);
}

const planted = (subject: string) => ({
  id: `grant_evil_${subject === '*' ? 'all' : subject}`,
  to: 'eve',
  subject,
  purpose: '*',
  keys: ['*'],
  expiresAt: far,
  createdAt: '2026-01-01T00:00:00.000Z',
  source: 'stored' as const,
});

for (const { name, make } of storageDrivers()) {
  describe(`attack 2, import plants grants (${name})`, () => {
    for (const subject of ['*', VICTIM]) {
      it(`refuses an export carrying a grant on \`${subject}\` and writes nothing`, async () => {
        const vault = createVault({
          driver: make(`plant-${subject === '*' ? 'all' : 'victim'}`),
          masterKey: KEY,
          ...operatorAccess('op'),
        });
        await vault.putDocument(
          card(VICTIM, { name: 'Nạn Nhân', birthDate: '1970-01-01', address: 'Địa chỉ nạn nhân', sha: '3' }),
        );
        const data = await ownExport();
        data.grants = [...data.grants, planted(subject)];
        const error = await vault.importSubject(data).catch((e: unknown) => e);
        expect(isSohoaError(error, 'VAULT_IMPORT_INVALID')).toBe(true);
        expect(await vault.hasSubject(OWN)).toBe(false);
        expect(await vault.listGrants(VICTIM)).toEqual([expect.objectContaining({ source: 'config' })]);
        const eve = await vault.exportSubject(VICTIM, { actor: 'eve' }).catch((e: unknown) => e);
        expect(isSohoaError(eve, 'VAULT_GRANT_MISSING')).toBe(true);
        await vault.close();
      });
    }

    it('runs a grant on the exported subject through the checks of `grant()` and audits it', async () => {
      const vault = createVault({ driver: make('honest'), masterKey: KEY, ...operatorAccess('op') });
      const data = await ownExport();
      const noExpiry = { ...planted(OWN), id: 'grant_no_expiry', expiresAt: undefined };
      const bad = await vault.importSubject({ ...data, grants: [noExpiry] }).catch((e: unknown) => e);
      expect(isSohoaError(bad, 'VAULT_IMPORT_INVALID')).toBe(true);
      expect(await vault.hasSubject(OWN)).toBe(false);
      const result = await vault.importSubject({
        ...data,
        grants: [{ ...planted(OWN), purpose: 'portal', keys: ['person.*'] }],
      });
      expect(result.grants).toBe(1);
      const log = await vault.listAudit(OWN);
      expect(log).toContainEqual(
        expect.objectContaining({ action: 'grant', grantId: `grant_evil_${OWN}`, keys: ['person.*'] }),
      );
      expect(log.at(-1)).toMatchObject({ action: 'import' });
      await vault.close();
    });
  });
}

describe('attack 2 through the CLI', () => {
  it('`sohoa vault import` of a planted wildcard grant fails with one line, and eve still cannot export the victim', async () => {
    const dir = tempDir();
    const db = join(dir, 'v.db');
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${db}.key`, `k1:${KEY.key.toString('hex')}\n`, { mode: 0o600 });
    const vault = createVault({ driver: sqliteDriver({ path: db }), masterKey: KEY, ...operatorAccess('op') });
    await vault.putDocument(
      card(VICTIM, { name: 'Nạn Nhân', birthDate: '1970-01-01', address: 'Địa chỉ nạn nhân', sha: '3' }),
    );
    await vault.close();
    const data = await ownExport();
    data.grants = [...data.grants, planted('*')];
    const file = join(dir, 'crafted.json');
    writeFileSync(file, JSON.stringify(data));
    const imported = await sohoa(['vault', 'import', file, '--vault', db]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(/VAULT_IMPORT_INVALID/);
    const stolen = await sohoa(['vault', 'export', '--subject', VICTIM, '--vault', db, '--actor', 'eve']);
    expect(stolen.code).toBe(1);
    expect(stolen.stdout).not.toContain('Địa chỉ nạn nhân');
    expect(stolen.stderr).toMatch(/VAULT_GRANT_MISSING/);
  });
});
