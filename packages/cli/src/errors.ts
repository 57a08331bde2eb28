import { isSohoaError } from '@sohoa/core';

/** Exit codes: 1 for a failed operation, 2 for a usage error, 70 for a bug (EX_SOFTWARE). */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70 } as const;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The one top-level error handler: a known error prints one line; a bug prints its stack. */
export function handleError(error: unknown, stderr: NodeJS.WriteStream = process.stderr): number {
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
