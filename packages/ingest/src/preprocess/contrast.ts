import { SohoaError, type PageImage } from '@sohoa/core';
import type { NormalizeContrastOptions } from '../types';
import { toGrey } from '../grey';
import { histogram, percentile } from './internal/grey-sample';

/**
 * A copy of the page with its grey levels stretched linearly so the darkest `clip` share of pixels
 * becomes black and the lightest `clip` share white (the same mapping on every colour channel;
 * alpha is kept). A flat page (no spread) comes back unchanged. Pure.
 */
export function normalizeContrast(page: PageImage, options: NormalizeContrastOptions = {}): PageImage {
  const clip = options.clip ?? 0.005;
  if (!(Number.isFinite(clip) && clip >= 0 && clip <= 0.2)) {
    throw new SohoaError(
      'INGEST_INVALID_OPTION',
      `normalizeContrast \`clip\` must be between 0 and 0.2; got ${String(clip)}.`,
    );
  }
  const bins = histogram(toGrey(page).pixels);
  const low = percentile(bins, clip);
  const high = percentile(bins, 1 - clip);
  const copy: PageImage = { ...page, pixels: new Uint8Array(page.pixels), diagnostics: [...page.diagnostics] };
  if (high - low < 2) return copy;
  const table = new Uint8Array(256);
  for (let v = 0; v < 256; v++) table[v] = Math.max(0, Math.min(255, Math.round(((v - low) * 255) / (high - low))));
  const { pixels, channels } = copy;
  const colour = channels === 4 ? 3 : channels;
  for (let i = 0; i < pixels.length; i += channels) {
    for (let c = 0; c < colour; c++) pixels[i + c] = table[pixels[i + c]!]!;
  }
  return copy;
}
