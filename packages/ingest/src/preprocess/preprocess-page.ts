import type { PageImage } from '@sohoa/core';
import type { PreprocessOptions } from '../types';
import { preprocessWithHints } from './internal/run-steps';

/**
 * Run the preprocessing steps on one page, in the order grey → contrast → orient → deskew → scale →
 * crop → binarize; each can be turned off (`{ deskew: false }`). `scale` (DPI normalisation) and
 * `binarize` are off unless asked for. What changed is recorded on `page.preprocessing`, whose
 * `transform` maps the input's pixels to the output's (see `toSourceBox`).
 */
export async function preprocessPage(page: PageImage, steps: PreprocessOptions = {}): Promise<PageImage> {
  return preprocessWithHints(page, steps);
}

/** Map a box on a preprocessed page back to the file's pixels (the same function as `@sohoa/core`'s). */
export { toSourceBox } from '@sohoa/core';
