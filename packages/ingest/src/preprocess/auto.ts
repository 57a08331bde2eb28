import type { PreprocessOptions } from '../types';
import { RELIABLE_ORIENTATION } from './orientation';

/**
 * What `readPages({ preprocess: 'auto' })` runs on pages without a text layer, chosen with
 * `pnpm bench:preprocess` (see docs/benchmarks.md): turning pages scanned sideways or upside down
 * upright and deskewing are what save OCR on real scans; the other steps cost time without lowering
 * the error rate on typical scans, so they stay opt-in.
 */
export const AUTO_PREPROCESS: Readonly<PreprocessOptions> = Object.freeze({
  grey: false,
  contrast: false,
  // The orientation test is fooled by ID cards but reliable on pages of text (see RELIABLE_ORIENTATION).
  orient: { ...RELIABLE_ORIENTATION },
  // Below half a degree Tesseract (psm 6) reads as well as after deskewing; rotating costs ~0.2 s per A4 page.
  deskew: { minAngle: 0.5 },
  scale: false,
  crop: false,
  binarize: false,
});
