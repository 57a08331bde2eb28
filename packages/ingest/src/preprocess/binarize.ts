import { SohoaError, type PageImage } from '@sohoa/core';
import type { BinarizeOptions } from '../types';
import { toGrey } from '../grey';
import { histogram, otsuThreshold } from './internal/grey-sample';

const INK = 0;
const PAPER = 255;

/** Otsu: one global threshold for the whole page. */
function otsu(grey: PageImage): Uint8Array {
  const threshold = otsuThreshold(histogram(grey.pixels));
  const out = new Uint8Array(grey.pixels.length);
  for (let i = 0; i < out.length; i++) out[i] = grey.pixels[i]! <= threshold ? INK : PAPER;
  return out;
}

/**
 * Sauvola: threshold `m·(1 + k·(s/128 − 1))` from the mean `m` and deviation `s` of a square window,
 * with running column sums so memory stays at a few rows' worth, whatever the page size.
 */
function sauvola(grey: PageImage, window: number, k: number): Uint8Array {
  const { width, height, pixels } = grey;
  const r = Math.max(1, Math.floor(window / 2));
  const colSum = new Float64Array(width);
  const colSq = new Float64Array(width);
  const out = new Uint8Array(pixels.length);
  const addRow = (y: number, sign: number) => {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const v = pixels[row + x]!;
      colSum[x]! += sign * v;
      colSq[x]! += sign * v * v;
    }
  };
  for (let y = 0; y < Math.min(r, height); y++) addRow(y, 1);
  for (let y = 0; y < height; y++) {
    if (y + r < height) addRow(y + r, 1);
    if (y - r - 1 >= 0) addRow(y - r - 1, -1);
    const rows = Math.min(height - 1, y + r) - Math.max(0, y - r) + 1;
    let sum = 0;
    let sq = 0;
    for (let x = 0; x < Math.min(r, width); x++) {
      sum += colSum[x]!;
      sq += colSq[x]!;
    }
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (x + r < width) {
        sum += colSum[x + r]!;
        sq += colSq[x + r]!;
      }
      if (x - r - 1 >= 0) {
        sum -= colSum[x - r - 1]!;
        sq -= colSq[x - r - 1]!;
      }
      const n = rows * (Math.min(width - 1, x + r) - Math.max(0, x - r) + 1);
      const mean = sum / n;
      const deviation = Math.sqrt(Math.max(0, sq / n - mean * mean));
      out[row + x] = pixels[row + x]! <= mean * (1 + k * (deviation / 128 - 1)) ? INK : PAPER;
    }
  }
  return out;
}

/**
 * A 1-channel black-and-white copy of the page (ink 0, paper 255): `otsu` (one global threshold, fast)
 * or `sauvola` (local threshold over a window of 1/25 of the shorter side, about two text lines on an
 * A4 scan; copes with uneven lighting and stains). The text layer is kept (positions do not move).
 */
export function binarizePage(page: PageImage, options: BinarizeOptions = {}): PageImage {
  const method = options.method ?? 'sauvola';
  const k = options.k ?? 0.2;
  if (method !== 'otsu' && method !== 'sauvola') {
    throw new SohoaError(
      'INGEST_INVALID_OPTION',
      `binarizePage \`method\` must be \`otsu\` or \`sauvola\`; got ${JSON.stringify(method)}.`,
    );
  }
  if (!(Number.isFinite(k) && k > 0 && k < 1))
    throw new SohoaError(
      'INGEST_INVALID_OPTION',
      `binarizePage \`k\` must be between 0 and 1 (exclusive); got ${String(k)}.`,
    );
  if (options.window !== undefined && !(Number.isInteger(options.window) && options.window >= 3)) {
    throw new SohoaError(
      'INGEST_INVALID_OPTION',
      `binarizePage \`window\` must be an odd number of pixels ≥ 3; got ${String(options.window)}.`,
    );
  }
  const grey = toGrey(page);
  let pixels: Uint8Array;
  if (method === 'otsu') pixels = otsu(grey);
  else {
    // Page-relative, not text-height-relative: uneven lighting (what Sauvola is for) defeats the text-height estimate.
    const window = options.window ?? Math.max(15, Math.round(Math.min(grey.width, grey.height) / 25) | 1);
    pixels = sauvola(grey, window, k);
  }
  return { ...grey, channels: 1, pixels, diagnostics: [...page.diagnostics] };
}
