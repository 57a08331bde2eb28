import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_MASTER_KEY, TESTER_GRANT } from './driver-contract';
import { sqliteDriver } from './drivers/sqlite';
import { memoryDriver } from './drivers/memory';
import { SYNTHETIC_ID, syntheticCccd } from './internal/fixtures';
import { blindIndexDriver } from './internal/blind-index';
import { createVault } from './vault';

const dir = mkdtempSync(join(tmpdir(), 'sohoa-blind-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tester = { actor: 'tester', grants: [TESTER_GRANT] };

describe('subject ids as a blind index', () => {
  it('migrates a vault that kept ids in clear, once and logged, the first time it is opened with a master key', async () => {
    const path = join(dir, 'clear.db');
    const plain = createVault({ driver: sqliteDriver({ path }), ...tester });
    await plain.putDocument(syntheticCccd());
    await plain.profile(SYNTHETIC_ID, { purpose: 'p', form: 'f' });
    await plain.close();

    const keyed = createVault({ driver: sqliteDriver({ path }), masterKey: TEST_MASTER_KEY, ...tester });
    expect((await keyed.listSubjects()).map((s) => s.id)).toEqual([SYNTHETIC_ID]);
    // Values written without a key are refused until sealed once (the plaintext-value migration).
    await keyed.encryptPlaintext();
    expect((await keyed.profile(SYNTHETIC_ID, { purpose: 'p', form: 'f' })).values['person.fullName']?.value).toBe(
      'Nguyễn Thị Thử',
    );
    // The read before the migration still shows in the person's log.
    expect((await keyed.listAudit(SYNTHETIC_ID)).map((e) => e.action)).toEqual(['read', 'encrypt-plaintext', 'read']);
    const entries = await keyed.verifyAudit();
    expect(entries.ok).toBe(true);
    await keyed.close();
    // Every column naming a subject now holds its index. (Bodies written without a key stay plaintext
    // until they are sealed: that is the plaintext-value migration, not this one.)
    const { default: Peek } = await import('better-sqlite3');
    const peek = new Peek(path, { readonly: true });
    const named = [
      'SELECT id AS v FROM subjects',
      'SELECT subject_id AS v FROM documents',
      'SELECT subject_id AS v FROM facts',
      'SELECT subject_id AS v FROM subject_tags',
    ].flatMap((q) => (peek.prepare(q).all() as Array<{ v: string }>).map((r) => r.v));
    peek.close();
    expect(named.length).toBeGreaterThan(3);
    expect(named.every((v) => /^b1:[0-9a-f]{64}$/.test(v))).toBe(true);

    const again = createVault({ driver: sqliteDriver({ path }), masterKey: TEST_MASTER_KEY, ...tester });
    expect((await again.verifyAudit()).entries).toBe(entries.entries);
    await again.close();
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(path, { readonly: true });
    const actions = (db.prepare('SELECT body FROM audit_log ORDER BY seq').all() as Array<{ body: string }>).map(
      (r) => (JSON.parse(r.body) as { action: string }).action,
    );
    db.close();
    expect(actions.filter((a) => a === 'migrate')).toHaveLength(1);
  });

  it('refuses to open a blind-indexed vault without its master key', async () => {
    const driver = memoryDriver();
    const keyed = createVault({ driver, masterKey: TEST_MASTER_KEY, ...tester });
    await keyed.putDocument(syntheticCccd());
    const keyless = createVault({ driver, ...tester });
    await expect(keyless.listSubjects()).rejects.toMatchObject({ code: 'VAULT_KEY_MISSING' });
  });

  it('keeps ids in clear in a vault without a master key (documented), and lookups work either way', async () => {
    const driver = memoryDriver();
    const plain = createVault({ driver, ...tester });
    await plain.putDocument(syntheticCccd());
    expect((await driver.listSubjects()).map((s) => s.id)).toEqual([SYNTHETIC_ID]);
    const keyedDriver = memoryDriver();
    const keyed = createVault({ driver: keyedDriver, masterKey: TEST_MASTER_KEY, ...tester });
    await keyed.putDocument(syntheticCccd());
    expect((await keyedDriver.listSubjects()).map((s) => s.id)).toEqual([expect.stringMatching(/^b1:[0-9a-f]{64}$/)]);
    expect(await keyed.hasSubject(SYNTHETIC_ID)).toBe(true);
    expect(await keyed.hasSubject('001099000000')).toBe(false);
  });

  it('wraps every method a driver has, so no call reaches storage with a clear id', () => {
    const inner = memoryDriver();
    const wrapped = blindIndexDriver(
      inner,
      TEST_MASTER_KEY,
      new Map([[TEST_MASTER_KEY.id, TEST_MASTER_KEY]]),
      async () => {},
    );
    const methods = (driver: object) =>
      Object.keys(driver).filter((k) => typeof (driver as Record<string, unknown>)[k] === 'function');
    expect(methods(inner).filter((m) => !methods(wrapped).includes(m))).toEqual([]);
  });
});
