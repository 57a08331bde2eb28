import type { Box, PageImage } from '@sohoa/core';
import { clampBox, cropPage, encodeForOcr, scalePage, toGrey } from '@sohoa/ingest';
import { eraseRules } from './rules';
import { estimateTextHeight } from './text-height';

/** One image handed to a worker, and how to map its coordinates back to the page. */
export interface PreparedImage {
  bytes: Uint8Array;
  /** Offset of the image's top-left corner in page pixels. */
  dx: number;
  dy: number;
  /** Image pixels per page pixel (2 after upscaling). */
  scale: number;
  /** Resolution of the prepared image, when the page's is known. */
  dpi?: number;
}

// Text line height (pixels) a downscaled page is read at: 150-dpi text, which reads as well as 300 dpi.
const DOWNSCALE_TARGET = 28;
// Only large scans are read smaller (an A4 page at 200 dpi and up); on card-sized images photo and
// fingerprint boxes pass for tall text lines.
const DOWNSCALE_MIN_SIDE = 1600;
// Table rules are erased on pages (an A4 page at 150 dpi is 1754 px long), not on card-sized images (~1000 px).
const RULES_MIN_LONG_SIDE = 1400;

/**
 * Grey the page (or a region of it), erase table and form rules, upscale ×2 when its text is small, read a whole page smaller
 * when its text is large (never below half size), and encode it as PGM.
 * Returns undefined for a region entirely outside the page.
 */
export async function prepareImage(
  page: PageImage,
  box: Box | undefined,
  upscaleBelow: number,
  downscaleAbove = 0,
): Promise<PreparedImage | undefined> {
  let image = toGrey(page);
  let dx = 0;
  let dy = 0;
  if (box) {
    const clamped = clampBox(box, page.width, page.height);
    if (!clamped) return undefined;
    image = cropPage(image, clamped);
    dx = clamped.x;
    dy = clamped.y;
  }
  // The ruling of a table or form is not text, and Tesseract drops whole ruled rows when it stays. Only on
  // page-sized images: on a card-sized image, condensed lines of text set close together chain into runs as long
  // as a rule, and erasing them lost card fields (the `stacked-condensed` card families, session 13).
  if (Math.max(page.width, page.height) >= RULES_MIN_LONG_SIDE) image = eraseRules(image).image;
  let scale = 1;
  if (upscaleBelow > 0 || (downscaleAbove > 0 && !box)) {
    const height = estimateTextHeight(image);
    if (height !== undefined && upscaleBelow > 0 && height < upscaleBelow) {
      image = await scalePage(image, 2);
      scale = 2;
    } else if (
      height !== undefined &&
      !box &&
      downscaleAbove > 0 &&
      height > downscaleAbove &&
      Math.min(image.width, image.height) >= DOWNSCALE_MIN_SIDE
    ) {
      const factor = Math.max(0.5, DOWNSCALE_TARGET / height);
      const before = image.width;
      image = await scalePage(image, factor);
      scale = image.width / before;
    }
  }
  const prepared: PreparedImage = { bytes: encodeForOcr(image).bytes, dx, dy, scale };
  if (page.dpi !== undefined) prepared.dpi = Math.round(page.dpi * scale);
  return prepared;
}
