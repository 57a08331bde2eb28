import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digitizeFiles, memoryJournal, type ProcessIsolationOptions } from '@sohoa/batch';
import { createProcessPool } from '@sohoa/batch/process-pool';
import { distinctScans } from '@sohoa/batch/testing/distinct-scans';
import { createVault, operatorAccess } from '@sohoa/vault';
import { memoryDriver } from '@sohoa/vault/drivers/memory';
import { canRun } from './fixtures/skip';

const root = resolve(import.meta.dirname, '..');
const engineModule = join(root, 'test/fixtures/misbehaving-engine.mjs');
const front = join(root, 'seeds/data/cccd/01-tran-kim-giang/front.jpg');

const scans = (names: string[]) => distinctScans(front, names);

// Worker processes run the built package: `pnpm test` builds it first.
const built =
  existsSync(join(root, 'packages/batch/dist/internal/isolated-child.js')) &&
  existsSync(join(root, 'packages/ocr/dist/index.js'));
if (!built && process.env.CI === 'true')
  throw new Error('packages/batch/dist is missing: `pnpm test` builds it first.');

describe.skipIf(!canRun('batch-isolation', built, 'packages/batch/dist is not built (run `pnpm build`)'))(
  'process isolation',
  () => {
    const isolation: ProcessIsolationOptions = { engine: { module: engineModule }, processes: 2 };

    it('worker processes read PDFs from the bytes the parent sends (owner password opens, user password refused)', async () => {
      const pdfs = join(root, 'test/fixtures/pdf');
      const files = ['owner-password-aes256.pdf', 'owner-password-rc4.pdf', 'user-password-aes256.pdf'].map((name) =>
        join(pdfs, name),
      );
      const summary = await digitizeFiles(files, {
        isolation: { engine: { module: engineModule, options: { minWidth: 100 } }, processes: 1 },
        maxAttempts: 1,
        asOf: '2026-11-28',
      });
      const byName = Object.fromEntries(summary.results.map((r) => [r.file.split('/').pop(), r]));
      expect(byName['owner-password-aes256.pdf']).toMatchObject({ status: 'extracted', pages: 1 });
      expect(byName['owner-password-rc4.pdf']).toMatchObject({ status: 'extracted', pages: 1 });
      expect(byName['user-password-aes256.pdf']).toMatchObject({
        status: 'failed',
        error: { code: 'INGEST_ENCRYPTED_PDF' },
      });
    }, 60_000);

    it('a file that kills or hangs its worker process fails alone, is retried, then parked; the others are stored', async () => {
      const files = scans(['ok-1.jpg', 'exit-1.jpg', 'killed-1.jpg', 'hang-1.jpg', 'flaky-1.jpg', 'ok-2.jpg']);
      const journal = memoryJournal();
      const vault = createVault({ driver: memoryDriver(), ...operatorAccess('batch-test') });
      const summary = await digitizeFiles(files, {
        isolation,
        vault,
        journal,
        concurrency: 2,
        maxAttempts: 2,
        fileTimeoutMs: 4000,
      });
      const byName = Object.fromEntries(summary.results.map((r) => [r.file.split('/').pop(), r]));
      expect(byName['ok-1.jpg']).toMatchObject({ status: 'stored', pages: 1 });
      expect(byName['ok-2.jpg']).toMatchObject({ status: 'stored', pages: 1 });
      expect(byName['exit-1.jpg']).toMatchObject({
        status: 'failed',
        attempts: 2,
        error: { code: 'BATCH_WORKER_CRASHED' },
      });
      expect(byName['killed-1.jpg']).toMatchObject({
        status: 'failed',
        attempts: 2,
        error: { code: 'BATCH_WORKER_CRASHED' },
      });
      expect(byName['hang-1.jpg']).toMatchObject({
        status: 'failed',
        attempts: 2,
        error: { code: 'BATCH_FILE_TIMEOUT' },
      });
      // Crashed once, then read in a fresh process.
      expect(byName['flaky-1.jpg']).toMatchObject({ status: 'stored', attempts: 2 });
      const states = Object.fromEntries((await journal.entries()).map((e) => [e.file.split('/').pop(), e.state]));
      expect(states).toEqual({
        'ok-1.jpg': 'done',
        'ok-2.jpg': 'done',
        'flaky-1.jpg': 'done',
        'exit-1.jpg': 'parked',
        'killed-1.jpg': 'parked',
        'hang-1.jpg': 'parked',
      });
      expect(summary.results.find((r) => r.status === 'failed')?.error?.message).toMatch(/only this file|killed/);
    }, 60_000);

    it('replaces a worker process after `recycleAfter` files', async () => {
      const pool = createProcessPool({ ...isolation, processes: 1, recycleAfter: 2 });
      await pool.start();
      const outputs = [];
      for (const file of scans(['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg', 'e.jpg']))
        outputs.push(await pool.run({ file, bytes: readFileSync(file) }, { timeoutMs: 20_000 }));
      await pool.close();
      expect(outputs.map((o) => o.record?.type)).toEqual(Array(5).fill('cccd-2021'));
      expect(pool.stats()).toMatchObject({ started: 3, recycled: 2, crashed: 0, timedOut: 0 });
    }, 60_000);

    it('keeps a worker process warm across files, and replaces it after `recycleAfterPages` pages or above `recycleAboveRssMb`', async () => {
      const warm = createProcessPool({ ...isolation, processes: 1 });
      await warm.start();
      for (const file of scans(['w1.jpg', 'w2.jpg', 'w3.jpg']))
        await warm.run({ file, bytes: readFileSync(file) }, { timeoutMs: 20_000 });
      await warm.close();
      expect(warm.stats()).toMatchObject({ started: 1, recycled: 0 });
      const byPages = createProcessPool({ ...isolation, processes: 1, recycleAfterPages: 2 });
      await byPages.start();
      for (const file of scans(['p1.jpg', 'p2.jpg', 'p3.jpg', 'p4.jpg']))
        await byPages.run({ file, bytes: readFileSync(file) }, { timeoutMs: 20_000 });
      await byPages.close();
      expect(byPages.stats()).toMatchObject({ started: 2, recycled: 2, crashed: 0 });
      // Every process is above 64 MB: each file gets a fresh one.
      const byMemory = createProcessPool({ ...isolation, processes: 1, recycleAboveRssMb: 64 });
      await byMemory.start();
      for (const file of scans(['m1.jpg', 'm2.jpg']))
        await byMemory.run({ file, bytes: readFileSync(file) }, { timeoutMs: 20_000 });
      await byMemory.close();
      expect(byMemory.stats()).toMatchObject({ started: 2, recycled: 2, crashed: 0 });
    }, 90_000);

    it('fails the run at once with BATCH_ISOLATION_FAILED when the engine module cannot create an engine', async () => {
      const files = scans(['a.jpg']);
      await expect(
        digitizeFiles(files, { isolation: { engine: { module: engineModule, export: 'noSuchFactory' } } }),
      ).rejects.toMatchObject({ code: 'BATCH_ISOLATION_FAILED' });
    }, 30_000);

    it('refuses to run without an engine or isolation (BATCH_NO_ENGINE)', async () => {
      await expect(digitizeFiles(scans(['a.jpg']), {})).rejects.toMatchObject({ code: 'BATCH_NO_ENGINE' });
    });
  },
);
