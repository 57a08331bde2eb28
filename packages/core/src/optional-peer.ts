import { SohoaError, type SohoaErrorCode } from './errors';

/**
 * Loads an optional peer dependency (`() => import('better-sqlite3')`, a literal specifier so bundlers and
 * types follow it); when it is not installed, throws a `SohoaError` with `code` and `message` (say what to
 * install), the loader's error as its cause.
 */
export async function importOptionalPeer<T>(load: () => Promise<T>, code: SohoaErrorCode, message: string): Promise<T> {
  try {
    return await load();
  } catch (cause) {
    throw new SohoaError(code, message, { cause });
  }
}
