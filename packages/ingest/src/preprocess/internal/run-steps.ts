import type { PageImage } from '@sohoa/core';
import type {
  OrientOptions,
  BinarizeOptions,
  CropToContentOptions,
  DeskewOptions,
  NormalizeContrastOptions,
  NormalizeScaleOptions,
  PreprocessOptions,
} from '../../types';
import { toGrey } from '../../grey';
import { scalePage } from '../../scale';
import { binarizePage } from '../binarize';
import { normalizeContrast } from '../contrast';
import { contentCropBox } from '../crop-to-content';
import { cropPage } from '../../crop';
import { rotatePage } from '../deskew';
import { detectOrientation } from '../orientation';
import { scaleFactorFor } from '../normalize-scale';
import { estimateSkew } from '../skew';
import { IDENTITY, compose, rotation, scaling, translation, type Affine } from './affine';

/** Measures already taken on the page (by the quality gate), so steps need not measure again. */
export interface StepHints {
  rotation?: 0 | 90 | 180 | 270;
  orientationConfidence?: number;
  /** Skew measured on the upright page. */
  skew?: number;
  /** Text lines found when measuring `skew`. */
  lines?: number;
  textHeight?: number;
}

export interface StepsResult {
  page: PageImage;
  steps: string[];
  transform: Affine;
}

const MIN_LINES_TO_DESKEW = 3;
const DEFAULT_ON = {
  grey: true,
  contrast: true,
  orient: true,
  deskew: true,
  crop: true,
  scale: false,
  binarize: false,
} as const;

function chosen<T extends object>(value: boolean | T | undefined, fallback: boolean): T | undefined {
  if (value === false || (value === undefined && !fallback)) return undefined;
  return value === true || value === undefined ? ({} as T) : value;
}

async function turn(page: PageImage, degrees: number): Promise<{ page: PageImage; m: Affine }> {
  const out = await rotatePage(page, degrees);
  return { page: out, m: rotation(degrees, page.width, page.height, out.width, out.height) };
}

/** The preprocessing steps in order, tracking the affine map from input to output pixels. */
export async function runSteps(
  input: PageImage,
  options: PreprocessOptions,
  hints: StepHints = {},
): Promise<StepsResult> {
  let page = input;
  let transform = IDENTITY;
  const steps: string[] = [];
  const grey = options.grey ?? DEFAULT_ON.grey;
  if (grey && page.channels !== 1) {
    page = toGrey(page);
    steps.push('grey');
  }
  const contrast = chosen<NormalizeContrastOptions>(options.contrast, DEFAULT_ON.contrast);
  if (contrast) {
    page = normalizeContrast(page, contrast);
    steps.push('contrast');
  }
  const orient = chosen<OrientOptions>(options.orient, DEFAULT_ON.orient);
  let turned = false;
  if (orient) {
    const estimate =
      hints.rotation !== undefined
        ? { rotation: hints.rotation, confidence: hints.orientationConfidence ?? 1, lines: hints.lines ?? 0 }
        : detectOrientation(page);
    if (
      estimate.rotation !== 0 &&
      estimate.confidence >= (orient.minConfidence ?? 0.1) &&
      estimate.lines >= (orient.minLines ?? 0)
    ) {
      const done = await turn(page, 360 - estimate.rotation);
      page = done.page;
      transform = compose(done.m, transform);
      steps.push('orient');
      turned = true;
    }
  }
  const deskew = chosen<DeskewOptions>(options.deskew, DEFAULT_ON.deskew);
  if (deskew) {
    const maxAngle = deskew.maxAngle ?? 15;
    const minAngle = deskew.minAngle ?? 0.1;
    // The hint was measured upright; it holds after `orient` only when orientation used the same hint.
    const measured =
      hints.skew !== undefined && hints.lines !== undefined && (hints.rotation !== undefined || !turned)
        ? { angle: hints.skew, lines: hints.lines }
        : estimateSkew(page, { maxAngle });
    const angle = measured.angle;
    // One or two ink bands give an angle but no evidence of text lines (a photo, a rule, a stamp).
    if (measured.lines >= MIN_LINES_TO_DESKEW && Math.abs(angle) >= minAngle && Math.abs(angle) <= maxAngle) {
      const done = await turn(page, -angle);
      page = done.page;
      transform = compose(done.m, transform);
      steps.push('deskew');
    }
  }
  const scale = chosen<NormalizeScaleOptions>(options.scale, DEFAULT_ON.scale);
  if (scale) {
    const measured = hints.textHeight ?? estimateSkew(page).textHeight;
    const factor = scaleFactorFor(measured, scale);
    if (factor !== 1) {
      const before = page;
      page = await scalePage(page, factor);
      transform = compose(scaling(page.width / before.width, page.height / before.height), transform);
      steps.push('scale');
    }
  }
  const crop = chosen<CropToContentOptions>(options.crop, DEFAULT_ON.crop);
  if (crop) {
    const kept = contentCropBox(page, crop);
    if (kept) {
      page = cropPage(page, kept);
      transform = compose(translation(-kept.x, -kept.y), transform);
      steps.push('crop');
    }
  }
  const binarize = chosen<BinarizeOptions>(options.binarize, DEFAULT_ON.binarize);
  if (binarize) {
    page = binarizePage(page, binarize);
    steps.push('binarize');
  }
  return { page, steps, transform };
}

/** Record what `runSteps` did on the page, composed with any earlier preprocessing. */
function withPreprocessing(input: PageImage, result: StepsResult, ms: number): PageImage {
  if (result.steps.length === 0 && result.page === input) return input;
  const earlier = input.preprocessing;
  return {
    ...result.page,
    preprocessing: {
      steps: [...(earlier?.steps ?? []), ...result.steps],
      transform: compose(result.transform, earlier?.transform ?? IDENTITY),
      original: earlier?.original ?? { width: input.width, height: input.height },
      ms: Math.round(((earlier?.ms ?? 0) + ms) * 10) / 10,
    },
  };
}

/** `preprocessPage` with measures the quality gate already took; records `page.preprocessing`. */
export async function preprocessWithHints(
  page: PageImage,
  options: PreprocessOptions,
  hints: StepHints = {},
  extraMs = 0,
): Promise<PageImage> {
  const started = performance.now();
  const result = await runSteps(page, options, hints);
  return withPreprocessing(page, result, performance.now() - started + extraMs);
}
