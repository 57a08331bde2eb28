import type { PageImage } from '@sohoa/core';

/** A 1-channel page turned anticlockwise by `rotation` degrees (undoing a clockwise turn), in pure JS. */
export function turnGreyUpright(grey: PageImage, rotation: 0 | 90 | 180 | 270): PageImage {
  if (rotation === 0) return grey;
  const { width, height, pixels } = grey;
  const out = new Uint8Array(width * height);
  const turnedWidth = rotation === 180 ? width : height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = pixels[y * width + x]!;
      // Destination of (x, y) after turning the page anticlockwise by `rotation`.
      if (rotation === 90) out[(width - 1 - x) * turnedWidth + y] = v;
      else if (rotation === 180) out[(height - 1 - y) * width + (width - 1 - x)] = v;
      else out[x * turnedWidth + (height - 1 - y)] = v;
    }
  }
  return { ...grey, width: turnedWidth, height: rotation === 180 ? height : width, pixels: out };
}
