import type { FormSchema } from '../types';

/**
 * Form.io form definition → the JSON Schema (2020-12) of its submission `data`, which is what the binder,
 * filler and validator read. Inputs are keyed by `key` (a dotted key nests, as in Form.io); containers
 * and address components nest as objects, data grids / edit grids as arrays of objects; panels, columns,
 * fieldsets, wells, tables and tabs are layout and do not nest (their titles are kept as `x-sohoa-sections`). `validate` rules become keywords:
 * `required` (a required text also needs one character, as Form.io checks), `pattern` (anchored, as
 * Form.io anchors it), `minLength`/`maxLength`, `min`/`max`. Custom JavaScript and JSON-logic rules are
 * never run (they are code): the portal keeps checking them.
 */

type Component = Record<string, unknown>;

const LAYOUT = new Set(['panel', 'fieldset', 'well', 'columns', 'table', 'tabs', 'htmlelement', 'content', 'button']);
const OBJECTS = new Set(['container', 'address', 'datamap']);
const ARRAYS = new Set(['datagrid', 'editgrid', 'datatable', 'tagpad']);

const list = (value: unknown): Component[] =>
  Array.isArray(value)
    ? value.filter((c): c is Component => typeof c === 'object' && c !== null && !Array.isArray(c))
    : [];

/** The child components of a layout component (columns, table cells, tabs or plain `components`). */
function childrenOf(component: Component): Component[] {
  const out = [...list(component.components)];
  for (const column of list(component.columns)) out.push(...list(column.components));
  if (Array.isArray(component.rows))
    for (const row of component.rows)
      for (const cell of Array.isArray(row) ? row : []) out.push(...list((cell as Component)?.components));
  return out;
}

function choiceValues(component: Component): unknown[] | undefined {
  const raw = component.type === 'select' ? (component.data as Component | undefined)?.values : component.values;
  const values = list(raw)
    .map((v) => v.value)
    .filter((v) => v !== undefined && v !== '');
  return values.length > 0 ? values : undefined;
}

const RULES = ['format', 'pattern', 'minLength', 'maxLength'] as const;

/**
 * Form.io checks `pattern`, `minLength`, `maxLength` and an email component's format only on a value that is
 * there: an optional field left empty is submitted as `''` and is valid. The rules apply to a non-empty string.
 */
function emptyPasses(out: FormSchema): FormSchema {
  const rules = Object.fromEntries(RULES.filter((k) => out[k] !== undefined).map((k) => [k, out[k]]));
  if (Object.keys(rules).length === 0) return out;
  const rest = Object.fromEntries(Object.entries(out).filter(([k]) => !(RULES as readonly string[]).includes(k)));
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's `then` keyword, not a thenable
  return { ...rest, if: { minLength: 1 }, then: rules };
}

/** The schema of one input component's value (before `multiple`). */
function valueSchema(component: Component): FormSchema {
  const validate = (
    typeof component.validate === 'object' && component.validate !== null ? component.validate : {}
  ) as Record<string, unknown>;
  const out: FormSchema = {};
  switch (component.type) {
    case 'number':
    case 'currency':
      out.type = validate.integer === true ? 'integer' : 'number';
      if (typeof validate.min === 'number' || (typeof validate.min === 'string' && validate.min !== ''))
        out.minimum = Number(validate.min);
      if (typeof validate.max === 'number' || (typeof validate.max === 'string' && validate.max !== ''))
        out.maximum = Number(validate.max);
      break;
    case 'checkbox':
      out.type = 'boolean';
      break;
    case 'selectboxes':
      out.type = 'object';
      out.additionalProperties = { type: 'boolean' };
      break;
    case 'file':
    case 'tags':
    case 'survey':
    case 'signature':
      if (component.type === 'file') out.type = 'array';
      else if (component.type === 'survey') out.type = 'object';
      else out.type = 'string';
      break;
    case 'datetime':
      out.type = 'string';
      if (
        (component.enableTime === false || (component.widget as Component | undefined)?.enableTime === false) &&
        component.enableDate !== false
      )
        out.format = 'date';
      break;
    case 'day':
      out.type = 'string';
      out['x-sohoa-format'] = component.dayFirst === true ? 'dd/mm/yyyy' : 'mm/dd/yyyy';
      break;
    default: {
      out.type = 'string';
      if (component.type === 'email') out.format = 'email';
      const enumValues = choiceValues(component);
      if (enumValues && (component.type === 'select' || component.type === 'radio')) {
        delete out.type;
        out.enum = enumValues;
      }
      if (
        typeof validate.minLength === 'number' ||
        (typeof validate.minLength === 'string' && validate.minLength !== '')
      )
        out.minLength = Number(validate.minLength);
      if (
        typeof validate.maxLength === 'number' ||
        (typeof validate.maxLength === 'string' && validate.maxLength !== '')
      )
        out.maxLength = Number(validate.maxLength);
      if (typeof validate.pattern === 'string' && validate.pattern !== '') out.pattern = `^(?:${validate.pattern})$`;
      if (validate.required === true && out.minLength === undefined && out.type === 'string') out.minLength = 1;
      else if (out.type === 'string') return emptyPasses(out);
    }
  }
  return out;
}

