import { SohoaError } from '@sohoa/core';

/** `OCR_ABORTED` for a page, with the signal's reason as cause. */
export function abortedError(page: number, reason?: unknown): SohoaError {
  return new SohoaError('OCR_ABORTED', `OCR of page ${page} was cancelled by the caller's AbortSignal.`, {
    cause: reason,
    details: { page },
  });
}

/** `OCR_ENGINE_DISPOSED`: the engine was used after `dispose()`. */
export function disposedError(engine: string): SohoaError {
  return new SohoaError(
    'OCR_ENGINE_DISPOSED',
    `OCR engine \`${engine}\` has been disposed. Create a new engine with its factory.`,
    {
      details: { engine },
    },
  );
}
