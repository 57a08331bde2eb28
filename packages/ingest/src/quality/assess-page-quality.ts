import type { Diagnostic, DiagnosticCode, PageImage, Severity } from '@sohoa/core';
import type { PageQuality, PageQualityThresholds, PageQualityVerdict } from '../types';
import { toGrey } from '../grey';
import { greySample, histogram, percentile } from '../preprocess/internal/grey-sample';
import { estimateSkew } from '../preprocess/skew';
import { detectOrientation, RELIABLE_ORIENTATION } from '../preprocess/orientation';
import { turnGreyUpright } from '../preprocess/internal/turn-grey';
import { laplacianVariance } from './laplacian';

const DEFAULTS: Required<PageQualityThresholds> = {
  poorDpi: 200,
  rescanDpi: 100,
  poorSharpness: 60,
  rescanSharpness: 15,
  poorContrast: 100,
  rescanContrast: 40,
  poorTextHeight: 18,
  rescanTextHeight: 9,
  skewWarning: 0.5,
};

/**
 * Median ink height of a body-text line, in inches, for 12 pt Vietnamese text (calibrated with
 * `pnpm bench:preprocess`: DejaVu Serif 12 pt at 300 dpi gives 40 px bands, 0.8 em). Other font
 * sizes bias the estimate proportionally, so it is reported as `dpiSource: 'text-height'`.
 */
const LINE_INCHES = (12 / 72) * 0.8;

/** Text-line height (px) at which sharpness is measured, so it does not depend on the scan resolution. */
const SHARPNESS_TEXT_HEIGHT = 24;

const SOFTWARE_DEFAULT_DPI = new Set([72, 96]);

const RANK: Record<PageQualityVerdict, number> = { ok: 0, poor: 1, rescan: 2 };
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Measure a page's fitness for OCR before any OCR time is spent: resolution (declared, or estimated
 * from text-line height), skew, sharpness (variance of the Laplacian), contrast (percentile spread) and
 * text height, with a verdict `ok | poor | rescan` and one diagnostic per finding. Pure; no page
 * content appears in the result.
 */
