// Finding (issue 13, lesser): a manifest had no size limit. One 20 MB line took 10.8 s and 1.4 GB and printed a
// 100 MB table (the line, taken as a path, echoed back). A manifest over the byte, line-length or row limits
// must be refused fast, with one typed line that never echoes the manifest's content.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { isSohoaError } from '@sohoa/core';
import { readManifest, safeParseManifest } from '@sohoa/batch';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'packages/cli/dist/bin.js');
if (!existsSync(bin))
  throw new Error('packages/cli/dist/bin.js is missing: run `pnpm build` first (`pnpm test` does).');

const dir = mkdtempSync(join(tmpdir(), 'sohoa-attack-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CANARY = 'CANARY-079123456789-';
const longLine = join(dir, 'long-line.csv');
writeFileSync(longLine, `path,subject\n${CANARY.repeat(Math.ceil(20_000_000 / CANARY.length))},079123456789\n`);
const manyRows = join(dir, 'many-rows.csv');
writeFileSync(manyRows, `path\n${Array.from({ length: 250_000 }, (_, i) => `scan-${i}.jpg`).join('\n')}\n`);

async function refusal(file: string): Promise<{ error: Error; ms: number }> {
  const started = performance.now();
  const error = await readManifest(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  const ms = performance.now() - started;
  expect(isSohoaError(error, 'BATCH_MANIFEST_TOO_LARGE'), String(error).slice(0, 200)).toBe(true);
  const message = (error as Error).message;
  expect(message).not.toContain('CANARY');
  expect(message).not.toContain('079123456789');
  expect(message).not.toContain('\n');
  expect(message.length).toBeLessThan(400);
  return { error: error as Error, ms };
}

describe('attack: an oversized manifest', () => {
  it('a 20 MB line is refused fast by readManifest, without echoing it', async () => {
    const { ms } = await refusal(longLine);
    expect(ms).toBeLessThan(3_000);
  });

  it('250,000 rows are refused (over the row limit)', async () => {
    await refusal(manyRows);
  });

  it('safeParseManifest returns the refusal as a diagnostic', () => {
    const result = safeParseManifest(`path\n${'x'.repeat(100_000)}\n`, dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]).toMatchObject({ code: 'BATCH_MANIFEST_TOO_LARGE', pointer: '/1' });
  });

  it('sohoa digitize --manifest refuses it: exit 1, one line, nothing echoed', async () => {
    const started = performance.now();
    const outcome = await run(
      process.execPath,
      [bin, 'digitize', '--manifest', longLine, '--vault', join(dir, 'v.db'), '--quiet'],
      { cwd: root, timeout: 80_000, maxBuffer: 256 * 1024 * 1024 },
    ).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code?: number; stdout?: string; stderr?: string }) => ({
        code: e.code ?? -1,
        stdout: e.stdout ?? '',
        stderr: e.stderr ?? '',
      }),
    );
    const ms = performance.now() - started;
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/^sohoa: BATCH_MANIFEST_TOO_LARGE: /);
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
    expect(outcome.stdout + outcome.stderr).not.toContain('CANARY');
    // Node start-up (several seconds on a loaded 2-core CI) included; the refusal itself is timed by readManifest above.
    expect(ms).toBeLessThan(30_000);
  }, 90_000);
});
