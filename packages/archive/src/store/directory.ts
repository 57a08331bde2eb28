import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { SohoaError } from '@sohoa/core';
import { assertBlobKey } from './keys';
import type { BlobStore } from './types';

/** Options of {@link directoryStore}. */
export interface DirectoryStoreOptions {
  /** The folder holding the copies; created when missing. */
  root: string;
  /** File mode of new copies. @default 0o640 */
  mode?: number;
}

const TEMP_MARK = '.tmp-';

/**
 * A blob store in a folder (the default): each key is a file under `root`. `put` writes a temporary file
 * beside the target (`<name>.tmp-<random>`), flushes it to disk (`fsync`), renames it over the target and
 * flushes the folder, so a process killed at any point leaves either the old file, the new one, or a stray
 * temporary file (never named like a copy; `sweepTemporary()` removes them) — never half a copy.
 */
export function directoryStore(options: DirectoryStoreOptions): BlobStore & { sweepTemporary(): Promise<number> } {
  const root = resolve(options.root);
  const mode = options.mode ?? 0o640;
  const pathOf = (key: string) => {
    const path = resolve(root, ...assertBlobKey(key).split('/'));
    if (!path.startsWith(root + sep)) throw new SohoaError('ARCHIVE_STORE_INVALID_KEY', 'The key leaves the store.');
    return path;
  };
  const failed = (what: string, key: string, cause: unknown): never => {
    throw new SohoaError(
      'ARCHIVE_STORE_FAILED',
      `Could not ${what} \`${key}\` in the copies folder (${(cause as { code?: string })?.code ?? 'error'}); check that the folder exists and is writable.`,
      { cause, details: { key } },
    );
  };

  async function syncDir(dir: string): Promise<void> {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  return {
    name: 'directory',
    locate: (key) => pathOf(key),
    async put(key, bytes) {
      const path = pathOf(key);
      const temp = `${path}${TEMP_MARK}${randomBytes(6).toString('hex')}`;
      try {
        await mkdir(dirname(path), { recursive: true });
        const handle = await open(temp, 'wx', mode);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, path);
        await syncDir(dirname(path));
      } catch (cause) {
        await rm(temp, { force: true }).catch(() => undefined);
        failed('write', key, cause);
      }
    },
    async get(key) {
      const path = pathOf(key);
      try {
        return new Uint8Array(await readFile(path));
      } catch (cause) {
        if ((cause as { code?: string }).code === 'ENOENT') return undefined;
        return failed('read', key, cause);
      }
    },
    async delete(key) {
      const path = pathOf(key);
      try {
        await unlink(path);
        await syncDir(dirname(path));
      } catch (cause) {
        if ((cause as { code?: string }).code !== 'ENOENT') failed('delete', key, cause);
      }
    },
    async exists(key) {
      const path = pathOf(key);
      try {
        return (await stat(path)).isFile();
      } catch {
        return false;
      }
    },
    /** Remove temporary files left by killed writers; returns how many. */
    async sweepTemporary() {
      let removed = 0;
      const walk = async (dir: string): Promise<void> => {
        for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) await walk(path);
          else if (entry.name.includes(TEMP_MARK)) {
            await rm(path, { force: true });
            removed++;
          }
        }
      };
      await walk(root);
      return removed;
    },
  };
}
