import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

// A small version of `pnpm bench:batch-crash`: killed runs resume with nothing lost or duplicated.
it('a batch killed with SIGKILL resumes with every file in the vault exactly once', async () => {
  if (!existsSync(join(root, 'seeds/dist/index.js')))
    throw new Error('seeds/dist is missing: `pnpm test` builds it first.');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(root, 'test/bench/batch-crash.mjs'), '--people', '6', '--kills', '4', '--seed', '11', '--json'],
    { cwd: root },
  );
  const result = JSON.parse(stdout.trim().split('\n').pop()!);
  expect(result.kills).toBeGreaterThanOrEqual(2);
  expect(result).toMatchObject({ files: 12, lost: 0, duplicated: 0, partial: 0, documents: 12 });
}, 120_000);

// The same with the copy pass (`digitize --copies`): kills land in the batch and between and inside copies.
it('a batch with copies killed with SIGKILL resumes with exactly one copy per document', async () => {
  if (!existsSync(join(root, 'seeds/dist/index.js')))
    throw new Error('seeds/dist is missing: `pnpm test` builds it first.');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(root, 'test/bench/batch-crash.mjs'), '--people', '4', '--kills', '6', '--seed', '12', '--json', '--copies'],
    { cwd: root },
  );
  const result = JSON.parse(stdout.trim().split('\n').pop()!);
  expect(result.kills).toBeGreaterThanOrEqual(3);
  expect(result).toMatchObject({ files: 8, lost: 0, duplicated: 0, partial: 0, documents: 8 });
  expect(result.copies).toMatchObject({ stored: 8, perDocumentNotOne: 0, files: 8, other: 0 });
}, 180_000);
