// Shared by the attack suite: synthetic people, the storage drivers to attack, and the built CLI.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { afterAll } from 'vitest';
import type { DocumentRecord, ExtractedField, ExtractionMethod, FieldValue } from '@sohoa/core';
import type { VaultDriver } from '@sohoa/vault';
import { memoryDriver } from '@sohoa/vault/drivers/memory';
import { postgresDriver } from '@sohoa/vault/drivers/postgres';
import { sqliteDriver } from '@sohoa/vault/drivers/sqlite';

export const root = resolve(import.meta.dirname, '../..');
/** Loads a database client the vault package depends on (the root has none), as an attacker's own tool would. */
export const requireClient = createRequire(join(root, 'packages/vault/package.json'));
const bin = join(root, 'packages/cli/dist/bin.js');
const run = promisify(execFile);

/** Runs the built CLI; never throws, returns the exit code and both streams. */
export async function sohoa(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** A fresh temporary folder, removed after the file's tests. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-attack-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const field = (value: FieldValue, method: ExtractionMethod = 'qr', confidence = 0.99): ExtractedField => ({
  value,
  confidence,
  evidence: [{ method, page: 1 }],
});

/** A synthetic current ID card (12 digits); `extra` adds or overrides fields. */
export function card(
  id: string,
  o: { name: string; birthDate: string; address: string; sha: string; extra?: Record<string, ExtractedField> },
): DocumentRecord {
  return {
    type: 'cccd-2021',
    part: 'front+back',
    subject: { kind: 'person', id },
    number: id,
    issued: '2021-05-10',
    validUntil: '2039-07-14',
    status: 'valid',
    fields: {
      'person.idNumber': field(id),
      'person.fullName': field(o.name),
      'person.birthDate': field(o.birthDate),
      'person.permanentAddress': field(o.address),
      ...o.extra,
    },
    sources: [{ file: 'card.jpg', sha256: o.sha.repeat(64).slice(0, 64), page: 1, pageCount: 1 }],
    diagnostics: [],
  };
}

/** A synthetic former 9-digit CMND filed under its own number. */
export function oldCard(
  id: string,
  o: { name: string; birthDate: string; address: string; sha: string },
): DocumentRecord {
  return {
    type: 'cmnd-9',
    part: 'front+back',
    subject: { kind: 'person', id },
    issued: '2014-03-02',
    status: 'expired',
    fields: {
      'person.oldIdNumber': field(id, 'ocr', 0.95),
      'person.fullName': field(o.name, 'ocr', 0.95),
      'person.birthDate': field(o.birthDate, 'ocr', 0.95),
      'person.oldIdDocument.issueDate': field('2014-03-02', 'ocr', 0.95),
      'person.permanentAddress': field(o.address, 'ocr', 0.95),
    },
    sources: [{ file: 'cmnd.jpg', sha256: o.sha.repeat(64).slice(0, 64), page: 1, pageCount: 1 }],
    diagnostics: [],
  };
}

export { field };

/** The part of `pg` the attacks use. */
export interface PgModule {
  Client: new (o: {
    connectionString: string;
  }) => {
    connect(): Promise<void>;
    query(q: string, p?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
    end(): Promise<void>;
  };
}
/** The part of `better-sqlite3` the attacks use. */
export type SqliteDatabase = {
  prepare(q: string): {
    run(...p: unknown[]): unknown;
    all(...p: unknown[]): Array<Record<string, unknown>>;
    get(...p: unknown[]): Record<string, unknown> | undefined;
  };
  exec(q: string): void;
  close(): void;
  readonly name: string;
};
/** Opens a SQLite file directly, as someone holding a copy of it would. */
export const openSqliteFile = (path: string): SqliteDatabase =>
  new (requireClient('better-sqlite3') as new (p: string) => SqliteDatabase)(path);

/** The PostgreSQL server the `CI=true` variants use. */
export const pgUrl: string = process.env.SOHOA_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';
const pgRun = `atk${process.pid}_${Date.now().toString(36)}`;

/**
 * The drivers an attack runs against: memory and SQLite always, PostgreSQL with `CI=true`.
 * `make(slot)` opens the same storage again for the same slot.
 */
export function storageDrivers(): Array<{ name: string; make: (slot: string) => VaultDriver }> {
  const dir = tempDir();
  const memories = new Map<string, VaultDriver>();
  const list: Array<{ name: string; make: (slot: string) => VaultDriver }> = [
    { name: 'memory', make: (slot) => memories.get(slot) ?? (memories.set(slot, memoryDriver()), memories.get(slot)!) },
    { name: 'sqlite', make: (slot) => sqliteDriver({ path: join(dir, `${slot}.db`) }) },
  ];
  if (process.env.CI === 'true') {
    const schemas = new Set<string>();
    afterAll(async () => {
      const pg = requireClient('pg') as PgModule;
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
      await client.end();
    });
    list.push({
      name: 'postgres',
      make: (slot) => {
        const schema = `sohoa_${pgRun}_${slot}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
        schemas.add(schema);
        return postgresDriver({ connectionString: pgUrl, schema, poolConfig: { max: 2 } });
      },
    });
  } else {
    console.warn('attack suite: PostgreSQL variants skipped (set CI=true with a server on 127.0.0.1:5432)');
  }
  return list;
}
