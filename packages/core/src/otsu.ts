/** The 256-bin histogram of 8-bit grey values. */
export function greyHistogram(pixels: ArrayLike<number>): Uint32Array {
  const bins = new Uint32Array(256);
  for (let i = 0; i < pixels.length; i++) bins[pixels[i]!]!++;
  return bins;
}

/**
 * Otsu's threshold of a 256-bin grey histogram: the level that best separates ink (at or below it) from
 * paper, by the largest between-class variance. 127 when no level separates two classes (one grey).
 *
 * @example
 * const ink = otsuThreshold(greyHistogram(grey.pixels)); // pixels <= ink are ink
 */
export function otsuThreshold(bins: ArrayLike<number>): number {
  let total = 0;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) {
    total += bins[i] ?? 0;
    sumAll += i * (bins[i] ?? 0);
  }
  let weightBelow = 0;
  let sumBelow = 0;
  let best = 0;
  let threshold = 127;
  for (let t = 0; t < 256; t++) {
    weightBelow += bins[t] ?? 0;
    if (weightBelow === 0) continue;
    const weightAbove = total - weightBelow;
    if (weightAbove === 0) break;
    sumBelow += t * (bins[t] ?? 0);
    const meanBelow = sumBelow / weightBelow;
    const meanAbove = (sumAll - sumBelow) / weightAbove;
    const between = weightBelow * weightAbove * (meanBelow - meanAbove) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}
