// Finding (issue 13, lesser): `sohoa worker` opened any path a queue job named. Whoever can write to the
// queue could make a worker read (and file into the vault) any file the worker's user can read. A job naming
// a path outside the worker's input root must be refused and failed with a typed error, never opened.
// Needs PostgreSQL (runs with CI=true, skips with a message elsewhere).
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresForTest, testPostgresUrl } from '../fixtures/postgres';

const root = resolve(import.meta.dirname, '../..');
const url = testPostgresUrl;
const hasServer = await postgresForTest('the worker input-root attack test');

const work = mkdtempSync(join(tmpdir(), 'sohoa-attack-worker-root-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!hasServer)('attack: a queue job naming a file outside the worker input root', () => {
  it('is refused with BATCH_INPUT_OUTSIDE_ROOT and never reaches ingest; files inside are read', async () => {
    const { createPgBossQueue } = await import(join(root, 'packages/batch/dist/queue/pg-boss.js'));
    const { createFakeOcrEngine } = await import(join(root, 'packages/ocr/dist/index.js'));
    const front = join(root, 'seeds/data/cccd/01-tran-kim-giang/front.jpg');
    const inputRoot = join(work, 'inbox');
    mkdirSync(inputRoot);
    mkdirSync(join(work, 'private'));
    // One picture, three files with distinct hashes (a trailer after the image end).
    const [inside, secret, viaLink] = ['inbox/inside.jpg', 'private/secret.jpg', 'private/linked.jpg'].map((name) => {
      writeFileSync(join(work, name), Buffer.concat([readFileSync(front), Buffer.from(name)]));
      return join(work, name);
    });
    symlinkSync(viaLink!, join(inputRoot, 'link.jpg'));
    const queueName = `sohoa-attack-root-${process.pid}-${randomBytes(3).toString('hex')}`;
    const queue = await createPgBossQueue({
      connectionString: url,
      queue: queueName,
      retryLimit: 0,
      pollingIntervalSeconds: 0.5,
    });
    const seen: string[] = [];
    const results: Array<{ file: string; status: string; error?: { code: string } }> = [];
    try {
      // The enqueuing side may read anything it likes; the worker is the one that must not.
      await queue.enqueue([inside!, secret!, join(inputRoot, 'link.jpg')]);
      const engine = createFakeOcrEngine(
        (page: { source: { file: string } }) => (seen.push(basename(page.source.file)), ''),
      );
      await queue.work({ engine, inputRoot, onResult: (r: (typeof results)[number]) => results.push(r) });
      const deadline = Date.now() + 60_000;
      while (results.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    } finally {
      await queue.stop();
    }
    const byName = Object.fromEntries(results.map((r) => [basename(r.file), r]));
    expect(byName['inside.jpg']).toBeDefined();
    expect(byName['inside.jpg']?.error?.code).not.toBe('BATCH_INPUT_OUTSIDE_ROOT');
    expect(byName['secret.jpg']).toMatchObject({ status: 'failed', error: { code: 'BATCH_INPUT_OUTSIDE_ROOT' } });
    expect(byName['link.jpg']).toMatchObject({ status: 'failed', error: { code: 'BATCH_INPUT_OUTSIDE_ROOT' } });
    expect(seen).toEqual(['inside.jpg']);
  }, 120_000);
});
