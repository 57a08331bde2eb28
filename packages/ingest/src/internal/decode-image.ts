import sharp from 'sharp';
import type { Diagnostic, PageImage } from '@sohoa/core';
import { toImageError, tooManyPixels } from './sharp-errors';

/** Decoded RGB pixels of one image. */
export interface DecodedRaster {
  width: number;
  height: number;
  channels: 3;
  pixels: Uint8Array;
  dpi?: number;
  diagnostics: Diagnostic[];
}

/** The page image of a decoded raster: its file, page number and page count, and the diagnostics of the page. */
export function rasterPage(
  source: { file: string; sha256: string },
  page: number,
  pageCount: number,
  raster: DecodedRaster,
  diagnostics: Diagnostic[],
  dpi: number | undefined,
): PageImage {
  const image: PageImage = {
    source: { file: source.file, sha256: source.sha256, page, pageCount },
    width: raster.width,
    height: raster.height,
    channels: 3,
    pixels: raster.pixels,
    diagnostics,
  };
  if (dpi !== undefined) image.dpi = dpi;
  return image;
}

export interface DecodeImageOptions {
  label: string;
  /** 1-based page number, for messages. */
  page: number;
  maxPixels: number;
  /** 0-based page inside a multi-page container (TIFF). */
  pageIndex?: number;
  /** Apply EXIF orientation (images) or not (JPEGs embedded in PDFs ignore EXIF). */
  autoOrient: boolean;
  /** Extra clockwise rotation in degrees (a PDF page's `/Rotate`). */
  rotate?: number;
}

const MIN_PLAUSIBLE_DPI = 50;
const MAX_PLAUSIBLE_DPI = 4800;

// `truncated` rejects cut-off files while tolerating the benign warnings many scanners produce.
const FAIL_ON = 'truncated' as const;

/** Header-only metadata of an encoded image, with the decoder's errors mapped to typed ones. */
export async function readImageHeader(
  bytes: Uint8Array,
  context: { label: string; page: number; maxPixels: number; pageIndex?: number },
): Promise<sharp.Metadata> {
  try {
    return await sharp(bytes, { failOn: FAIL_ON, limitInputPixels: false, page: context.pageIndex ?? 0 }).metadata();
  } catch (error) {
    throw toImageError(error, context.label, context.page, context.maxPixels);
  }
}

/**
 * The size and dpi `readPages` gives a one-page image, from its header alone (no pixel decoded), when EXIF does not
 * rotate it; `undefined` when it does (or the header cannot be read): decode it then.
 */
export async function readImageFrame(
  bytes: Uint8Array,
  label: string,
): Promise<{ width: number; height: number; dpi?: number } | undefined> {
  try {
    const header = await readImageHeader(bytes, { label, page: 1, maxPixels: Number.MAX_SAFE_INTEGER });
    if ((header.orientation ?? 1) !== 1 || (header.pages ?? 1) > 1 || !header.width || !header.height) return undefined;
    const dpi = header.density;
    const plausible = dpi !== undefined && dpi >= MIN_PLAUSIBLE_DPI && dpi <= MAX_PLAUSIBLE_DPI;
    return { width: header.width, height: header.height, ...(plausible && { dpi: Math.round(dpi) }) };
  } catch {
    return undefined;
  }
}

/**
 * Decode an encoded image (JPEG/PNG/WebP/TIFF page) to 8-bit RGB, flattening alpha onto white.
 * The header is checked against `maxPixels` before any pixel is decoded.
 */
export async function decodeImage(bytes: Uint8Array, options: DecodeImageOptions): Promise<DecodedRaster> {
  const { label, page, maxPixels } = options;
  const header = await readImageHeader(bytes, options);
  const width = header.width ?? 0;
  const height = header.height ?? 0;
  if (width * height > maxPixels) throw tooManyPixels(label, page, width, height, maxPixels);
  try {
    let pipeline = sharp(bytes, {
      failOn: FAIL_ON,
      limitInputPixels: maxPixels,
      page: options.pageIndex ?? 0,
      pages: 1,
    });
    if (options.autoOrient) pipeline = pipeline.rotate();
    if (options.rotate) pipeline = pipeline.rotate(options.rotate);
    if (header.hasAlpha) pipeline = pipeline.flatten({ background: '#ffffff' });
    const { data, info } = await pipeline
      .toColourspace('srgb')
      .removeAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const raster: DecodedRaster = {
      width: info.width,
      height: info.height,
      channels: 3,
      pixels: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      diagnostics: [],
    };
    const dpi = header.density;
    if (dpi !== undefined && dpi >= MIN_PLAUSIBLE_DPI && dpi <= MAX_PLAUSIBLE_DPI) raster.dpi = Math.round(dpi);
    if (info.channels !== 3) throw new Error(`decoder returned ${info.channels} channels, expected 3`);
    return raster;
  } catch (error) {
    throw toImageError(error, label, page, maxPixels);
  }
}
