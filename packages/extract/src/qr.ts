import jsQR from 'jsqr';
import { otsuThreshold, type PageImage } from '@sohoa/core';
import type { QrCode } from './types';

function toRgba(
  page: PageImage,
  scale: number,
  threshold?: number,
): { data: Uint8ClampedArray; width: number; height: number } {
  const step = Math.max(1, Math.round(1 / scale));
  const width = Math.floor(page.width / step);
  const height = Math.floor(page.height / step);
  const out = new Uint8ClampedArray(width * height * 4);
  const c = page.channels;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const src = (y * step * page.width + x * step) * c;
      const r = page.pixels[src] ?? 0;
      const g = c >= 3 ? (page.pixels[src + 1] ?? 0) : r;
      const b = c >= 3 ? (page.pixels[src + 2] ?? 0) : r;
      let v = (r * 299 + g * 587 + b * 114) / 1000;
      if (threshold !== undefined) v = v < threshold ? 0 : 255;
      const dst = (y * width + x) * 4;
      out[dst] = v;
      out[dst + 1] = v;
      out[dst + 2] = v;
      out[dst + 3] = 255;
    }
  }
  return { data: out, width, height };
}

/** Otsu's threshold over the luminance histogram of every third pixel of the page. */
function pageThreshold(page: PageImage): number {
  const hist = new Uint32Array(256);
  const c = page.channels;
  for (let i = 0; i < page.width * page.height; i += 3) {
    const p = i * c;
    const v =
      c >= 3
        ? ((page.pixels[p] ?? 0) * 299 + (page.pixels[p + 1] ?? 0) * 587 + (page.pixels[p + 2] ?? 0) * 114) / 1000
        : (page.pixels[p] ?? 0);
    hist[Math.round(v)]! += 1;
  }
  return otsuThreshold(hist);
}

// A page taller than this times its width is a document page, not a card (ID-1 cards are 1.58:1 landscape).
const CARD_MAX_HEIGHT_RATIO = 1.25;

/** Luminance of every pixel, one byte each. */
function luminance(page: PageImage): Uint8Array {
  const n = page.width * page.height;
  const c = page.channels;
  if (c === 1) return page.pixels.subarray(0, n);
  const out = new Uint8Array(n);
  for (let i = 0, p = 0; i < n; i++, p += c)
    out[i] =
      c >= 3 ? (page.pixels[p]! * 299 + page.pixels[p + 1]! * 587 + page.pixels[p + 2]! * 114) / 1000 : page.pixels[p]!;
  return out;
}

// Side of the tiles whose own threshold binarises the page for the finder test (jsQR's binariser works
// on 8-pixel blocks; 16 keeps the test cheap and still follows uneven lighting across a card).
const TILE = 16;
// A tile whose darkest and lightest pixels differ by less than this holds no edge: it takes its neighbours' threshold.
const MIN_TILE_CONTRAST = 24;

