import { SohoaError } from '@sohoa/core';
import type { DecodedRaster } from './decode-image';
import { tooManyPixels } from './sharp-errors';

function corrupt(label: string, why: string): SohoaError {
  return new SohoaError(
    'INGEST_CORRUPT_IMAGE',
    `Page 1 of \`${label}\` could not be decoded (${why}). Re-export the scan as PNG or TIFF.`,
    {
      details: { file: label, page: 1 },
    },
  );
}

function maskShift(mask: number): { shift: number; max: number } {
  if (mask === 0) return { shift: 0, max: 0 };
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  return { shift, max: mask >>> shift };
}

/**
 * Decode an uncompressed Windows bitmap (1/4/8-bit palette, 16/24/32-bit, BI_RGB or BI_BITFIELDS) to
 * RGB; libvips has no BMP loader. RLE-compressed bitmaps are refused with advice.
 */
export function decodeBmp(bytes: Uint8Array, label: string, maxPixels: number): DecodedRaster {
  if (bytes.length < 26) throw corrupt(label, 'bitmap header cut short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  const core = headerSize === 12;
  if (!core && (headerSize < 40 || 14 + headerSize > bytes.length)) throw corrupt(label, 'unknown bitmap header');
  const width = core ? view.getUint16(18, true) : view.getInt32(18, true);
  const rawHeight = core ? view.getInt16(20, true) : view.getInt32(22, true);
  const height = Math.abs(rawHeight);
  const bits = view.getUint16(core ? 24 : 28, true);
  const compression = core ? 0 : view.getUint32(30, true);
  if (!(width > 0 && height > 0)) throw corrupt(label, 'bitmap without a valid size');
  if (width * height > maxPixels) throw tooManyPixels(label, 1, width, height, maxPixels);
  if (compression !== 0 && compression !== 3) throw corrupt(label, 'RLE or embedded-JPEG bitmaps are not supported');
  if (![1, 4, 8, 16, 24, 32].includes(bits)) throw corrupt(label, `${bits}-bit bitmaps are not supported`);

  let palette: Uint8Array | undefined;
  if (bits <= 8) {
    const entrySize = core ? 3 : 4;
    const declared = core ? 0 : view.getUint32(46, true);
    const colours = declared > 0 && declared <= 256 ? declared : 1 << bits;
    const start = 14 + headerSize;
    if (start + colours * entrySize > bytes.length) throw corrupt(label, 'bitmap palette cut short');
    palette = new Uint8Array(256 * 3);
    for (let i = 0; i < colours; i++) {
      palette[i * 3] = bytes[start + i * entrySize + 2]!;
      palette[i * 3 + 1] = bytes[start + i * entrySize + 1]!;
      palette[i * 3 + 2] = bytes[start + i * entrySize]!;
    }
  }
  let masks = bits === 16 ? [0x7c00, 0x03e0, 0x001f] : [0xff0000, 0x00ff00, 0x0000ff];
  if (compression === 3) {
    const at = headerSize >= 52 ? 54 : 14 + headerSize;
    if (at + 12 > bytes.length) throw corrupt(label, 'bitmap colour masks cut short');
    masks = [view.getUint32(at, true), view.getUint32(at + 4, true), view.getUint32(at + 8, true)];
  }
  const channels = masks.map(maskShift);
  const stride = Math.ceil((width * bits) / 32) * 4;
  if (dataOffset + stride * height > bytes.length) throw corrupt(label, 'bitmap pixel data cut short');
  const out = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const row = dataOffset + (rawHeight > 0 ? height - 1 - y : y) * stride;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      if (palette) {
        const bit = x * bits;
        const index = (bytes[row + (bit >> 3)]! >> (8 - bits - (bit & 7))) & ((1 << bits) - 1);
        out[o] = palette[index * 3]!;
        out[o + 1] = palette[index * 3 + 1]!;
        out[o + 2] = palette[index * 3 + 2]!;
      } else if (bits === 24 && compression === 0) {
        out[o] = bytes[row + x * 3 + 2]!;
        out[o + 1] = bytes[row + x * 3 + 1]!;
        out[o + 2] = bytes[row + x * 3]!;
      } else {
        const value =
          bits === 16
            ? view.getUint16(row + x * 2, true)
            : bits === 24
              ? view.getUint32(row + x * 3, true) & 0xffffff
              : view.getUint32(row + x * 4, true);
        for (let c = 0; c < 3; c++) {
          const { shift, max } = channels[c]!;
          out[o + c] = max === 0 ? 0 : Math.round((((value & masks[c]!) >>> shift) * 255) / max);
        }
      }
    }
  }
  return { width, height, channels: 3, pixels: out, diagnostics: [] };
}
