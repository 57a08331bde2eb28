import sharp from 'sharp';
import { SohoaError, type PageImage } from '@sohoa/core';

/** A resized copy of a page (`factor` 2 doubles each side); `dpi`, when known, scales with it. */
export async function scalePage(page: PageImage, factor: number): Promise<PageImage> {
  if (!(Number.isFinite(factor) && factor > 0)) {
    throw new SohoaError('INGEST_INVALID_OPTION', `Scale factor must be a positive number; got ${String(factor)}.`);
  }
  const width = Math.max(1, Math.round(page.width * factor));
  const height = Math.max(1, Math.round(page.height * factor));
  let pipeline = sharp(page.pixels, {
    raw: { width: page.width, height: page.height, channels: page.channels },
  }).resize(width, height, {
    kernel: factor > 1 ? 'cubic' : 'lanczos3',
    fit: 'fill',
  });
  // libvips treats 1-band raw input as sRGB on output unless told otherwise.
  if (page.channels === 1) pipeline = pipeline.toColourspace('b-w');
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  const scaled: PageImage = {
    ...page,
    width: info.width,
    height: info.height,
    pixels: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    diagnostics: [...page.diagnostics],
  };
  if (page.dpi !== undefined) scaled.dpi = Math.round(page.dpi * factor);
  delete scaled.textLayer;
  return scaled;
}
