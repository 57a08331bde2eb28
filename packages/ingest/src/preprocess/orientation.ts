import type { PageImage } from '@sohoa/core';
import type { OrientOptions, OrientationEstimate } from '../types';
import { greySample } from './internal/grey-sample';
import { inkPoints, profile, search, type Ink } from './skew';
import { rotatePage } from './deskew';

/** The same ink turned 90° anticlockwise (undoes a clockwise quarter turn). */
function quarterBack(ink: Ink): Ink {
  return { xs: ink.ys, ys: ink.xs.map((x) => -x), count: ink.count, width: ink.height, height: ink.width };
}

/**
 * Ink above versus below the core (x-height band) of each text line. Latin and Vietnamese text has
 * more above — ascenders, capitals and stacked tone marks outnumber descenders — so the sum is
 * positive on an upright page and negative upside down.
 */
function topHeaviness(ink: Ink, angle: number): { above: number; below: number; lines: number } {
  const bins = profile(ink, angle);
  let max = 0;
  for (const v of bins) if (v > max) max = v;
  const floor = Math.max(1, max * 0.05);
  let above = 0;
  let below = 0;
  let lines = 0;
  for (let i = 0; i < bins.length; ) {
    if (bins[i]! < floor) {
      i++;
      continue;
    }
    let end = i;
    let peak = 0;
    while (end < bins.length && bins[end]! >= floor) peak = Math.max(peak, bins[end++]!);
    if (end - i >= 4) {
      let first = i;
      while (bins[first]! < peak * 0.5) first++;
      let last = end - 1;
      while (bins[last]! < peak * 0.5) last--;
      for (let k = i; k < first; k++) above += bins[k]!;
      for (let k = last + 1; k < end; k++) below += bins[k]!;
      lines++;
    }
    i = end;
  }
  return { above, below, lines };
}

/**
 * When `detectOrientation` is trusted by `readPages` (the quality gate and the `auto` orient step): ID
 * cards (photo, chip, MRZ, fingerprint boxes) give at most ~16 lines and confidence up to ~0.5 in any
 * direction, while pages of text give 20+ lines and 0.8+ on real text (0.4–0.45 on synthetic blocks).
 */
export const RELIABLE_ORIENTATION = Object.freeze({ minLines: 20, minConfidence: 0.3 });

/**
 * Estimate whether a page was scanned turned by 0, 90, 180 or 270 degrees clockwise: text lines
 * run along the axis with the sharper projection profile, and their ink sits more above the line
 * core than below it. Pure; `confidence` is low on pages with little text, tables or pictures.
 */
export function detectOrientation(page: PageImage): OrientationEstimate {
  const sample = greySample(page, 1000);
  const ink = inkPoints(sample);
  if (!ink) return { rotation: 0, confidence: 0, lines: 0 };
  const flat = search(ink, -15, 15, 0.5);
  const turned = quarterBack(ink);
  const upright = search(turned, -15, 15, 0.5);
  const vertical = upright.score > flat.score;
  const lined = vertical ? turned : ink;
  const best = vertical ? upright : flat;
  const angle = search(lined, best.angle - 0.5, best.angle + 0.5, 0.1).angle;
  const { above, below, lines } = topHeaviness(lined, angle);
  if (lines < 2 || above + below === 0) return { rotation: 0, confidence: 0, lines };
  const lean = (above - below) / (above + below);
  const upsideDown = lean < 0;
  const axis = Math.max(0, Math.min(1, 1 - Math.min(flat.score, upright.score) / Math.max(flat.score, upright.score)));
  const confidence = Math.round(Math.min(axis * 2, Math.abs(lean)) * 1000) / 1000;
  const rotation = ((vertical ? 90 : 0) + (upsideDown ? 180 : 0)) as OrientationEstimate['rotation'];
  return { rotation, confidence, lines };
}

/**
 * A copy of the page turned upright when `detectOrientation` is at least `minConfidence` (default
 * 0.1) sure it was scanned turned and found at least `minLines` text lines (default 0); quarter turns
 * are lossless. Otherwise the page comes back as is.
 */
export async function orientPage(page: PageImage, options: OrientOptions = {}): Promise<PageImage> {
  const { rotation, confidence, lines } = detectOrientation(page);
  if (rotation === 0 || confidence < (options.minConfidence ?? 0.1) || lines < (options.minLines ?? 0)) return { ...page, diagnostics: [...page.diagnostics] };
  return rotatePage(page, 360 - rotation);
}

