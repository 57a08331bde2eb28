import type { Box, PageImage } from '@sohoa/core';
import type { PreprocessOptions } from '../types';
import { invert, mapBox } from './internal/affine';
import { preprocessWithHints } from './internal/run-steps';

/**
 * Run the preprocessing steps on one page, in the order grey → contrast → orient → deskew → scale →
 * crop → binarize; each can be turned off (`{ deskew: false }`). `scale` (DPI normalisation) and
 * `binarize` are off unless asked for. What changed is recorded on `page.preprocessing`, whose
 * `transform` maps the input's pixels to the output's (see `toSourceBox`).
 */
export async function preprocessPage(page: PageImage, steps: PreprocessOptions = {}): Promise<PageImage> {
  return preprocessWithHints(page, steps);
}

/**
 * Map a box on a preprocessed page (e.g. the evidence box of an OCR value) back to the pixels of the
 * page as decoded from the file: the bounding box of its image, clamped to that page. A page that was
 * not preprocessed returns the box unchanged.
 */
export function toSourceBox(page: PageImage, box: Box): Box {
  const info = page.preprocessing;
  if (!info) return box;
  const mapped = mapBox(invert(info.transform), box);
  const x0 = Math.max(0, mapped.x);
  const y0 = Math.max(0, mapped.y);
  const x1 = Math.min(info.original.width, mapped.x + mapped.width);
  const y1 = Math.min(info.original.height, mapped.y + mapped.height);
  const round = (v: number) => Math.round(v * 10) / 10;
  return { x: round(x0), y: round(y0), width: round(Math.max(0, x1 - x0)), height: round(Math.max(0, y1 - y0)) };
}
