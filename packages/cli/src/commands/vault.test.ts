import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYNTHETIC_ID, syntheticCccd } from '@sohoa/vault/internal/fixtures';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { withVault } from '../context';
import { runCommand } from '../test-support';
import { registerVaultCommands } from './vault';

const dir = mkdtempSync(join(tmpdir(), 'sohoa-cli-vault-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'vault.db');

/** Runs `sohoa vault …` in-process; returns stdout and the exit code the command set. */
function sohoa(...args: string[]): Promise<{ stdout: string; exitCode: number }> {
  const program = new Command('sohoa').exitOverride();
  return runCommand(program, (setExitCode) => registerVaultCommands(program, { setExitCode }), ['vault', ...args]);
}

describe('sohoa vault', () => {
  it('shows, grants, audits, exports, erases and imports', async () => {
    delete process.env.SOHOA_MASTER_KEY;
    await withVault(db, async (v) => void (await v.putDocument(syntheticCccd())), { create: true });
    expect(statSync(`${db}.key`).mode & 0o777).toBe(0o600);
    expect(readFileSync(db).includes('Nguyễn Thị Thử')).toBe(false);

    const shown = JSON.parse((await sohoa('show', '--vault', db, '--subject', SYNTHETIC_ID, '--json')).stdout);
    expect(shown.values['person.fullName'].value).toBe('Nguyễn Thị Thử');

    const granted = JSON.parse(
      (
        await sohoa(
          'grant',
          '--vault',
          db,
          '--subject',
          SYNTHETIC_ID,
          '--to',
          'portal',
          '--purpose',
          'p',
          '--keys',
          'person.fullName,person.sex',
          '--expires',
          '2099-01-01',
          '--json',
        )
      ).stdout,
    );
    expect(granted).toMatchObject({ to: 'portal', expiresAt: '2099-01-01T23:59:59.000Z', source: 'stored' });
    const asPortal = JSON.parse(
      (await sohoa('show', '--vault', db, '--subject', SYNTHETIC_ID, '--actor', 'portal', '--purpose', 'p', '--json'))
        .stdout,
    );
    expect(Object.keys(asPortal.values).sort()).toEqual(['person.fullName', 'person.sex']);
    await expect(sohoa('show', '--vault', db, '--subject', SYNTHETIC_ID, '--actor', 'stranger')).rejects.toMatchObject({
      code: 'VAULT_GRANT_MISSING',
    });
    await sohoa('grant', '--vault', db, '--revoke', granted.id);
    await expect(
      sohoa('show', '--vault', db, '--subject', SYNTHETIC_ID, '--actor', 'portal', '--purpose', 'p'),
    ).rejects.toMatchObject({ code: 'VAULT_GRANT_MISSING' });

    const audit = JSON.parse(
      (await sohoa('audit', '--vault', db, '--subject', SYNTHETIC_ID, '--verify', '--json')).stdout,
    );
    expect(audit.entries.map((e: { action: string; actor: string }) => `${e.action}:${e.actor}`)).toEqual([
      'read:sohoa-cli',
      'grant:sohoa-cli',
      'read:portal',
      'read-denied:stranger',
      'revoke:sohoa-cli',
      'read-denied:portal',
    ]);
    expect(audit.verification).toMatchObject({ ok: true, entries: 6 });

    const file = join(dir, 'export.json');
    await sohoa('export', '--vault', db, '--subject', SYNTHETIC_ID, '--out', file, '--plaintext');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      format: 'sohoa-vault-export/1',
      subject: { id: SYNTHETIC_ID },
    });
    await expect(sohoa('erase', '--vault', db, '--subject', SYNTHETIC_ID)).rejects.toThrow(/--yes/);
    expect((await sohoa('erase', '--vault', db, '--subject', SYNTHETIC_ID, '--yes')).stdout).toMatch(
      /^erased: 1 document\(s\)/,
    );
    await expect(sohoa('show', '--vault', db, '--subject', SYNTHETIC_ID)).rejects.toMatchObject({
      code: 'VAULT_SUBJECT_NOT_FOUND',
    });
    expect(readFileSync(db).includes(SYNTHETIC_ID)).toBe(false);
    expect(existsSync(`${db}-wal`) ? readFileSync(`${db}-wal`).length : 0).toBe(0);

    expect((await sohoa('import', file, '--vault', db)).stdout).toMatch(/imported: 1 document\(s\) new/);
    expect((await sohoa('show', '--vault', db, '--subject', SYNTHETIC_ID)).stdout).toContain('"Nguyễn Thị Thử"');
    // 10 entries, and the read of the document list `erase` makes to clear the journal beside the vault.
    expect((await sohoa('audit', '--vault', db, '--verify')).stdout).toMatch(/^audit chain ok: 11 entries/);
  });

  it('needs SOHOA_MASTER_KEY for a PostgreSQL vault and rejects a malformed key', async () => {
    delete process.env.SOHOA_MASTER_KEY;
    await expect(sohoa('show', '--vault', 'postgres://127.0.0.1/x', '--subject', SYNTHETIC_ID)).rejects.toMatchObject({
      code: 'VAULT_KEY_MISSING',
    });
    process.env.SOHOA_MASTER_KEY = 'k9:abcd';
    try {
      await expect(sohoa('show', '--vault', db, '--subject', SYNTHETIC_ID)).rejects.toMatchObject({
        code: 'VAULT_KEY_INVALID',
      });
    } finally {
      delete process.env.SOHOA_MASTER_KEY;
    }
  });
});
