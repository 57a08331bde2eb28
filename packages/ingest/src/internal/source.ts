import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { SohoaError, sha256Hex } from '@sohoa/core';
import type { IngestInput, ResolvedIngestOptions } from '../types';

/** The bytes of one input file plus what messages may say about it. */
export interface LoadedSource {
  /** Path or name as given by the caller (goes into `PageSource.file`). */
  file: string;
  /** Base name only, for messages. */
  label: string;
  bytes: Uint8Array;
  sha256: string;
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

function tooLarge(label: string, size: number, maxBytes: number): SohoaError {
  return new SohoaError(
    'INGEST_FILE_TOO_LARGE',
    `File \`${label}\` is ${size} bytes, over the \`maxBytes\` limit of ${maxBytes}. Split the file or raise \`maxBytes\`.`,
    { details: { file: label, size, maxBytes } },
  );
}

/** Read an input's bytes, enforcing the size limit before reading and rejecting empty files. */
export async function loadSource(input: IngestInput, options: ResolvedIngestOptions): Promise<LoadedSource> {
  let file: string;
  let bytes: Uint8Array;
  if (typeof input === 'string') {
    file = input;
    const label = basename(input);
    let size: number;
    try {
      const info = await stat(input);
      if (!info.isFile()) {
        throw new SohoaError('INGEST_FILE_NOT_FOUND', `\`${label}\` is not a regular file. Pass a file path, or expand folders with \`listInputFiles\`.`, {
          details: { file: label },
        });
      }
      size = info.size;
    } catch (error) {
      if (error instanceof SohoaError) throw error;
      const code = errnoCode(error);
      throw new SohoaError(
        'INGEST_FILE_NOT_FOUND',
        `File \`${label}\` could not be opened (${code ?? 'unknown error'}). Check the path and read permission.`,
        { cause: error, details: { file: label, errno: code } },
      );
    }
    if (size > options.maxBytes) throw tooLarge(label, size, options.maxBytes);
    bytes = new Uint8Array(await readFile(input));
  } else {
    file = input.name;
    bytes = input.bytes;
  }
  const label = basename(file) || 'input';
  if (bytes.byteLength === 0) {
    throw new SohoaError('INGEST_FILE_EMPTY', `File \`${label}\` is empty (0 bytes). Re-export or re-scan it.`, {
      details: { file: label },
    });
  }
  if (bytes.byteLength > options.maxBytes) throw tooLarge(label, bytes.byteLength, options.maxBytes);
  return { file, label, bytes, sha256: sha256Hex(bytes) };
}
