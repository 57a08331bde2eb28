import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSohoaError } from '@sohoa/core';
import { checkInputPath, resolveInputRoot } from './input-root';

const base = mkdtempSync(join(tmpdir(), 'sohoa-input-root-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const root = join(base, 'scans');
const outside = join(base, 'secret.txt');
mkdirSync(join(root, 'sub'), { recursive: true });
writeFileSync(join(root, 'sub', 'a.jpg'), 'x');
writeFileSync(outside, 'not for the worker');
symlinkSync(outside, join(root, 'link-out.jpg'));
symlinkSync(base, join(root, 'dir-out'));
symlinkSync(join(root, 'sub', 'a.jpg'), join(root, 'link-in.jpg'));
writeFileSync(join(base, 'scans-evil.jpg'), 'x');

async function refused(path: string): Promise<Error> {
  const error = await checkInputPath(await resolveInputRoot(root), path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isSohoaError(error, 'BATCH_INPUT_OUTSIDE_ROOT'), `${path}: ${String(error)}`).toBe(true);
  // The message never names the path (it may carry a person's name).
  expect((error as Error).message).not.toContain(base);
  return error as Error;
}

describe('worker input root', () => {
  it('accepts files inside the root, also through a symlink that stays inside', async () => {
    const inputRoot = await resolveInputRoot(root);
    await expect(checkInputPath(inputRoot, join(root, 'sub', 'a.jpg'))).resolves.toBeUndefined();
    await expect(checkInputPath(inputRoot, join(root, 'link-in.jpg'))).resolves.toBeUndefined();
    await expect(checkInputPath(inputRoot, join(root, 'sub', '..', 'sub', 'a.jpg'))).resolves.toBeUndefined();
    // A missing file inside the root is left to ingest to report (INGEST_FILE_NOT_FOUND).
    await expect(checkInputPath(inputRoot, join(root, 'sub', 'gone.jpg'))).resolves.toBeUndefined();
  });

  it('refuses `..`, absolute paths, symlinks out, sibling prefixes and relative paths outside', async () => {
    await refused(outside);
    await refused(join(root, '..', 'secret.txt'));
    await refused(join(root, 'link-out.jpg'));
    await refused(join(root, 'dir-out', 'secret.txt'));
    await refused(join(base, 'scans-evil.jpg'));
    await refused(join(base, 'missing-outside.jpg'));
    await refused('/etc/passwd');
    await refused('relative/path.jpg');
  });

  it('`/` allows every path; a root that is not a folder is refused', async () => {
    await expect(checkInputPath(await resolveInputRoot('/'), outside)).resolves.toBeUndefined();
    await expect(resolveInputRoot(join(root, 'sub', 'a.jpg'))).rejects.toMatchObject({
      code: 'BATCH_INPUT_OUTSIDE_ROOT',
    });
    await expect(resolveInputRoot(join(base, 'nope'))).rejects.toMatchObject({ code: 'BATCH_INPUT_OUTSIDE_ROOT' });
  });
});
