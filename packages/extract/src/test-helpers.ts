import type { OcrLine, OcrPage, PageSource } from '@sohoa/core';

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
  return { source: SOURCE, width: 1200, height: 820, text: lines.join('\n'), confidence, lines: ocrLines, engine: 'fake', diagnostics: [] };
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
