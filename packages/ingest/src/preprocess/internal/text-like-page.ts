import sharp from 'sharp';
import type { PageImage } from '@sohoa/core';

/** Options of the synthetic test page (test helper; not exported from the package). */
export interface TextLikePageOptions {
  width?: number;
  height?: number;
  /** Ink height of a "text line" in pixels. */
  lineHeight?: number;
  /** Degrees to rotate the finished page clockwise. */
  rotate?: number;
  /** Gaussian blur sigma. */
  blur?: number;
  /** Ink and paper grey levels. */
  ink?: number;
  paper?: number;
  dpi?: number;
}

/**
 * A deterministic page of "text": lines of word-like dark blocks with letter gaps inside a margin,
 * optionally rotated, blurred and faded, as raw RGB. No real text, no personal data.
 */
export async function textLikePage(options: TextLikePageOptions = {}): Promise<PageImage> {
  const { width = 1240, height = 1754, lineHeight = 24, rotate = 0, blur = 0, ink = 20, paper = 250 } = options;
  const margin = Math.round(width * 0.1);
  const rects: string[] = [];
  let state = 20240601;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let y = margin; y + lineHeight < height - margin; y += Math.round(lineHeight * 1.8)) {
    let x = margin;
    while (x < width - margin - 40) {
      const letters = 2 + Math.floor(next() * 7);
      for (let l = 0; l < letters; l++) {
        const w = Math.round(lineHeight * (0.35 + next() * 0.25));
        const top = y + (next() < 0.3 ? 0 : Math.round(lineHeight * 0.3));
        const bottom = y + (next() < 0.15 ? lineHeight : Math.round(lineHeight * 0.8));
        rects.push(`<rect x="${x}" y="${top}" width="${w}" height="${bottom - top}"/>`);
        x += w + Math.max(2, Math.round(lineHeight * 0.1));
      }
      x += Math.round(lineHeight * 0.5);
    }
  }
  const hex = (v: number) => v.toString(16).padStart(2, '0').repeat(3);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#${hex(paper)}"/><g fill="#${hex(ink)}">${rects.join('')}</g></svg>`;
  let pipeline = sharp(Buffer.from(svg)).removeAlpha();
  if (rotate) {
    const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
    pipeline = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).rotate(
      rotate,
      { background: { r: paper, g: paper, b: paper } },
    );
  }
  if (blur) {
    const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
    pipeline = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).blur(blur);
  }
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  const page: PageImage = {
    source: { file: 'synthetic.png', sha256: '0'.repeat(64), page: 1, pageCount: 1 },
    width: info.width,
    height: info.height,
    channels: info.channels as 3,
    pixels: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    diagnostics: [],
  };
  if (options.dpi !== undefined) page.dpi = options.dpi;
  return page;
}
