// Synthetic pages and metadata for the copy tests: no personal data (a made-up name and ID number).

import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { CopyMetadata, CopyPage, CopyWord } from '../types';

/** A page-like raster: white with grey text lines, deterministic. */
export function pageRaster(width: number, height: number, channels: 1 | 3 | 4 = 3): Buffer {
  const pixels = Buffer.alloc(width * height * channels, 255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const ink = Math.floor(y / 12) % 4 === 1 && x > width / 10 && x < (width * 9) / 10 && (x >> 3) % 5 !== 0;
      const i = (y * width + x) * channels;
      if (ink) for (let c = 0; c < Math.min(channels, 3); c++) pixels[i + c] = 40 + c * 20;
      if (channels === 4) pixels[i + 3] = x < width / 2 ? 255 : 96;
    }
  }
  return pixels;
}

export async function makePageImage(
  format: 'jpeg' | 'png' | 'png-alpha' | 'png-grey' | 'png-16' | 'png-palette' | 'tiff' | 'jpeg-cmyk',
  width = 600,
  height = 400,
): Promise<Uint8Array> {
  const channels = format === 'png-alpha' ? 4 : 3;
  const image = sharp(pageRaster(width, height, channels), { raw: { width, height, channels } });
  let out: Buffer;
  switch (format) {
    case 'jpeg':
      out = await image.jpeg({ quality: 90 }).toBuffer();
      break;
    case 'jpeg-cmyk':
      out = await image.toColourspace('cmyk').jpeg({ quality: 90 }).toBuffer();
      break;
    case 'png':
    case 'png-alpha':
      out = await image.png().toBuffer();
      break;
    case 'png-grey':
      out = await image.toColourspace('b-w').png().toBuffer();
      break;
    case 'png-palette':
      out = await image.png({ palette: true, colours: 16, dither: 0 }).toBuffer();
      break;
    case 'png-16':
      out = await image.toColourspace('rgb16').png().toBuffer();
      break;
    case 'tiff':
      out = await image.tiff({ compression: 'lzw' }).toBuffer();
      break;
  }
  return new Uint8Array(out);
}

/** Words of an ID card line: a made-up ID number and name, placed left to right. */
export function idCardWords(): CopyWord[] {
  return [
    { text: 'Số', box: { x: 60, y: 60, width: 40, height: 24 } },
    { text: '/', box: { x: 104, y: 60, width: 8, height: 24 } },
    { text: 'No.:', box: { x: 116, y: 60, width: 48, height: 24 } },
    { text: '079203004512', box: { x: 180, y: 60, width: 220, height: 24 } },
    { text: 'Họ', box: { x: 60, y: 120, width: 36, height: 24 } },
    { text: 'và', box: { x: 102, y: 120, width: 30, height: 24 } },
    { text: 'tên:', box: { x: 138, y: 120, width: 44, height: 24 } },
    { text: 'TRẦN', box: { x: 60, y: 160, width: 80, height: 30 } },
    { text: 'THỊ', box: { x: 150, y: 160, width: 52, height: 30 } },
    { text: 'MINH', box: { x: 212, y: 160, width: 84, height: 30 } },
    { text: 'THƯ', box: { x: 306, y: 160, width: 62, height: 30 } },
  ];
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function copyMetadata(pageAmount: number, overrides: Partial<CopyMetadata> = {}): CopyMetadata {
  return {
    docCode: 'G09.01.02_CC_000017_V1',
    typeName: 'Thẻ căn cước',
    codeNumber: '079203004512',
    issuedDate: '2024-07-15',
    organName: 'Bộ Công an',
    subject: 'Thẻ căn cước của công dân',
    language: 'vi',
    pageAmount,
    description: 'Bản sao số hoá',
    sourceSha256: 'ab'.repeat(32),
    digitisedAt: '2026-12-07T09:30:00Z',
    ...overrides,
  };
}

export async function copyPage(
  format: Parameters<typeof makePageImage>[0] = 'jpeg',
  words: CopyWord[] = idCardWords(),
  dpi = 300,
): Promise<CopyPage> {
  const image = await makePageImage(format);
  const mediaType = format.startsWith('jpeg') ? 'image/jpeg' : format === 'tiff' ? 'image/tiff' : 'image/png';
  return { image, mediaType, width: 600, height: 400, dpi, words };
}
