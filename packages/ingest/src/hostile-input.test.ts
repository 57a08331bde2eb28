import { describe, expect, it } from 'vitest';
import { isSohoaError } from '@sohoa/core';
import { makeHostileFiles } from '../../../test/fixtures/hostile/hostile-files';
import { readPages } from './read-pages';

const LIMIT_MS = 5_000;
const files = makeHostileFiles();

describe('hostile input', () => {
  it('has at least 20 hostile files', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files.map((file) => [file.name, file] as const))(
    'refuses %s within 5 s with a typed error',
    async (_name, file) => {
      const started = performance.now();
      const outcome = await readPages({ bytes: file.bytes, name: file.name }).then(
        (pages) => ({ pages: pages.length }),
        (error: unknown) => error,
      );
      const elapsed = performance.now() - started;
      expect(elapsed).toBeLessThan(LIMIT_MS);
      if (!isSohoaError(outcome) && file.codes.includes('READ_SAFELY')) return;
      expect(
        isSohoaError(outcome),
        `${file.name}: expected a SohoaError, got ${JSON.stringify(outcome) ?? String(outcome)}`,
      ).toBe(true);
      const code = (outcome as { code: string }).code;
      expect(file.codes, `${file.name}: refused with ${code}`).toContain(code);
      expect(elapsed).toBeLessThan(LIMIT_MS);
    },
  );
});
