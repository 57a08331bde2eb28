import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresForTest, testPostgresUrl } from './fixtures/postgres';

const root = resolve(import.meta.dirname, '..');
const url = testPostgresUrl;
const hasServer = await postgresForTest('the distributed-mode test');

const children: ChildProcess[] = [];
const work = mkdtempSync(join(tmpdir(), 'sohoa-dist-'));
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

const masterKey = randomBytes(32).toString('hex');

function startWorker(queue: string, vault: string): { child: ChildProcess; done: () => number } {
  const child = spawn(process.execPath, [join(root, 'test/bench/queue-worker.mjs'), url, queue, vault, work], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, SOHOA_MASTER_KEY: masterKey },
  });
  children.push(child);
  let done = 0;
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => (done += chunk.split('\n').filter(Boolean).length));
  return { child, done: () => done };
}

describe.skipIf(!hasServer)('distributed mode on PostgreSQL + pg-boss', () => {
  it('two workers, one killed mid-job: every file in the PostgreSQL vault exactly once, and in its dossier', async () => {
    const { generateSeedSet } = await import(join(root, 'seeds/dist/index.js'));
    const { createPgBossQueue } = await import(join(root, 'packages/batch/dist/queue/pg-boss.js'));
    const { listInputFiles } = await import(join(root, 'packages/ingest/dist/index.js'));
    const { operatorAccess } = await import(join(root, 'packages/vault/dist/index.js'));
    const { openTestVault } = await import(join(root, 'test/bench/queue-worker.mjs'));
    await generateSeedSet({ seed: 21, count: 5, outDir: join(work, 'scans'), degradedShare: 0 });
    const files: string[] = await listInputFiles([join(work, 'scans')]);
    const queueName = `sohoa-test-${process.pid}-${Date.now()}`;
    // The vault is on the same PostgreSQL server, in a schema of its own, encrypted with one master key.
    const vaultPath = `${url}#${queueName.replace(/-/g, '_')}`;
    // Queue settings are fixed when the queue is created: short expiry, so a dead worker's job comes back fast.
    const queue = await createPgBossQueue({
      connectionString: url,
      queue: queueName,
      expireInSeconds: 3,
      maintenanceIntervalSeconds: 1,
    });
    // A manifest on the shared store puts each person's two sides in the person's dossier; jobs carry its path only.
    const owners = files.map(
      (f) =>
        (JSON.parse(readFileSync(join(dirname(f), 'truth.json'), 'utf8')) as { person: { idNumber: string } }).person
          .idNumber,
    );
    const people = [...new Set(owners)];
    const codeOf = (owner: string) => `H29.001.07-260115-AB${String(people.indexOf(owner) + 1).padStart(4, '0')}`;
    const manifestPath = join(work, 'manifest.csv');
    writeFileSync(
      manifestPath,
      [
        'path,dossier,procedure,role,subject',
        ...files.map((f, i) => `${f},${codeOf(owners[i]!)},1.001193,component,${owners[i]}`),
      ].join('\n'),
    );
    expect(await queue.enqueue(files, { manifest: manifestPath })).toEqual({ queued: files.length, alreadyQueued: 0 });
    expect((await queue.enqueue(files.slice(0, 2))).alreadyQueued).toBe(2);
    await queue.stop();

    const a = startWorker(queueName, vaultPath);
    const b = startWorker(queueName, vaultPath);
    // Kill A while it holds a job: its job stays active until it expires, then B takes it again.
    while (a.done() < 1) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 60));
    a.child.kill('SIGKILL');

    process.env.SOHOA_MASTER_KEY = masterKey;
    const vault = await openTestVault(vaultPath, operatorAccess('distributed-check'));
    const deadline = Date.now() + 90_000;
    let documents = 0;
    const countDocuments = async () => {
      let n = 0;
      for (const s of await vault.listSubjects()) n += (await vault.listDocuments(s.id)).length;
      return n;
    };
    while (Date.now() < deadline && (documents = await countDocuments()) < files.length)
      await new Promise((r) => setTimeout(r, 500));
    // Let any job still being retried settle, then check nothing was stored twice.
    await new Promise((r) => setTimeout(r, 3000));
    documents = await countDocuments();
    // Both sides of each card reached the dossier, though the two workers attached them at the same time.
    const dossiers = await Promise.all(people.map((p) => vault.getDossier(codeOf(p))));
    await vault.close();
    b.child.kill('SIGTERM');
    expect(documents).toBe(files.length);
    expect(dossiers.map((d) => d?.components.length)).toEqual(people.map((p) => owners.filter((o) => o === p).length));
    expect(dossiers.map((d) => d?.subject.id)).toEqual(people);
    expect(a.done() + b.done()).toBeGreaterThanOrEqual(files.length);
  }, 150_000);
});
