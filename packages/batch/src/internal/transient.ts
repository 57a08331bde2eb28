import type { SohoaErrorCode } from '@sohoa/core';

/** The code of a failed file: a `SohoaError` code, or `INTERNAL` for anything else thrown. */
export type FailureCode = SohoaErrorCode | 'INTERNAL';

/**
 * Failures worth another attempt, in every mode: the engine crashed or timed out, or something unexpected was
 * thrown. Bad input fails the same way every time. Each mode adds its own (a crashed isolated worker in a local
 * run, a vault that did not open on a queue worker).
 */
export const TRANSIENT_FAILURES: readonly FailureCode[] = [
  'OCR_FAILED',
  'OCR_TIMEOUT',
  'OCR_INIT_FAILED',
  'INGEST_TIMEOUT',
  'BATCH_FILE_TIMEOUT',
  'INTERNAL',
];