/** Dark (1) or light (0) per pixel, thresholded tile by tile at the middle of the tile's range. */
function binarise(grey: Uint8Array, width: number, height: number): Uint8Array {
  const tx = Math.ceil(width / TILE);
  const ty = Math.ceil(height / TILE);
  const thresholds = new Float32Array(tx * ty).fill(-1);
  for (let j = 0; j < ty; j++)
    for (let i = 0; i < tx; i++) {
      let lo = 255;
      let hi = 0;
      for (let y = j * TILE; y < Math.min(height, (j + 1) * TILE); y++)
        for (let x = i * TILE, row = y * width; x < Math.min(width, (i + 1) * TILE); x++) {
          const v = grey[row + x]!;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      if (hi - lo >= MIN_TILE_CONTRAST) thresholds[j * tx + i] = (lo + hi) / 2;
      else thresholds[j * tx + i] = -1 - lo; // flat: negative marks it, keeping its level
    }
  const out = new Uint8Array(width * height);
  for (let j = 0; j < ty; j++)
    for (let i = 0; i < tx; i++) {
      let t = thresholds[j * tx + i]!;
      if (t < 0) {
        // A flat tile: the mean of the 3×3 neighbours with an edge, or dark when its own level is dark.
        let sum = 0;
        let count = 0;
        for (let dj = -1; dj <= 1; dj++)
          for (let di = -1; di <= 1; di++) {
            const u = thresholds[(j + dj) * tx + i + di];
            if (j + dj >= 0 && j + dj < ty && i + di >= 0 && i + di < tx && u !== undefined && u >= 0) {
              sum += u;
              count++;
            }
          }
        t = count > 0 ? sum / count : -1 - t < 128 ? 256 : -1;
      }
      for (let y = j * TILE; y < Math.min(height, (j + 1) * TILE); y++)
        for (let x = i * TILE, row = y * width; x < Math.min(width, (i + 1) * TILE); x++)
          out[row + x] = grey[row + x]! < t ? 1 : 0;
    }
  return out;
}

/** Five run lengths in the ratio 1:1:3:1:1 (dark, light, dark, light, dark), half a module's slack each. */
function finderRatio(r: ArrayLike<number>): number | undefined {
  const total = r[0]! + r[1]! + r[2]! + r[3]! + r[4]!;
  if (total < 7) return undefined;
  const module = total / 7;
  const slack = module / 2 + 0.75;
  return Math.abs(r[0]! - module) <= slack &&
    Math.abs(r[1]! - module) <= slack &&
    Math.abs(r[2]! - 3 * module) <= 3 * slack &&
    Math.abs(r[3]! - module) <= slack &&
    Math.abs(r[4]! - module) <= slack
    ? module
    : undefined;
}

/** The 1:1:3:1:1 runs through (x, y) along the column: the module size, or undefined. */
function verticalFinder(bits: Uint8Array, width: number, height: number, x: number, y: number, module: number) {
  if (bits[y * width + x] !== 1) return undefined;
  const limit = Math.ceil(module * 5);
  const at = (yy: number) => (yy >= 0 && yy < height ? bits[yy * width + x]! : 0);
  // Up from the centre: dark core, light ring, dark ring; then down likewise.
  const runs = [0, 0, 0, 0, 0];
  const walk = (from: number, dir: 1 | -1, order: readonly [number, number, number]) => {
    let yy = from;
    for (const [k, index] of order.entries()) {
      const colour = k === 1 ? 0 : 1;
      const max = index === 2 ? limit * 2 : limit;
      while (yy >= 0 && yy < height && at(yy) === colour && runs[index]! <= max) {
        runs[index]! += 1;
        yy += dir;
      }
    }
  };
  walk(y, -1, [2, 1, 0]);
  const up = runs[2]!;
  walk(y + 1, 1, [2, 3, 4]);
  const vertical = finderRatio(runs);
  if (vertical === undefined || vertical > module * 2 || vertical < module / 2) return undefined;
  // The core's middle row: its top is `up - 1` rows above `y`.
  return { module: vertical, y: Math.round(y - up + 1 + (runs[2]! - 1) / 2) };
}

/**
 * The 3×3-module core of a finder pattern is solid ink and the ring around it light: an arc of a
 * fingerprint's or a guilloche's rings crossed along its length passes the run tests, not this one.
 */
function solidCore(bits: Uint8Array, width: number, height: number, cx: number, cy: number, module: number): boolean {
  const r = Math.max(1, Math.floor(module * 1.2));
  let dark = 0;
  let all = 0;
  for (let y = cy - r; y <= cy + r; y++)
    for (let x = cx - r; x <= cx + r; x++) {
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      all++;
      dark += bits[y * width + x]!;
    }
  if (all === 0 || dark / all < 0.75) return false;
  // The light ring, two modules out on the diagonals.
  const d = Math.round(module * 2);
  let light = 0;
  for (const [sx, sy] of [
    [1, 1],
    [1, -1],
    [-1, 1],
    [-1, -1],
  ] as const) {
    const x = cx + sx * d;
    const y = cy + sy * d;
    if (x >= 0 && y >= 0 && x < width && y < height && bits[y * width + x] === 0) light++;
  }
  return light >= 3;
}

/** Every other pixel of every other row, as grey: the image the half-resolution attempt decodes. */
function halfGrey(page: PageImage): PageImage {
  const grey = luminance(page);
  const width = Math.floor(page.width / 2);
  const height = Math.floor(page.height / 2);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) pixels[y * width + x] = grey[2 * y * page.width + 2 * x]!;
  return { ...page, width, height, channels: 1, pixels };
}

/** A finder pattern candidate: its centre, module size and how many scanned rows confirmed it. */
interface FinderCandidate {
  x: number;
  y: number;
  module: number;
  rows: number;
}

/** Candidates of finder patterns: rows' 1:1:3:1:1 runs confirmed along the column, grouped by place. */
export function finderCandidates(page: PageImage, step = 1): FinderCandidate[] {
  const { width, height } = page;
  const bits = binarise(luminance(page), width, height);
  const found: FinderCandidate[] = [];
  const runs = new Float64Array(5);
  for (let y = 0; y < height; y += step) {
    const row = y * width;
    let count = 0;
    let colour = 0;
    runs.fill(0);
    for (let x = 0; x <= width; x++) {
      const v = x < width ? bits[row + x]! : 0;
      if (v === colour) {
        count++;
        continue;
      }
      runs[0] = runs[1]!;
      runs[1] = runs[2]!;
      runs[2] = runs[3]!;
      runs[3] = runs[4]!;
      runs[4] = count;
      if (colour === 1) {
        const module = finderRatio(runs);
        if (module !== undefined) {
          // The middle pixel of the core run (x is the first pixel after the last dark run).
          const cx = Math.floor(x - runs[4]! - runs[3]! - runs[2]! / 2);
          const vertical = verticalFinder(bits, width, height, cx, y, module);
          const size = vertical && (module + vertical.module) / 2;
          if (vertical && size && solidCore(bits, width, height, cx, vertical.y, size)) {
            const near = found.find(
              (f) => Math.abs(f.x - cx) <= f.module * 2 && Math.abs(f.y - vertical.y) <= f.module * 2,
            );
            if (near) near.rows++;
            else found.push({ x: cx, y: vertical.y, module: size, rows: 1 });
          }
        }
      }
      colour = v;
      count = 1;
    }
  }
  return found;
}

