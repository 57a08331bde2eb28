import { expect } from 'vitest';
import type { FilledForm } from './types';

/** Options of the `toAutoFill` matcher. */
export interface AutoFillOptions {
  /** Minimum `coverage.ratio` (filled / leaf fields), 0..1. @default 0.2 (the legal floor) */
  atLeast?: number;
}

interface AutoFillMatchers<R = unknown> {
  /** Assert that a filled form reaches a coverage ratio; the failure lists empty fields by pointer and reason. */
  toAutoFill(options?: AutoFillOptions): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  // biome-ignore lint/suspicious/noExplicitAny: the augmentation must repeat vitest's own `Assertion<T = any>`
  interface Assertion<T = any> extends AutoFillMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends AutoFillMatchers {}
}

function isFilledForm(value: unknown): value is FilledForm {
  const v = value as FilledForm | null;
  return typeof v === 'object' && v !== null && Array.isArray(v.fields) && typeof v.coverage?.ratio === 'number';
}

/**
 * The `toAutoFill` matcher: `expect(fillForm(schema, profile)).toAutoFill({ atLeast: 0.2 })`. Messages name
 * pointers and reasons, never values. Register it once with `import '@sohoa/eform/vitest'` in a setup file.
 */
export function toAutoFill(received: unknown, options: AutoFillOptions = {}) {
  const atLeast = options.atLeast ?? 0.2;
  if (!isFilledForm(received)) {
    return { pass: false, message: () => 'toAutoFill expects the result of `fillForm(schema, profile)`.' };
  }
  const { coverage, fields } = received;
  const pass = coverage.ratio >= atLeast;
  const empty = fields
    .filter((f) => f.status !== 'filled')
    .map((f) => `  ${f.pointer}: ${f.status}${f.reason ? ` (${f.reason})` : ''}`);
  const shown = empty.slice(0, 20).join('\n') + (empty.length > 20 ? `\n  … ${empty.length - 20} more` : '');
  const summary = `${coverage.filled}/${coverage.total} fields filled (${(coverage.ratio * 100).toFixed(1)}%), needs review ${coverage.needsReview}`;
  return {
    pass,
    message: () =>
      pass
        ? `expected the form not to auto-fill at least ${(atLeast * 100).toFixed(1)}%, but ${summary}`
        : `expected the form to auto-fill at least ${(atLeast * 100).toFixed(1)}%, but ${summary}. Not filled:\n${shown}`,
  };
}

expect.extend({ toAutoFill });