export function assessPageQuality(page: PageImage, thresholds: PageQualityThresholds = {}): PageQuality {
  const t = { ...DEFAULTS, ...thresholds };
  const original = toGrey(page);
  // Measure lines on the page as it will be read: turned upright when it was scanned turned.
  const orientation = detectOrientation(original);
  // Only on pages of text: ID cards fool the test in every direction (fingerprint boxes look like turned lines).
  const turned =
    orientation.rotation !== 0 &&
    orientation.confidence >= RELIABLE_ORIENTATION.minConfidence &&
    orientation.lines >= RELIABLE_ORIENTATION.minLines;
  const grey = turned ? turnGreyUpright(original, orientation.rotation) : original;
  const bins = histogram(grey.pixels);
  const low = percentile(bins, 0.01);
  const high = percentile(bins, 0.99);
  const contrast = high - low;
  const skew = estimateSkew(grey, { maxAngle: 15 });
  // Measure blur relative to the text: sample the page so text lines are about 24 px high.
  const factor = skew.textHeight !== undefined ? Math.max(1, Math.floor(skew.textHeight / SHARPNESS_TEXT_HEIGHT)) : 1;
  const sample = greySample(grey, Math.ceil(Math.max(grey.width, grey.height) / factor));
  const sharpness = contrast >= 8 ? round(laplacianVariance(sample, low, high), 1) : 0;
  const findings: { verdict: PageQualityVerdict; diagnostic: Diagnostic }[] = [];
  const note = (verdict: PageQualityVerdict, severity: Severity, code: DiagnosticCode, message: string) =>
    findings.push({ verdict, diagnostic: { code, severity, message, origin: 'ingest', page: page.source.page } });

  let dpi: number | undefined;
  let dpiSource: PageQuality['dpiSource'] = 'unknown';
  const estimated =
    skew.textHeight !== undefined && skew.lines >= 3 ? Math.round(skew.textHeight / LINE_INCHES) : undefined;
  // 72 and 96 dpi are what software writes when it does not know the resolution (JFIF, screenshots, phones).
  const placeholder = page.dpi !== undefined && SOFTWARE_DEFAULT_DPI.has(page.dpi) && estimated !== undefined;
  if (page.dpi !== undefined && page.dpi > 0 && !placeholder) {
    dpi = page.dpi;
    dpiSource = 'declared';
  } else if (estimated !== undefined) {
    dpi = estimated;
    dpiSource = 'text-height';
  }

  const noText = contrast < 16 || skew.lines === 0;
  if (noText) {
    note(
      'ok',
      'info',
      'INGEST_QUALITY_NO_TEXT',
      'No text lines were found on this page (blank or picture only); OCR will likely return nothing.',
    );
  } else {
    if (contrast < t.rescanContrast)
      note(
        'rescan',
        'error',
        'INGEST_QUALITY_LOW_CONTRAST',
        `Contrast is very low (${contrast} grey levels between ink and paper, need ${t.rescanContrast}); rescan with darker settings.`,
      );
    else if (contrast < t.poorContrast)
      note(
        'poor',
        'warning',
        'INGEST_QUALITY_LOW_CONTRAST',
        `Contrast is low (${contrast} grey levels, want ${t.poorContrast}); normalizeContrast may help.`,
      );
    if (sharpness < t.rescanSharpness)
      note(
        'rescan',
        'error',
        'INGEST_QUALITY_BLURRY',
        `The page is very blurred (sharpness ${sharpness}, need ${t.rescanSharpness}); rescan in focus and without motion.`,
      );
    else if (sharpness < t.poorSharpness)
      note(
        'poor',
        'warning',
        'INGEST_QUALITY_BLURRY',
        `The page is blurred (sharpness ${sharpness}, want ${t.poorSharpness}); expect more OCR errors.`,
      );
    if (skew.textHeight !== undefined) {
      if (skew.textHeight < t.rescanTextHeight)
        note(
          'rescan',
          'error',
          'INGEST_QUALITY_SMALL_TEXT',
          `Text lines are only ${skew.textHeight} px high (need ${t.rescanTextHeight}); rescan at a higher resolution.`,
        );
      else if (skew.textHeight < t.poorTextHeight)
        note(
          'poor',
          'warning',
          'INGEST_QUALITY_SMALL_TEXT',
          `Text lines are ${skew.textHeight} px high (want ${t.poorTextHeight}); upscale with scalePage or rescan at 300 dpi.`,
        );
    }
    if (dpi !== undefined && dpiSource === 'declared') {
      if (dpi < t.rescanDpi)
        note(
          'rescan',
          'error',
          'INGEST_QUALITY_LOW_DPI',
          `Declared resolution is ${dpi} dpi (need ${t.rescanDpi}); rescan at 300 dpi.`,
        );
      else if (dpi < t.poorDpi)
        note(
          'poor',
          'warning',
          'INGEST_QUALITY_LOW_DPI',
          `Declared resolution is ${dpi} dpi (want ${t.poorDpi}); rescan at 300 dpi if OCR errs.`,
        );
    }
    if (turned) {
      note(
        'ok',
        'info',
        'INGEST_QUALITY_TURNED',
        `The page was scanned turned ${orientation.rotation}° clockwise; orientPage (or preprocessPage) turns it upright before OCR.`,
      );
    }
    if (Math.abs(skew.angle) >= t.skewWarning) {
      note(
        'ok',
        'info',
        'INGEST_QUALITY_SKEWED',
        `Text lines are skewed by ${skew.angle}°; deskewPage straightens them before OCR.`,
      );
    }
  }
  findings.sort((a, b) => RANK[b.verdict] - RANK[a.verdict]);
  const verdict = findings.reduce<PageQualityVerdict>(
    (worst, f) => (RANK[f.verdict] > RANK[worst] ? f.verdict : worst),
    'ok',
  );
  if (verdict === 'rescan') {
    findings.unshift({
      verdict,
      diagnostic: {
        code: 'INGEST_QUALITY_RESCAN',
        severity: 'error',
        message:
          'This page is unlikely to OCR usefully; rescan it (see the other INGEST_QUALITY_* diagnostics for why).',
        origin: 'ingest',
        page: page.source.page,
      },
    });
  }
  const quality: PageQuality = {
    verdict,
    dpiSource,
    rotation: turned ? orientation.rotation : 0,
    skew: skew.angle,
    skewConfidence: skew.confidence,
    sharpness,
    contrast,
    lines: skew.lines,
    diagnostics: findings.map((f) => f.diagnostic),
  };
  if (dpi !== undefined) quality.dpi = dpi;
  if (skew.textHeight !== undefined) quality.textHeight = skew.textHeight;
  return quality;
}
