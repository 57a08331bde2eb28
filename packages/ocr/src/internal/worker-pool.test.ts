import { afterAll, describe, expect, it } from 'vitest';
import { isSohoaError } from '@sohoa/core';
import { resolveLanguageFolder } from './language-data';
import { WorkerPool } from './worker-pool';

describe('WorkerPool', () => {
  const pool = new WorkerPool({
    engine: 'test',
    size: 1,
    languages: ['vie'],
    languageFolder: () => resolveLanguageFolder(['vie'], undefined),
    recycleAfter: 100,
    startTimeoutMs: 30_000,
  });
  afterAll(() => pool.dispose());
  const limits = { page: 1, timeoutMs: 30_000, signal: undefined, languages: ['vie'] };

  it('retries a failed job once on a fresh worker', async () => {
    const seen: unknown[] = [];
    const value = await pool.run(async (worker) => {
      seen.push(worker);
      if (seen.length === 1) throw new Error('simulated worker failure');
      return 'ok';
    }, limits);
    expect(value).toBe('ok');
    expect(seen).toHaveLength(2);
    expect(seen[0]).not.toBe(seen[1]);
  });

  it('gives up with OCR_FAILED after the retry fails too', async () => {
    let attempts = 0;
    const error = await pool
      .run(async () => {
        attempts++;
        throw new Error('simulated worker failure');
      }, limits)
      .catch((e: unknown) => e);
    expect(attempts).toBe(2);
    expect(isSohoaError(error, 'OCR_FAILED')).toBe(true);
    expect((error as Error).message).not.toContain('simulated');
  });

  it('queues jobs beyond the pool size and runs them in order', async () => {
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => pool.run(async () => void order.push(n), limits)));
    expect(order).toEqual([1, 2, 3]);
  });
});
