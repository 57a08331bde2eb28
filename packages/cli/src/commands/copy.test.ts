import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { directoryStore, produceCopy } from '@sohoa/archive';
import { samplePdf, throwawayP12 } from '@sohoa/archive/test-support/fixtures';
import { SYNTHETIC_ID, syntheticCccd } from '@sohoa/vault/internal/fixtures';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { withVault } from '../context';
import { runCommand } from '../test-support';
import { docCodeOfFileName, verifyCopyFile } from './copy';
import { registerCopyCommands } from './copy-register';
import { registerVaultCommands } from './vault';

const dir = mkdtempSync(join(tmpdir(), 'sohoa-cli-copy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'vault.db');
const copies = join(dir, 'copies');

function sohoa(...args: string[]): Promise<{ stdout: string; exitCode: number }> {
  const program = new Command('sohoa').exitOverride();
  return runCommand(
    program,
    (setExitCode) => {
      registerCopyCommands(program, setExitCode);
      registerVaultCommands(program, { setExitCode });
    },
    [...(args[0] === 'vault' ? [] : ['copy']), ...args],
  );
}

/** A signed copy of a synthetic card, made and recorded as `digitize --copies` does. */
async function makeCopy(): Promise<{ code: string; file: string }> {
  delete process.env.SOHOA_MASTER_KEY;
  const store = directoryStore({ root: copies });
  const made = await withVault(
    db,
    async (vault) => {
      const { documentId } = await vault.putDocument(syntheticCccd());
      return produceCopy({
        vault,
        store,
        documentId,
        agency: 'G09.01.02',
        kind: 'CCCD',
        render: async () => ({ pdf: await samplePdf(true), pageCount: 2 }),
        name: (r) => `${r.docCode}_${r.digitisedAt.slice(0, 10).replaceAll('-', '')}_CanCuoc.pdf`,
        sign: { p12: throwawayP12('pw'), password: 'pw' },
      });
    },
    { create: true },
  );
  return { code: made.record.docCode, file: store.locate(made.record.location!) };
}

describe('sohoa copy', () => {
  it('shows where a copy is, and verifies it against the vault; a flipped byte fails with exit 1', async () => {
    const { code, file } = await makeCopy();
    expect(code).toBe('G09.01.02_CCCD_000001_V1');
    const shown = JSON.parse((await sohoa('show', code, '--vault', db, '--copies', copies, '--json')).stdout);
    expect(shown).toMatchObject({ version: 1, path: file, copy: { docCode: code, status: 'stored', signed: true } });
    expect((await sohoa('show', code, '--vault', db)).stdout).toContain(`DocCode     ${code}`);

    const good = await sohoa('verify', file, '--vault', db, '--json');
    const result = JSON.parse(good.stdout);
    expect(result.record).toMatchObject({ docCode: code, pageCount: 2 });
    expect(result.signature).toMatchObject({ signed: true, ok: true });
    // Record and signature hold; the structure check is the copy writer's (absent from this branch: reported, fails).
    expect(result.problems.filter((p: { check: string }) => p.check !== 'structure')).toEqual([]);

    const bytes = readFileSync(file);
    const at = bytes.indexOf('stream') + 300;
    bytes[at] = bytes[at]! ^ 0x04;
    const tampered = join(copies, 'G09.01.02_CCCD_000001_V1_20260101_CanCuoc-tampered.pdf');
    writeFileSync(tampered, bytes);
    const bad = await sohoa('verify', tampered, '--vault', db, '--json');
    expect(bad.exitCode).toBe(1);
    const codes = JSON.parse(bad.stdout).problems.map((p: { check: string; code: string }) => `${p.check}/${p.code}`);
    expect(codes).toContain('record/hash-mismatch');
    expect(codes).toContain('signature/digest-mismatch');
    expect((await sohoa('verify', tampered, '--vault', db)).stdout).toContain('NOT VALID');
  });

  it('erases the subject with its copies: records, and files with --copies', async () => {
    const { code, file } = await makeCopy();
    expect(existsSync(file)).toBe(true);
    const erased = await sohoa(
      'vault',
      'erase',
      '--vault',
      db,
      '--subject',
      SYNTHETIC_ID,
      '--yes',
      '--copies',
      copies,
      '--json',
    );
    expect(JSON.parse(erased.stdout)).toMatchObject({
      erased: true,
      copies: expect.any(Number),
      copyLocationsLeft: [],
    });
    expect(existsSync(file)).toBe(false);
    await expect(sohoa('show', code, '--vault', db)).rejects.toMatchObject({ code: 'VAULT_COPY_NOT_FOUND' });
  });

  it('fails for an unknown DocCode and a malformed one', async () => {
    await expect(sohoa('show', 'G09_CV_000999_V1', '--vault', db)).rejects.toMatchObject({
      code: 'VAULT_COPY_NOT_FOUND',
    });
    await expect(sohoa('show', 'nope', '--vault', db)).rejects.toMatchObject({ code: 'ARCHIVE_DOCCODE_INVALID' });
  });
});

describe('verifyCopyFile', () => {
  it('is valid only when structure, record and signature all hold', async () => {
    const pdf = await samplePdf(true);
    const passing = async () => ({ ok: true, problems: [] });
    const noVault = await verifyCopyFile('x.pdf', pdf, { structure: passing });
    expect(noVault).toMatchObject({ ok: true, pages: 2, structure: 'checked', signature: { signed: false } });
    const unchecked = await verifyCopyFile('x.pdf', pdf, {});
    expect(unchecked.ok).toBe(false);
    expect(unchecked.problems.map((p) => p.code)).toEqual(['unchecked']);
    const failing = async () => ({ ok: false, problems: [{ code: 'pdfaid-missing', message: 'no pdfaid' }] });
    expect((await verifyCopyFile('x.pdf', pdf, { structure: failing })).problems[0]).toMatchObject({
      check: 'structure',
      code: 'pdfaid-missing',
    });
    const broken = await verifyCopyFile('x.pdf', Buffer.from('%PDF-1.7 garbage'), { structure: passing });
    expect(broken.problems.map((p) => p.code)).toContain('unreadable');
  });

  it('reads the DocCode a copy file name starts with', () => {
    expect(docCodeOfFileName('/a/G06.01_CV_000021_V1_20250202_SohoaTailieu.pdf')).toBe('G06.01_CV_000021_V1');
    expect(docCodeOfFileName('scan.pdf')).toBeUndefined();
  });
});
