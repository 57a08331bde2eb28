import type { GreySample } from '../preprocess/internal/grey-sample';

/**
 * Variance of the 4-neighbour Laplacian over a grey raster whose levels are first stretched by
 * `low`..`high` (so contrast does not count as sharpness). At most ~2 M pixels are visited (rows are
 * strided on large pages).
 */
export function laplacianVariance(sample: GreySample, low: number, high: number): number {
  const { width, height, pixels } = sample;
  if (width < 3 || height < 3) return 0;
  const range = Math.max(1, high - low);
  const scale = 255 / range;
  const stride = Math.max(1, Math.ceil(((width - 2) * (height - 2)) / 2_000_000));
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y += stride) {
    const row = y * width;
    for (let x = 1; x < width - 1; x++) {
      const p = row + x;
      const lap = (pixels[p - 1]! + pixels[p + 1]! + pixels[p - width]! + pixels[p + width]! - 4 * pixels[p]!) * scale;
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}
