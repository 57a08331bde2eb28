import { isSohoaError } from '@sohoa/core';

/** Exit codes: 1 for a failed operation, 2 for a usage error, 70 for a bug (EX_SOFTWARE). */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70 } as const;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The reader of our output went away (`sohoa … | head`): the output is no longer wanted. */
export function isBrokenPipe(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EPIPE';
}

/**
 * Ends the process quietly with exit 0 when stdout's reader closes the pipe, for every command: the
 * reader chose to stop (`| head`), nothing failed here, and a non-zero code would fail `set -o pipefail`
 * scripts. Any other stdout error goes through {@link handleError}.
 */
export function exitQuietlyOnBrokenPipe(stdout: NodeJS.WriteStream = process.stdout): void {
  stdout.on('error', (error: unknown) => {
    process.exit(isBrokenPipe(error) ? EXIT.ok : handleError(error));
  });
}

/** The one top-level error handler: a known error prints one line; a bug prints its stack; a closed stdout pipe nothing. */
export function handleError(error: unknown, stderr: NodeJS.WriteStream = process.stderr): number {
  if (isBrokenPipe(error)) return EXIT.ok;
  if (isSohoaError(error)) {
    stderr.write(`sohoa: ${error.code}: ${error.message}\n`);
    return EXIT.failed;
  }
  if (error instanceof UsageError) {
    stderr.write(`sohoa: ${error.message}\n`);
    return EXIT.usage;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  stderr.write(`sohoa: internal error — please report it with the command you ran:\n${stack}\n`);
  return EXIT.internal;
}
