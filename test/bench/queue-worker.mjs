// A distributed-mode worker process for tests: takes jobs from a pg-boss queue and digitises them into
// a vault — PostgreSQL (`postgres://…#schema`) or a SQLite file — with simulated OCR (see
// test/fixtures/truth-ocr.mjs). The master key comes from SOHOA_MASTER_KEY (64 hex). Prints one line per job.
// Usage: node test/bench/queue-worker.mjs <queue-url> <queue-name> <vault.db | postgres://…#schema> [input-root, default /]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const [connectionString, queue, vaultLocation, inputRoot = '/'] = process.argv.slice(2);
const { createPgBossQueue } = await import(join(root, 'packages/batch/dist/queue/pg-boss.js'));
const { createFakeOcrEngine } = await import(join(root, 'packages/ocr/dist/index.js'));
const { createVault, operatorAccess } = await import(join(root, 'packages/vault/dist/index.js'));
const { truthOcrResponder } = await import(join(root, 'test/fixtures/truth-ocr.mjs'));

export async function openTestVault(location, extra = {}) {
  const masterKey = process.env.SOHOA_MASTER_KEY
    ? { id: 'test', key: Buffer.from(process.env.SOHOA_MASTER_KEY, 'hex') }
    : undefined;
  if (location.startsWith('postgres')) {
    const { postgresDriver } = await import(join(root, 'packages/vault/dist/drivers/postgres.js'));
    const [url, schema] = location.split('#');
    return createVault({
      driver: postgresDriver({ connectionString: url, schema }),
      ...(masterKey ? { masterKey } : {}),
      ...extra,
    });
  }
  const { sqliteDriver } = await import(join(root, 'packages/vault/dist/drivers/sqlite.js'));
  return createVault({ driver: sqliteDriver({ path: location }), ...(masterKey ? { masterKey } : {}), ...extra });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const q = await createPgBossQueue({
    connectionString,
    queue,
    expireInSeconds: 3,
    pollingIntervalSeconds: 0.5,
    maintenanceIntervalSeconds: 1,
  });
  // The worker reads the dossiers it attaches files to, as the CLI's worker does.
  const vault = await openTestVault(vaultLocation, operatorAccess('queue-worker'));
  await q.work({
    engine: createFakeOcrEngine(truthOcrResponder(150)),
    vault,
    inputRoot,
    onResult: (r) => process.stdout.write(`${r.status}\n`),
  });
  process.on('SIGTERM', async () => {
    await q.stop();
    await vault.close();
    process.exit(0);
  });
}
