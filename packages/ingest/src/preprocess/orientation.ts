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
  let above = 0;
  let below = 0;
  const bands = lineBands(bins);
  for (const [i, end] of bands) {
    let peak = 0;
    for (let k = i; k < end; k++) peak = Math.max(peak, bins[k]!);
    let first = i;
    while (bins[first]! < peak * 0.5) first++;
    let last = end - 1;
    while (bins[last]! < peak * 0.5) last--;
    for (let k = i; k < first; k++) above += bins[k]!;
    for (let k = last + 1; k < end; k++) below += bins[k]!;
  }
  return { above, below, lines: bands.length };
}

/** Runs of profile bins above 5% of the highest, at least 4 bins thick: the text lines, as [start, end). */
function lineBands(bins: Uint32Array): Array<[number, number]> {
  let max = 0;
  for (const v of bins) if (v > max) max = v;
  const floor = Math.max(1, max * 0.05);
  const out: Array<[number, number]> = [];
  for (let i = 0; i < bins.length; ) {
    if (bins[i]! < floor) {
      i++;
      continue;
    }
    let end = i;
    while (end < bins.length && bins[end]! >= floor) end++;
    if (end - i >= 4) out.push([i, end]);
    i = end;
  }
  return out;
}

/**
 * How continuously the lines found in a frame are inked along their own direction: the median, over
 * lines, of the share of cells (a hundredth of the page each) between the line's 5th and 95th ink
 * percentiles that hold ink. A line of text is inked almost end to end (≈ 1); the "lines" of a card
 * back seen sideways are columns that cross a monospaced MRZ, fingerprints and labels, inked in
 * patches (0.3–0.45 on photocopied backs).
 */
function lineCover(ink: Ink, angle: number): number {
  const bins = profile(ink, angle);
  const runs = lineBands(bins);
  if (runs.length === 0) return 0;
  const band = new Int32Array(bins.length).fill(-1);
  runs.forEach(([from, to], b) => band.fill(b, from, to));
  const bands = runs.length;
  const t = Math.tan((angle * Math.PI) / 180);
  const offset = (bins.length - 1) / 2;
  const along: number[][] = Array.from({ length: bands }, () => []);
  for (let i = 0; i < ink.count; i++) {
    const b = band[Math.round(ink.ys[i]! - ink.xs[i]! * t) + offset];
    if (b !== undefined && b >= 0) along[b]!.push(ink.xs[i]!);
  }
  const cell = Math.max(1, ink.width / 100);
  const covers = along.map((xs) => {
    if (xs.length < 2) return 0;
    xs.sort((a, b) => a - b);
    const lo = xs[Math.floor(xs.length * 0.05)]!;
    const hi = xs[Math.floor(xs.length * 0.95)]!;
    const cells = new Set<number>();
    for (const x of xs) if (x >= lo && x <= hi) cells.add(Math.floor((x - lo) / cell));
    return cells.size / Math.max(1, Math.ceil((hi - lo) / cell));
  });
  covers.sort((a, b) => a - b);
  return covers[Math.floor(covers.length / 2)]!;
}

/** Below this {@link lineCover}, lines seen sideways are not text and the page is not turned a quarter. */
const MIN_SIDEWAYS_LINE_COVER = 0.7;

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
  // A quarter turn needs lines that look like text in the turned frame: on a sparse card back
  // (a photocopy) the MRZ's character columns or the fingerprints' ridges otherwise win.
  const vertical = upright.score > flat.score && lineCover(turned, upright.angle) >= MIN_SIDEWAYS_LINE_COVER;
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
  if (rotation === 0 || confidence < (options.minConfidence ?? 0.1) || lines < (options.minLines ?? 0))
    return { ...page, diagnostics: [...page.diagnostics] };
  return rotatePage(page, 360 - rotation);
}
