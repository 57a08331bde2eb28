import { afterEach, describe, expect, it, vi } from 'vitest';
import { canRun, skipUnlessEnabled } from './fixtures/skip';

describe('canRun (test/fixtures/skip.ts)', () => {
  const ci = process.env.CI;
  afterEach(() => {
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
    vi.restoreAllMocks();
  });

  it('runs when it can, and otherwise says why on stderr', () => {
    delete process.env.CI;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(canRun('suite', true, 'unused')).toBe(true);
    expect(canRun('suite', false, 'dist is missing')).toBe(false);
    expect(warn).toHaveBeenCalledWith('suite: skipped; dist is missing');
  });

  it('with CI=true an unexpected skip throws, an allowed one is printed', () => {
    process.env.CI = 'true';
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(() => canRun('suite', false, 'no PostgreSQL')).toThrow(
      'suite: skipped; no PostgreSQL (an unexpected skip with CI=true)',
    );
    expect(canRun('suite', false, 'no ../shared/data', { allowedInCi: true })).toBe(false);
    expect(warn).toHaveBeenCalledWith('suite: skipped; no ../shared/data');
    expect(skipUnlessEnabled('slow', 'SOHOA_SLOW_TEST', 'is slow')).toBe(true);
  });
});
