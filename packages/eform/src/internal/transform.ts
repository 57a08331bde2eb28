import type { FieldValue } from '@sohoa/core';
import type { FormSchema, VocabularyEntry } from '../types';
import { foldText } from './fold';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function types(node: FormSchema): string[] {
  const t = node.type;
  return Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
}

/**
 * Shape a vault value for a field: codes to printed labels or enum members (`female` → `Nữ`), ISO
 * dates to `dd/mm/yyyy` for plain text fields (the Vietnamese convention) unless the field has
 * `format: date`, numbers to and from text. Returns `undefined` when it cannot fit.
 */
export function toFieldValue(value: FieldValue, node: FormSchema, entry: VocabularyEntry | undefined): unknown {
  const accepted = types(node);
  const enumValues = Array.isArray(node.enum) ? (node.enum as unknown[]) : undefined;
  let out: unknown = value;

  const labels = typeof value === 'string' ? entry?.values?.[value] : undefined;
  if (enumValues) {
    if (!enumValues.includes(out)) {
      const wanted = new Set([String(value), ...(labels ?? [])].map(foldText));
      out = enumValues.find((member) => typeof member === 'string' && wanted.has(foldText(member)));
    }
    return out;
  }
  if (labels && labels[0] !== undefined) out = labels[0];
  if (typeof out === 'string' && ISO_DATE.test(out) && accepted.includes('array')) return dateAsParts(out, node);

  if (
    typeof out === 'string' &&
    ISO_DATE.test(out) &&
    node.format !== 'date' &&
    (accepted.length === 0 || accepted.includes('string'))
  ) {
    const format = typeof node['x-sohoa-format'] === 'string' ? node['x-sohoa-format'] : 'dd/mm/yyyy';
    const [, y, m, d] = ISO_DATE.exec(out)!;
    out = format.toLowerCase().replace('dd', d!).replace('mm', m!).replace('yyyy', y!);
  }
  if (
    typeof out === 'string' &&
    (accepted.includes('integer') || accepted.includes('number')) &&
    !accepted.includes('string')
  ) {
    const n = Number(out.trim());
    out = out.trim() !== '' && Number.isFinite(n) ? n : out;
  }
  if (
    typeof out === 'number' &&
    accepted.includes('string') &&
    !accepted.includes('number') &&
    !accepted.includes('integer')
  ) {
    out = String(out);
  }
  return out;
}

const PART_WORDS: Record<string, 'day' | 'month' | 'year'> = {
  ngay: 'day',
  day: 'day',
  dd: 'day',
  d: 'day',
  thang: 'month',
  month: 'month',
  mm: 'month',
  m: 'month',
  nam: 'year',
  year: 'year',
  yyyy: 'year',
  y: 'year',
};

/**
 * A date as a three-part array (`prefixItems`, or `items` as an array in drafts before 2020-12), in the order
 * the parts' titles give; `undefined` unless every part names its day, month or year.
 */
function dateAsParts(iso: string, node: FormSchema): unknown[] | undefined {
  const items = Array.isArray(node.prefixItems) ? node.prefixItems : Array.isArray(node.items) ? node.items : undefined;
  if (items?.length !== 3) return undefined;
  const [, y, m, d] = ISO_DATE.exec(iso)!;
  const value = { day: d!, month: m!, year: y! };
  const parts = (items as FormSchema[]).map((item) => {
    const title = typeof item?.title === 'string' ? foldText(item.title.replace(/\([^)]*\)/g, ' ')) : '';
    return PART_WORDS[title];
  });
  if (parts.some((p) => p === undefined) || new Set(parts).size !== 3) return undefined;
  return parts.map((p, i) => {
    const raw = value[p!];
    return types(items[i] as FormSchema).some((t) => t === 'integer' || t === 'number') ? Number(raw) : raw;
  });
}
