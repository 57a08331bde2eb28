import { SohoaError } from '@sohoa/core';
import type { FileType } from '../types';
import { tooManyPages, tooManyPixels } from './sharp-errors';

/** Page count and the largest declared page size, read from the container without decoding pixels. */
export interface DeclaredSize {
  pages: number;
  width: number;
  height: number;
}

function corrupt(label: string, why: string): SohoaError {
  return new SohoaError(
    'INGEST_CORRUPT_IMAGE',
    `Page 1 of \`${label}\` could not be decoded (${why}). The file is truncated or damaged; re-export or re-scan it.`,
    {
      details: { file: label, page: 1 },
    },
  );
}

/** JPEG: the first SOFn marker (baseline, progressive, lossless...). */
function jpegSize(bytes: Uint8Array): DeclaredSize | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      const height = (bytes[at + 5]! << 8) | bytes[at + 6]!;
      const width = (bytes[at + 7]! << 8) | bytes[at + 8]!;
      return { pages: 1, width, height };
    }
    if (marker === 0xda || length < 2) return undefined;
    at += 2 + length;
  }
  return undefined;
}

const MAX_IFDS = 100_000;

/**
 * TIFF: walk the IFD chain, counting pages and refusing loops (libtiff stops silently at a loop,
 * which would hide a damaged file); the declared size is the largest page's.
 */
function tiffSize(bytes: Uint8Array, label: string, maxPages: number): DeclaredSize | undefined {
  if (bytes.length < 8) throw corrupt(label, 'TIFF header cut short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49;
  if (view.getUint16(2, little) !== 42) return undefined; // BigTIFF: leave it to libtiff
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);
  const seen = new Set<number>();
  let offset = u32(4);
  let pages = 0;
  let width = 0;
  let height = 0;
  while (offset !== 0) {
    if (seen.has(offset)) throw corrupt(label, 'TIFF page chain loops back on itself');
    if (offset + 2 > bytes.length) throw corrupt(label, 'TIFF page directory past the end of the file');
    seen.add(offset);
    pages++;
    if (pages > maxPages) throw tooManyPages(label, pages, maxPages);
    if (pages > MAX_IFDS) throw corrupt(label, 'too many TIFF directories');
    const count = u16(offset);
    const end = offset + 2 + count * 12;
    if (end + 4 > bytes.length) throw corrupt(label, 'TIFF page directory cut short');
    let w = 0;
    let h = 0;
    for (let i = 0; i < count; i++) {
      const entry = offset + 2 + i * 12;
      const tag = u16(entry);
      if (tag !== 256 && tag !== 257) continue;
      const value = u16(entry + 2) === 3 ? u16(entry + 8) : u32(entry + 8);
      if (tag === 256) w = value;
      else h = value;
    }
    if (w * h > width * height) {
      width = w;
      height = h;
    }
    offset = u32(end);
  }
  return { pages, width, height };
}

function bmpSize(bytes: Uint8Array): DeclaredSize | undefined {
  if (bytes.length < 26) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerSize = view.getUint32(14, true);
  if (headerSize === 12) return { pages: 1, width: view.getUint16(18, true), height: view.getUint16(20, true) };
  return { pages: 1, width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
}

/**
 * Check the declared page count and size against the limits before any decoder runs. Formats whose
 * header sharp reads reliably (PNG, WebP) are left to it; this covers what it cannot report safely.
 */
export function checkDeclaredSize(
  bytes: Uint8Array,
  type: FileType,
  label: string,
  limits: { maxPixels: number; maxPages: number },
): DeclaredSize | undefined {
  let size: DeclaredSize | undefined;
  if (type === 'jpeg') size = jpegSize(bytes);
  else if (type === 'tiff') size = tiffSize(bytes, label, limits.maxPages);
  else if (type === 'bmp') size = bmpSize(bytes);
  if (size && size.width * size.height > limits.maxPixels)
    throw tooManyPixels(label, 1, size.width, size.height, limits.maxPixels);
  return size;
}
