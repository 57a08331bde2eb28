import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createVault, operatorAccess } from '@sohoa/vault';
import { memoryDriver } from '@sohoa/vault/drivers/memory';
import { SYNTHETIC_ID, syntheticCccd } from '../../packages/vault/src/internal/fixtures';

const run = promisify(execFile);
export const root = resolve(import.meta.dirname, '../..');
export const bin = join(root, 'packages/cli/dist/bin.js');

/** The local PostgreSQL server CI starts (trust auth, database `test`). */
export const postgresUrl =
  process.env.SOHOA_TEST_POSTGRES ?? `postgres://${process.env.PGUSER ?? 'postgres'}@127.0.0.1:5432/test`;

/** Runs the built CLI (build first) under a permissive umask, as a default shell would. */
export async function sohoa(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!existsSync(bin))
    throw new Error('packages/cli/dist/bin.js is missing: build first (`pnpm --filter "./packages/*" build`).');
  try {
    const { stdout, stderr } = await run('sh', ['-c', 'umask 022; exec "$0" "$@"', process.execPath, bin, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The files among `paths` (and their SQLite `-wal`, `-shm`, `-journal` companions) whose bytes contain `canary`. */
export function filesContaining(paths: string[], canary: string): string[] {
  const needle = Buffer.from(canary, 'utf8');
  return paths
    .flatMap((p) => [p, `${p}-wal`, `${p}-shm`, `${p}-journal`])
    .filter((p) => existsSync(p) && readFileSync(p).includes(needle))
    .map((p) => p.split(/[\\/]/).pop()!);
}

/** A connected `pg` client (the vault package's copy of `pg`; the root has none). */
export interface PgClient {
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
  end(): Promise<void>;
}
export async function pgClient(): Promise<PgClient> {
  const pg = createRequire(join(root, 'packages/vault/package.json'))('pg') as {
    Client: new (o: { connectionString: string }) => PgClient & { connect(): Promise<void> };
  };
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  return client;
}

/** Opens a SQLite file read-only with the vault package's copy of `better-sqlite3`, as an attacker would. */
export function openSqlite(path: string): {
  prepare(sql: string): { all(...params: unknown[]): unknown[] };
  close(): void;
} {
  const Database = createRequire(join(root, 'packages/vault/package.json'))('better-sqlite3') as new (
    path: string,
    o: { readonly: boolean },
  ) => { prepare(sql: string): { all(...params: unknown[]): unknown[] }; close(): void };
  return new Database(path, { readonly: true });
}

/** A synthetic person's export (`<work>/in.json`) imported through the CLI into a new vault at `<work>/cli/vault.db`. */
export async function importSyntheticExport(
  work: string,
): Promise<{ vault: string; exported: string; imported: Awaited<ReturnType<typeof sohoa>> }> {
  const source = createVault({ driver: memoryDriver(), ...operatorAccess('attack') });
  await source.putDocument(syntheticCccd());
  const exported = join(work, 'in.json');
  writeFileSync(exported, JSON.stringify(await source.exportSubject(SYNTHETIC_ID)));
  const vault = join(work, 'cli', 'vault.db');
  return { vault, exported, imported: await sohoa(['vault', 'import', exported, '--vault', vault]) };
}
