import type { Diagnostic, OcrLine, OcrPage, PageImage } from '@sohoa/core';

/**
 * The `OcrPage` of `page` read as `lines` by `engine`: its text is the lines' text, its confidence the mean
 * confidence of `scored` (the lines, or their words when words are what the engine scored).
 */
export function ocrPageOf(
  page: PageImage,
  lines: OcrLine[],
  engine: string,
  diagnostics: Diagnostic[],
  scored: ReadonlyArray<{ confidence: number }> = lines,
): OcrPage {
  const confidence = scored.length > 0 ? scored.reduce((sum, s) => sum + s.confidence, 0) / scored.length : 0;
  return {
    source: page.source,
    width: page.width,
    height: page.height,
    text: lines.map((line) => line.text).join('\n'),
    confidence,
    lines,
    engine,
    diagnostics,
  };
}
