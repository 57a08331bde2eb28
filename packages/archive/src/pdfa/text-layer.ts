// The invisible text layer: each OCR word drawn in text render mode 3 (neither filled nor stroked) at its box,
// sized to the box height and scaled horizontally to the box width, so selecting and searching in a viewer
// land on the word in the image.

import {
  beginText,
  endText,
  type PDFName,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSqueeze,
  setFontAndSize,
  moveText,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
  type PDFOperator,
} from 'pdf-lib';
import type { CopyWord } from '../types';
import type { TextLayerFont } from './font';

export interface FontMetrics {
  /** Ascent and descent (descent negative) per unit of font size. */
  ascent: number;
  descent: number;
  /** Code points the font has glyphs for. */
  characters: Set<number>;
}

/**
 * The text of a word as the font can write it: NFC, characters the font lacks dropped (PDF/A forbids showing
 * `.notdef`), whitespace collapsed. Empty when nothing is left.
 */
export function writableText(text: string, metrics: FontMetrics): string {
  let out = '';
  for (const ch of text.normalize('NFC').replace(/\s+/g, ' ').trim()) {
    const cp = ch.codePointAt(0) ?? 0;
    if (metrics.characters.has(cp)) out += ch;
  }
  return out.trim();
}

export interface Placement {
  /** Page size in points. */
  pageHeight: number;
  /** Points per image pixel. */
  scale: number;
}

/**
 * Rounded to tenths: a tenth of a point (0.035 mm, under half a pixel at 300 dpi) is below what selection can tell,
 * and one digit fewer per number keeps the stream small (a tenth of the text layer's bytes against hundredths).
 */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}

interface Placed {
  text: string;
  /** Image pixels. */
  x: number;
  width: number;
  top: number;
  bottom: number;
}

/** The words as lines: a word joins the line before it when it is to its right and overlaps it vertically by half. */
function lines(words: readonly Placed[]): Placed[][] {
  const out: Placed[][] = [];
  let line: Placed[] = [];
  let top = 0;
  let bottom = 0;
  for (const word of words) {
    const last = line.at(-1);
    const overlap = Math.min(bottom, word.bottom) - Math.max(top, word.top);
    if (last && word.x >= last.x && overlap >= 0.5 * Math.min(bottom - top, word.bottom - word.top)) {
      line.push(word);
      top = Math.min(top, word.top);
      bottom = Math.max(bottom, word.bottom);
    } else {
      if (line.length > 0) out.push(line);
      line = [word];
      top = word.top;
      bottom = word.bottom;
    }
  }
  if (line.length > 0) out.push(line);
  return out;
}

/**
 * The operators that draw the page's words invisibly: one text object, render mode 3 set once, then per line of
 * words (OCR order, grouped by vertical overlap) one size and baseline from the line's box, and per word its
 * horizontal scaling (so it spans its box's width), its start (a relative `Td`, `dx 0` along a line) and glyphs.
 * One size per line makes selection even along a line and the stream ~30% smaller than a size, scaling and
 * absolute matrix per word. Words with no writable text or an empty box are skipped.
 */
export function textLayerOperators(
  words: readonly CopyWord[],
  font: Pick<TextLayerFont, 'encode' | 'widthOf'>,
  fontKey: PDFName,
  metrics: FontMetrics,
  at: Placement,
): { operators: PDFOperator[]; placed: number; skipped: number } {
  const placeable: Placed[] = [];
  let skipped = 0;
  for (const word of words) {
    const text = writableText(word.text, metrics);
    const { x, y, width, height } = word.box;
    if (!text || !(width > 0) || !(height > 0) || ![x, y, width, height].every(Number.isFinite)) {
      skipped++;
      continue;
    }
    placeable.push({ text, x, width, top: y, bottom: y + height });
  }
  const operators: PDFOperator[] = [];
  let placed = 0;
  let currentSize = Number.NaN;
  let currentSqueeze = Number.NaN;
  // The start of the current text line (what `Td` moves from), in points; BT starts it at the origin.
  let lineX = 0;
  let lineY = 0;
  const em = metrics.ascent - metrics.descent;
  for (const line of lines(placeable)) {
    const top = Math.min(...line.map((w) => w.top));
    const bottom = Math.max(...line.map((w) => w.bottom));
    const size = round(((bottom - top) * at.scale) / em);
    if (!(size > 0)) {
      skipped += line.length;
      continue;
    }
    const baseline = round(at.pageHeight - bottom * at.scale - metrics.descent * size);
    for (const word of line) {
      const natural = font.widthOf(word.text, size);
      if (!(natural > 0)) {
        skipped++;
        continue;
      }
      if (size !== currentSize) {
        operators.push(setFontAndSize(fontKey, size));
        currentSize = size;
      }
      const squeeze = round((100 * word.width * at.scale) / natural);
      if (squeeze !== currentSqueeze) {
        operators.push(setCharacterSqueeze(squeeze));
        currentSqueeze = squeeze;
      }
      const x = round(word.x * at.scale);
      operators.push(moveText(round(x - lineX), round(baseline - lineY)), showText(font.encode(word.text)));
      lineX = x;
      lineY = baseline;
      placed++;
    }
  }
  if (placed === 0) return { operators: [], placed, skipped };
  return {
    operators: [
      pushGraphicsState(),
      beginText(),
      setTextRenderingMode(TextRenderingMode.Invisible),
      ...operators,
      endText(),
      popGraphicsState(),
    ],
    placed,
    skipped,
  };
}
