import type { Box, OcrLine, OcrWord } from '@sohoa/core';

/** Map a box from an (optionally scaled) crop back to page pixels. */
export function toPageBox(box: Box, dx: number, dy: number, scale: number): Box {
  const x = box.x / scale + dx;
  const y = box.y / scale + dy;
  return { x: round(x), y: round(y), width: round(box.width / scale), height: round(box.height / scale) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function offsetWord(word: OcrWord, dx: number, dy: number, scale: number): OcrWord {
  return { ...word, box: toPageBox(word.box, dx, dy, scale) };
}

/** Move a line and its words from crop coordinates to page coordinates. */
export function offsetLine(line: OcrLine, dx: number, dy: number, scale: number): OcrLine {
  return {
    ...line,
    box: toPageBox(line.box, dx, dy, scale),
    words: line.words.map((word) => offsetWord(word, dx, dy, scale)),
  };
}
