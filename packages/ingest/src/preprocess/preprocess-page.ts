import type { PageImage } from '@sohoa/core';
import type { PreprocessOptions } from '../types';
import { toGrey } from '../grey';
import { normalizeContrast } from './contrast';
import { cropToContent } from './crop-to-content';
import { deskewPage } from './deskew';
import { orientPage } from './orientation';

const options = <T extends object>(value: boolean | T | undefined): T | undefined => (value === false ? undefined : value === true || value === undefined ? ({} as T) : value);

/**
 * Run the preprocessing steps on one page, in the order grey → contrast → orient → deskew → crop; each step
 * can be turned off (`{ deskew: false }`). Opt-in: `readPages` and the OCR engines never call it.
 */
export async function preprocessPage(page: PageImage, steps: PreprocessOptions = {}): Promise<PageImage> {
  let out = steps.grey === false ? page : toGrey(page);
  const contrast = options(steps.contrast);
  if (contrast) out = normalizeContrast(out, contrast);
  const orient = options(steps.orient);
  if (orient) out = await orientPage(out, orient);
  const deskew = options(steps.deskew);
  if (deskew) out = await deskewPage(out, deskew);
  const crop = options(steps.crop);
  if (crop) out = cropToContent(out, crop);
  return out;
}
