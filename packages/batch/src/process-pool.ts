import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SohoaError } from '@sohoa/core';
import type { PipelineInput } from './pipeline';
import type { ChildMessage, ParentMessage } from './internal/isolation-protocol';
import type { PipelineOutput, ProcessIsolationOptions } from './types';

/** Counters of a process pool, for reports and benchmarks. */
export interface ProcessPoolStats {
  /** Worker processes started, including replacements. */
  started: number;
  /** Processes that died while handling a file. */
  crashed: number;
  /** Processes killed because a file ran past its time limit. */
  timedOut: number;
  /** Processes replaced after `recycleAfter` files, `recycleAfterPages` pages or above `recycleAboveRssMb`. */
  recycled: number;
  /** Milliseconds from fork to engine ready, per started process. */
  startMs: number[];
  /** Resident memory (bytes) of each live process, as it last reported. */
  rss: number[];
}

/** A pool of batch worker processes (see {@link ProcessIsolationOptions}). */
export interface ProcessPool {
  /** Starts every process and waits for its engine; throws `BATCH_ISOLATION_FAILED` when one cannot start. */
  start(): Promise<void>;
  /** Runs the pipeline for one file in a worker process; never throws (crashes and time-outs come back as `error`). */
  run(input: PipelineInput, options: { timeoutMs: number; signal?: AbortSignal }): Promise<PipelineOutput>;
  stats(): ProcessPoolStats;
  close(): Promise<void>;
}

interface Slot {
  child: ChildProcess;
  files: number;
  pages: number;
  rss: number;
  busy: boolean;
  exited: boolean;
  /** Ends the file in progress when the process dies. */
  onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
  onResult?: (message: Extract<ChildMessage, { type: 'result' }>) => void;
}

function childScript(): string {
  const built = fileURLToPath(new URL('./internal/isolated-child.js', import.meta.url));
  if (existsSync(built)) return built;
  // Running from sources (the tests import `src/`): the worker runs the built package.
  const fromSources = fileURLToPath(new URL('../dist/internal/isolated-child.js', import.meta.url));
  if (existsSync(fromSources)) return fromSources;
  throw new SohoaError(
    'BATCH_ISOLATION_FAILED',
    'The batch worker script `internal/isolated-child.js` is missing: build `@sohoa/batch` (`pnpm --filter @sohoa/batch build`).',
  );
}

const failure = (code: string, message: string): PipelineOutput => ({
  pages: 0,
  pageQuality: [],
  diagnostics: [],
  timings: { ingestMs: 0, ocrMs: 0, extractMs: 0 },
  error: { code, message },
});

/**
 * Creates a pool of worker processes that each create their own OCR engine from `options.engine`
 * and run files one at a time. A process that exits or hangs is killed and replaced; only its file fails.
 */
