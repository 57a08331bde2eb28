import { closeSync, constants, fchmodSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const PRIVATE = 0o600;

/**
 * Creates `path` empty with mode 0600 when it does not exist (the mode is set on the new file's
 * descriptor, so the umask does not matter and no byte is ever readable by others); an existing file
 * is left as it is. Parent folders are created. Call it before a library (SQLite) opens the file.
 */
export function createPrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, PRIVATE);
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') return;
    throw error;
  }
  try {
    fchmodSync(fd, PRIVATE);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `data` to `path` as a file only its owner can read (0600), whatever the umask and whatever
 * mode an older file at that path had: the mode is set before the first byte is written.
 */
export function writePrivateFile(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, PRIVATE);
  try {
    fchmodSync(fd, PRIVATE);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  } finally {
    closeSync(fd);
  }
}
