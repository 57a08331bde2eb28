// profile() latency of one vault build on SQLite, on a vault loaded once and kept: the read side of
// `vault.mjs` without its minutes of loading, so two builds can be measured in interleaved rounds
// (`vault-compare.mjs`). Prints one JSON line.
//
// Usage: node test/bench/vault-latency.mjs --db DIR [--root BUILD] [--subjects 20000] [--profiles 2000]
//          [--round 0] [--encrypted] [--stage /dev/shm] [--load-only]
//   --root   the checkout whose packages/vault/dist is measured (default: this one; e.g. a `git worktree`
//            of an older commit, built)
//   --db     folder holding the loaded vault (`plain.db` or `enc.db`, created when missing)
//   --round  picks another pseudo-random set of subjects to read, so later rounds read subjects no
//            earlier round read
//   --stage  load in this folder (e.g. tmpfs, where fsync costs nothing) and copy the files to --db:
//            the loading is set-up here, only the reads are measured, on --db's disk
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cardRecord, personId } from './vault-records.mjs';

const here = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    root: { type: 'string', default: here },
    db: { type: 'string' },
    subjects: { type: 'string', default: '20000' },
    profiles: { type: 'string', default: '2000' },
    round: { type: 'string', default: '0' },
    encrypted: { type: 'boolean', default: false },
    stage: { type: 'string' },
    'load-only': { type: 'boolean', default: false },
  },
});
if (!args.db) throw new Error('--db DIR is required');
const root = resolve(args.root);
const imp = (p) => import(join(root, p));
const { createVault, operatorAccess } = await imp('packages/vault/dist/index.js');
const { sqliteDriver } = await imp('packages/vault/dist/drivers/sqlite.js');

const N = Number(args.subjects);
const P = Math.min(Number(args.profiles), N);
const round = Number(args.round);
// A fixed key: the loaded vault is reopened by later rounds.
const masterKey = args.encrypted ? { id: 'bench', key: Buffer.alloc(32, 7) } : undefined;
const name = args.encrypted ? 'enc.db' : 'plain.db';
const dir = resolve(args.db);
const file = join(dir, name);
const open = (path) =>
  createVault({ driver: sqliteDriver({ path }), ...(masterKey && { masterKey }), ...operatorAccess('bench') });
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

if (!existsSync(file)) {
  const stage = args.stage ? join(resolve(args.stage), `sohoa-bench-${process.pid}`) : dir;
  mkdirSync(stage, { recursive: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const vault = open(join(stage, name));
  for (let i = 0; i < N; i++) {
    await vault.putDocument(cardRecord(i));
    if (i % 10000 === 9999) process.stderr.write(`  ${i + 1}/${N} subjects\n`);
  }
  await vault.close();
  if (stage !== dir) {
    for (const f of readdirSync(stage)) if (f.startsWith(name)) copyFileSync(join(stage, f), join(dir, f));
    rmSync(stage, { recursive: true, force: true });
  }
  process.stderr.write(`loaded ${N} subjects in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
}
if (args['load-only']) process.exit(0);

const vault = open(file);
// Round r reads subjects r*P … r*P+P-1 of a fixed pseudo-random order (Knuth's multiplicative hash).
const picks = Array.from({ length: P + 200 }, (_, k) =>
  personId(Math.floor(((((round * (P + 200) + k) * 2654435761) % 2 ** 32) / 2 ** 32) * N)),
);
for (const id of picks.slice(P)) await vault.profile(id, { purpose: 'bench', form: 'bench' });
const times = [];
for (const id of picks.slice(0, P)) {
  const t0 = performance.now();
  const p = await vault.profile(id, { purpose: 'bench', form: 'bench' });
  times.push(performance.now() - t0);
  if (!p.values['person.fullName']) throw new Error('profile lost a value');
}
const verified = await vault.verifyAudit();
if (!verified.ok) throw new Error(`audit chain broken: ${JSON.stringify(verified.brokenAt)}`);
await vault.close();
console.log(
  JSON.stringify({
    root,
    encrypted: !!masterKey,
    subjects: N,
    profiles: P,
    round,
    p50: quantile(times, 0.5),
    p90: quantile(times, 0.9),
    p99: quantile(times, 0.99),
    max: Math.max(...times),
  }),
);
