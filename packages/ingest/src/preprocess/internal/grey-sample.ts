import type { PageImage } from '@sohoa/core';
import { toGrey } from '../../grey';

/** A grey raster (1 byte per pixel), `scale` page pixels per raster pixel. */
export interface GreySample {
  width: number;
  height: number;
  pixels: Uint8Array;
  scale: number;
}

const samples = new WeakMap<Uint8Array, Map<number, GreySample>>();

/** The page as grey, box-averaged down so its longer side is at most `maxSide` (never upscaled); cached per pixel buffer. */
export function greySample(page: PageImage, maxSide = 1200): GreySample {
  let byPage = samples.get(page.pixels);
  const hit = byPage?.get(maxSide);
  if (hit && hit.width * hit.scale <= page.width && hit.height * hit.scale <= page.height) return hit;
  const sample = computeSample(page, maxSide);
  if (!byPage) samples.set(page.pixels, (byPage = new Map()));
  byPage.set(maxSide, sample);
  return sample;
}

function computeSample(page: PageImage, maxSide: number): GreySample {
  const grey = toGrey(page);
  const factor = Math.max(1, Math.ceil(Math.max(grey.width, grey.height) / maxSide));
  if (factor === 1) return { width: grey.width, height: grey.height, pixels: grey.pixels, scale: 1 };
  const width = Math.floor(grey.width / factor);
  const height = Math.floor(grey.height / factor);
  const pixels = new Uint8Array(width * height);
  const area = factor * factor;
  const src = grey.pixels;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        let p = (y * factor + dy) * grey.width + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += src[p++]!;
      }
      pixels[y * width + x] = (sum + (area >> 1)) / area;
    }
  }
  return { width, height, pixels, scale: factor };
}

/** Histogram of grey levels. */
export { greyHistogram as histogram } from '@sohoa/core';

/**
 * The grey level below which `share` (0..1) of the pixels lie; counted from the dark end for shares up
 * to one half and from the light end above, so 0 is the darkest level present and 1 the lightest.
 */
export function percentile(bins: Uint32Array, share: number): number {
  let total = 0;
  for (let i = 0; i < 256; i++) total += bins[i]!;
  let seen = 0;
  if (share <= 0.5) {
    const target = share * total;
    for (let i = 0; i < 256; i++) {
      seen += bins[i]!;
      if (seen > target) return i;
    }
    return 255;
  }
  const target = (1 - share) * total;
  for (let i = 255; i >= 0; i--) {
    seen += bins[i]!;
    if (seen > target) return i;
  }
  return 0;
}

/** Otsu's threshold (pixels at or below it are ink) has one home, in `@sohoa/core`. */
export { otsuThreshold } from '@sohoa/core';
