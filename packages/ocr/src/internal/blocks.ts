import type { OcrLine, OcrWord } from '@sohoa/core';

/** The part of tesseract.js 7 `blocks` output this package reads. */
export interface TesseractBlock {
  paragraphs: Array<{
    lines: Array<{
      text: string;
      confidence: number;
      bbox: { x0: number; y0: number; x1: number; y1: number };
      words: Array<{ text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number } }>;
    }>;
  }>;
}

const unit = (confidence: number) => Math.min(1, Math.max(0, confidence / 100));
const box = (b: { x0: number; y0: number; x1: number; y1: number }) => ({
  x: b.x0,
  y: b.y0,
  width: b.x1 - b.x0,
  height: b.y1 - b.y0,
});

/** Flatten blocks → paragraphs → lines → words into lines with words, in image coordinates, confidence 0..1. */
export function linesFromBlocks(blocks: readonly TesseractBlock[] | null | undefined): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words: OcrWord[] = line.words
          .filter((word) => word.text.trim() !== '')
          .map((word) => ({
            text: word.text.trim().normalize('NFC'),
            confidence: unit(word.confidence),
            box: box(word.bbox),
          }));
        if (words.length === 0) continue;
        lines.push({
          text: words.map((word) => word.text).join(' '),
          confidence: unit(line.confidence),
          box: box(line.bbox),
          words,
        });
      }
    }
  }
  return lines;
}
