import Tesseract from 'tesseract.js';
import { SohoaError } from '@sohoa/core';
import { abortedError, disposedError } from './errors';

/** What the pool needs to start workers. */
export interface PoolConfig {
  engine: string;
  size: number;
  languages: string[];
  /** Resolves the local folder with `<lang>.traineddata.gz` (once, lazily). */
  languageFolder: () => Promise<string>;
  recycleAfter: number;
  startTimeoutMs: number;
}

/** One recognition job: run against a worker, with limits. */
export interface JobLimits {
  page: number;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  languages: string[];
}

interface Slot {
  worker: Tesseract.Worker | undefined;
  languages: string;
  jobs: number;
  /** Bumped on every retire, so a worker that finishes starting after its job was given up is discarded. */
  generation: number;
  /** Rejects the running job when the worker thread dies. */
  onCrash: ((error: unknown) => void) | undefined;
}

type Failure = { kind: 'timeout' | 'aborted' | 'crashed' | 'failed' | 'disposed'; cause?: unknown };

const OEM_LSTM_ONLY = 1;

/** A fixed-size pool of lazily started tesseract.js workers with recycling, timeouts and crash replacement. */
export class WorkerPool {
  private readonly free: Slot[];
  private readonly waiters: Array<{ resolve: (slot: Slot) => void; reject: (error: unknown) => void }> = [];
  private readonly running = new Set<(failure: Failure) => void>();
  private readonly all: Slot[];
  private disposed = false;
  /** One abort listener per caller signal, however many jobs wait on it (no MaxListeners warnings). */
  private readonly abortWatchers = new WeakMap<AbortSignal, Set<() => void>>();

  constructor(private readonly config: PoolConfig) {
    this.all = Array.from({ length: config.size }, () => ({
      worker: undefined,
      languages: '',
      jobs: 0,
      generation: 0,
      onCrash: undefined,
    }));
    this.free = [...this.all];
  }

  /** Run `job` on a worker, retrying once on a fresh worker when the first one crashes or errors. */
  async run<T>(job: (worker: Tesseract.Worker) => Promise<T>, limits: JobLimits): Promise<T> {
    const slot = await this.acquire(limits);
    try {
      for (let attempt = 1; ; attempt++) {
        const outcome = await this.attempt(slot, job, limits);
        if (outcome.ok) return outcome.value;
        const failure = outcome.failure;
        await this.retire(slot);
        if (failure.kind === 'crashed' || failure.kind === 'failed') {
          if (attempt < 2 && !this.disposed) continue;
          throw new SohoaError(
            'OCR_FAILED',
            `OCR of page ${limits.page} failed twice on fresh workers (${failure.kind}). The image may be malformed; check it decodes, or report a bug.`,
            { cause: failure.cause, details: { page: limits.page } },
          );
        }
        if (failure.kind === 'timeout') {
          throw new SohoaError(
            'OCR_TIMEOUT',
            `OCR of page ${limits.page} took longer than ${limits.timeoutMs} ms; the worker was replaced. Use regions or a smaller image, or raise \`timeoutMs\`.`,
            { details: { page: limits.page, timeoutMs: limits.timeoutMs } },
          );
        }
        if (failure.kind === 'aborted') throw abortedError(limits.page, limits.signal?.reason);
        throw disposedError(this.config.engine);
      }
    } finally {
      this.release(slot);
    }
  }

