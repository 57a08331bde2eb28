// Vault benchmark, side by side in one run:
//  - load N synthetic subjects (one CCCD-like document each, ~16 facts) into SQLite with and without
//    a master key, and into PostgreSQL (when reachable): facts per second, database size;
//  - profile() latency p50/p99, warm, at that size (each read checks grants and appends to the audit chain);
//  - durability: a child process writing documents is killed with SIGKILL at random points; after
//    each kill the vault is reopened, integrity-checked, and every acknowledged document must be
//    complete, and no document partial.
// Usage: pnpm bench:vault [--subjects 2000] [--profiles 2000] [--kills 20] [--postgres URL | --no-postgres]
// The scale figure: pnpm bench:vault --subjects 100000
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cardRecord, personId } from './vault-records.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    subjects: { type: 'string', default: '2000' },
    profiles: { type: 'string', default: '2000' },
    kills: { type: 'string', default: '20' },
    postgres: { type: 'string', default: process.env.SOHOA_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test' },
    'no-postgres': { type: 'boolean', default: false },
  },
});
const imp = (p) => import(join(root, p));
const { createVault, operatorAccess } = await imp('packages/vault/dist/index.js');
const { sqliteDriver } = await imp('packages/vault/dist/drivers/sqlite.js');
const { postgresDriver } = await imp('packages/vault/dist/drivers/postgres.js');

const N = Number(args.subjects);
const P = Math.min(Number(args.profiles), N);
const masterKey = { id: 'bench', key: randomBytes(32) };
const dir = mkdtempSync(join(tmpdir(), 'sohoa-bench-vault-'));
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const fileSize = (p) => ['', '-wal'].reduce((n, s) => n + (existsSync(p + s) ? statSync(p + s).size : 0), 0);
const log = (s) => process.stderr.write(`${s}\n`);

async function load(makeDriver, key) {
  const vault = createVault({ driver: makeDriver(), ...(key && { masterKey: key }), ...operatorAccess('bench') });
  let facts = 0;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    facts += (await vault.putDocument(cardRecord(i))).factsAdded;
    if (i % 10000 === 9999) log(`  ${i + 1}/${N} subjects`);
  }
  const seconds = (performance.now() - t0) / 1000;
  return { vault, facts, seconds, rate: facts / seconds };
}

async function profileLatency(vault) {
  const picks = Array.from({ length: P }, (_, k) => personId(Math.floor((((k * 2654435761) % 2 ** 32) / 2 ** 32) * N)));
  for (const id of picks.slice(0, Math.min(200, P))) await vault.profile(id, { purpose: 'bench', form: 'bench' });
  const times = [];
  for (const id of picks) {
    const t0 = performance.now();
    const p = await vault.profile(id, { purpose: 'bench', form: 'bench' });
    times.push(performance.now() - t0);
    if (!p.values['person.fullName']) throw new Error('profile lost a value');
  }
  const t0 = performance.now();
  const verified = await vault.verifyAudit();
  const verifyMs = performance.now() - t0;
  if (!verified.ok) throw new Error('audit chain broken');
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99), verifyMs, entries: verified.entries };
}

