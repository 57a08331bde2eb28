import type { Diagnostic, ExtractedField } from '@sohoa/core';

/** Confidence of a value kept for review: just below the 0.7 fill threshold. */
export const REVIEW_CAP = 0.69;

/** Keeps `field` at or below the fill threshold with an info diagnostic saying why; nothing when it is already lower. */
export function capForReview(field: ExtractedField, key: string, why: string): Diagnostic[] {
  if (field.confidence < REVIEW_CAP) return [];
  field.confidence = REVIEW_CAP;
  return [{ code: 'EXTRACT_VALUE_MAYBE_CUT', severity: 'info', origin: 'extract', key, message: why }];
}
