import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isSohoaError, sha256Hex, SohoaError } from '@sohoa/core';
import type PgBossType from 'pg-boss';
import { openDigitizer } from '../digitize';
import { readManifest, type ManifestEntry, type ManifestLimits } from '../manifest';
import { checkInputPath, resolveInputRoot } from './input-root';
import type { DigitizeOptions, FileResult } from '../types';
import { TRANSIENT_FAILURES } from '../internal/transient';

/** A job holds file references and the file's hash, never personal data. */
export interface DigitizeJob {
  path: string;
  sha256: string;
  /**
   * The manifest (CSV, on the shared file store) whose row for `path` names the file's dossier, role and
   * subject: the worker reads it there, so the subject's ID never travels in the job.
   */
  manifest?: string;
}

export interface PgBossQueueOptions {
  /** `postgres://…` connection string of the queue database (it may be the vault's). */
  connectionString: string;
  /** @default `sohoa-digitize` */
  queue?: string;
  /** Seconds a job may stay active before it is presumed lost (its worker died) and retried. @default 900 */
  expireInSeconds?: number;
  /** Retries after a failure or a lost worker. @default 3 */
  retryLimit?: number;
  /** How often idle workers look for jobs. @default 2 */
  pollingIntervalSeconds?: number;
  /** Maintenance interval (expiry of lost jobs). @default 60 */
  maintenanceIntervalSeconds?: number;
  /** Size, line and row limits of the manifests read when enqueuing and by workers. @default DEFAULT_MANIFEST_LIMITS */
  manifestLimits?: ManifestLimits;
}

export interface EnqueueOptions {
  /**
   * A manifest CSV (see `readManifest`) on a path every worker can read: its rows attach the files to
   * their dossiers, as `digitizeFiles({ manifest })` does. Files the manifest lists are queued too.
   */
  manifest?: string;
}

/** Options of {@link DigitizeQueue.work}. */
export type WorkOptions = Omit<DigitizeOptions, 'signal' | 'onProgress'> & {
  /**
   * The folder this worker may read from (required). A job whose file or manifest lies outside it, after
   * `..` and symlinks are resolved, is never opened: it fails with `BATCH_INPUT_OUTSIDE_ROOT`. Pass `'/'`
   * to allow every path the worker's user can read, knowing that whoever can write to the queue then can too.
   */
  inputRoot: string;
  /** Jobs at once in this process. @default 1 */
  teamSize?: number;
  onResult?: (result: FileResult) => void;
};

export interface DigitizeQueue {
  /** Enqueues files (resolved to absolute paths; hashed here). A file already in the queue (waiting, active or done and not yet archived) is not queued twice. */
  enqueue(paths: string[], options?: EnqueueOptions): Promise<{ queued: number; alreadyQueued: number }>;
  /** Jobs waiting or in retry. */
  size(): Promise<number>;
  /**
   * Processes jobs until `stop()`: `teamSize` jobs at once in this process. Transient failures are
   * thrown back to pg-boss to be retried; bad files complete with their failure recorded.
   */
  work(options: WorkOptions): Promise<void>;
  stop(): Promise<void>;
}