const rows = [];
try {
  for (const [label, key] of [
    ['sqlite, no master key', undefined],
    ['sqlite, AES-256-GCM', masterKey],
  ]) {
    log(`loading ${N} subjects into ${label}…`);
    const path = join(dir, `${key ? 'enc' : 'plain'}.db`);
    const { vault, facts, rate } = await load(() => sqliteDriver({ path }), key);
    const lat = await profileLatency(vault);
    await vault.close();
    rows.push({ label, facts, rate, size: fileSize(path), ...lat });
  }

  if (!args['no-postgres']) {
    const pg = (await import(join(root, 'packages/vault/node_modules/pg/lib/index.js'))).default;
    const client = new pg.Client({ connectionString: args.postgres, connectionTimeoutMillis: 2000 });
    const reachable = await client.connect().then(
      () => true,
      () => false,
    );
    if (!reachable) log(`postgres: no server at ${args.postgres.replace(/\/\/[^@]*@/, '//')}; skipped`);
    else {
      const schema = `sohoa_bench_${process.pid}`;
      try {
        log(`loading ${N} subjects into postgres…`);
        const { vault, facts, rate } = await load(
          () => postgresDriver({ connectionString: args.postgres, schema }),
          masterKey,
        );
        const lat = await profileLatency(vault);
        await vault.close();
        const size = Number(
          (
            await client.query(
              `SELECT sum(pg_total_relation_size(c.oid)) AS s FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
              [schema],
            )
          ).rows[0].s,
        );
        rows.push({ label: 'postgres, AES-256-GCM', facts, rate, size, ...lat });
      } finally {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
    }
  }

  const durability = await killTest(Number(args.kills));

  console.log(
    `\nvault benchmark: ${N} subjects, ${P} warm profile() reads per backend (node ${process.version}, ${new Date().toISOString().slice(0, 10)})\n`,
  );
  console.log('backend                 facts    facts/s   size      profile p50  profile p99  verify audit');
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(22)}  ${String(r.facts).padStart(7)}  ${r.rate.toFixed(0).padStart(8)}  ${mb(r.size).padStart(8)}  ${r.p50.toFixed(2).padStart(8)} ms  ${r.p99.toFixed(2).padStart(8)} ms  ${r.entries} entries in ${r.verifyMs.toFixed(0)} ms`,
    );
  }
  const [plain, enc] = rows;
  if (plain && enc)
    console.log(
      `\nSQLite encrypted / plain: load rate ${(enc.rate / plain.rate).toFixed(2)}×, profile p50 ${(enc.p50 / plain.p50).toFixed(2)}×, size ${(enc.size / plain.size).toFixed(2)}×`,
    );
  const pgRow = rows.find((r) => r.label.startsWith('postgres'));
  if (pgRow && enc)
    console.log(
      `PostgreSQL / SQLite (both encrypted): load rate ${(pgRow.rate / enc.rate).toFixed(2)}×, profile p50 ${(pgRow.p50 / enc.p50).toFixed(2)}×, size ${(pgRow.size / enc.size).toFixed(2)}×`,
    );
  console.log(
    `\ndurability: ${durability.kills} kills, ${durability.lost} acknowledged writes lost, ${durability.partial} partial documents (${durability.acked} acknowledged documents, integrity_check ok ${durability.integrityOk}/${durability.kills})`,
  );
  if (durability.lost > 0 || durability.partial > 0 || durability.integrityOk !== durability.kills)
    process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

async function killTest(kills) {
  const path = join(dir, 'durability.db');
  const keyHex = randomBytes(32).toString('hex');
  const key = { id: 'bench', key: Buffer.from(keyHex, 'hex') };
  const acked = new Map();
  let next = 0;
  let lost = 0;
  let partial = 0;
  let integrityOk = 0;
  const Database = (await import(join(root, 'packages/vault/node_modules/better-sqlite3/lib/index.js'))).default;
  for (let k = 0; k < kills; k++) {
    const child = spawn(process.execPath, [join(root, 'test/bench/vault-writer.mjs'), path, keyHex, String(next)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffer = '';
    let count = 0;
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const [, id, facts] = buffer.slice(0, nl).split(' ');
        buffer = buffer.slice(nl + 1);
        acked.set(id, Number(facts));
        count++;
      }
    });
    // Kill at a random point once it is writing: between 20 and 120 acknowledged documents in.
    const target = 20 + Math.floor(Math.random() * 100);
    await new Promise((resolve) => {
      const timer = setInterval(() => {
        if (count >= target || child.exitCode !== null) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 1);
    });
    await new Promise((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', resolve),
    );
    next += count + 1000;
    const db = new Database(path);
    if (db.pragma('integrity_check', { simple: true }) === 'ok') integrityOk++;
    db.close();
    const vault = createVault({ driver: sqliteDriver({ path }), masterKey: key, ...operatorAccess('bench') });
    const stored = new Map();
    for (const s of await vault.listSubjects()) {
      const facts = await vault.listFacts(s.id);
      for (const d of await vault.listDocuments(s.id))
        stored.set(d.id, facts.filter((f) => f.documentId === d.id).length);
    }
    await vault.close();
    for (const [id, n] of acked) if (stored.get(id) !== n) lost++;
    // Every document in the vault, acknowledged or not, must hold all its facts (16 for these records).
    const expected = cardRecordFacts();
    for (const n of stored.values()) if (n !== expected) partial++;
    log(`  kill ${k + 1}/${kills}: ${count} acknowledged this run, ${stored.size} documents in the vault`);
  }
  return { kills, lost, partial, acked: acked.size, integrityOk };
}

function cardRecordFacts() {
  // 6 fields + 5 document.* + 5 person.idDocument.* copies (a CCCD is an identity document).
  return 16;
}
