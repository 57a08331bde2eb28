import { SohoaError } from '@sohoa/core';
import type { IngestOptions, PagePreprocessOption, PreprocessOptions, ResolvedIngestOptions } from './types';
import { AUTO_PREPROCESS } from './preprocess/auto';

const DEFAULTS = {
  maxBytes: 200 * 1024 * 1024,
  maxPixels: 100_000_000,
  maxPages: 500,
  pageTimeoutMs: 60_000,
  renderDpi: 300,
} as const;

function positive(name: keyof typeof DEFAULTS, value: number | undefined): number {
  if (value === undefined) return DEFAULTS[name];
  if (!Number.isFinite(value) || value <= 0) {
    throw new SohoaError(
      'INGEST_INVALID_OPTION',
      `Ingest option \`${name}\` must be a positive number; got ${String(value)}. Omit it to use the default ${DEFAULTS[name]}.`,
      { details: { option: name } },
    );
  }
  return value;
}

function preprocessSteps(value: PagePreprocessOption | undefined): PreprocessOptions | false {
  if (value === undefined || value === 'auto') return { ...AUTO_PREPROCESS };
  if (value === false) return false;
  if (typeof value !== 'object' || value === null) {
    throw new SohoaError(
      'INGEST_INVALID_OPTION',
      `Ingest option \`preprocess\` must be 'auto', false or an object of steps; got ${JSON.stringify(value)}. Omit it to use 'auto'.`,
      {
        details: { option: 'preprocess' },
      },
    );
  }
  return { ...value };
}

/** Fill every default of {@link IngestOptions} once, validating the numeric limits. */
export function resolveIngestOptions(options: IngestOptions = {}): ResolvedIngestOptions {
  return {
    maxBytes: positive('maxBytes', options.maxBytes),
    maxPixels: positive('maxPixels', options.maxPixels),
    maxPages: positive('maxPages', options.maxPages),
    pageTimeoutMs: positive('pageTimeoutMs', options.pageTimeoutMs),
    signal: options.signal,
    unsupportedPages: options.unsupportedPages ?? 'error',
    report: options.report ?? (() => {}),
    renderDpi: positive('renderDpi', options.renderDpi),
    textLayer: options.textLayer ?? 'auto',
    preprocess: preprocessSteps(options.preprocess),
    quality:
      options.quality === false
        ? false
        : options.quality === true || options.quality === undefined
          ? {}
          : { ...options.quality },
    onTiming: options.onTiming,
  };
}
