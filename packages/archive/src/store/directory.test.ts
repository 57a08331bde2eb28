import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isSohoaError } from '@sohoa/core';
import { afterAll, describe, expect, it } from 'vitest';
import { directoryStore } from './directory';

const dir = mkdtempSync(join(tmpdir(), 'sohoa-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('directoryStore', () => {
  it('puts, gets, checks and deletes by key, in folders', async () => {
    const store = directoryStore({ root: join(dir, 'a') });
    const key = 'box-1/G09.01.02_GKS_000021_V1_20260115_GiayKhaiSinh.pdf';
    expect(await store.exists(key)).toBe(false);
    expect(await store.get(key)).toBeUndefined();
    await store.put(key, Buffer.from('%PDF-1.7 first'));
    await store.put(key, Buffer.from('%PDF-1.7 second'));
    expect(Buffer.from((await store.get(key))!).toString()).toBe('%PDF-1.7 second');
    expect(await store.exists(key)).toBe(true);
    expect(store.locate(key)).toBe(join(dir, 'a', 'box-1', 'G09.01.02_GKS_000021_V1_20260115_GiayKhaiSinh.pdf'));
    await store.delete(key);
    await store.delete(key);
    expect(await store.exists(key)).toBe(false);
    expect(readdirSync(join(dir, 'a', 'box-1'))).toEqual([]);
  });

  it('refuses keys that would leave the folder or hide as temporary files', async () => {
    const store = directoryStore({ root: join(dir, 'b') });
    for (const key of [
      '../escape.pdf',
      '/etc/passwd',
      'a/../../x',
      'a//b',
      '.hidden',
      'a/./b',
      '',
      'x.pdf.tmp-1',
      'é.pdf',
      'a\\b',
    ])
      for (const call of [() => store.put(key, Buffer.from('x')), () => store.get(key), () => store.delete(key)]) {
        const error = await call().catch((e: unknown) => e);
        expect(isSohoaError(error, 'ARCHIVE_STORE_INVALID_KEY'), key).toBe(true);
      }
    expect(existsSync(join(dir, 'escape.pdf'))).toBe(false);
  });

  it('leaves no half-written copy when the writer is SIGKILLed mid-write', async () => {
    const built = resolve(import.meta.dirname, '../../dist/index.js');
    if (!existsSync(built))
      throw new Error('packages/archive/dist is missing: build the archive first (`pnpm build`).');
    const root = join(dir, 'kill');
    const contents = [0, 1, 2].map((i) => Buffer.alloc(24 * 1024 * 1024, i + 1));
    const digests = new Set(contents.map((c) => createHash('sha256').update(c).digest('hex')));
    const script = `
      const { directoryStore } = await import(${JSON.stringify(pathToFileURL(built).href)});
      const store = directoryStore({ root: ${JSON.stringify(root)} });
      for (let i = 0; ; i++) { await store.put('copy.pdf', Buffer.alloc(24 * 1024 * 1024, (i % 3) + 1)); process.stdout.write('.'); }`;
    for (let round = 0; round < 4; round++) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((done) => child.stdout.once('data', () => done()));
      await new Promise((r) => setTimeout(r, 20 + round * 37));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const store = directoryStore({ root });
      const bytes = await store.get('copy.pdf');
      expect(bytes, 'a complete copy was acknowledged before the kill').toBeDefined();
      expect(digests.has(createHash('sha256').update(bytes!).digest('hex'))).toBe(true);
      const names = readdirSync(root);
      expect(names.filter((n) => n !== 'copy.pdf').every((n) => n.startsWith('copy.pdf.tmp-'))).toBe(true);
      await store.sweepTemporary();
      expect(readdirSync(root)).toEqual(['copy.pdf']);
    }
  }, 60_000);

  it('fails with a typed error when the folder cannot be written', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const error = await directoryStore({ root: file })
      .put('a.pdf', Buffer.from('x'))
      .catch((e: unknown) => e);
    expect(isSohoaError(error, 'ARCHIVE_STORE_FAILED')).toBe(true);
  });
});
