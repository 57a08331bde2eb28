// Finding (issue 13, lesser): `sohoa vault show … | head` died with an EPIPE stack trace ("please report").
// A reader that stops reading early must end the process quietly with exit 0, for every command.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withVault } from '@sohoa/cli/context';
import { SYNTHETIC_ID, syntheticCccd } from '@sohoa/vault/internal/fixtures';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'packages/cli/dist/bin.js');
if (!existsSync(bin))
  throw new Error('packages/cli/dist/bin.js is missing: run `pnpm build` first (`pnpm test` does).');

/** Runs the CLI with its stdout a pipe whose reader is already gone (as after `| head -1` has read its line). */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code, signal) => done({ code, signal, stderr }));
  });
}

let dir: string;
let vault: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sohoa-attack-epipe-'));
  vault = join(dir, 'v.db');
  delete process.env.SOHOA_MASTER_KEY;
  await withVault(vault, async (v) => void (await v.putDocument(syntheticCccd())), { create: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('attack: stdout closed by the reader (`sohoa … | head`)', () => {
  const commands: Record<string, () => string[]> = {
    'vault show': () => ['vault', 'show', '--vault', vault, '--subject', SYNTHETIC_ID],
    'vault show --json': () => ['vault', 'show', '--vault', vault, '--subject', SYNTHETIC_ID, '--json'],
    'vault audit': () => ['vault', 'audit', '--vault', vault, '--subject', SYNTHETIC_ID],
    '--help': () => ['--help'],
  };
  for (const [name, args] of Object.entries(commands)) {
    it(`sohoa ${name} exits 0 without a stack trace`, async () => {
      const result = await runIntoClosedPipe(args());
      expect(result.stderr).not.toMatch(/EPIPE|internal error|please report|\n\s+at /);
      expect(result.stderr).toBe('');
      expect(result.signal).toBeNull();
      expect(result.code).toBe(0);
    }, 60_000);
  }
});
