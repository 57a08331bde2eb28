// Attack 6, second half (issue 13): `vault export --out` wrote the whole record in plaintext (0600
// only), so a copied or mailed export file gives away the person's ID number, name and values. An
// export file is sealed with a passphrase (SOHOA_EXPORT_PASSPHRASE) unless the operator asks for
// plaintext by name, and `vault import` opens it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNTHETIC_ID } from '../../packages/vault/src/internal/fixtures';
import { importSyntheticExport, sohoa } from './storage-helpers';

const PASSPHRASE = 'ngựa ô vượt suối, ba bảy hai mốt';
const NAME = 'Nguyễn Thị Thử';
const VALUE = 'Số 1 Đường Mẫu';
let work: string;
let vault: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'sohoa-attack-export-'));
  const made = await importSyntheticExport(work);
  expect(made.imported.code).toBe(0);
  vault = made.vault;
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const clearIn = (file: string) =>
  [SYNTHETIC_ID, NAME, VALUE].filter((s) => readFileSync(file).includes(Buffer.from(s, 'utf8')));

describe('attack 6: plaintext export files', () => {
  it('`vault export --out` with a passphrase writes no ID number, name or value in clear; `vault import` reads it back', async () => {
    const out = join(work, 'sealed.json');
    const exported = await sohoa(['vault', 'export', '--vault', vault, '--subject', SYNTHETIC_ID, '--out', out], {
      SOHOA_EXPORT_PASSPHRASE: PASSPHRASE,
    });
    expect(exported.code).toBe(0);
    expect(clearIn(out)).toEqual([]);
    const other = join(work, 'other', 'vault.db');
    const imported = await sohoa(['vault', 'import', out, '--vault', other, '--json'], {
      SOHOA_EXPORT_PASSPHRASE: PASSPHRASE,
    });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ subject: { id: SYNTHETIC_ID }, documents: { created: 1 } });
    const shown = await sohoa(['vault', 'show', '--vault', other, '--subject', SYNTHETIC_ID, '--json']);
    expect(shown.stdout).toContain(NAME);
  });

  it('without a passphrase, `--out` refuses (typed error, no file) unless `--plaintext` says so', async () => {
    const out = join(work, 'refused.json');
    const refused = await sohoa(['vault', 'export', '--vault', vault, '--subject', SYNTHETIC_ID, '--out', out], {
      SOHOA_EXPORT_PASSPHRASE: '',
    });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('VAULT_EXPORT_PASSPHRASE_MISSING');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    const plain = await sohoa(
      ['vault', 'export', '--vault', vault, '--subject', SYNTHETIC_ID, '--out', out, '--plaintext'],
      { SOHOA_EXPORT_PASSPHRASE: '' },
    );
    expect(plain.code).toBe(0);
    expect(clearIn(out)).toContain(NAME);
  });

  it('a wrong passphrase, or none, imports nothing and says why', async () => {
    const out = join(work, 'sealed-2.json');
    expect(
      (
        await sohoa(['vault', 'export', '--vault', vault, '--subject', SYNTHETIC_ID, '--out', out], {
          SOHOA_EXPORT_PASSPHRASE: PASSPHRASE,
        })
      ).code,
    ).toBe(0);
    const other = join(work, 'wrong', 'vault.db');
    const wrong = await sohoa(['vault', 'import', out, '--vault', other], {
      SOHOA_EXPORT_PASSPHRASE: 'not the passphrase',
    });
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('VAULT_EXPORT_DECRYPT_FAILED');
    const missing = await sohoa(['vault', 'import', out, '--vault', other], { SOHOA_EXPORT_PASSPHRASE: '' });
    expect(missing.stderr).toContain('VAULT_EXPORT_PASSPHRASE_MISSING');
    const shown = await sohoa(['vault', 'show', '--vault', other, '--subject', SYNTHETIC_ID]);
    expect(shown.code).not.toBe(0);
  });
});
