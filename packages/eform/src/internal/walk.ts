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
  /** Enclosing objects, outermost first (the root excluded), after the form's layout sections. */
  ancestors: Ancestor[];
  /**
   * The block the field belongs to for telling people apart: its top-level property, or for a field in a
   * layout section that does not nest the data (a Form.io panel, a SurveyJS panel) that section.
   */
  group: string;
}

/**
 * Layout sections around a field whose data they do not nest (`x-sohoa-sections`: titles, outermost
 * first; set by `loadForm` for Form.io panels/fieldsets and SurveyJS panels): they become the field's
 * outermost ancestors, so a panel titled "Thông tin người mẹ" names the mother as a nesting object would.
 */
function sectionsOf(node: FormSchema): string[] {
  const sections = node['x-sohoa-sections'];
  return Array.isArray(sections) ? sections.filter((t): t is string => typeof t === 'string') : [];
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

function hasObjectType(node: FormSchema): boolean {
  const t = node.type;
  return t === undefined || t === 'object' || (Array.isArray(t) && t.includes('object'));
}

/** Identities of the layout sections around a field (`x-sohoa-section-ids`: panel keys, or their place). */
function sectionIdsOf(node: FormSchema): string[] {
  const ids = node['x-sohoa-section-ids'];
  return Array.isArray(ids) ? ids.filter((t): t is string => typeof t === 'string') : [];
}

/** True when the node is an object schema with properties (a group, not a field). */
export function isGroup(node: FormSchema): boolean {
  return typeof node.properties === 'object' && node.properties !== null && hasObjectType(node);
}

const asSchema = (value: unknown): FormSchema | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as FormSchema) : undefined;

/**
 * The subschemas whose properties belong to the same data object: `allOf`, `anyOf`, `oneOf`, `then`/`else`,
 * `dependentSchemas` and draft-04..07 `dependencies` (schema form). A field that exists in any branch is a
 * field of the data; which branch applies is the validator's business.
 */
function branches(node: FormSchema): FormSchema[] {
  const out: FormSchema[] = [];
  for (const key of ['allOf', 'anyOf', 'oneOf'])
    if (Array.isArray(node[key])) for (const b of node[key] as unknown[]) if (asSchema(b)) out.push(b as FormSchema);
  for (const key of ['then', 'else']) if (asSchema(node[key])) out.push(node[key] as FormSchema);
  for (const key of ['dependentSchemas', 'dependencies']) {
    const map = asSchema(node[key]);
    if (map) for (const b of Object.values(map)) if (asSchema(b)) out.push(b as FormSchema);
  }
  return out;
}

/**
 * A node with its local `$ref` followed and the properties of its combinator branches merged in (the
 * node's own properties first). Every branch visited counts against the expansion budget, so a
 * self-including `allOf` is refused like a self-including `$ref`.
 */
export function expandNode(
  root: FormSchema,
  node: FormSchema,
  enter: (depth: number) => void = () => {},
  depth = 0,
): FormSchema {
  const resolved = resolveLocal(root, node);
  const parts = branches(resolved);
  if (parts.length === 0 || depth > MAX_REF_DEPTH) return resolved;
  const properties: Record<string, unknown> = { ...(asSchema(resolved.properties) ?? {}) };
  let type = resolved.type;
  let title = resolved.title;
  for (const part of parts) {
    enter(depth + 1);
    const branch = expandNode(root, part, enter, depth + 1);
    const own = asSchema(branch.properties);
    if (own) for (const [name, child] of Object.entries(own)) if (!(name in properties)) properties[name] = child;
    if (type === undefined && branch.type !== undefined && own) type = branch.type;
    if (title === undefined && typeof branch.title === 'string' && resolved.allOf !== undefined) title = branch.title;
  }
  if (Object.keys(properties).length === 0) return resolved;
  return { ...resolved, properties, ...(type !== undefined && { type }), ...(title !== undefined && { title }) };
}

/**
 * Every leaf field of a form schema, in schema order. Throws `EFORM_SCHEMA_TOO_LARGE` as soon as the
 * expansion passes `limits` (a self-including `$ref` doubles the form at every level). The root may be
 * a `$ref` or a combinator (`allOf`, `anyOf`, `oneOf`); `definitions` and `$defs` both resolve.
 */
export function listLeaves(schema: FormSchema, limits?: SchemaExpansionLimits): Leaf[] {
  const leaves: Leaf[] = [];
  const budget = createExpansionBudget(limits);
  const visit = (
    node: FormSchema,
    pointer: string,
    schemaPointer: string,
    name: string,
    ancestors: Ancestor[],
    depth: number,
    group: string,
  ) => {
    if (pointer !== '') budget.enter(pointer, depth);
    const resolved = expandNode(schema, node, () => budget.enter(pointer, depth));
    const sections = depth === 1 ? sectionsOf(resolved) : [];
    const outer =
      sections.length > 0 ? [...sections.map((title) => ({ name: '', title, node: {} })), ...ancestors] : ancestors;
    const ids = depth === 1 ? sectionIdsOf(resolved) : [];
    const block =
      depth === 1
        ? ids.length > 0
          ? `§${ids.join('/')}`
          : sections.length > 0
            ? `§${sections.join('/')}`
            : name
        : group;
    if (isGroup(resolved)) {
      const inner = pointer === '' ? outer : [...outer, { name, node: resolved, ...titleOf(resolved) }];
      for (const [prop, child] of Object.entries(resolved.properties as Record<string, FormSchema>)) {
        if (typeof child !== 'object' || child === null) continue;
        const seg = escapeSegment(prop);
        visit(child, `${pointer}/${seg}`, `${schemaPointer}/properties/${seg}`, prop, inner, depth + 1, block);
      }
      return;
    }
    if (pointer !== '') leaves.push({ pointer, schemaPointer, name, node: resolved, ancestors: outer, group: block });
  };
  visit(schema, '', '', '', [], 0, '');
  return leaves;
}

function titleOf(node: FormSchema): { title?: string } {
  return typeof node.title === 'string' ? { title: node.title } : {};
}
