import sharp from 'sharp';
import { SohoaError, type PageImage } from '@sohoa/core';
import type { DeskewOptions } from '../types';
import { estimateSkew } from './skew';

/**
 * A copy of the page rotated so its text lines are horizontal (skews within ±`maxAngle`, default 15°).
 * The canvas grows to hold the rotated page; new corners are white. Pages skewed by less than
 * `minAngle` (default 0.1°) or without measurable text come back unrotated. The text layer is dropped
 * when the page is rotated (its positions no longer hold).
 */
export async function deskewPage(page: PageImage, options: DeskewOptions = {}): Promise<PageImage> {
  const maxAngle = options.maxAngle ?? 15;
  const minAngle = options.minAngle ?? 0.1;
  if (!(Number.isFinite(maxAngle) && maxAngle > 0 && maxAngle <= 45) || !(Number.isFinite(minAngle) && minAngle >= 0)) {
    throw new SohoaError(
      'INGEST_INVALID_OPTION',
      `Deskew options need 0 < maxAngle ≤ 45 and minAngle ≥ 0 (degrees); got maxAngle ${String(maxAngle)}, minAngle ${String(minAngle)}.`,
    );
  }
  const { angle } = estimateSkew(page, { maxAngle });
  if (Math.abs(angle) < minAngle || Math.abs(angle) > maxAngle) return { ...page, diagnostics: [...page.diagnostics] };
  return rotatePage(page, -angle);
}

/** A copy of the page rotated by `degrees` clockwise on a white background (canvas enlarged to fit). */
export async function rotatePage(page: PageImage, degrees: number): Promise<PageImage> {
  const background = page.channels === 4 ? { r: 255, g: 255, b: 255, alpha: 1 } : { r: 255, g: 255, b: 255 };
  let pipeline = sharp(page.pixels, {
    raw: { width: page.width, height: page.height, channels: page.channels },
  }).rotate(degrees, { background });
  if (page.channels === 1) pipeline = pipeline.toColourspace('b-w');
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  const rotated: PageImage = {
    ...page,
    width: info.width,
    height: info.height,
    channels: info.channels as PageImage['channels'],
    pixels: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    diagnostics: [...page.diagnostics],
  };
  delete rotated.textLayer;
  return rotated;
}
