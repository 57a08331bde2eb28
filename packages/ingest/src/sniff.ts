import type { FileType } from './types';

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const PDF_SEARCH_WINDOW = 1024;

/** Identify a file from its magic bytes (never its name); `unknown` when nothing matches. */
export function sniffFileType(bytes: Uint8Array): FileType {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  // BigTIFF
  if (startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b])) return 'tiff';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length >= 26) return 'bmp';
  // PDF readers accept `%PDF-` anywhere in the first 1024 bytes (some scanners prepend junk).
  const window = bytes.subarray(0, Math.min(bytes.length, PDF_SEARCH_WINDOW));
  for (let i = 0; i + 5 <= window.length; i++) {
    if (window[i] === 0x25 && startsWith(window, [0x25, 0x50, 0x44, 0x46, 0x2d], i)) return 'pdf';
  }
  return 'unknown';
}

/** File types `readPages` can decode. */
export const SUPPORTED_FILE_TYPES: readonly FileType[] = ['jpeg', 'png', 'webp', 'tiff', 'bmp', 'pdf'];

/** True when `readPages` can decode files of this type. */
export function isSupportedFileType(type: FileType): boolean {
  return SUPPORTED_FILE_TYPES.includes(type);
}