function uuidFromHash(sha256: string): string {
  const h = sha256.slice(0, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const TRANSIENT = new Set<string>([...TRANSIENT_FAILURES, 'VAULT_OPEN_FAILED']);

/**
 * A digitisation queue on PostgreSQL with pg-boss (optional peer): any number of worker processes on
 * any number of machines take files from one queue, at least once; the vault's idempotent writes
 * (keyed by the file hash) make a repeated job harmless.
 *
 * @example
 * const queue = await createPgBossQueue({ connectionString: 'postgres://localhost/sohoa' });
 * await queue.enqueue(files);           // on one machine
 * await queue.work({ engine, vault, inputRoot: '/mnt/scans' });  // on every worker machine
 */
export async function createPgBossQueue(options: PgBossQueueOptions): Promise<DigitizeQueue> {
  let PgBoss: typeof PgBossType;
  try {
    PgBoss = (await import('pg-boss')).default;
  } catch (cause) {
    throw new SohoaError(
      'BATCH_QUEUE_FAILED',
      'Distributed mode needs the `pg-boss` package: install it next to `@sohoa/batch`.',
      { cause },
    );
  }
  const name = options.queue ?? 'sohoa-digitize';
  const boss = new PgBoss({
    connectionString: options.connectionString,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    monitorStateIntervalSeconds: 60,
  });
  boss.on('error', () => {
    // Connection hiccups are retried by pg-boss; job-level failures are reported per job.
  });
  try {
    await boss.start();
    await boss.createQueue(name, {
      name,
      retryLimit: options.retryLimit ?? 3,
      retryDelay: 1,
      expireInSeconds: options.expireInSeconds ?? 900,
    });
  } catch (cause) {
    await boss.stop({ graceful: false, close: true, wait: false }).catch(() => undefined);
    throw new SohoaError(
      'BATCH_QUEUE_FAILED',
      'Cannot reach the job queue database: check the `--queue` connection string and that PostgreSQL is running.',
      { cause },
    );
  }
  const digitizers: Array<{ close(): Promise<void> }> = [];
  return {
    async enqueue(paths, enqueueOptions = {}) {
      let queued = 0;
      let alreadyQueued = 0;
      const manifest = enqueueOptions.manifest ? resolve(enqueueOptions.manifest) : undefined;
      // Read it once here: a malformed manifest is refused before anything is queued.
      const rows = manifest ? await readManifest(manifest, options.manifestLimits) : [];
      const all = [...new Set([...paths.map((p) => resolve(p)), ...rows.map((r) => r.path)])];
      for (const absolute of all) {
        let bytes: Uint8Array;
        try {
          bytes = await readFile(absolute);
        } catch (cause) {
          throw new SohoaError(
            'BATCH_QUEUE_FAILED',
            `Cannot read \`${absolute}\` to queue it: check the path (nothing after it was queued).`,
            { cause },
          );
        }
        const sha256 = sha256Hex(bytes);
        // The job id derives from the file hash: the same file queued again is refused by the database.
        const job: DigitizeJob = { path: absolute, sha256, ...(manifest ? { manifest } : {}) };
        const id = await boss.send(name, job, { id: uuidFromHash(sha256) });
        if (id) queued++;
        else alreadyQueued++;
      }
      return { queued, alreadyQueued };
    },
    size: () => boss.getQueueSize(name),
    async work(work) {
      const { teamSize = 1, onResult, inputRoot, ...digitize } = work;
      if (typeof inputRoot !== 'string' || inputRoot === '') {
        throw new SohoaError(
          'BATCH_QUEUE_FAILED',
          "A queue worker needs `inputRoot`, the folder its jobs' files are in (`sohoa worker --input-root DIR`); jobs naming files elsewhere are refused. Pass `/` to allow any path.",
        );
      }
      const root = await resolveInputRoot(inputRoot);
      const digitizer = await openDigitizer({
        ...digitize,
        maxAttempts: 1,
        ...(digitize.isolation ? { isolation: { processes: teamSize, ...digitize.isolation } } : {}),
      });
      digitizers.push(digitizer);
      const manifests = new Map<string, { mtimeMs: number; rows: Promise<Map<string, ManifestEntry>> }>();
      // A manifest is read once per worker, and again when the file changes (a corrected manifest re-queued).
      const manifestFor = async (file: string): Promise<Map<string, ManifestEntry>> => {
        const { mtimeMs } = await stat(file);
        let cached = manifests.get(file);
        if (!cached || cached.mtimeMs !== mtimeMs) {
          cached = {
            mtimeMs,
            rows: readManifest(file, options.manifestLimits).then((rows) => new Map(rows.map((r) => [r.path, r]))),
          };
          manifests.set(file, cached);
          cached.rows.catch(() => manifests.delete(file));
        }
        return cached.rows;
      };
      for (let i = 0; i < teamSize; i++) {
        await boss.work<DigitizeJob>(
          name,
          { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
          async ([job]) => {
            if (!job) return;
            try {
              await checkInputPath(root, job.data.path);
              if (job.data.manifest) await checkInputPath(root, job.data.manifest);
            } catch (error) {
              // Failed in the queue (thrown to pg-boss), reported here, and never opened.
              if (isSohoaError(error))
                onResult?.({
                  file: job.data.path,
                  status: 'failed',
                  error: { code: error.code, message: error.message },
                  diagnostics: [],
                  pages: 0,
                  ms: 0,
                });
              throw error;
            }
            const manifest = job.data.manifest ? await manifestFor(job.data.manifest) : undefined;
            const result = await digitizer.digitize(job.data.path, manifest ? { manifest } : undefined);
            onResult?.(result);
            if (result.status === 'failed' && TRANSIENT.has(result.error?.code ?? '')) {
              throw new SohoaError(
                'BATCH_QUEUE_FAILED',
                `Transient failure (${result.error?.code}); pg-boss will retry the job.`,
              );
            }
            return { status: result.status, documentId: result.documentId ?? null, error: result.error?.code ?? null };
          },
        );
      }
    },
    async stop() {
      await boss.stop({ graceful: true, close: true, wait: true, timeout: 30_000 });
      for (const digitizer of digitizers.splice(0)) await digitizer.close();
    },
  };
}
