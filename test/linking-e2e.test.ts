import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import type { DocumentRecord, ExtractedField } from '@sohoa/core';
import { createVault } from '@sohoa/vault';
import { sqliteDriver } from '@sohoa/vault/drivers/sqlite';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'packages/cli/dist/bin.js');
const work = mkdtempSync(join(tmpdir(), 'sohoa-linking-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const keyHex = randomBytes(32).toString('hex');

async function sohoa(args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, SOHOA_MASTER_KEY: `t1:${keyHex}` },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

// A synthetic person (no real data): her card, then her birth certificate, issued before ID numbers existed.
const ID = '001099012345';
const f = (value: string): ExtractedField => ({
  value,
  confidence: 0.95,
  evidence: [{ method: 'ocr', sha256: 'e'.repeat(64), page: 1 }],
});
const card: DocumentRecord = {
  type: 'cccd-2021',
  kind: 'identity',
  part: 'front',
  subject: { kind: 'person', id: ID },
  status: 'valid',
  fields: {
    'person.idNumber': f(ID),
    'person.fullName': f('Nguyễn Thị Thử'),
    'person.birthDate': f('1999-07-14'),
    'person.sex': f('female'),
  },
  sources: [{ file: 'front.jpg', sha256: 'd'.repeat(64), page: 1, pageCount: 1 }],
  diagnostics: [],
};
const certificate: DocumentRecord = {
  type: 'giay-khai-sinh',
  kind: 'civil-status',
  part: 'full',
  status: 'valid',
  link: { evidence: [], reason: 'no-id' },
  fields: { 'person.fullName': f('NGUYỄN THỊ THỬ'), 'person.birthDate': f('1999-07-14'), 'person.sex': f('female') },
  sources: [{ file: 'khai-sinh.jpg', sha256: 'e'.repeat(64), page: 1, pageCount: 1 }],
  diagnostics: [],
};

it('an officer lists the unlinked documents with their candidates and links one, through the CLI', async () => {
  expect(existsSync(bin)).toBe(true);
  const path = join(work, 'v.db');
  const vault = createVault({
    driver: sqliteDriver({ path }),
    masterKey: { id: 't1', key: Buffer.from(keyHex, 'hex') },
  });
  await vault.putDocument(card);
  const stored = await vault.putDocument(certificate);
  await vault.close();
  expect(stored.subject).toBeUndefined();

  const listed = await sohoa(['review', 'unlinked', '--vault', path, '--json']);
  expect(listed.code, listed.stderr).toBe(0);
  const { documents } = JSON.parse(listed.stdout) as {
    documents: Array<{
      documentId: string;
      kind: string;
      link: { reason: string; candidates: Array<{ subject: { id: string }; rule: string }> };
    }>;
  };
  expect(
    documents.map((d) => [d.documentId, d.kind, d.link.reason, d.link.candidates.map((c) => [c.subject.id, c.rule])]),
  ).toEqual([[stored.documentId, 'civil-status', 'no-id', [[ID, 'name-birth-date']]]]);

  const linked = await sohoa([
    'review',
    'link',
    stored.documentId,
    ID,
    '--vault',
    path,
    '--by',
    'officer:test',
    '--reason',
    'checked against the civil register',
  ]);
  expect(linked.code, linked.stderr).toBe(0);
  expect(JSON.parse((await sohoa(['review', 'unlinked', '--vault', path, '--json'])).stdout).documents).toEqual([]);

  const missing = await sohoa(['review', 'link', 'doc_nope', ID, '--vault', path]);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toMatch(/VAULT_LINK_INVALID/);
  const badSubject = await sohoa(['review', 'link', stored.documentId, 'someone', '--vault', path]);
  expect(badSubject.code).toBe(2);
});
