import { METHOD_AUTHORITY, type Diagnostic, type ExtractedField } from '@sohoa/core';
import { foldDiacritics, normalizeText } from '@sohoa/vn';
import type { FieldSet } from './types';

function comparable(value: ExtractedField['value'], key: string): string {
  const text = normalizeText(String(value));
  // Names and addresses are compared without diacritics, so an OCR tone-mark slip is not a conflict of sources;
  // the higher-authority value still wins and keeps its own marks.
  return /fullName|Address|hometown/i.test(key) ? foldDiacritics(text) : text.toLowerCase();
}

function authority(field: ExtractedField): number {
  return Math.max(...field.evidence.map((e) => METHOD_AUTHORITY[e.method]));
}

function methodOf(field: ExtractedField): string {
  return field.evidence[0]?.method ?? 'unknown';
}

/**
 * Merges fields read by several methods. For each key the highest-authority reading wins
 * (QR > MRZ > OCR). Agreeing readings raise the confidence and pool their evidence; a
 * disagreement lowers it and is reported with the methods involved (never the values).
 * `mrz.name` (no diacritics) only cross-checks `person.fullName`.
 */
export function mergeFieldSets(sets: FieldSet[]): { fields: FieldSet; diagnostics: Diagnostic[] } {
  const byKey = new Map<string, ExtractedField[]>();
  for (const set of sets) {
    for (const [key, field] of Object.entries(set)) byKey.set(key, [...(byKey.get(key) ?? []), field]);
  }
  const fields: FieldSet = {};
  const diagnostics: Diagnostic[] = [];
  for (const [key, readings] of byKey) {
    if (key === 'mrz.name') continue;
    const sorted = [...readings].sort((a, b) => authority(b) - authority(a) || b.confidence - a.confidence);
    const winner = sorted[0]!;
    const agreeing = sorted.filter((r) => comparable(r.value, key) === comparable(winner.value, key));
    const disagreeing = sorted.filter((r) => !agreeing.includes(r));
    let confidence = 1 - agreeing.reduce((p, r) => p * (1 - r.confidence), 1);
    if (disagreeing.length > 0) {
      confidence = Math.min(confidence, winner.confidence) * 0.9;
      diagnostics.push({
        code: 'EXTRACT_SOURCES_DISAGREE',
        severity: 'warning',
        origin: 'extract',
        key,
        message: `Sources disagree on \`${key}\`: ${methodOf(winner)} was kept over ${disagreeing.map(methodOf).join(', ')} because it has higher authority.`,
      });
    }
    fields[key] = {
      value: winner.value,
      ...(winner.raw === undefined ? {} : { raw: winner.raw }),
      confidence: Math.min(0.999, confidence),
      evidence: agreeing.flatMap((r) => r.evidence),
    };
  }
  const mrzName = byKey.get('mrz.name')?.[0];
  const name = fields['person.fullName'];
  if (mrzName && name) {
    const a = foldDiacritics(String(mrzName.value)).replace(/[^a-z]/g, '');
    const b = foldDiacritics(String(name.value)).replace(/[^a-z]/g, '');
    if (a === b) {
      name.confidence = Math.min(0.999, 1 - (1 - name.confidence) * (1 - mrzName.confidence));
      name.evidence.push(...mrzName.evidence);
    } else if (name.evidence.some((e) => e.method === 'qr')) {
      // The MRZ name line has no check digit, so an OCR slip there says nothing against the QR code.
      diagnostics.push({
        code: 'EXTRACT_SOURCES_DISAGREE',
        severity: 'info',
        origin: 'extract',
        key: 'person.fullName',
        message:
          'The name read from the MRZ differs from the QR code name (compared without diacritics); the QR code was kept.',
      });
    } else {
      name.confidence *= 0.8;
      diagnostics.push({
        code: 'EXTRACT_SOURCES_DISAGREE',
        severity: 'warning',
        origin: 'extract',
        key: 'person.fullName',
        message:
          'The name in the MRZ does not match the printed name (compared without diacritics); confidence lowered.',
      });
    }
  }
  return { fields, diagnostics };
}
