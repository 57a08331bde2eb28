import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSohoaError } from '@sohoa/core';
import { afterAll, describe, expect, it } from 'vitest';
import { signCopy, verifySignature } from './sign';
import { samplePdf, throwawayP12 } from './test-support/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'sohoa-sign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const password = 'throwaway-test-password';
const p12 = throwawayP12(password);
const hasPdfsig = spawnSync('pdfsig', ['-v']).status === 0;
if (!hasPdfsig) {
  if (process.env.CI === 'true') throw new Error('pdfsig (poppler-utils) is missing; `.ci/run` installs it.');
  console.warn('pdfsig (poppler-utils) missing: its checks are skipped');
}

/** pdfsig's report of a file, and its exit status. */
function pdfsig(bytes: Uint8Array, name: string): { status: number | null; out: string } {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const r = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const at = new Date('2026-03-04T05:06:07Z');
const options = { p12, password, reason: 'Số hoá bản sao điện tử', location: 'Phường Thử, TP. Mẫu', signingTime: at };

describe.each([
  ['cross-reference stream', true],
  ['cross-reference table', false],
])('signCopy on a PDF with a %s', (label, objectStreams) => {
  it('adds a PAdES B-B signature that pdfsig and verifySignature find valid, naming the unit and time', async () => {
    const pdf = await samplePdf(objectStreams);
    const signed = await signCopy(pdf, options);
    // Incremental: the original bytes are kept as they are; the page images are not written again.
    expect(Buffer.from(signed.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);
    const added = signed.length - pdf.length;
    expect(added).toBeLessThan(20_000);
    expect(added).toBeLessThan(pdf.length / 5);
    const check = verifySignature(signed);
    expect(check).toMatchObject({
      signed: true,
      ok: true,
      problems: [],
      subFilter: 'ETSI.CAdES.detached',
      name: 'UBND phường Thử Nghiệm',
      reason: 'Số hoá bản sao điện tử',
      location: 'Phường Thử, TP. Mẫu',
      signingTime: '2026-03-04T05:06:07Z',
      coversWholeFile: true,
    });
    expect(check.signer).toContain('CN=UBND');
    if (!hasPdfsig) return;
    const report = pdfsig(signed, `signed-${objectStreams}.pdf`);
    expect(report.out).toContain('Signature Validation: Signature is Valid.');
    expect(report.out).toContain('ETSI.CAdES.detached');
    expect(report.out).toMatch(/Signing Time: Mar 04 2026/);
    // The page count is unchanged for an independent reader.
    expect(execFileSync('pdfinfo', [join(dir, `signed-${objectStreams}.pdf`)], { encoding: 'utf8' })).toMatch(
      /Pages:\s+2/,
    );
  });

  it('is caught by pdfsig and verifySignature when one byte is flipped', async () => {
    const signed = Buffer.from(await signCopy(await samplePdf(objectStreams), options));
    // A byte inside the first page image's stream, far from the signature.
    const target = signed.indexOf('stream') + 200;
    signed[target] = signed[target]! ^ 0x01;
    const check = verifySignature(signed);
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.code)).toContain('digest-mismatch');
    if (!hasPdfsig) return;
    const report = pdfsig(signed, `flipped-${objectStreams}.pdf`);
    expect(report.out).not.toContain('Signature is Valid.');
    expect(report.out).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });

  it(`flags bytes appended after the signature (${label})`, async () => {
    const signed = await signCopy(await samplePdf(objectStreams), options);
    const appended = Buffer.concat([Buffer.from(signed), Buffer.from('\n% appended\n')]);
    const check = verifySignature(appended);
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.code)).toContain('appended');
  });
});

describe('signCopy input errors', () => {
  it('throws ARCHIVE_SIGN_FAILED for a wrong password or not a PDF', async () => {
    const pdf = await samplePdf(true);
    const wrong = await signCopy(pdf, { ...options, password: 'wrong' }).catch((e) => e);
    expect(isSohoaError(wrong, 'ARCHIVE_SIGN_FAILED')).toBe(true);
    expect((wrong as Error).message).toContain('SOHOA_SIGN_PASSWORD');
    const notPdf = await signCopy(Buffer.from('not a pdf'), options).catch((e) => e);
    expect(isSohoaError(notPdf, 'ARCHIVE_SIGN_FAILED')).toBe(true);
  });

  it('reports an unsigned file as unsigned', async () => {
    expect(verifySignature(await samplePdf(true))).toMatchObject({ signed: false, ok: false });
  });

  it('reads a PKCS#12 made by openssl (AES-256, PBKDF2, SHA-256 MAC)', async () => {
    const key = join(dir, 'k.pem');
    const crt = join(dir, 'c.pem');
    const out = join(dir, 'o.p12');
    const made = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      crt,
      '-days',
      '2',
      '-subj',
      '/CN=Don vi so hoa/O=sohoa test/C=VN',
    ]);
    expect(made.status, String(made.stderr)).toBe(0);
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', crt, '-out', out, '-passout', 'pass:pw']);
    const { readFileSync } = await import('node:fs');
    const signed = await signCopy(await samplePdf(true), { p12: readFileSync(out), password: 'pw', signingTime: at });
    expect(verifySignature(signed)).toMatchObject({ ok: true, name: 'Don vi so hoa' });
  });
});
