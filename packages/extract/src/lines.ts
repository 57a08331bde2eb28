import type { Box, OcrLine, OcrWord } from '@sohoa/core';
import { foldDiacritics } from '@sohoa/vn';

/** A line of OCR text with its folded (lower-case, no diacritics) form for label matching. */
export interface FoldedLine {
  line: OcrLine;
  folded: string;
  index: number;
}

/** Folds character by character so that offsets in the folded text map back to the NFC text. */
export function foldPerChar(text: string): string {
  return [...text.normalize('NFC')].map((c) => foldDiacritics(c).charAt(0) || c).join('');
}

export function foldLines(lines: OcrLine[]): FoldedLine[] {
  return lines.map((line, index) => ({ line, folded: foldPerChar(line.text), index }));
}

/** First line whose folded text contains one of the labels (folded, lower-case). */
export function findLabel(lines: FoldedLine[], labels: string[], from = 0): FoldedLine | undefined {
  const rest = lines.slice(from);
  // OCR drops spaces in small print (`Họvà tên`): fall back to comparing without spaces.
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  return (
    rest.find((l) => labels.some((label) => l.folded.includes(label))) ??
    rest.find((l) => labels.some((label) => label.includes(' ') && squeeze(l.folded).includes(squeeze(label))))
  );
}

/** The text after the last of `labels` on a line, after a colon if there is one. */
export function textAfterLabel(line: FoldedLine, labels: string[]): string {
  const text = line.line.text;
  let cut = -1;
  for (const label of labels) {
    const at = line.folded.lastIndexOf(label);
    if (at >= 0) cut = Math.max(cut, at + label.length);
  }
  if (cut < 0) return '';
  const rest = [...text.normalize('NFC')].slice(cut).join('');
  return rest.replace(/^[\s:.;,/|-]+/, '').trim();
}

/**
 * The value lines under a label line: the following lines up to `max`, stopping at a line that
 * holds another label.
 */
export function linesAfter(lines: FoldedLine[], label: FoldedLine, stopLabels: string[], max: number): FoldedLine[] {
  const out: FoldedLine[] = [];
  for (let i = label.index + 1; i < lines.length && out.length < max; i++) {
    const l = lines[i]!;
    if (stopLabels.some((s) => l.folded.includes(s))) break;
    if (!/\p{L}/u.test(l.line.text)) continue;
    out.push(l);
  }
  return out;
}

/** Removes stray OCR punctuation from the ends of a value. */
export function cleanValue(text: string): string {
  return text
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[^\p{L}\p{N}.)]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A low-confidence speck read from a background pattern, a photo edge or a QR code: short, or not all letters. */
export function isDebrisWord(w: OcrWord): boolean {
  const core = w.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  // Short words that start addresses ("Số 12", "Tổ 7", "Xã", "Ấp") are kept even when read with low confidence.
  if (ADDRESS_STARTS.has(foldDiacritics(core))) return false;
  // A run of digits with separators (an amount `2.000.000.000`, a date, an ID) is a value, however faint.
  if (/^\d[\d.,/-]*\d$/.test(core) && core.replace(/\D/g, '').length >= 4) return false;
  return w.confidence < 0.5 && ([...core].length <= 2 || /[^\p{L}]/u.test(core));
}

const ADDRESS_STARTS = new Set(['so', 'to', 'xa', 'ap']);

/** A value found on a page: its text (only the words in the value's column) and where it is. */
export interface LocatedText {
  text: string;
  box: Box;
  confidence: number;
}

/**
 * The words of a line that start at or right of `minX` (the value column), so that text from a
 * neighbouring column merged into the same OCR line is left out.
 */
export function columnText(line: FoldedLine, minX: number): LocatedText | undefined {
  const words = line.line.words;
  if (words.length === 0)
    return line.line.box.x + line.line.box.width > minX
      ? { text: line.line.text, box: line.line.box, confidence: line.line.confidence }
      : undefined;
  const inColumn = words.filter((w) => w.box.x + w.box.width / 2 >= minX && /[\p{L}\p{N}]/u.test(w.text));
  // Debris from card patterns comes first on a line and with low confidence: drop it.
  const start = inColumn.findIndex((w) => !isDebrisWord(w));
  const kept = start < 0 ? [] : inColumn.slice(start);
  if (kept.length === 0) return undefined;
  return {
    text: kept.map((w) => w.text).join(' '),
    box: unionBoxes(kept.map((w) => w.box)),
    // Mean, not minimum: one smudged word should not disqualify a line of good ones.
    confidence: kept.reduce((sum, w) => sum + w.confidence, 0) / kept.length,
  };
}

export function unionBoxes(boxes: Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return {
    x,
    y,
    width: Math.max(...boxes.map((b) => b.x + b.width)) - x,
    height: Math.max(...boxes.map((b) => b.y + b.height)) - y,
  };
}
