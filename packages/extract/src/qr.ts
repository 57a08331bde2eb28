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

/**
 * Finds and decodes a QR code on a page. Tries the page at half resolution first (a quarter of the
 * pixels: where a card's QR decodes at all, it nearly always decodes there), then, on pages shaped
 * like a card, as is and binarised (blurred or noisy scans decode more often after one of these).
 * Portrait document pages get the cheap attempt only: their codes, if any, are not card payloads
 * the extractor reads, and the full-resolution search on a page without a code is the slow case.
 */
export function decodeQr(page: PageImage): QrCode | undefined {
  const cardLike = page.height <= page.width * CARD_MAX_HEIGHT_RATIO;
  const attempts: Array<{ scale: number; threshold?: number }> = [{ scale: 0.5 }];
  if (cardLike) attempts.push({ scale: 1 }, { scale: 1, threshold: pageThreshold(page) });
  for (const attempt of attempts) {
    const img = toRgba(page, attempt.scale, attempt.threshold);
    const result = jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' });
    if (result?.data) {
      const f = 1 / attempt.scale;
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
