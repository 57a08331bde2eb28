import { SohoaError, type Box, type PageImage } from '@sohoa/core';
import type { CropToContentOptions } from '../types';
import { clampBox, cropPage } from '../crop';
import { greySample, histogram, otsuThreshold, percentile } from './internal/grey-sample';

/**
 * The box (page pixels) holding the page's ink, ignoring specks and scanner edges: a row or column
 * counts when at least 0.3% of it is ink; `undefined` on a blank page.
 */
export function findContentBox(page: PageImage): Box | undefined {
  const sample = greySample(page, 1500);
  const bins = histogram(sample.pixels);
  if (percentile(bins, 0.995) - percentile(bins, 0.005) < 16) return undefined;
  const threshold = otsuThreshold(bins);
  const rows = new Uint32Array(sample.height);
  const cols = new Uint32Array(sample.width);
  for (let y = 0; y < sample.height; y++) {
    for (let x = 0; x < sample.width; x++) {
      if (sample.pixels[y * sample.width + x]! <= threshold) {
        rows[y]!++;
        cols[x]!++;
      }
    }
  }
  const span = (counts: Uint32Array, length: number): [number, number] | undefined => {
    const min = Math.max(2, length * 0.003);
    // A band touching the border that is mostly ink is a scanner edge or shadow, not content.
    const edge = length * 0.6;
    let first = 0;
    while (first < counts.length && (counts[first]! < min || (first < 3 && counts[first]! > edge))) first++;
    let last = counts.length - 1;
    while (last > first && (counts[last]! < min || (last > counts.length - 4 && counts[last]! > edge))) last--;
    return first <= last && first < counts.length ? [first, last] : undefined;
  };
  const ys = span(rows, sample.width);
  const xs = span(cols, sample.height);
  if (!ys || !xs) return undefined;
  const s = sample.scale;
  return { x: xs[0] * s, y: ys[0] * s, width: (xs[1] - xs[0] + 1) * s, height: (ys[1] - ys[0] + 1) * s };
}

/** The box `cropToContent` keeps (content plus margin, clamped), or undefined when it would keep the whole page. */
export function contentCropBox(page: PageImage, options: CropToContentOptions = {}): Box | undefined {
  const margin = options.margin ?? Math.round(Math.min(page.width, page.height) * 0.02);
  if (!(Number.isFinite(margin) && margin >= 0)) {
    throw new SohoaError(
      'INGEST_INVALID_OPTION',
      `cropToContent \`margin\` must be a number of pixels ≥ 0; got ${String(margin)}.`,
    );
  }
  const box = findContentBox(page);
  if (!box) return undefined;
  const kept = clampBox(
    { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin },
    page.width,
    page.height,
  );
  return kept && (kept.width < page.width || kept.height < page.height) ? kept : undefined;
}

/**
 * A copy of the page cropped to its content plus a white `margin` (default 2% of the shorter side).
 * Blank pages come back unchanged. The text layer is dropped (as by `cropPage`).
 */
export function cropToContent(page: PageImage, options: CropToContentOptions = {}): PageImage {
  const box = contentCropBox(page, options);
  return box ? cropPage(page, box) : { ...page, diagnostics: [...page.diagnostics] };
}
