import { SohoaError, type Box, type PageImage } from '@sohoa/core';

/** Clamp a box to the page, rounding outwards to whole pixels; `undefined` when nothing is left. */
export function clampBox(box: Box, width: number, height: number): Box | undefined {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(width, Math.ceil(box.x + box.width));
  const y1 = Math.min(height, Math.ceil(box.y + box.height));
  if (!(x1 > x0 && y1 > y0)) return undefined;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * A copy of the part of a page inside `box` (clamped to the page). The crop keeps the page's
 * `source`; its pixel coordinates start at the box's top-left corner.
 */
export function cropPage(page: PageImage, box: Box): PageImage {
  const clamped = clampBox(box, page.width, page.height);
  if (!clamped) {
    throw new SohoaError(
      'INGEST_INVALID_OPTION',
      `Crop box {x: ${box.x}, y: ${box.y}, width: ${box.width}, height: ${box.height}} lies outside page ${page.source.page} (${page.width}×${page.height}). Pass a box in page pixels.`,
      { details: { page: page.source.page } },
    );
  }
  const { x, y, width, height } = clamped;
  const rowBytes = width * page.channels;
  const pixels = new Uint8Array(rowBytes * height);
  for (let row = 0; row < height; row++) {
    const start = ((y + row) * page.width + x) * page.channels;
    pixels.set(page.pixels.subarray(start, start + rowBytes), row * rowBytes);
  }
  const { textLayer: _dropped, ...rest } = page;
  return { ...rest, width, height, pixels, diagnostics: [...page.diagnostics] };
}