function annotate(component: Component, schema: FormSchema): FormSchema {
  // The label is what the form's author called the field, shown or not (`hideLabel`).
  if (typeof component.label === 'string' && component.label.trim() !== '') schema.title = component.label;
  const description = [component.description, component.tooltip].find((d) => typeof d === 'string' && d.trim() !== '');
  if (description) schema.description = description;
  if (
    typeof component.autocomplete === 'string' &&
    component.autocomplete !== '' &&
    component.autocomplete !== 'off' &&
    component.autocomplete !== 'on'
  )
    schema.autocomplete = component.autocomplete;
  const custom = component.properties as Record<string, unknown> | undefined;
  if (custom && typeof custom['x-sohoa-key'] === 'string') schema['x-sohoa-key'] = custom['x-sohoa-key'];
  if (custom && custom['x-sohoa-key'] === 'false') schema['x-sohoa-key'] = false;
  return schema;
}

interface ObjectSchema extends FormSchema {
  type: 'object';
  properties: Record<string, FormSchema>;
  required?: string[];
}

const emptyObject = (): ObjectSchema => ({ type: 'object', properties: {} });

/** Put a property at a dotted key (`a.b` nests under `a`, as Form.io stores it). */
function place(
  target: ObjectSchema,
  key: string,
  schema: FormSchema,
  required: boolean,
  sections: string[] = [],
  ids: string[] = [],
): void {
  if (sections.length > 0) schema['x-sohoa-sections'] = sections;
  if (ids.length > 0) schema['x-sohoa-section-ids'] = ids;
  const path = key.split('.').filter(Boolean);
  let node = target;
  for (const segment of path.slice(0, -1)) {
    const next = node.properties[segment];
    if (next && next.type === 'object' && typeof next.properties === 'object') node = next as ObjectSchema;
    else node = node.properties[segment] = emptyObject();
  }
  const last = path.at(-1);
  if (last === undefined || last in node.properties) return; // Form.io keys are unique; the first one wins
  node.properties[last] = schema;
  if (required) (node.required ??= []).push(last);
}

/** The title a layout component shows (a panel's `title`, a fieldset's `legend`), if any. */
function sectionTitle(component: Component): string | undefined {
  const title = [component.title, component.legend].find((t) => typeof t === 'string' && t.trim() !== '');
  return title as string | undefined;
}

function addComponents(
  target: ObjectSchema,
  components: Component[],
  depth: number,
  sections: string[] = [],
  ids: string[] = [],
): void {
  if (depth > 64) return; // the raw size check refuses such a form before conversion
  for (const [index, component] of components.entries()) {
    const type = typeof component.type === 'string' ? component.type : 'textfield';
    const key = typeof component.key === 'string' ? component.key : undefined;
    if (LAYOUT.has(type) || (component.input === false && !OBJECTS.has(type) && !ARRAYS.has(type))) {
      const title = sectionTitle(component);
      // Each panel is its own block of fields even when untitled or titled like another ("Panel"): its key or place.
      const id = typeof component.key === 'string' && component.key !== '' ? component.key : `#${depth}.${index}`;
      addComponents(target, childrenOf(component), depth + 1, title === undefined ? sections : [...sections, title], [
        ...ids,
        id,
      ]);
      continue;
    }
    if (!key || component.persistent === false || component.persistent === 'client-only') continue;
    const validate = (component.validate ?? {}) as Record<string, unknown>;
    const required = validate.required === true;
    if (OBJECTS.has(type) && type !== 'datamap' && childrenOf(component).length > 0) {
      const inner = annotate(component, emptyObject()) as ObjectSchema;
      addComponents(inner, childrenOf(component), depth + 1); // inside a container, its own title gives the context
      place(target, key, inner, required, sections, ids);
    } else if (ARRAYS.has(type)) {
      const row = emptyObject();
      addComponents(row, childrenOf(component), depth + 1);
      place(
        target,
        key,
        annotate(component, { type: 'array', items: row, ...(required && { minItems: 1 }) }),
        required,
        sections,
        ids,
      );
    } else if (type === 'datamap' || type === 'address') {
      place(target, key, annotate(component, { type: 'object' }), required, sections, ids);
    } else {
      const value = valueSchema(component);
      const multiple =
        component.multiple === true || (type === 'tags' && component.storeas === 'array')
          ? { type: 'array', items: value }
          : value;
      place(target, key, annotate(component, multiple), required, sections, ids);
    }
  }
}

/** True when a JSON value looks like a Form.io form definition. */
export function isFormio(json: Record<string, unknown>): boolean {
  return Array.isArray(json.components) && json.properties === undefined;
}

/** Convert a Form.io form definition to the JSON Schema of its submission `data`. */
export function formioToSchema(form: Record<string, unknown>): FormSchema {
  const root = emptyObject();
  addComponents(root, list(form.components), 0);
  const title = [form.title, form.name].find((t) => typeof t === 'string' && t.trim() !== '');
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...(title !== undefined && { title }),
    ...root,
    'x-sohoa-source-format': 'formio',
  };
}
