import { greyHistogram, otsuThreshold, type PageImage } from '@sohoa/core';

const MIN_RUN_ROWS = 3;

/**
 * Estimate the height of text lines on a grey page from its horizontal ink profile: the median height
 * of bands of rows that hold ink. Undefined when no band is found. Cheap (one pass), rough, and
 * biased upwards on skewed pages, where bands merge, which only makes upscaling less likely.
 */
export function estimateTextHeight(grey: PageImage): number | undefined {
  if (grey.channels !== 1 || grey.width === 0 || grey.height === 0) return undefined;
  const threshold = otsuThreshold(greyHistogram(grey.pixels));
  const minInk = Math.max(2, Math.floor(grey.width * 0.003));
  const runs: number[] = [];
  let run = 0;
  for (let y = 0; y < grey.height; y++) {
    let ink = 0;
    const row = y * grey.width;
    for (let x = 0; x < grey.width; x++) if (grey.pixels[row + x]! <= threshold) ink++;
    if (ink >= minInk && ink < grey.width * 0.9) run++;
    else {
      if (run >= MIN_RUN_ROWS) runs.push(run);
      run = 0;
    }
  }
  if (run >= MIN_RUN_ROWS) runs.push(run);
  if (runs.length === 0) return undefined;
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)];
}
