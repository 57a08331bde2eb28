// Scoring a document record against its generated ground truth: shared by extract-documents.mjs and layouts.mjs.
import { normalizeText } from '../../../packages/vn/dist/index.js';

/** eform's fill threshold for names, IDs and dates; other fields fill from NORMAL. */
export const HIGH = 0.9;
export const NORMAL = 0.7;
export const isHigh = (key) =>
  /fullName|idNumber|Date|date|number|Number|year|taxCode|org\.name$|org\.representative$|land\.area$|serial/.test(key);
const norm = (v) => (typeof v === 'string' ? normalizeText(v) : v);

/**
 * Every truth field of a document against the record: `{ key, want, got, right, wrongConfident }`, keys of
 * relations as `role:key`. `got` is the record's field (value and confidence) or undefined.
 */
export function scoreDocument(truth, record) {
  const want = Object.entries(truth.fields).map(([k, v]) => [k, v, record?.fields?.[k]]);
  for (const rel of truth.relations) {
    const got = record?.relations?.find((r) => r.role === rel.role);
    for (const [k, v] of Object.entries(rel.fields)) want.push([`${rel.role}:${k}`, v, got?.fields?.[k]]);
  }
  return want.map(([key, value, got]) => {
    const right = got !== undefined && norm(got.value) === norm(value);
    const wrongConfident = got !== undefined && !right && got.confidence >= (isHigh(key) ? HIGH : NORMAL);
    return { key, want: value, got, right, wrongConfident };
  });
}

export const pct = (a, b) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
