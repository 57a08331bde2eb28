import { createDiagnostic, isSohoaError, type PageImage } from '@sohoa/core';
import { assessPageQuality } from '../quality/assess-page-quality';
import { preprocessWithHints, type StepHints } from '../preprocess/internal/run-steps';
import type { PageQuality, PreprocessOptions, ResolvedIngestOptions } from '../types';
import { withPageDeadline } from './deadline';

const QUALITY_MAX_SKEW = 15;

/**
 * Measures of the quality gate that spare the preprocessing steps a second look. Only the skew of a page
 * the gate found upright is passed on: the gate's orientation guess is not held to the `orient` step's
 * confidence and line thresholds (on ID card backs, fingerprint boxes look like many turned lines).
 */
function hintsFrom(quality: PageQuality, steps: PreprocessOptions): StepHints {
  const hints: StepHints = {};
  const deskew = typeof steps.deskew === 'object' ? steps.deskew : {};
  if (quality.rotation === 0 && (deskew.maxAngle ?? QUALITY_MAX_SKEW) <= QUALITY_MAX_SKEW) {
    hints.skew = quality.skew;
    hints.lines = quality.lines;
  }
  if (quality.textHeight !== undefined && quality.lines >= 2) hints.textHeight = quality.textHeight;
  return hints;
}

/**
 * The quality gate and preprocessing of `readPages`, page by page within the page time limit. Pages
 * with a text layer pass untouched: their text positions must stay valid and they need no OCR.
 */
export async function finishPages(
  pages: PageImage[],
  label: string,
  options: ResolvedIngestOptions,
): Promise<PageImage[]> {
  const { quality: thresholds, preprocess } = options;
  if (thresholds === false && preprocess === false) return pages;
  const out: PageImage[] = [];
  for (const page of pages) {
    if (page.textLayer && page.textLayer.length > 0) {
      out.push(page);
      continue;
    }
    const deadline = { label, page: page.source.page, timeoutMs: options.pageTimeoutMs, signal: options.signal };
    out.push(
      await withPageDeadline(async () => {
        const started = performance.now();
        let current = page;
        let hints: StepHints = {};
        if (thresholds !== false) {
          const { diagnostics, ...metrics } = assessPageQuality(page, thresholds);
          current = { ...page, quality: metrics, diagnostics: [...page.diagnostics, ...diagnostics] };
          if (preprocess !== false) hints = hintsFrom({ ...metrics, diagnostics }, preprocess);
        }
        const gated = performance.now();
        options.onTiming?.('quality', gated - started, page.source.page);
        if (preprocess === false) return current;
        try {
          const done = await preprocessWithHints(current, preprocess, hints, gated - started);
          options.onTiming?.('preprocess', performance.now() - gated, page.source.page);
          return done;
        } catch (error) {
          if (isSohoaError(error)) throw error;
          // Preprocessing is an optimisation: a page it cannot handle is still worth reading as decoded.
          return {
            ...current,
            diagnostics: [
              ...current.diagnostics,
              createDiagnostic(
                'INGEST_PREPROCESS_SKIPPED',
                'warning',
                'Preprocessing failed on this page; it is read as decoded.',
                { origin: 'ingest', page: page.source.page },
              ),
            ],
          };
        }
      }, deadline),
    );
  }
  return out;
}
