import { SohoaError } from '@sohoa/core';

/** Throw `ABORTED` when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined, label: string): void {
  if (signal?.aborted) {
    throw new SohoaError('ABORTED', `Reading \`${label}\` was cancelled by the caller's AbortSignal.`, {
      cause: signal.reason,
      details: { file: label },
    });
  }
}

/**
 * Run one page's decode with a wall-clock limit and the caller's signal. The native work behind a
 * timed-out promise cannot be stopped; the caller gets a typed error instead of waiting.
 */
export async function withPageDeadline<T>(
  work: () => Promise<T>,
  context: { label: string; page: number; timeoutMs: number; signal: AbortSignal | undefined },
): Promise<T> {
  throwIfAborted(context.signal, context.label);
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new SohoaError(
          'INGEST_TIMEOUT',
          `Decoding page ${context.page} of \`${context.label}\` took longer than ${context.timeoutMs} ms. The file may be pathological; raise \`pageTimeoutMs\` if it is just large.`,
          { details: { file: context.label, page: context.page, timeoutMs: context.timeoutMs } },
        ),
      );
    }, context.timeoutMs);
    timer.unref?.();
    onAbort = () => {
      try {
        throwIfAborted(context.signal, context.label);
      } catch (error) {
        reject(error);
      }
    };
    context.signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work(), stop]);
  } finally {
    clearTimeout(timer);
    if (onAbort) context.signal?.removeEventListener('abort', onAbort);
  }
}
