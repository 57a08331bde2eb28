import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { SohoaError, sha256Hex } from '@sohoa/core';
import type { IngestBytes, IngestInput, ResolvedIngestOptions } from '../types';

/** The bytes of one input file plus what messages may say about it. */
export interface LoadedSource {
  /** Path or name as given by the caller (goes into `PageSource.file`). */
  file: string;
  /** Base name only, for messages. */
  label: string;
  /** A plain `Uint8Array` over the caller's bytes (not a copy; never handed to a reader that detaches it). */
  bytes: Uint8Array;
  sha256: string;
}

function isBytes(value: unknown): value is IngestBytes {
  return (
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)
  );
}

/** The name an input goes by in messages and in `PageSource.file`. */
export function inputName(input: IngestInput): string {
  if (typeof input === 'string') return input;
  if (isBytes(input)) return 'input';
  return input.name;
}

/**
 * Bytes of any kind as one plain `Uint8Array` view over the same memory: a `Buffer` (which pdf.js refuses),
 * a view with an offset into a larger buffer, another typed array, a `DataView` or an `ArrayBuffer`.
 */
export function toPlainBytes(bytes: unknown, label: string): Uint8Array {
  if (ArrayBuffer.isView(bytes)) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isBytes(bytes)) return new Uint8Array(bytes as ArrayBuffer);
  throw new SohoaError(
    'INGEST_INVALID_OPTION',
    `The bytes given for \`${label}\` are not binary data (got ${bytes === null ? 'null' : typeof bytes}). Pass a \`Uint8Array\`, a \`Buffer\` or an \`ArrayBuffer\`, or a file path.`,
    { details: { file: label } },
  );
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
        throw new SohoaError(
          'INGEST_FILE_NOT_FOUND',
          `\`${label}\` is not a regular file. Pass a file path, or expand folders with \`listInputFiles\`.`,
          {
            details: { file: label },
          },
        );
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
    bytes = toPlainBytes(await readFile(input), label);
  } else {
    file = inputName(input);
    bytes = toPlainBytes(isBytes(input) ? input : input.bytes, basename(file) || 'input');
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
