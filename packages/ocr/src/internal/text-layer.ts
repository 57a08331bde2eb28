import { createDiagnostic, type Box, type OcrLine, type OcrPage, type PageImage, type TextSpan } from '@sohoa/core';
import { ocrPageOf } from './ocr-page';

function lineFromSpan(span: TextSpan): OcrLine {
  const words = span.text.split(/\s+/).filter((word) => word !== '');
  const characters = words.reduce((n, word) => n + word.length, 0) + Math.max(0, words.length - 1);
  const unit = characters > 0 ? span.box.width / characters : 0;
  let x = span.box.x;
  return {
    text: words.join(' '),
    confidence: span.confidence,
    box: span.box,
    // Word boxes are apportioned by character count: a text layer gives the run, not each word.
    words: words.map((word) => {
      const box = {
        x: Math.round(x * 10) / 10,
        y: span.box.y,
        width: Math.round(word.length * unit * 10) / 10,
        height: span.box.height,
      };
      x += (word.length + 1) * unit;
      return { text: word, confidence: span.confidence, box };
    }),
  };
}

function centreInside(box: Box, region: Box): boolean {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return cx >= region.x && cx <= region.x + region.width && cy >= region.y && cy <= region.y + region.height;
}

/** Lines of the page's text layer whose centre lies in `region` (all lines without a region). */
export function textLayerLines(page: PageImage, region?: Box): OcrLine[] {
  return (page.textLayer ?? []).filter((span) => !region || centreInside(span.box, region)).map(lineFromSpan);
}

/** An `OcrPage` made from a usable text layer, without running OCR. */
export function ocrPageFromTextLayer(page: PageImage, engine: string, lines: OcrLine[]): OcrPage {
  return ocrPageOf(page, lines, engine, [
    createDiagnostic('OCR_TEXT_LAYER_USED', 'info', 'The page has a usable text layer; it was used instead of OCR.', {
      origin: 'ocr',
      page: page.source.page,
    }),
  ]);
}
