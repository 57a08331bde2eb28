import { createExpansionBudget, type SchemaExpansionLimits } from '@sohoa/core';
import type { RenderSchema } from '../types';

/** A line of the rendered form, in schema order. */
export type FormItem =
  | { kind: 'group'; title: string; depth: number }
  | { kind: 'field'; pointer: string; name: string; label: string; node: RenderSchema; depth: number };

const MAX_DEPTH = 32;

/** Resolve a local `$ref` by merging the target under the node's own keywords. */
export function resolveLocal(root: RenderSchema, node: RenderSchema, depth = 0): RenderSchema {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#') || depth > MAX_DEPTH) return node;
  let target: unknown = root;
  for (const raw of decodeURIComponent(ref.slice(1)).split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    target = typeof target === 'object' && target !== null ? (target as Record<string, unknown>)[segment] : undefined;
  }
  if (typeof target !== 'object' || target === null) return node;
  const { $ref: _ref, ...own } = node;
  return { ...resolveLocal(root, target as RenderSchema, depth + 1), ...own };
}

/** The properties of an object schema, or `undefined` for a leaf. */
export function propertiesOf(node: RenderSchema): Record<string, RenderSchema> | undefined {
  const props = node.properties;
  return typeof props === 'object' && props !== null && (node.type === undefined || node.type === 'object')
    ? (props as Record<string, RenderSchema>)
    : undefined;
}

/**
 * Groups and fields of a form schema in order, with labels (title, else property name). Throws
 * `EFORM_SCHEMA_TOO_LARGE` as soon as the expansion passes `limits` (a self-including `$ref`).
 */
export function listItems(schema: RenderSchema, limits?: SchemaExpansionLimits): FormItem[] {
  const items: FormItem[] = [];
  const budget = createExpansionBudget(limits);
  const visit = (node: RenderSchema, pointer: string, depth: number) => {
    const props = propertiesOf(node);
    if (!props) return;
    for (const [name, raw] of Object.entries(props)) {
      if (typeof raw !== 'object' || raw === null) continue;
      const here = `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      budget.enter(here, depth + 1);
      const child = resolveLocal(schema, raw);
      const label = typeof child.title === 'string' ? child.title : name;
      if (propertiesOf(child)) {
        items.push({ kind: 'group', title: label, depth });
        visit(child, here, depth + 1);
      } else {
        items.push({ kind: 'field', pointer: here, name, label, node: child, depth });
      }
    }
  };
  visit(schema, '', 0);
  return items;
}

/** The value at a JSON Pointer, or `undefined`. */
export function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const raw of pointer.split('/').slice(1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/** A value as printed on a Vietnamese form. */
export function printable(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (Array.isArray(value)) {
    const rows = value.map(printable).filter((v): v is string => v !== undefined);
    return rows.length > 0 ? rows.map((r, i) => `${i + 1}. ${r}`).join('; ') : undefined;
  }
  if (typeof value === 'object') {
    const parts = Object.values(value as Record<string, unknown>)
      .map(printable)
      .filter((v): v is string => v !== undefined);
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  return String(value);
}
