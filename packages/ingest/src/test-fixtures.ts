import sharp from 'sharp';
import { expect } from 'vitest';
import { isSohoaError, type PageImage, type SohoaErrorCode } from '@sohoa/core';

/** A page image of the given raw pixels (1 channel unless said), for preprocessing tests. */
export function rawPage(width: number, height: number, pixels: Uint8Array, channels: 1 | 3 = 1): PageImage {
  return {
    source: { file: 'x.png', sha256: '0'.repeat(64), page: 1, pageCount: 1 },
    width,
    height,
    channels,
    pixels,
    diagnostics: [],
  };
}

/** Awaits `promise` and expects it to reject with a `SohoaError` of `code`; returns the error. */
export async function expectCode(promise: Promise<unknown>, code: SohoaErrorCode): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isSohoaError(error, code), `expected ${code}, got ${String(error)}`).toBe(true);
  return error as Error;
}

/** A synthetic "scan": white page with dark bars, deterministic, no personal data. */
export async function makeRaster(width: number, height: number, channels: 3 | 4 = 3): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * channels, 255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dark = (Math.floor(y / 8) % 3 === 0 && x > width / 8 && x < (width * 7) / 8) || x < 4;
      const i = (y * width + x) * channels;
      if (dark) {
        pixels[i] = 20;
        pixels[i + 1] = 40;
        pixels[i + 2] = 60;
      }
      if (channels === 4) pixels[i + 3] = x < width / 2 ? 255 : 0;
    }
  }
  return pixels;
}

export async function makeImage(
  format: 'jpeg' | 'png' | 'webp' | 'tiff',
  width = 120,
  height = 80,
  channels: 3 | 4 = 3,
): Promise<Buffer> {
  const raw = await makeRaster(width, height, channels);
  const image = sharp(raw, { raw: { width, height, channels } });
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: 95 }).toBuffer();
    case 'png':
      return image.png().toBuffer();
    case 'webp':
      return image.webp({ lossless: true }).toBuffer();
    case 'tiff':
      return image.tiff().toBuffer();
  }
}

/** A valid PNG signature and IHDR claiming a huge size, with no pixel data (a decompression-bomb header). */
export function pngHeaderClaiming(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', Buffer.alloc(0)), chunk('IEND', Buffer.alloc(0))]),
  );
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
