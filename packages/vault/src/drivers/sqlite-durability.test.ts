import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { operatorAccess } from '../operator';
import { createVault } from '../vault';
import { sqliteDriver } from './sqlite';

// The child writes through the built package (`pnpm build` runs before the tests in `pnpm test`).
const root = resolve(__dirname, '../../../..');
const writer = join(root, 'test/bench/vault-writer.mjs');
const built = existsSync(join(root, 'packages/vault/dist/drivers/sqlite.js'));
if (!built) console.warn('SIGKILL durability test skipped: build @sohoa/vault first (`pnpm build`)');
const dir = mkdtempSync(join(tmpdir(), 'sohoa-vault-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it.skipIf(!built)('loses no acknowledged document and leaves none partial when the writer is SIGKILLed', async () => {
  const path = join(dir, 'vault.db');
  const keyHex = randomBytes(32).toString('hex');
  const acked = new Map<string, number>();
  let next = 0;
  for (let kill = 0; kill < 3; kill++) {
    const child = spawn(process.execPath, [writer, path, keyHex, String(next)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let count = 0;
    let buffer = '';
    const target = 5 + Math.floor(Math.random() * 30);
    await new Promise<void>((done) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
          const [, id, facts] = buffer.slice(0, nl).split(' ');
          buffer = buffer.slice(nl + 1);
          acked.set(id!, Number(facts));
          if (++count === target) child.kill('SIGKILL');
        }
      });
      child.once('exit', () => done());
    });
    next += count + 1000;
    const vault = createVault({
      driver: sqliteDriver({ path }),
      masterKey: { id: 'bench', key: Buffer.from(keyHex, 'hex') },
      ...operatorAccess('test'),
    });
    const stored = new Map<string, number>();
    for (const s of await vault.listSubjects()) {
      const facts = await vault.listFacts(s.id);
      for (const d of await vault.listDocuments(s.id))
        stored.set(d.id, facts.filter((f) => f.documentId === d.id).length);
    }
    await vault.close();
    for (const [id, n] of acked) expect(stored.get(id)).toBe(n);
    for (const n of stored.values()) expect(n).toBe(16);
  }
  expect(acked.size).toBeGreaterThanOrEqual(15);
});
