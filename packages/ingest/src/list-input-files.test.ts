import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSohoaError } from '@sohoa/core';
import { listInputFiles } from './list-input-files';
import { makeImage } from './test-fixtures';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sohoa-list-'));
  const png = await makeImage('png', 8, 8);
  await mkdir(join(dir, 'sub', 'deeper'), { recursive: true });
  await mkdir(join(dir, '.cache'));
  await writeFile(join(dir, 'b.png'), png);
  await writeFile(join(dir, 'a-no-extension'), await makeImage('jpeg', 8, 8));
  await writeFile(join(dir, 'truth.json'), '{"fullName":"synthetic"}');
  await writeFile(join(dir, 'fake.jpg'), 'not an image');
  await writeFile(join(dir, '.hidden.png'), png);
  await writeFile(join(dir, '.cache', 'c.png'), png);
  await writeFile(join(dir, 'sub', 'doc.pdf'), '%PDF-1.7\n');
  await writeFile(join(dir, 'sub', 'deeper', 'd.tif'), await makeImage('tiff', 8, 8));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('listInputFiles', () => {
  it('walks folders, keeps files by content, skips hidden entries, sorts', async () => {
    expect(await listInputFiles([dir])).toEqual([
      join(dir, 'a-no-extension'),
      join(dir, 'b.png'),
      join(dir, 'sub', 'deeper', 'd.tif'),
      join(dir, 'sub', 'doc.pdf'),
    ]);
  });

  it('stays at the top level when not recursive, keeps explicit files and removes duplicates', async () => {
    const files = await listInputFiles([dir, join(dir, 'fake.jpg'), join(dir, 'b.png')], { recursive: false });
    expect(files).toEqual([join(dir, 'a-no-extension'), join(dir, 'b.png'), join(dir, 'fake.jpg')]);
  });

  it('throws INGEST_FILE_NOT_FOUND for a missing path', async () => {
    const error = await listInputFiles([join(dir, 'missing')]).catch((e: unknown) => e);
    expect(isSohoaError(error, 'INGEST_FILE_NOT_FOUND')).toBe(true);
  });
});
