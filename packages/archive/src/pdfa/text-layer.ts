// The invisible text layer: each OCR word drawn in text render mode 3 (neither filled nor stroked) at its box,
// sized to the box height and scaled horizontally to the box width, so selecting and searching in a viewer
// land on the word in the image.

import {
  beginText,
  endText,
  type PDFFont,
  type PDFName,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
  type PDFOperator,
} from 'pdf-lib';
import type { CopyWord } from '../types';

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

/** Rounded to hundredths: a hundredth of a point is far below what selection can tell, and keeps the stream small. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The operators that draw the page's words invisibly: one text object, render mode 3 set once, then per word its
 * size (when it changes), horizontal scaling, position and glyphs. Words with no writable text or an empty box
 * are skipped.
 */
export function textLayerOperators(
  words: readonly CopyWord[],
  font: PDFFont,
  fontKey: PDFName,
  metrics: FontMetrics,
  at: Placement,
): { operators: PDFOperator[]; placed: number; skipped: number } {
  const operators: PDFOperator[] = [];
  let placed = 0;
  let skipped = 0;
  let currentSize = Number.NaN;
  const em = metrics.ascent - metrics.descent;
  for (const word of words) {
    const text = writableText(word.text, metrics);
    const { x, y, width, height } = word.box;
    if (!text || !(width > 0) || !(height > 0) || ![x, y, width, height].every(Number.isFinite)) {
      skipped++;
      continue;
    }
    const size = round((height * at.scale) / em);
    const natural = font.widthOfTextAtSize(text, size);
    if (!(size > 0) || !(natural > 0)) {
      skipped++;
      continue;
    }
    if (size !== currentSize) {
      operators.push(setFontAndSize(fontKey, size));
      currentSize = size;
    }
    const squeeze = round((100 * width * at.scale) / natural);
    const baseline = round(at.pageHeight - (y + height) * at.scale - metrics.descent * size);
    operators.push(
      setCharacterSqueeze(squeeze),
      setTextMatrix(1, 0, 0, 1, round(x * at.scale), baseline),
      showText(font.encodeText(text)),
    );
    placed++;
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
