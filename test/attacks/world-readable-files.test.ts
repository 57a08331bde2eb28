// Attack 6 (issue 13): files that hold personal data are created readable by everyone (0644), so any
// local account reads the vault, its WAL, the batch journal, the reports and `vault export --out`.
// Every such file must be created 0600, whatever the process umask.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVault, operatorAccess } from '@sohoa/vault';
import { sqliteDriver } from '@sohoa/vault/drivers/sqlite';
import { sqliteJournal } from '@sohoa/batch/journal/sqlite';
import { SYNTHETIC_ID, syntheticCccd } from '../../packages/vault/src/internal/fixtures';
import { bin, importSyntheticExport, sohoa } from './storage-helpers';

const mode = (path: string) => statSync(path).mode & 0o777;

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'sohoa-attack-modes-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('attack 6: files readable by everyone', () => {
  it('the SQLite vault, its WAL and SHM are created 0600 under umask 022', async () => {
    const previous = process.umask(0o022);
    try {
      const path = join(work, 'api', 'vault.db');
      const vault = createVault({ driver: sqliteDriver({ path }), ...operatorAccess('attack') });
      await vault.putDocument(syntheticCccd());
      for (const file of [path, `${path}-wal`, `${path}-shm`]) {
        expect(existsSync(file), file).toBe(true);
        expect(mode(file).toString(8), file).toBe('600');
      }
      await vault.close();
    } finally {
      process.umask(previous);
    }
  });

  it('the batch journal (with its review queue) and its WAL are created 0600 under umask 022', async () => {
    const previous = process.umask(0o022);
    try {
      const path = join(work, 'api', 'vault.db.journal.db');
      const journal = await sqliteJournal({ path });
      await journal.start('c'.repeat(64), 'front.jpg');
      for (const file of [path, `${path}-wal`, `${path}-shm`]) {
        expect(existsSync(file), file).toBe(true);
        expect(mode(file).toString(8), file).toBe('600');
      }
      await journal.close();
    } finally {
      process.umask(previous);
    }
  });

  it('`sohoa vault import` and `vault export --out` create 0600 files', async () => {
    if (!existsSync(bin))
      throw new Error('packages/cli/dist/bin.js is missing: build first (`pnpm --filter "./packages/*" build`).');
    const { vault, imported } = await importSyntheticExport(work);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const out = join(work, 'cli', 'out', 'export.json');
    const exportRun = await sohoa(['vault', 'export', '--vault', vault, '--subject', SYNTHETIC_ID, '--out', out], {
      SOHOA_EXPORT_PASSPHRASE: 'một passphrase đủ dài',
    });
    expect(exportRun.code).toBe(0);
    for (const file of [vault, `${vault}.key`, out]) {
      expect(existsSync(file), file).toBe(true);
      expect(mode(file).toString(8), file).toBe('600');
    }
  });
});

describe('attack 6: reports and journal of `sohoa digitize`', () => {
  it('`digitize --report` creates its journal and its reports 0600', async () => {
    if (!existsSync(bin))
      throw new Error('packages/cli/dist/bin.js is missing: build first (`pnpm --filter "./packages/*" build`).');
    const vault = join(work, 'digitize', 'vault.db');
    const report = join(work, 'digitize', 'reports', 'run');
    const result = await sohoa([
      'digitize',
      'seeds/data/cccd/01-tran-kim-giang/front.jpg',
      '--vault',
      vault,
      '--report',
      report,
      '--quiet',
      '--json',
      '--no-isolate',
    ]);
    expect(result.code).toBe(0);
    for (const file of [vault, `${vault}.journal.db`, `${report}.json`, `${report}.csv`, `${report}.html`]) {
      expect(existsSync(file), file).toBe(true);
      expect(mode(file).toString(8), file).toBe('600');
    }
  }, 120_000);
});
