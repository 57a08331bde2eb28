import type { Box } from '../types';
import { layoutText, loadFont, type FontName } from './fonts';

export interface TextStyle {
  font: FontName;
  size: number;
  fill?: string;
  /** `start` (default), `middle` or `end`: where `x` sits on the text. */
  anchor?: 'start' | 'middle' | 'end';
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** An SVG being composed in pixel coordinates, with text drawn as vector paths. */
export class SvgCanvas {
  private readonly parts: string[] = [];
  /** Ink box of every text drawn, for layout tests. */
  readonly textBoxes: Box[] = [];
  /** Every text drawn with its ink box: what a perfect OCR would read. */
  readonly runs: Array<{ text: string; box: Box }> = [];
  /** Characters drawn with a font that has no glyph for them (they print as a blank box). */
  readonly missingGlyphs = new Set<string>();

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  raw(fragment: string): void {
    this.parts.push(fragment);
  }

  rect(x: number, y: number, w: number, h: number, attrs: string): void {
    this.parts.push(`<rect x="${round(x)}" y="${round(y)}" width="${round(w)}" height="${round(h)}" ${attrs}/>`);
  }

  measure(text: string, style: TextStyle): number {
    return layoutText(loadFont(style.font), text.normalize('NFC'), 0, 0, style.size).advance;
  }

  /** Draw `text` with its baseline at `y`; returns the ink box (padded by 2 px). */
  text(text: string, x: number, y: number, style: TextStyle): Box {
    const nfc = text.normalize('NFC');
    const font = loadFont(style.font);
    for (const ch of nfc) if (ch.trim() !== '' && font.charToGlyph(ch).index === 0) this.missingGlyphs.add(ch);
    const width = this.measure(nfc, style);
    const left = style.anchor === 'middle' ? x - width / 2 : style.anchor === 'end' ? x - width : x;
    const { path } = layoutText(loadFont(style.font), nfc, left, y, style.size);
    this.parts.push(`<path d="${path.toPathData(2)}" fill="${style.fill ?? '#111'}"/>`);
    const bb = path.getBoundingBox();
    const pad = 2;
    const box = {
      x: Math.floor(Math.min(bb.x1, left) - pad),
      y: Math.floor(bb.y1 - pad),
      width: Math.ceil(Math.max(bb.x2, left + width) - Math.min(bb.x1, left) + 2 * pad),
      height: Math.ceil(bb.y2 - bb.y1 + 2 * pad),
    };
    this.textBoxes.push(box);
    if (nfc.trim() !== '') this.runs.push({ text: nfc, box });
    return box;
  }

  /** Split `text` into lines no wider than `maxWidth`, breaking at spaces. */
  wrap(text: string, maxWidth: number, style: TextStyle): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && this.measure(candidate, style) > maxWidth) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    if (line !== '') lines.push(line);
    return lines;
  }

  toString(): string {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}">${this.parts.join('')}</svg>`;
  }
}

/** The smallest box holding all `boxes`. */
export function unionBox(boxes: readonly Box[]): Box {
  const x1 = Math.min(...boxes.map((b) => b.x));
  const y1 = Math.min(...boxes.map((b) => b.y));
  const x2 = Math.max(...boxes.map((b) => b.x + b.width));
  const y2 = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}
