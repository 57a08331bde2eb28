import type { OcrLine, OcrPage, OcrWord } from '@sohoa/core';
import { foldDiacritics } from '@sohoa/vn';
import { unionBoxes } from './lines';

/** The two-column header of an official letter, split at its vertical gap. */
export interface HeaderColumns {
  /** Left block: issuing body, `Số:` number/symbol, `V/v` subject. Top to bottom. */
  left: OcrLine[];
  /** Right block: national motto, place and date. Top to bottom. */
  right: OcrLine[];
  /** x of the gap between the blocks, in page pixels. */
  gutter: number;
  /** Index (in the page's lines) of the first line of the header band. */
  start: number;
  /** Index (in the page's lines) of the first line after the header band. */
  end: number;
}

/** The page's lines in reading order, and the header columns when a two-column header was found. */
export interface ReadingOrder {
  lines: OcrLine[];
  header: HeaderColumns | undefined;
}

const centre = (w: OcrWord): number => w.box.x + w.box.width / 2;
const sorted = (words: OcrWord[]): OcrWord[] => [...words].sort((a, b) => a.box.x - b.box.x);
const opensBody = (line: OcrLine): boolean => /kinh gui/.test(foldDiacritics(line.text.normalize('NFC')).toLowerCase());

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[s.length >> 1]!;
}

function lineOf(words: OcrWord[]): OcrLine {
  return {
    text: words.map((w) => w.text).join(' '),
    confidence: words.reduce((s, w) => s + w.confidence, 0) / words.length,
    box: unionBoxes(words.map((w) => w.box)),
    words,
  };
}

/** The widest gap between neighbouring words of a line: its left and right edge. */
function widestGap(words: OcrWord[]): { from: number; to: number } | undefined {
  let best: { from: number; to: number } | undefined;
  for (let i = 1; i < words.length; i++) {
    const from = words[i - 1]!.box.x + words[i - 1]!.box.width;
    const to = words[i]!.box.x;
    if (!best || to - from > best.to - best.from) best = { from, to };
  }
  return best;
}

/**
 * Splits the two-column header of an official letter (left: issuing body and `Số:`; right:
 * national motto and place/date) that full-page OCR in block mode reads as interleaved lines.
 * The gutter is found from lines of the top of the page with a wide gap between two words near
 * the middle; every header line is cut there. The header ends at the first line that crosses the
 * gutter or follows a blank row. Returns undefined when the page has no such header.
 */
export function findHeaderColumns(page: OcrPage): HeaderColumns | undefined {
  const lines = page.lines;
  const h = median(lines.flatMap((l) => l.words.map((w) => w.box.height))) || 20;
  const top = page.height * 0.45;
  const splits: Array<{ index: number; from: number; to: number }> = [];
  lines.forEach((line, index) => {
    if (line.box.y > top || line.words.length < 2) return;
    const gap = widestGap(sorted(line.words));
    if (!gap) return;
    const mid = (gap.from + gap.to) / 2;
    if (
      gap.to - gap.from >= Math.max(2.2 * h, page.width * 0.035) &&
      mid > page.width * 0.25 &&
      mid < page.width * 0.75
    )
      splits.push({ index, ...gap });
  });
  if (splits.length < 2) return undefined;
  // The gutter is where most wide gaps overlap; a side note or a table has its own gaps elsewhere.
  let agreeing: typeof splits = [];
  for (const x of splits.flatMap((s) => [s.from + 1, s.to - 1])) {
    const covering = splits.filter((s) => s.from < x && s.to > x);
    if (covering.length > agreeing.length) agreeing = covering;
  }
  // The header is one run of lines at the top: stop at the salutation or after a run of unsplit lines.
  const salutation = lines.findIndex(opensBody);
  const run = agreeing.findIndex(
    (s, i) => (salutation >= 0 && s.index >= salutation) || (i > 0 && s.index - agreeing[i - 1]!.index > 4),
  );
  if (run >= 0) agreeing = agreeing.slice(0, run);
  if (agreeing.length < 2) return undefined;
  const from = Math.max(...agreeing.map((s) => s.from));
  const to = Math.min(...agreeing.map((s) => s.to));
  const gutter = (from + to) / 2;
  const blankBefore = (i: number) =>
    i > 0 && lines[i]!.box.y - (lines[i - 1]!.box.y + lines[i - 1]!.box.height) > h * 0.9;
  const crosses = (line: OcrLine) =>
    line.words.some((w) => w.box.x < from - h * 0.3 && w.box.x + w.box.width > to + h * 0.3);
  let start = agreeing[0]!.index;
  // Lines just above the first split line (no blank row between) are header lines the OCR did not space widely.
  while (start > 0 && !blankBefore(start) && lines[start - 1]!.box.y < top) start--;
  let end = agreeing[agreeing.length - 1]!.index + 1;
  // Lines after the last split line still belong to one column while they follow without a blank row.
  while (
    end < lines.length &&
    !blankBefore(end) &&
    !crosses(lines[end]!) &&
    !opensBody(lines[end]!) &&
    lines[end]!.words.length > 0
  )
    end++;
  const left: OcrLine[] = [];
  const right: OcrLine[] = [];
  for (let i = start; i < end; i++) {
    const words = sorted(lines[i]!.words);
    let cut = words.findIndex((w) => centre(w) >= gutter);
    // Cut at the gap that overlaps the gutter when there is one: a word may lean over the gutter's centre.
    for (let k = 1; k < words.length; k++) {
      const a = words[k - 1]!.box.x + words[k - 1]!.box.width;
      const b = words[k]!.box.x;
      if (b - a > h * 0.6 && a < to && b > from) cut = k;
    }
    const l = cut < 0 ? words : words.slice(0, cut);
    const r = cut < 0 ? [] : words.slice(cut);
    if (l.length > 0) left.push(lineOf(l));
    if (r.length > 0) right.push(lineOf(r));
  }
  const byY = (a: OcrLine, b: OcrLine) => a.box.y - b.box.y;
  return { left: left.sort(byY), right: right.sort(byY), gutter, start, end };
}

/**
 * The lines of a page in reading order: what precedes the header, the header's left block, its
 * right block, then the rest as OCR returned it. Without a two-column header the lines are unchanged.
 *
 * @example readingOrder(ocr).lines.map((l) => l.text).join('\n')
 */
export function readingOrder(page: OcrPage): ReadingOrder {
  const header = findHeaderColumns(page);
  if (!header) return { lines: page.lines, header: undefined };
  return {
    lines: [...page.lines.slice(0, header.start), ...header.left, ...header.right, ...page.lines.slice(header.end)],
    header,
  };
}
