import type { Box } from '../types';
import type { Rng } from '../rng';
import { SvgCanvas, unionBox, type TextStyle } from './canvas';

/** A4 at 150 dpi, the resolution of an office scan. */
export const A4_WIDTH = 1240;
export const A4_HEIGHT = 1754;
export const MARGIN_X = 110;

export const LABEL: TextStyle = { font: 'sans', size: 24, fill: '#222' };
export const VALUE: TextStyle = { font: 'bold', size: 25, fill: '#0b0b3a' };

/** Cream paper with a faint decorative border, as on civil-status certificates. */
export function drawPaper(rng: Rng, tint: string): SvgCanvas {
  const c = new SvgCanvas(A4_WIDTH, A4_HEIGHT);
  c.rect(0, 0, A4_WIDTH, A4_HEIGHT, `fill="${tint}"`);
  const waves: string[] = [];
  for (const inset of [38, 48]) {
    const phase = rng.float(0, Math.PI * 2);
    const pts: string[] = [];
    const w = A4_WIDTH - 2 * inset;
    const h = A4_HEIGHT - 2 * inset;
    for (let t = 0; t <= 2 * (w + h); t += 10) {
      const along =
        t < w
          ? [inset + t, inset]
          : t < w + h
            ? [inset + w, inset + t - w]
            : t < 2 * w + h
              ? [inset + w - (t - w - h), inset + h]
              : [inset, inset + h - (t - 2 * w - h)];
      const wobble = 3 * Math.sin(t / 14 + phase);
      pts.push(`${(along[0]! + wobble).toFixed(1)},${(along[1]! + wobble).toFixed(1)}`);
    }
    waves.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="#c9a86a" stroke-width="2" opacity="0.7"/>`);
  }
  c.raw(waves.join(''));
  return c;
}

/** National header, centred. Returns the y below it. */
export function drawNationalHeader(c: SvgCanvas, y: number): number {
  c.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', A4_WIDTH / 2, y, { font: 'bold', size: 28, anchor: 'middle' });
  c.text('Độc lập - Tự do - Hạnh phúc', A4_WIDTH / 2, y + 38, { font: 'bold', size: 26, anchor: 'middle' });
  c.rect(A4_WIDTH / 2 - 170, y + 50, 340, 2, 'fill="#222"');
  return y + 100;
}

/** A red seal placeholder (ring with a star) and a signature squiggle, as over the signer's name. */
export function drawSealAndSignature(c: SvgCanvas, rng: Rng, cx: number, cy: number): void {
  const path: string[] = [`M${cx - 60},${cy + 10}`];
  for (let i = 0; i < 6; i++)
    path.push(`q${rng.int(10, 30)},${rng.int(-50, -20)} ${rng.int(25, 40)},${rng.int(-5, 25)}`);
  c.raw(`<path d="${path.join(' ')}" fill="none" stroke="#1b2a7a" stroke-width="3"/>`);
  const sx = cx - rng.int(90, 130);
  const sy = cy + rng.int(-10, 10);
  c.raw(`<circle cx="${sx}" cy="${sy}" r="85" fill="none" stroke="#d23a3a" stroke-width="5" opacity="0.55"/>`);
  c.raw(`<circle cx="${sx}" cy="${sy}" r="62" fill="none" stroke="#d23a3a" stroke-width="2" opacity="0.55"/>`);
  c.raw(`<circle cx="${sx}" cy="${sy}" r="22" fill="#d23a3a" opacity="0.35"/>`);
}

/** One printed `Label: value` pair; `key` names the value's box. */
export interface Segment {
  label: string;
  value: string;
  key?: string;
}

/**
 * Draw a row of label/value segments from `x`, each segment starting at its column (`columns[i]`
 * or right after the previous one). A long last value wraps under itself. Returns the next baseline.
 */
export function drawRow(
  c: SvgCanvas,
  y: number,
  segments: Segment[],
  boxes: Record<string, Box>,
  columns: number[] = [],
  lineHeight = 44,
): number {
  let x = MARGIN_X;
  let bottom = y;
  segments.forEach((s, i) => {
    x = columns[i] ?? x;
    c.text(s.label, x, y, LABEL);
    const vx = x + c.measure(`${s.label} `, LABEL);
    const maxWidth = A4_WIDTH - MARGIN_X - vx;
    const lines = i === segments.length - 1 ? c.wrap(s.value, maxWidth, VALUE) : [s.value];
    const drawn = lines.map((l, k) => c.text(l, k === 0 ? vx : MARGIN_X + 40, y + k * lineHeight, VALUE));
    if (s.key && drawn.length > 0) boxes[s.key] = unionBox(drawn);
    bottom = Math.max(bottom, y + (lines.length - 1) * lineHeight);
    x = vx + c.measure(s.value, VALUE) + 40;
  });
  return bottom + lineHeight + 6;
}

/**
 * The agency (left, bold capitals, a short rule under it) beside the national motto (right), as at the
 * top of certificates issued by an agency. Returns the y below and the box of the agency lines.
 */
export function drawAgencyHeader(c: SvgCanvas, agency: readonly string[], y: number): { bottom: number; box: Box } {
  const left = 300;
  const right = 860;
  const drawn = agency.map((line, i) => c.text(line, left, y + i * 32, { font: 'bold', size: 21, anchor: 'middle' }));
  c.rect(left - 70, y + (agency.length - 1) * 32 + 12, 140, 2, 'fill="#222"');
  c.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', right, y, { font: 'bold', size: 21, anchor: 'middle' });
  c.text('Độc lập - Tự do - Hạnh phúc', right, y + 32, { font: 'bold', size: 21, anchor: 'middle' });
  c.rect(right - 140, y + 44, 280, 2, 'fill="#222"');
  return { bottom: y + Math.max(agency.length, 2) * 32 + 40, box: unionBox(drawn) };
}

/** A photo or QR-code placeholder: a framed grey box with a caption. */
export function drawPlaceholder(c: SvgCanvas, x: number, y: number, w: number, h: number, caption: string): void {
  c.rect(x, y, w, h, 'fill="#e4e4e4" stroke="#777" stroke-width="2"');
  c.text(caption, x + w / 2, y + h / 2 + 6, { font: 'sans', size: 16, anchor: 'middle', fill: '#777' });
}
