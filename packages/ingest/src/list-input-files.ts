import { open, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { SohoaError } from '@sohoa/core';
import { isSupportedFileType, sniffFileType } from './sniff';
import type { ListInputFilesOptions } from './types';

const SNIFF_BYTES = 1024;

async function sniffPath(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return isSupportedFileType(sniffFileType(buffer.subarray(0, bytesRead)));
  } finally {
    await handle.close();
  }
}

async function expandFolder(folder: string, recursive: boolean, out: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (recursive) await expandFolder(path, recursive, out);
    } else if (entry.isFile() && (await sniffPath(path))) {
      out.push(path);
    }
  }
}

/**
 * Expand paths into the files `readPages` can read: folders are walked (hidden entries skipped) and
 * their files kept only when their content sniffs as an image or PDF; explicit files are kept as given.
 * The result is sorted and free of duplicates.
 */
export async function listInputFiles(paths: string[], options: ListInputFilesOptions = {}): Promise<string[]> {
  const recursive = options.recursive ?? true;
  const found: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw new SohoaError(
        'INGEST_FILE_NOT_FOUND',
        `Input \`${basename(path)}\` does not exist or cannot be read. Check the path.`,
        {
          cause: error,
          details: { file: basename(path) },
        },
      );
    }
    if (info.isDirectory()) await expandFolder(path, recursive, found);
    else found.push(path);
  }
  return [...new Set(found)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