/**
 * Cheap test for a QR code's finder patterns: rows (every `step`-th) binarised tile by tile are scanned
 * for 1:1:3:1:1 runs, each checked along its column (as ZXing does; a barcode's bars pass the row test but
 * not the column one) and confirmed on rows across most of the pattern's core. True when three of them of
 * about the same module size sit as a code's corners do: two equal sides at a right angle, as long as a code
 * of version 1 to 40 has (jsQR needs the three as well). Tens of milliseconds on a card, against seconds for
 * the full-resolution jsQR attempts it gates.
 */
export function hasQrFinderPatterns(page: PageImage, step = 1): boolean {
  // The 3×3-module core of a pattern is crossed by about 3 modules' worth of rows; a letter's bowl by fewer.
  const candidates = finderCandidates(page, step)
    .filter((c) => c.rows * step >= Math.max(2, 1.5 * c.module))
    // The best confirmed first; a page of noise cannot make the triple search below slow.
    .sort((a, b) => b.rows / b.module - a.rows / a.module)
    .slice(0, 120);
  const similar = (a: FinderCandidate, b: FinderCandidate) =>
    Math.max(a.module, b.module) / Math.min(a.module, b.module) <= 1.5;
  const distance = (a: FinderCandidate, b: FinderCandidate) => Math.hypot(a.x - b.x, a.y - b.y);
  // Version 1 (21 modules) to 40 (177): finder centres are 14 to 170 modules apart along a side.
  const sideFits = (d: number, m: number) => d >= 13 * m && d <= 172 * m;
  for (let i = 0; i < candidates.length; i++)
    for (let j = i + 1; j < candidates.length; j++) {
      const a = candidates[i]!;
      const b = candidates[j]!;
      if (!similar(a, b)) continue;
      const m = (a.module + b.module) / 2;
      const ab = distance(a, b);
      if (!sideFits(ab, m) && !sideFits(ab / Math.SQRT2, m)) continue;
      for (let k = j + 1; k < candidates.length; k++) {
        const c = candidates[k]!;
        if (!similar(a, c) || !similar(b, c)) continue;
        const sides = [ab, distance(a, c), distance(b, c)].sort((p, q) => p - q);
        const [s1, s2, s3] = sides as [number, number, number];
        if (sideFits(s1, m) && s2 <= s1 * 1.4 && Math.abs(s3 - Math.hypot(s1, s2)) <= 0.2 * s3) return true;
      }
    }
  return false;
}

/**
 * Finds and decodes a QR code on a page. Tries the page at half resolution first (a quarter of the
 * pixels: where a card's QR decodes at all, it nearly always decodes there), then, on pages shaped
 * like a card, as is and binarised (blurred or noisy scans decode more often after one of these).
 * Each attempt runs only where {@link hasQrFinderPatterns} sees a code's finder patterns on the image it
 * decodes (tens of milliseconds, against hundreds for a jsQR attempt on a page without a code).
 * Portrait document pages get the cheap attempt only: their codes, if any, are not card payloads
 * the extractor reads.
 */
export function decodeQr(page: PageImage): QrCode | undefined {
  const cardLike = page.height <= page.width * CARD_MAX_HEIGHT_RATIO;
  // jsQR runs only where finder patterns are seen: the half-resolution attempt where the half-resolution
  // image shows them, the full-resolution ones (4× the pixels each, card-shaped pages only) where the page
  // does. A side without a code (an old card's back, a CMND, a document page) paid for all of them.
  const attempts: Array<{ scale: number; threshold?: number }> = [];
  const halfSeen = hasQrFinderPatterns(halfGrey(page));
  if (halfSeen) attempts.push({ scale: 0.5 });
  for (let i = 0; i < 3; i++) {
    if (!attempts[i]) {
      // Every other row: a pattern's core is three modules tall, so even 1-pixel modules cross a scanned row.
      if (attempts.length === i && i <= 1 && cardLike && hasQrFinderPatterns(page, 2))
        attempts.push({ scale: 1 }, { scale: 1, threshold: pageThreshold(page) });
      else break;
    }
    const { scale, threshold } = attempts[i]!;
    const img = toRgba(page, scale, threshold);
    const result = jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' });
    if (result?.data) {
      const f = 1 / scale;
      const xs = [
        result.location.topLeftCorner.x,
        result.location.topRightCorner.x,
        result.location.bottomLeftCorner.x,
        result.location.bottomRightCorner.x,
      ];
      const ys = [
        result.location.topLeftCorner.y,
        result.location.topRightCorner.y,
        result.location.bottomLeftCorner.y,
        result.location.bottomRightCorner.y,
      ];
      const x = Math.min(...xs) * f;
      const y = Math.min(...ys) * f;
      return {
        text: decodeUtf8(result.binaryData) ?? result.data,
        page: page.source.page,
        box: {
          x: Math.round(x),
          y: Math.round(y),
          width: Math.round(Math.max(...xs) * f - x),
          height: Math.round(Math.max(...ys) * f - y),
        },
      };
    }
  }
  return undefined;
}

function decodeUtf8(bytes: number[]): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}
