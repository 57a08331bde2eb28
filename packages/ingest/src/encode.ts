import sharp from 'sharp';
import type { PageImage } from '@sohoa/core';
import { toGrey } from './grey';
import type { EncodedImage, ToPngOptions } from './types';

/**
 * Encode a page for an OCR engine at no compression cost: binary Netpbm (`P5` grey or `P6` RGB),
 * a text header plus the raw bytes, which Leptonica (inside tesseract.js) reads directly.
 */
export function encodeForOcr(page: PageImage): EncodedImage {
  const source = page.channels === 4 ? toGrey(page) : page;
  const magic = source.channels === 1 ? 'P5' : 'P6';
  const header = new TextEncoder().encode(`${magic}\n${source.width} ${source.height}\n255\n`);
  const bytes = new Uint8Array(header.length + source.pixels.length);
  bytes.set(header, 0);
  bytes.set(source.pixels, header.length);
  return { format: source.channels === 1 ? 'pgm' : 'ppm', bytes };
}

/** Encode a page as PNG bytes, e.g. to write a crop to a file for review. */
export async function toPng(page: PageImage, options: ToPngOptions = {}): Promise<Uint8Array> {
  let pipeline = sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: page.channels } });
  if (page.channels === 1) pipeline = pipeline.toColourspace('b-w');
  const buffer = await pipeline.png({ compressionLevel: options.compressionLevel ?? 6 }).toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
