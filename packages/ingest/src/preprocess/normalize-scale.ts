import type { PageImage } from '@sohoa/core';
import { SohoaError } from '@sohoa/core';
import type { NormalizeScaleOptions } from '../types';
import { scalePage } from '../scale';
import { estimateSkew } from './skew';

const DEFAULTS = { targetTextHeight: 32, tolerance: 0.15, minFactor: 0.25, maxFactor: 3 } as const;

/**
 * The factor `normalizeScale` would resize by, given the page's median text-line height (ink band,
 * ascenders to descenders, in pixels); 1 when the height is unknown or already within tolerance.
 */
export function scaleFactorFor(textHeight: number | undefined, options: NormalizeScaleOptions = {}): number {
  const { targetTextHeight, tolerance, minFactor, maxFactor } = { ...DEFAULTS, ...options };
  if (
    !(Number.isFinite(targetTextHeight) && targetTextHeight >= 8) ||
    !(tolerance >= 0 && tolerance < 1) ||
    !(minFactor > 0 && minFactor <= 1 && maxFactor >= 1)
  ) {
    throw new SohoaError(
      'INGEST_INVALID_OPTION',
      `normalizeScale needs targetTextHeight ≥ 8 px, 0 ≤ tolerance < 1, 0 < minFactor ≤ 1 ≤ maxFactor; got ${JSON.stringify({ targetTextHeight, tolerance, minFactor, maxFactor })}.`,
    );
  }
  if (textHeight === undefined || textHeight <= 0) return 1;
  const factor = targetTextHeight / textHeight;
  if (Math.abs(factor - 1) <= tolerance) return 1;
  return Math.min(maxFactor, Math.max(minFactor, factor));
}

/**
 * DPI normalisation: a copy of the page resized so its text lines are about `targetTextHeight`
 * pixels high (default 32 px from ascender to descender, a cap height of about 24 px, which suits
 * Tesseract's LSTM models): small phone crops and low-dpi scans are upsampled, 600-dpi scans
 * downsampled. Pages without measurable text, or already within `tolerance`, come back unchanged.
 */
export async function normalizeScale(page: PageImage, options: NormalizeScaleOptions = {}): Promise<PageImage> {
  const estimate = estimateSkew(page);
  const factor = scaleFactorFor(estimate.lines >= 2 ? estimate.textHeight : undefined, options);
  if (factor === 1) return { ...page, diagnostics: [...page.diagnostics] };
  return scalePage(page, factor);
}
