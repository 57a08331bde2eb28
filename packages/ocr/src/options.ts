import { availableParallelism } from 'node:os';
import { SohoaError } from '@sohoa/core';
import type { ResolvedTesseractEngineOptions, TesseractEngineOptions } from './types';

/** Whole pages whose text lines are taller than this (pixels) are read smaller; see `downscaleAboveTextHeight`. */
export const DEFAULT_DOWNSCALE_ABOVE = 44;

const PSM_VALUES = new Set([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);

function invalid(name: string, value: unknown, rule: string): SohoaError {
  return new SohoaError(
    'OCR_INVALID_OPTION',
    `OCR option \`${name}\` ${rule}; got ${JSON.stringify(value)}. Omit it to use the default.`,
    {
      details: { option: name },
    },
  );
}

function integer(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) throw invalid(name, value, `must be an integer ≥ ${min}`);
  return value;
}

/** Throw `OCR_INVALID_OPTION` unless `psm` is a Tesseract page segmentation mode this package allows. */
export function assertPageSegMode(psm: unknown, name = 'psm'): void {
  if (!PSM_VALUES.has(psm as number)) throw invalid(name, psm, 'must be one of 1, 3–13');
}

/** Fill every default of {@link TesseractEngineOptions} once. */
export function resolveTesseractEngineOptions(options: TesseractEngineOptions = {}): ResolvedTesseractEngineOptions {
  const languages = options.languages ?? ['vie'];
  if (languages.length === 0) throw invalid('languages', languages, 'must name at least one language');
  if (options.psm !== undefined) assertPageSegMode(options.psm);
  return {
    workers: integer('workers', options.workers, Math.max(1, Math.min(availableParallelism(), 2)), 1),
    languages: [...languages],
    langPath: options.langPath,
    psm: options.psm ?? 6,
    recycleAfter: integer('recycleAfter', options.recycleAfter, 200, 1),
    timeoutMs: integer('timeoutMs', options.timeoutMs, 60_000, 1),
    upscaleBelowTextHeight: integer('upscaleBelowTextHeight', options.upscaleBelowTextHeight, 20, 0),
    downscaleAboveTextHeight: integer(
      'downscaleAboveTextHeight',
      options.downscaleAboveTextHeight,
      DEFAULT_DOWNSCALE_ABOVE,
      0,
    ),
    startTimeoutMs: integer('startTimeoutMs', options.startTimeoutMs, 30_000, 1),
  };
}
