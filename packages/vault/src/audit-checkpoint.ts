import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditCheckpoint, AuditCheckpointStore, VaultDriver } from './types';

/**
 * Checkpoints the audit chain's head in a small JSON file (mode 600, replaced atomically). The
 * default beside a SQLite vault is `<file>.audit-head`; put it on another volume or host to keep it
 * out of reach of whoever can write the vault.
 *
 * @example
 * const vault = createVault({ driver: postgresDriver({ connectionString }), masterKey, auditCheckpoint: fileCheckpointStore('/var/lib/sohoa/audit-head.json') });
 */
export function fileCheckpointStore(path: string): AuditCheckpointStore {
  return {
    async read() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      try {
        const parsed = JSON.parse(text) as AuditCheckpoint;
        if (Number.isInteger(parsed.seq) && typeof parsed.head === 'string') return parsed;
      } catch {
        // fall through: an unreadable checkpoint matches no chain
      }
      return { seq: 0, head: 'unreadable' };
    },
    async write(checkpoint) {
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
      chmodSync(temporary, 0o600);
      renameSync(temporary, path);
    },
  };
}

/** A checkpoint held in memory; the memory driver's default, one per driver object. */
export function memoryCheckpointStore(): AuditCheckpointStore {
  let held: AuditCheckpoint | undefined;
  return {
    async read() {
      return held && { ...held };
    },
    async write(checkpoint) {
      held = { ...checkpoint };
    },
  };
}

const memoryStores = new WeakMap<VaultDriver, AuditCheckpointStore>();

/** The default checkpoint store of a driver: a sidecar file for a database file, memory for the memory driver. */
export function defaultCheckpointStore(driver: VaultDriver): AuditCheckpointStore | undefined {
  if (driver.file) return fileCheckpointStore(`${driver.file}.audit-head`);
  if (driver.name !== 'memory') return undefined;
  let store = memoryStores.get(driver);
  if (!store) memoryStores.set(driver, (store = memoryCheckpointStore()));
  return store;
}
