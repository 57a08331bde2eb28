import { createExpansionBudget, type SchemaExpansionLimits } from '@sohoa/core';
import type { FormSchema } from '../types';
import { escapeSegment, getAtPointer } from './pointer';

/** An enclosing object of a leaf: its property name and title. */
export interface Ancestor {
  name: string;
  title?: string;
  node: FormSchema;
}

/** A leaf field of a form schema (anything that is not an object with properties). */
export interface Leaf {
  pointer: string;
  schemaPointer: string;
  name: string;
  /** The node with local `$ref`s merged in. */
  node: FormSchema;
  /** Enclosing objects, outermost first (the root excluded). */
  ancestors: Ancestor[];
}

const MAX_REF_DEPTH = 32;

/** Resolve a local `$ref` (`#/$defs/x`) by merging the target under the node's own keywords. */
export function resolveLocal(root: FormSchema, node: FormSchema, depth = 0): FormSchema {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#') || depth > MAX_REF_DEPTH) return node;
  const target = getAtPointer(root, decodeURIComponent(ref.slice(1)));
  if (typeof target !== 'object' || target === null) return node;
  const { $ref: _ref, ...own } = node;
  return { ...resolveLocal(root, target as FormSchema, depth + 1), ...own };
}

/** True when the node is an object schema with properties (a group, not a field). */
export function isGroup(node: FormSchema): boolean {
  return typeof node.properties === 'object' && node.properties !== null && (node.type === undefined || node.type === 'object');
}

/**
 * Every leaf field of a form schema, in schema order. Throws `EFORM_SCHEMA_TOO_LARGE` as soon as the
 * expansion passes `limits` (a self-including `$ref` doubles the form at every level).
 */
export function listLeaves(schema: FormSchema, limits?: SchemaExpansionLimits): Leaf[] {
  const leaves: Leaf[] = [];
  const budget = createExpansionBudget(limits);
  const visit = (node: FormSchema, pointer: string, schemaPointer: string, name: string, ancestors: Ancestor[], depth: number) => {
    if (pointer !== '') budget.enter(pointer, depth);
    const resolved = resolveLocal(schema, node);
    if (isGroup(resolved)) {
      const inner = pointer === '' ? ancestors : [...ancestors, { name, node: resolved, ...titleOf(resolved) }];
      for (const [prop, child] of Object.entries(resolved.properties as Record<string, FormSchema>)) {
        if (typeof child !== 'object' || child === null) continue;
        const seg = escapeSegment(prop);
        visit(child, `${pointer}/${seg}`, `${schemaPointer}/properties/${seg}`, prop, inner, depth + 1);
      }
      return;
    }
    if (pointer !== '') leaves.push({ pointer, schemaPointer, name, node: resolved, ancestors });
  };
  visit(schema, '', '', '', [], 0);
  return leaves;
}

function titleOf(node: FormSchema): { title?: string } {
  return typeof node.title === 'string' ? { title: node.title } : {};
}
