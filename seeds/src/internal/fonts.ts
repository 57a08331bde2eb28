import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import opentype, { type Font, type Path } from 'opentype.js';

export type FontName =
  | 'sans'
  | 'bold'
  | 'mono'
  | 'serif'
  | 'serif-bold'
  | 'serif-italic'
  | 'condensed'
  | 'condensed-bold'
  | 'serif-condensed'
  | 'serif-condensed-bold'
  | 'sans-oblique';

const FILES: Record<FontName, string> = {
  sans: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
  serif: 'DejaVuSerif.ttf',
  'serif-bold': 'DejaVuSerif-Bold.ttf',
  'serif-italic': 'DejaVuSerif-Italic.ttf',
  condensed: 'DejaVuSansCondensed.ttf',
  'condensed-bold': 'DejaVuSansCondensed-Bold.ttf',
  'serif-condensed': 'DejaVuSerifCondensed.ttf',
  'serif-condensed-bold': 'DejaVuSerifCondensed-Bold.ttf',
  'sans-oblique': 'DejaVuSans-Oblique.ttf',
};

const cache = new Map<FontName, Font>();

/** Load a DejaVu font from the `dejavu-fonts-ttf` package (never from the machine's fonts). */
export function loadFont(name: FontName): Font {
  const cached = cache.get(name);
  if (cached) return cached;
  const root = dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'));
  const bytes = readFileSync(join(root, 'ttf', FILES[name]));
  const font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  cache.set(name, font);
  return font;
}

/**
 * Lay out text glyph by glyph with kerning. opentype.js's own layout runs GSUB `ccmp`, which fails on
 * DejaVu's type-6 format-2 lookups; precomposed Vietnamese letters need no substitution anyway.
 */
export function layoutText(
  font: Font,
  text: string,
  x: number,
  y: number,
  size: number,
): { path: Path; advance: number } {
  const scale = size / font.unitsPerEm;
  const path = new opentype.Path();
  let pen = x;
  let previous: ReturnType<Font['charToGlyph']> | undefined;
  for (const ch of text) {
    const glyph = font.charToGlyph(ch);
    if (previous) pen += font.getKerningValue(previous, glyph) * scale;
    path.extend(glyph.getPath(pen, y, size));
    pen += glyph.advanceWidth * scale;
    previous = glyph;
  }
  return { path, advance: pen - x };
}
