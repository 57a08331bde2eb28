import type { OcrLine, OcrPage, PageImage, PageSource } from '@sohoa/core';

export const SOURCE: PageSource = { file: 'card.jpg', sha256: 'a'.repeat(64), page: 1, pageCount: 1 };

/** An OcrPage from plain lines of text, each line 40 px high, for parser tests. */
export function ocrPageFromLines(lines: string[], confidence = 0.9): OcrPage {
  const ocrLines: OcrLine[] = lines.map((text, i) => {
    let x = 300;
    const words = text.split(' ').map((w) => {
      const word = { text: w, confidence, box: { x, y: 10 + i * 40, width: w.length * 14, height: 30 } };
      x += w.length * 14 + 10;
      return word;
    });
    return { text, confidence, box: { x: 300, y: 10 + i * 40, width: x - 310, height: 30 }, words };
  });
  return {
    source: SOURCE,
    width: 1200,
    height: 820,
    text: lines.join('\n'),
    confidence,
    lines: ocrLines,
    engine: 'fake',
    diagnostics: [],
  };
}

/** Like {@link ocrPageFromLines}, but lines written with leading spaces are indented, as a wrapped value is printed. */
export function indentedPage(lines: string[]): OcrPage {
  const ocr = ocrPageFromLines(lines.map((l) => l.trim()));
  ocr.lines.forEach((l, i) => {
    if (!lines[i]!.startsWith(' ')) return;
    l.box = { ...l.box, x: l.box.x + 40 };
    l.words = l.words.map((w) => ({ ...w, box: { ...w.box, x: w.box.x + 40 } }));
  });
  return ocr;
}

/** One printed row of a synthetic page: text at the left margin, or segments at their x positions. */
export type LayoutRow = string | Array<readonly [x: number, text: string]>;

/**
 * An OcrPage drawn from rows of text at rough positions (14 px per character, 30 px high words,
 * rows 40 px apart; an empty string leaves a blank row), for reader tests in layouts of one's own:
 * columns, indented wraps, labels alone on their line. Segments of one row are one OCR line.
 */
export function layoutPage(rows: LayoutRow[], confidence = 0.9): OcrPage {
  const lines: OcrLine[] = [];
  rows.forEach((row, i) => {
    const segments =
      typeof row === 'string'
        ? row === ''
          ? []
          : [[100 + (row.length - row.trimStart().length) * 14, row.trim()] as const]
        : row;
    const y = 10 + i * 40;
    const words = segments.flatMap(([x0, text]) => {
      let x = x0;
      return text
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => {
          const word = { text: w, confidence, box: { x, y, width: w.length * 14, height: 30 } };
          x += w.length * 14 + 10;
          return word;
        });
    });
    if (words.length === 0) return;
    const x = words[0]!.box.x;
    const last = words[words.length - 1]!.box;
    lines.push({
      text: words.map((w) => w.text).join(' '),
      confidence,
      box: { x, y, width: last.x + last.width - x, height: 30 },
      words,
    });
  });
  return {
    source: SOURCE,
    width: 1800,
    height: 20 + rows.length * 40,
    text: lines.map((l) => l.text).join('\n'),
    confidence,
    lines,
    engine: 'fake',
    diagnostics: [],
  };
}

/** A blank page the size {@link ocrPageFromLines} assumes (1200 × 820), for tests that only read OCR lines. */
export const BLANK_PAGE: PageImage = {
  source: SOURCE,
  width: 1200,
  height: 820,
  channels: 1,
  pixels: new Uint8Array(0),
  diagnostics: [],
};

/** A white grey page of the given size, for tests whose pages carry no QR code or MRZ pixels. */
export function whitePage(width: number, height: number): PageImage {
  return {
    source: SOURCE,
    width,
    height,
    channels: 1,
    pixels: new Uint8Array(width * height).fill(255),
    diagnostics: [],
  };
}