  /** Terminate every worker and reject queued and running jobs; idempotent. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(disposedError(this.config.engine));
    for (const stop of [...this.running]) stop({ kind: 'disposed' });
    await Promise.all(this.all.map((slot) => this.retire(slot)));
  }

  private onAbort(signal: AbortSignal | undefined, listener: () => void): () => void {
    if (!signal) return () => undefined;
    let listeners = this.abortWatchers.get(signal);
    if (!listeners) {
      const set = new Set<() => void>();
      listeners = set;
      this.abortWatchers.set(signal, set);
      signal.addEventListener(
        'abort',
        () => {
          for (const fire of [...set]) fire();
        },
        { once: true },
      );
    }
    listeners.add(listener);
    const registered = listeners;
    return () => registered.delete(listener);
  }

  private acquire(limits: JobLimits): Promise<Slot> {
    if (this.disposed) return Promise.reject(disposedError(this.config.engine));
    if (limits.signal?.aborted) return Promise.reject(abortedError(limits.page, limits.signal.reason));
    const slot = this.free.pop();
    if (slot) return Promise.resolve(slot);
    return new Promise<Slot>((resolve, reject) => {
      const waiter = {
        resolve: (s: Slot) => {
          unwatch();
          resolve(s);
        },
        reject: (error: unknown) => {
          unwatch();
          reject(error);
        },
      };
      const unwatch = this.onAbort(limits.signal, () => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        waiter.reject(abortedError(limits.page, limits.signal?.reason));
      });
      this.waiters.push(waiter);
    });
  }

  private release(slot: Slot): void {
    const waiter = this.waiters.shift();
    if (waiter && !this.disposed) waiter.resolve(slot);
    else this.free.push(slot);
  }

  private async retire(slot: Slot): Promise<void> {
    const worker = slot.worker;
    slot.worker = undefined;
    slot.generation++;
    slot.onCrash = undefined;
    slot.jobs = 0;
    slot.languages = '';
    if (worker) await worker.terminate().catch(() => undefined);
  }

  private async start(slot: Slot, languages: string[]): Promise<Tesseract.Worker> {
    const generation = slot.generation;
    const langPath = await this.config.languageFolder();
    let timer: NodeJS.Timeout | undefined;
    const created = Tesseract.createWorker(this.config.languages, OEM_LSTM_ONLY, {
      langPath,
      cacheMethod: 'none',
      gzip: true,
      // Without an errorHandler tesseract.js rethrows worker errors outside any promise.
      errorHandler: () => undefined,
      logger: () => undefined,
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('worker start timed out')), this.config.startTimeoutMs);
    });
    let worker: Tesseract.Worker;
    try {
      worker = await Promise.race([created, timeout]);
    } catch (error) {
      void created.then((late) => late.terminate()).catch(() => undefined);
      throw new SohoaError(
        'OCR_INIT_FAILED',
        `A tesseract.js worker failed to start within ${this.config.startTimeoutMs} ms. Check that the language data is intact.`,
        {
          cause: error,
        },
      );
    } finally {
      clearTimeout(timer);
    }
    if (slot.generation !== generation || this.disposed) {
      await worker.terminate().catch(() => undefined);
      throw new Error('worker started after its job was given up');
    }
    slot.languages = this.config.languages.join('+');
    const thread = (worker as unknown as { worker?: NodeJS.EventEmitter }).worker;
    // Only the slot's current worker may fail its job: a recycled worker's exit must not.
    const crashed = (error: unknown) => {
      if (slot.worker === worker) slot.onCrash?.(error ?? new Error('worker exited'));
    };
    thread?.on('error', crashed);
    thread?.on('exit', (code: number) => crashed(new Error(`worker exited with code ${code}`)));
    slot.worker = worker;
    if (languages.join('+') !== slot.languages) {
      await worker.reinitialize(languages.join('+'), OEM_LSTM_ONLY);
      slot.languages = languages.join('+');
    }
    return worker;
  }

  private async attempt<T>(
    slot: Slot,
    job: (worker: Tesseract.Worker) => Promise<T>,
    limits: JobLimits,
  ): Promise<{ ok: true; value: T } | { ok: false; failure: Failure }> {
    let stop: ((failure: Failure) => void) | undefined;
    const stopped = new Promise<Failure>((resolve) => {
      stop = resolve;
    });
    this.running.add(stop!);
    slot.onCrash = (cause) => stop!({ kind: 'crashed', cause });
    const unwatch = this.onAbort(limits.signal, () => stop!({ kind: 'aborted' }));
    const timer = setTimeout(() => stop!({ kind: 'timeout' }), limits.timeoutMs);
    try {
      if (limits.signal?.aborted) return { ok: false, failure: { kind: 'aborted' } };
      const work = (async () => {
        let worker = slot.worker;
        if (!worker) worker = await this.start(slot, limits.languages);
        else if (slot.languages !== limits.languages.join('+')) {
          await worker.reinitialize(limits.languages.join('+'), OEM_LSTM_ONLY);
          slot.languages = limits.languages.join('+');
        }
        return job(worker);
      })();
      const outcome = await Promise.race([
        work.then(
          (value) => ({ ok: true as const, value }),
          (cause: unknown) => {
            if (cause instanceof SohoaError && cause.code === 'OCR_INIT_FAILED') throw cause;
            return { ok: false as const, failure: { kind: 'failed', cause } as Failure };
          },
        ),
        stopped.then((failure) => ({ ok: false as const, failure })),
      ]);
      if (outcome.ok) {
        slot.jobs++;
        if (slot.jobs >= this.config.recycleAfter) void this.retire(slot);
      }
      return outcome;
    } finally {
      clearTimeout(timer);
      unwatch();
      this.running.delete(stop!);
      slot.onCrash = undefined;
    }
  }
}
