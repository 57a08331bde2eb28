import type { PageImage } from '@sohoa/core';

/** Grey level under which a pixel is ink. */
const INK = 140;

/**
 * Erases the ruling of a table or form (long thin straight lines) from a grey image, so that Tesseract
 * reads the text of ruled cells: in its single-block mode a row crossed by vertical rules and framed by
 * horizontal ones is often dropped whole. A run of ink counts as a rule when it is at least `minLength`
 * pixels long (a sixteenth of the image's side, 60 px at least: longer than any letter's stroke) and thin
 * (the pixels three to the side of it are paper along most of its length, which a thick letter stroke or a
 * photo is not). Dotted leaders are not continuous and stay. Returns a new image (the input, which
 * `toGrey` caches, is not changed) and how many runs of ink (pixel columns or rows of a rule) were erased.
 */
export function eraseRules(image: PageImage): { image: PageImage; erased: number } {
  if (image.channels !== 1) return { image, erased: 0 };
  const { width: W, height: H } = image;
  const src = image.pixels;
  const out = new Uint8Array(src);
  const ink = (x: number, y: number) => src[y * W + x]! < INK;
  // A rule photographed at a slight slant steps by a pixel now and then: a run follows ink one pixel to either side.
  const inkV = (x: number, y: number) => ink(x, y) || (x > 0 && ink(x - 1, y)) || (x + 1 < W && ink(x + 1, y));
  const inkH = (x: number, y: number) => ink(x, y) || (y > 0 && ink(x, y - 1)) || (y + 1 < H && ink(x, y + 1));
  let erased = 0;
  const minV = Math.max(60, Math.round(H / 16));
  for (let x = 0; x < W; x++) {
    let y = 0;
    while (y < H) {
      if (!inkV(x, y)) {
        y++;
        continue;
      }
      let e = y;
      while (e < H && inkV(x, e)) e++;
      if (e - y >= minV && thinAlong(y, e, (k) => (x < 3 || !ink(x - 3, k)) && (x + 3 >= W || !ink(x + 3, k)))) {
        for (let k = y; k < e; k++)
          for (let dx = -1; dx <= 1; dx++) if (x + dx >= 0 && x + dx < W) out[k * W + x + dx] = 255;
        erased++;
      }
      y = e;
    }
  }
  const minH = Math.max(60, Math.round(W / 8));
  for (let y = 0; y < H; y++) {
    let x = 0;
    while (x < W) {
      if (!inkH(x, y)) {
        x++;
        continue;
      }
      let e = x;
      while (e < W && inkH(e, y)) e++;
      if (e - x >= minH && thinAlong(x, e, (k) => (y < 3 || !ink(k, y - 3)) && (y + 3 >= H || !ink(k, y + 3)))) {
        for (let k = x; k < e; k++)
          for (let dy = -1; dy <= 1; dy++) if (y + dy >= 0 && y + dy < H) out[(y + dy) * W + k] = 255;
        erased++;
      }
      x = e;
    }
  }
  return erased === 0 ? { image, erased } : { image: { ...image, pixels: out }, erased };
}

function thinAlong(from: number, to: number, paperBeside: (k: number) => boolean): boolean {
  let thin = 0;
  for (let k = from; k < to; k++) if (paperBeside(k)) thin++;
  return thin > (to - from) * 0.8;
}
