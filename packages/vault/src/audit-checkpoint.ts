import { closeSync, fchmodSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditCheckpoint, AuditCheckpointStore, VaultDriver } from './types';

// One sector: the checkpoint is rewritten in place with a single write, padded to a fixed size, so a
// crash leaves the old or the new record (and a profile read pays one write, not a rename).
const RECORD_BYTES = 512;

/**
 * Checkpoints the audit chain's head in a small JSON file (mode 600, one fixed-size record). The
 * default beside a SQLite vault is `<file>.audit-head`; put it on another volume or host to keep it
 * out of reach of whoever can write the vault.
 *
 * @example
 * const vault = createVault({ driver: postgresDriver({ connectionString }), masterKey, auditCheckpoint: fileCheckpointStore('/var/lib/sohoa/audit-head.json') });
 */
export function fileCheckpointStore(path: string): AuditCheckpointStore {
  let fd: number | undefined;
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
      if (fd === undefined) {
        mkdirSync(dirname(path), { recursive: true });
        fd = openSync(path, 'a+', 0o600);
        fchmodSync(fd, 0o600);
        closeSync(fd);
        fd = openSync(path, 'r+');
      }
      const record = Buffer.alloc(RECORD_BYTES, ' ');
      record.write(`${JSON.stringify(checkpoint)}\n`);
      writeSync(fd, record, 0, RECORD_BYTES, 0);
    },
    async close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
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
