import type { Box, PageImage, PagePreprocessing } from './types';

type Affine = PagePreprocessing['transform'];

/** The inverse of an affine `[a, b, c, d, e, f]` (`x' = a·x + c·y + e`, `y' = b·x + d·y + f`). */
function invert([a, b, c, d, e, f]: Affine): Affine {
  const det = a * d - b * c;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

/** The axis-aligned bounding box of `box` mapped through `m`. */
function mapBox([a, b, c, d, e, f]: Affine, box: Box): Box {
  const corners = [
    [box.x, box.y],
    [box.x + box.width, box.y],
    [box.x, box.y + box.height],
    [box.x + box.width, box.y + box.height],
  ].map(([x, y]) => [a * x! + c * y! + e, b * x! + d * y! + f] as const);
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/**
 * Map a box on a preprocessed page (e.g. the evidence box of an OCR value) back to the pixels of the
 * page as decoded from the file: the bounding box of its image, clamped to that page. A page that was
 * not preprocessed returns the box unchanged.
 */
export function toSourceBox(page: Pick<PageImage, 'preprocessing'>, box: Box): Box {
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
