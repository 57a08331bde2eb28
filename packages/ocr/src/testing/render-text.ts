import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import type { Box, PageImage } from '@sohoa/core';

interface Glyph {
  advanceWidth: number;
  getPath(x: number, y: number, size: number): { toPathData(decimals: number): string };
}
interface Font {
  unitsPerEm: number;
  charToGlyph(char: string): Glyph;
}

const require = createRequire(import.meta.url);
const opentype = require('opentype.js') as { parse(buffer: ArrayBuffer): Font };
const fonts = new Map<string, Font>();

function font(file: string): Font {
  let loaded = fonts.get(file);
  if (!loaded) {
    const bytes = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
    loaded = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    fonts.set(file, loaded);
  }
  return loaded;
}

/** A line of text to draw: `y` is the baseline. */
export interface TextItem {
  text: string;
  x: number;
  y: number;
  size: number;
  bold?: boolean;
}

/**
 * Render text as SVG paths (DejaVu Sans, glyph by glyph, NFC) so no system font is involved; returns
 * the path data and each item's approximate box.
 */
export function textToSvgPaths(items: readonly TextItem[]): { paths: string; boxes: Box[] } {
  const parts: string[] = [];
  const boxes: Box[] = [];
  for (const item of items) {
    const face = font(item.bold ? 'DejaVuSans-Bold.ttf' : 'DejaVuSans.ttf');
    let x = item.x;
    for (const char of item.text.normalize('NFC')) {
      const glyph = face.charToGlyph(char);
      parts.push(glyph.getPath(x, item.y, item.size).toPathData(2));
      x += (glyph.advanceWidth * item.size) / face.unitsPerEm;
    }
    boxes.push({ x: item.x, y: item.y - item.size, width: x - item.x, height: item.size * 1.3 });
  }
  return { paths: `<path d="${parts.join(' ')}" fill="#111"/>`, boxes };
}

/** Rasterise text items (plus optional extra SVG shapes) onto a white page image (RGB). */
export async function renderPage(
  width: number,
  height: number,
  items: readonly TextItem[],
  extraSvg = '',
  file = 'rendered.png',
): Promise<PageImage> {
  const { paths } = textToSvgPaths(items);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${extraSvg}${paths}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    source: { file, sha256: '0'.repeat(64), page: 1, pageCount: 1 },
    width: info.width,
    height: info.height,
    channels: 3,
    pixels: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    diagnostics: [],
  };
}

/** Deterministic QR-like block pattern (not a real code) as SVG rects. */
export function blockPattern(x: number, y: number, size: number, cells = 25): string {
  const cell = size / cells;
  const rects: string[] = [];
  let state = 12345;
  for (let row = 0; row < cells; row++) {
    for (let col = 0; col < cells; col++) {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      if (state % 2 === 0)
        rects.push(`<rect x="${x + col * cell}" y="${y + row * cell}" width="${cell}" height="${cell}" fill="#000"/>`);
    }
  }
  return rects.join('');
}

/** Expected lines of {@link renderCardPage}, in reading order (synthetic person). */
export const CARD_LINES = [
  'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'CĂN CƯỚC CÔNG DÂN',
  'Số / No.: 001099012345',
  'Họ và tên / Full name:',
  'TRẦN THỊ MẪU',
  'Ngày sinh / Date of birth: 01/02/1990',
  'Giới tính / Sex: Nữ',
  'Quốc tịch / Nationality: Việt Nam',
  'Quê quán / Place of origin: Hải Châu, Đà Nẵng',
] as const;

/** A 1200×800 ID-card-like page: bilingual labels, a photo placeholder, a QR-like pattern, slight tint. */
export async function renderCardPage(): Promise<PageImage> {
  const sizes = [30, 28, 40, 28, 26, 34, 26, 26, 26, 26];
  const xs = [330, 420, 480, 360, 360, 360, 360, 360, 360, 360];
  const ys = [70, 115, 190, 250, 310, 360, 420, 480, 540, 600];
  const items = CARD_LINES.map((text, i) => ({
    text,
    x: xs[i]!,
    y: ys[i]!,
    size: sizes[i]!,
    bold: i === 0 || i === 2 || i === 5,
  }));
  const extras =
    '<rect x="6" y="6" width="1188" height="788" rx="30" fill="#eef4f8" stroke="#9ab" stroke-width="4"/>' +
    '<rect x="50" y="230" width="260" height="340" fill="#8a8f96"/><circle cx="180" cy="360" r="70" fill="#c9cdd2"/>' +
    blockPattern(1010, 610, 150);
  return renderPage(1200, 800, items, extras, 'card.png');
}
