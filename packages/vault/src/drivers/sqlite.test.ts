import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { isSohoaError } from '@sohoa/core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runVaultContract, TEST_MASTER_KEY, TESTER_GRANT } from '../driver-contract';
import { SYNTHETIC_ID, syntheticCccd } from '../internal/fixtures';
import { createVault } from '../vault';
import { sqliteDriver } from './sqlite';

const dir = mkdtempSync(join(tmpdir(), 'sohoa-vault-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runVaultContract('sqlite', (slot) => sqliteDriver({ path: join(dir, slot, 'nested', 'vault.db') }));

const tester = { actor: 'tester', grants: [TESTER_GRANT] };

/** Every byte sohoa may leave on disk for a database: the file, its WAL and its rollback journal. */
function diskBytes(path: string): Buffer {
  return Buffer.concat(
    ['', '-wal', '-journal'].map((s) => (existsSync(path + s) ? readFileSync(path + s) : Buffer.alloc(0))),
  );
}

describe('sqlite driver', () => {
  it('fails clearly when the file is not a database', async () => {
    const file = join(dir, 'not-a-db.db');
    writeFileSync(file, 'this is plain text, not SQLite '.repeat(200));
    const vault = createVault({ driver: sqliteDriver({ path: file }), ...tester });
    const error = await vault.listSubjects().catch((e: unknown) => e);
    expect(isSohoaError(error, 'VAULT_OPEN_FAILED')).toBe(true);
    expect((error as Error).message).toMatchInlineSnapshot(
      `"Could not open the SQLite vault \`not-a-db.db\`: the file is not a SQLite database. Check that the path is a writable file (not a folder) created by sohoa, or choose another path."`,
    );
    await vault.close();
  });

  it('fails clearly when the path is a folder', async () => {
    const vault = createVault({ driver: sqliteDriver({ path: dir }), ...tester });
    await expect(vault.listSubjects()).rejects.toMatchObject({ code: 'VAULT_OPEN_FAILED' });
    await vault.close();
  });

  it('uses WAL, synchronous=FULL, secure_delete and a schema version', async () => {
    const path = join(dir, 'pragma.db');
    const vault = createVault({ driver: sqliteDriver({ path }), ...tester });
    await vault.listSubjects();
    await vault.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_version').get()).toEqual({ version: 4 });
    db.close();
  });

  it("commits a read's audit entry, with the subject's new pseudonym, in one transaction without a flush; other entries flush", async () => {
    const { default: Database } = await import('better-sqlite3');
    const ran: string[] = [];
    const prepare = Database.prototype.prepare;
    const spy = vi.spyOn(Database.prototype, 'prepare').mockImplementation(function (
      this: InstanceType<typeof Database>,
      text: string,
    ) {
      const statement = prepare.call(this, text);
      const run = statement.run.bind(statement) as (...args: unknown[]) => unknown;
      return Object.assign(statement, { run: (...a: unknown[]) => (ran.push(text), run(...a)) });
    });
    const path = join(dir, 'read-flush.db');
    const inner = sqliteDriver({ path });
    const calls: Array<{ method: string; options?: unknown; init?: boolean }> = [];
    const driver = {
      ...inner,
      appendAudit: (build: never, options?: unknown) => (
        calls.push({ method: 'appendAudit', options }), inner.appendAudit(build, options as never)
      ),
      subjectTag: (id: string, init?: () => string) => (
        calls.push({ method: 'subjectTag', init: init !== undefined }), inner.subjectTag(id, init)
      ),
    };
    try {
      const vault = createVault({ driver, masterKey: TEST_MASTER_KEY, ...tester });
      await vault.putDocument(syntheticCccd());
      ran.length = 0;
      await vault.profile(SYNTHETIC_ID, { purpose: 'p', form: 'f' });
      expect(calls).toEqual([
        {
          method: 'appendAudit',
          options: {
            subject: { id: expect.stringMatching(/^b1:[0-9a-f]{64}$/), initTag: expect.any(Function) },
            deferFlush: true,
          },
        },
      ]);
      // (The vault's first entry also stores its audit key in `meta`, once.)
      expect(ran.filter((t) => /INSERT|PRAGMA/.test(t) && !t.includes('INTO meta'))).toEqual([
        'PRAGMA synchronous = NORMAL',
        'INSERT OR IGNORE INTO subject_tags (subject_id, tag) VALUES (?, ?)',
        'INSERT INTO audit_log (seq, subject_tag, body, hash) VALUES (?, ?, ?, ?)',
        'PRAGMA synchronous = FULL',
      ]);
      ran.length = 0;
      calls.length = 0;
      await vault.grant({
        to: 'portal',
        subject: SYNTHETIC_ID,
        purpose: 'p',
        keys: ['person.*'],
        expiresAt: '2099-01-01T00:00:00Z',
      });
      expect(calls).toEqual([{ method: 'appendAudit', options: {} }]);
      expect(ran.some((t) => t.startsWith('PRAGMA synchronous'))).toBe(false);
      expect((await vault.listAudit(SYNTHETIC_ID)).map((e) => e.action)).toEqual(['read', 'grant']);
      expect((await vault.verifyAudit()).ok).toBe(true);
      await vault.close();
    } finally {
      spy.mockRestore();
    }
  });

  it('keeps the audit table append-only, and verify finds edited or deleted entries', async () => {
    const path = join(dir, 'audit.db');
    const vault = createVault({ driver: sqliteDriver({ path }), masterKey: TEST_MASTER_KEY, ...tester });
    await vault.putDocument(syntheticCccd());
    for (const purpose of ['a', 'b', 'c']) await vault.profile(SYNTHETIC_ID, { purpose, form: 'f' });
    expect((await vault.verifyAudit()).ok).toBe(true);
    await vault.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE audit_log SET body = 'x'").run()).toThrow(/append-only/);
    // Someone with file access drops the guard (reopening the vault restores it) and edits the second entry, then deletes it.
    db.exec('DROP TRIGGER audit_log_append_only_update; DROP TRIGGER audit_log_append_only_delete');
    db.prepare('UPDATE audit_log SET body = replace(body, \'"purpose":"b"\', \'"purpose":"z"\') WHERE seq = 2').run();
    db.close();
    const check = async () => {
      const v = createVault({ driver: sqliteDriver({ path }), masterKey: TEST_MASTER_KEY, ...tester });
      const result = await v.verifyAudit();
      await v.close();
      return result;
    };
    expect(await check()).toMatchObject({ ok: false, brokenAt: { seq: 2, reason: 'hash-mismatch' } });
    const again = new Database(path);
    again.exec('DROP TRIGGER audit_log_append_only_delete');
    again.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    again.close();
    expect(await check()).toMatchObject({ ok: false, brokenAt: { seq: 2, reason: 'sequence-gap' } });
  });

  for (const encrypted of [false, true]) {
    it(`erasure leaves no trace of a planted marker in the file, WAL or journal (${encrypted ? 'encrypted' : 'no master key'})`, async () => {
      const path = join(dir, `erase-${encrypted}.db`);
      const marker = `MARKER${encrypted ? 'E' : 'P'}-9F3K1Q`;
      const vault = createVault({
        driver: sqliteDriver({ path }),
        ...(encrypted && { masterKey: TEST_MASTER_KEY }),
        ...tester,
      });
      await vault.putDocument(syntheticCccd({ fullName: marker }));
      await vault.putDocument(
        syntheticCccd({
          subject: { kind: 'person', id: '001099054321' },
          sha256: '7'.repeat(64),
          fullName: 'Người Khác',
        }),
      );
      await vault.correct(SYNTHETIC_ID, { key: 'person.hometown', value: `${marker}-hometown`, reason: 'test' });
      // The scan sees plaintext when there is some: without a master key the marker is on disk.
      expect(diskBytes(path).includes(marker)).toBe(!encrypted);
      const Database = (await import('better-sqlite3')).default;
      const peek = new Database(path, { readonly: true });
      const wrapped = (peek.prepare('SELECT wrapped_key FROM subjects').get() as { wrapped_key: string | null })
        .wrapped_key;
      peek.close();
      expect(wrapped !== null).toBe(encrypted);
      await vault.erase(SYNTHETIC_ID);
      const bytes = diskBytes(path);
      expect(bytes.includes(marker)).toBe(false);
      if (wrapped) expect(bytes.includes(wrapped.slice(wrapped.indexOf(':') + 1))).toBe(false);
      expect((await vault.profile('001099054321', { purpose: 'p', form: 'f' })).values['person.fullName']?.value).toBe(
        'Người Khác',
      );
      await vault.close();
      const db = new Database(path, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    });
  }

  it('migrates a schema 1 (foundation) vault', async () => {
    const path = join(dir, 'v1.db');
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path);
    db.exec(`
      CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1);
      CREATE TABLE subjects (id TEXT PRIMARY KEY, kind TEXT NOT NULL);
      CREATE TABLE documents (id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL UNIQUE, subject_id TEXT NOT NULL, type TEXT NOT NULL, recorded_at TEXT NOT NULL, body TEXT NOT NULL);
      CREATE TABLE facts (seq INTEGER PRIMARY KEY AUTOINCREMENT, subject_id TEXT NOT NULL, document_id TEXT NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL, UNIQUE (document_id, key));
      CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, subject_id TEXT NOT NULL, at TEXT NOT NULL, body TEXT NOT NULL);`);
    db.prepare("INSERT INTO subjects VALUES (?, 'person')").run(SYNTHETIC_ID);
    db.prepare("INSERT INTO documents VALUES ('doc_1', 'f1', ?, 'cccd-2021', '2025-01-01T00:00:00.000Z', ?)").run(
      SYNTHETIC_ID,
      JSON.stringify({
        id: 'doc_1',
        subject: { kind: 'person', id: SYNTHETIC_ID },
        type: 'cccd-2021',
        status: 'valid',
        sources: [],
        recordedAt: '2025-01-01T00:00:00.000Z',
        record: {},
      }),
    );
    const fact = {
      subjectId: SYNTHETIC_ID,
      documentId: 'doc_1',
      documentType: 'cccd-2021',
      key: 'person.fullName',
      value: 'Nguyễn Thị Thử',
      confidence: 0.9,
      method: 'qr',
      authority: 80,
      documentStatus: 'valid',
      recordedAt: '2025-01-01T00:00:00.000Z',
    };
    db.prepare("INSERT INTO facts (subject_id, document_id, key, body) VALUES (?, 'doc_1', 'person.fullName', ?)").run(
      SYNTHETIC_ID,
      JSON.stringify(fact),
    );
    db.close();
    const vault = createVault({ driver: sqliteDriver({ path }), masterKey: TEST_MASTER_KEY, ...tester });
    // Schema 1 wrote plaintext: an encrypted vault refuses it until the explicit, audited migration.
    expect(
      isSohoaError(
        await vault.profile(SYNTHETIC_ID, { purpose: 'p', form: 'f' }).catch((e: unknown) => e),
        'VAULT_PLAINTEXT_REFUSED',
      ),
    ).toBe(true);
    expect(await vault.encryptPlaintext()).toEqual({ subjects: 1, values: 2 });
    expect((await vault.profile(SYNTHETIC_ID, { purpose: 'p', form: 'f' })).values['person.fullName']).toMatchObject({
      value: 'Nguyễn Thị Thử',
    });
    expect((await vault.listFacts(SYNTHETIC_ID))[0]?.id).toBe('doc_1/person.fullName');
    const put = await vault.putDocument(syntheticCccd());
    expect(put.created).toBe(true);
    // Schema 4 (issue 14) added the running numbers and copies tables to the migrated file.
    expect((await vault.reserveCopy({ documentId: put.documentId, agency: 'G09', kind: 'CCCD' })).docCode).toBe(
      'G09_CCCD_000001_V1',
    );
    await vault.close();
  });

  it('allocates running numbers without repeats across processes sharing the file', async () => {
    const built = resolve(import.meta.dirname, '../../dist/drivers/sqlite.js');
    if (!existsSync(built)) throw new Error('packages/vault/dist is missing: build the vault first (`pnpm build`).');
    const path = join(dir, 'numbers.db');
    const script = `
      const { sqliteDriver } = await import(${JSON.stringify(pathToFileURL(built).href)});
      const driver = sqliteDriver({ path: ${JSON.stringify(path)} });
      const out = [];
      for (let i = 0; i < 40; i++) out.push(await driver.nextSequence('doccode:H41:CCCD'));
      await driver.close();
      process.stdout.write(JSON.stringify(out));`;
    const run = () =>
      promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]).then((r) => JSON.parse(r.stdout));
    const numbers = (await Promise.all([run(), run(), run(), run()])).flat() as number[];
    expect(numbers).toHaveLength(160);
    expect(new Set(numbers).size).toBe(160);
    expect(Math.max(...numbers)).toBe(160);
  }, 60_000);
});
