import type { ExtractedField, FieldValue, OcrLine, PageSource } from '@sohoa/core';

/** A field read from one whole OCR line of the page `source`: its text as `raw`, its box as evidence, confidence capped at `cap`. */
export function lineField(source: PageSource, line: OcrLine, value: FieldValue, cap: number): ExtractedField {
  return {
    value,
    raw: line.text,
    confidence: Math.min(cap, line.confidence),
    evidence: [{ method: 'ocr', sha256: source.sha256, page: source.page, box: line.box }],
  };
}