export function createProcessPool(options: ProcessIsolationOptions & { processes: number }): ProcessPool {
  const size = Math.max(1, options.processes);
  const recycleAfter = Math.max(1, options.recycleAfter ?? 500);
  const recycleAfterPages = Math.max(1, options.recycleAfterPages ?? 1000);
  const recycleAboveRss = Math.max(64, options.recycleAboveRssMb ?? 1536) * 1024 * 1024;
  const heapMb = Math.max(64, options.maxHeapMb ?? 1024);
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const script = childScript();
  const stats = { started: 0, crashed: 0, timedOut: 0, recycled: 0, startMs: [] as number[] };
  const live = new Set<Slot>();
  const idle: Slot[] = [];
  const waiters: Array<() => void> = [];
  let seq = 0;
  let closed = false;

  const wake = () => waiters.shift()?.();
  const drop = (slot: Slot) => {
    if (!live.delete(slot)) return;
    const i = idle.indexOf(slot);
    if (i >= 0) idle.splice(i, 1);
    wake();
  };
  const kill = (slot: Slot) => {
    drop(slot);
    if (!slot.exited) slot.child.kill('SIGKILL');
  };

  function spawn(): Promise<Slot> {
    const started = performance.now();
    const child = fork(script, [], {
      execArgv: [`--max-old-space-size=${heapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const slot: Slot = { child, files: 0, pages: 0, rss: 0, busy: false, exited: false };
    live.add(slot);
    stats.started++;
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'result') slot.onResult?.(message);
    });
    child.on('exit', (code, signal) => {
      slot.exited = true;
      drop(slot);
      slot.onExit?.(code, signal);
    });
    // IPC to a dying process can fail; its `exit` handler reports the file.
    child.on('error', () => undefined);
    return new Promise<Slot>((resolve, reject) => {
      const fail = (why: string) => {
        clearTimeout(timer);
        kill(slot);
        reject(new SohoaError('BATCH_ISOLATION_FAILED', `A batch worker process could not start: ${why}`));
      };
      const timer = setTimeout(
        () => fail(`its engine was not ready within ${startTimeoutMs} ms; raise \`startTimeoutMs\`.`),
        startTimeoutMs,
      );
      const onStart = (message: ChildMessage) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          child.off('message', onStart);
          slot.onExit = undefined;
          stats.startMs.push(Math.round(performance.now() - started));
          resolve(slot);
        } else if (message.type === 'init-failed')
          fail(
            `creating the OCR engine failed (\`${message.error.code}\`: ${message.error.message}); check \`isolation.engine\`.`,
          );
      };
      slot.onExit = (code, signal) => fail(`it exited (${signal ?? `code ${code}`}) before its engine was ready.`);
      child.on('message', onStart);
      child.send({ type: 'init', engine: options.engine } satisfies ParentMessage);
    });
  }

  async function acquire(): Promise<Slot> {
    for (;;) {
      if (closed) throw new SohoaError('BATCH_ISOLATION_FAILED', 'The batch worker pool is closed.');
      const slot = idle.pop();
      if (slot) return slot;
      if (live.size < size) return spawn();
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  }

  function release(slot: Slot): void {
    slot.busy = false;
    if (slot.exited) return;
    // Kept warm across files (engine loaded once) until one of its limits says a fresh process is due.
    if (slot.files >= recycleAfter || slot.pages >= recycleAfterPages || slot.rss > recycleAboveRss || closed) {
      stats.recycled += closed ? 0 : 1;
      drop(slot);
      slot.child.send({ type: 'exit' } satisfies ParentMessage);
      setTimeout(() => slot.exited || slot.child.kill('SIGKILL'), 10_000).unref();
      return;
    }
    idle.push(slot);
    wake();
  }

  return {
    async start() {
      const slots = await Promise.allSettled(Array.from({ length: size - live.size }, () => spawn()));
      for (const s of slots) if (s.status === 'fulfilled') release(s.value);
      const failed = slots.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failed) throw failed.reason;
    },
    async run(input, { timeoutMs, signal }) {
      let slot: Slot;
      try {
        slot = await acquire();
      } catch (error) {
        return failure(
          'BATCH_WORKER_CRASHED',
          `No batch worker process could be started for the file (${error instanceof SohoaError ? error.message : 'unknown reason'}).`,
        );
      }
      slot.busy = true;
      const id = ++seq;
      return new Promise<PipelineOutput>((resolve) => {
        const finish = (output: PipelineOutput) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          slot.onExit = undefined;
          slot.onResult = undefined;
          resolve(output);
        };
        const timer = setTimeout(() => {
          stats.timedOut++;
          finish(
            failure(
              'BATCH_FILE_TIMEOUT',
              `Processing the file took longer than ${timeoutMs} ms; its worker process was killed. It will be retried, or raise \`fileTimeoutMs\`.`,
            ),
          );
          kill(slot);
        }, timeoutMs);
        const onAbort = () => {
          finish(
            failure(
              'OCR_ABORTED',
              'The run was stopped while the file was in progress; run again with `resume` to do it.',
            ),
          );
          kill(slot);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        slot.onResult = (message) => {
          if (message.id !== id) return;
          slot.files++;
          slot.pages += message.output.pages;
          slot.rss = message.rss;
          finish(message.output);
          release(slot);
        };
        slot.onExit = (code, sig) => {
          stats.crashed++;
          finish(
            failure(
              'BATCH_WORKER_CRASHED',
              `The worker process handling the file exited (${sig ?? `code ${code}`}) before it answered, e.g. a native crash or running out of memory; only this file failed. It will be retried, then parked.`,
            ),
          );
        };
        if (signal?.aborted) onAbort();
        else {
          try {
            slot.child.send({ type: 'file', id, input } satisfies ParentMessage);
          } catch {
            // The process died between being picked and being sent the file.
            if (slot.exited) slot.onExit?.(null, null);
            else kill(slot);
          }
        }
      });
    },
    stats() {
      return { ...stats, startMs: [...stats.startMs], rss: [...live].map((s) => s.rss) };
    },
    async close() {
      closed = true;
      const exits = [...live].map(
        (slot) => new Promise<void>((resolve) => (slot.exited ? resolve() : slot.child.once('exit', () => resolve()))),
      );
      for (const slot of [...idle]) release(slot);
      for (const slot of [...live]) if (slot.busy) kill(slot);
      while (waiters.length > 0) wake();
      await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      for (const slot of [...live]) kill(slot);
    },
  };
}
