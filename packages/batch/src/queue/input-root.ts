import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { SohoaError } from '@sohoa/core';

/** A worker's input root: the folder (symlinks resolved) outside which no job's file is opened. */
export interface InputRoot {
  readonly real: string;
}

function outside(why: string): SohoaError {
  // Never the path itself: file names may carry a person's name.
  return new SohoaError(
    'BATCH_INPUT_OUTSIDE_ROOT',
    `The job names a file ${why}, so it was not opened. Queue files under the workers' \`--input-root\` (\`inputRoot\`), or start the workers with the shared folder the files are in.`,
  );
}

/** Resolves `dir` (with `..` and symlinks) to the worker's input root; it must be an existing folder. */
export async function resolveInputRoot(dir: string): Promise<InputRoot> {
  try {
    const real = await realpath(resolve(dir));
    if ((await stat(real)).isDirectory()) return { real };
  } catch (cause) {
    throw new SohoaError(
      'BATCH_INPUT_OUTSIDE_ROOT',
      'The worker input root (`--input-root`, `inputRoot`) does not exist or cannot be read; give an existing folder.',
      { cause },
    );
  }
  throw new SohoaError(
    'BATCH_INPUT_OUTSIDE_ROOT',
    'The worker input root (`--input-root`, `inputRoot`) is not a folder; give the folder the queued files are in.',
  );
}

function within(root: InputRoot, real: string): boolean {
  const rel = relative(root.real, real);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Resolves `path` with `..` and every symlink and throws `BATCH_INPUT_OUTSIDE_ROOT` unless the real file
 * lies inside `root`. A path that does not exist is judged by its nearest existing folder, so a missing
 * file inside the root is left to ingest to report. Relative paths are refused (a job carries absolute ones).
 */
export async function checkInputPath(root: InputRoot, path: string): Promise<void> {
  if (!isAbsolute(path)) throw outside('by a relative path');
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    // Missing: resolve the nearest existing ancestor, then append the rest.
    let dir = dirname(path);
    let rest = path.slice(dir.length);
    for (;;) {
      try {
        real = (await realpath(dir)) + rest;
        break;
      } catch {
        if (dirname(dir) === dir) throw outside('that cannot be resolved');
        rest = dir.slice(dirname(dir).length) + rest;
        dir = dirname(dir);
      }
    }
    real = resolve(real);
  }
  if (!within(root, real)) throw outside('outside the worker input root (after resolving `..` and symlinks)');
}
