import type { FormSchema } from '../types';

/**
 * SurveyJS survey JSON → the JSON Schema (2020-12) of its `data`, keyed by question `name` (or
 * `valueName`). Pages and panels do not nest; a multiple-text question and the matrices nest as objects;
 * a dynamic panel and a dynamic matrix are arrays of objects. `isRequired` becomes `required` (an answer
 * must not be empty, as SurveyJS checks; panel titles are kept as `x-sohoa-sections`); validators become keywords: `numeric` (minValue/maxValue),
 * `text` (minLength/maxLength), `email`, `regex` (unanchored, as SurveyJS runs it). `expression`,
 * `answercount` and case-insensitive `regex` validators and `requiredIf` are not evaluated: the portal keeps checking them.
 */

type Element = Record<string, unknown>;

const list = (value: unknown): Element[] =>
  Array.isArray(value)
    ? value.filter((e): e is Element => typeof e === 'object' && e !== null && !Array.isArray(e))
    : [];

const NO_DATA = new Set(['html', 'image', 'expression', 'empty']);
const PANELS = new Set(['panel', 'flowpanel']);

/** A SurveyJS text that may be localised (`{ "default": …, "vi": … }`): Vietnamese first. */
export function localText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'object' && value !== null) {
    const texts = value as Record<string, unknown>;
    for (const key of ['vi', 'default', 'en', ...Object.keys(texts)])
      if (typeof texts[key] === 'string' && (texts[key] as string).trim() !== '') return texts[key] as string;
  }
  return undefined;
}

function choiceValues(element: Element): unknown[] | undefined {
  if (element.showOtherItem === true || element.hasOther === true || element.choicesByUrl !== undefined)
    return undefined;
  const values = (Array.isArray(element.choices) ? element.choices : [])
    .map((c) => (typeof c === 'object' && c !== null ? (c as Element).value : c))
    .filter((v) => v !== undefined);
  return values.length > 0 ? values : undefined;
}

function applyValidators(element: Element, schema: FormSchema): void {
  for (const v of list(element.validators)) {
    switch (v.type) {
      case 'numeric':
        if (typeof v.minValue === 'number') schema.minimum = v.minValue;
        if (typeof v.maxValue === 'number') schema.maximum = v.maxValue;
        break;
      case 'text':
        if (typeof v.minLength === 'number' && v.minLength > 0) schema.minLength = v.minLength;
        if (typeof v.maxLength === 'number' && v.maxLength > 0) schema.maxLength = v.maxLength;
        if (v.allowDigits === false) schema.not = { pattern: '[0-9]' };
        break;
      case 'email':
        schema.format = 'email';
        break;
      case 'regex':
        // A case-insensitive regex has no ECMAScript `pattern` form (no inline flags): left to the portal.
        if (typeof v.regex === 'string' && v.regex !== '' && v.caseInsensitive !== true) schema.pattern = v.regex;
        break;
      default:
        break; // expression, answercount: not evaluated here
    }
  }
}

function valueSchema(element: Element, depth: number): FormSchema {
  const type = typeof element.type === 'string' ? element.type : 'text';
  const out: FormSchema = {};
  switch (type) {
    case 'text': {
      const input = element.inputType;
      if (input === 'number' || input === 'range') {
        out.type = 'number';
        if (typeof element.min === 'number') out.minimum = element.min;
        if (typeof element.max === 'number') out.maximum = element.max;
      } else {
        out.type = 'string';
        if (input === 'date') out.format = 'date';
        if (input === 'email') out.format = 'email';
      }
      break;
    }
    case 'comment':
    case 'signaturepad':
      out.type = 'string';
      break;
    case 'boolean':
      out.type = element.valueTrue !== undefined || element.valueFalse !== undefined ? undefined : 'boolean';
      if (out.type === undefined) delete out.type;
      break;
    case 'rating':
      out.type = 'number';
      break;
    case 'radiogroup':
    case 'dropdown': {
      const values = choiceValues(element);
      if (values) out.enum = values;
      break;
    }
    case 'checkbox':
    case 'tagbox':
    case 'ranking':
    case 'imagepicker': {
      const values = choiceValues(element);
      if (type === 'imagepicker' && element.multiSelect !== true) {
        if (values) out.enum = values;
      } else {
        out.type = 'array';
        if (values) out.items = { enum: values };
      }
      break;
    }
    case 'file':
      out.type = 'array';
      break;
    case 'multipletext': {
      const properties: Record<string, FormSchema> = {};
      const required: string[] = [];
      for (const item of list(element.items)) {
        if (typeof item.name !== 'string') continue;
        const title = localText(item.title);
        const inner: FormSchema = { type: 'string', ...(title !== undefined && { title }) };
        if (item.inputType === 'date') inner.format = 'date';
        if (item.inputType === 'number') inner.type = 'number';
        applyValidators(item, inner);
        if (item.isRequired === true) {
          required.push(item.name);
          if (inner.type === 'string' && inner.minLength === undefined) inner.minLength = 1;
        }
        properties[item.name] = inner;
      }
      return { type: 'object', properties, ...(required.length > 0 && { required }) };
    }
    case 'paneldynamic': {
      const row = objectOf(list(element.templateElements), depth + 1);
      return { type: 'array', items: row };
    }
    case 'matrixdynamic': {
      const row = objectOf(
        list(element.columns).map((c) => ({ type: c.cellType ?? 'text', ...c })),
        depth + 1,
      );
      return { type: 'array', items: row };
    }
    case 'matrix':
    case 'matrixdropdown':
      out.type = 'object';
      break;
    default:
      out.type = 'string';
  }
  applyValidators(element, out);
  if (typeof element.maxLength === 'number' && element.maxLength > 0 && out.type === 'string')
    out.maxLength = element.maxLength;
  return out;
}

function describe(element: Element, schema: FormSchema): FormSchema {
  const title = localText(element.title);
  if (title !== undefined) schema.title = title;
  const description = localText(element.description);
  if (description !== undefined) schema.description = description;
  if (typeof element.autocomplete === 'string' && element.autocomplete !== '')
    schema.autocomplete = element.autocomplete;
  if (typeof element['x-sohoa-key'] === 'string' || element['x-sohoa-key'] === false)
    schema['x-sohoa-key'] = element['x-sohoa-key'];
  return schema;
}

function addElements(
  properties: Record<string, FormSchema>,
  required: string[],
  elements: Element[],
  depth: number,
  sections: string[] = [],
  ids: string[] = [],
): void {
  if (depth > 64) return; // the raw size check refuses such a survey before conversion
  for (const [index, element] of elements.entries()) {
    const type = typeof element.type === 'string' ? element.type : 'text';
    if (PANELS.has(type)) {
      const title = localText(element.title);
      // Each panel is its own block of questions even when untitled or titled like another: its name or place.
      const id = typeof element.name === 'string' && element.name !== '' ? element.name : `#${depth}.${index}`;
      addElements(
        properties,
        required,
        [...list(element.elements), ...list(element.questions)],
        depth + 1,
        title === undefined ? sections : [...sections, title],
        [...ids, id],
      );
      continue;
    }
    if (NO_DATA.has(type)) continue;
    const name = typeof element.valueName === 'string' && element.valueName !== '' ? element.valueName : element.name;
    if (typeof name !== 'string' || name === '' || name in properties) continue;
    const schema = describe(element, valueSchema(element, depth));
    if (sections.length > 0) schema['x-sohoa-sections'] = sections;
    if (ids.length > 0) schema['x-sohoa-section-ids'] = ids;
    if (element.isRequired === true) {
      required.push(name);
      if (schema.type === 'string' && schema.minLength === undefined) schema.minLength = 1;
      if (schema.type === 'array' && schema.minItems === undefined) schema.minItems = 1;
    }
    properties[name] = schema;
  }
}

function objectOf(elements: Element[], depth: number): FormSchema {
  const properties: Record<string, FormSchema> = {};
  const required: string[] = [];
  addElements(properties, required, elements, depth);
  return { type: 'object', properties, ...(required.length > 0 && { required }) };
}

/** True when a JSON value looks like a SurveyJS survey. */
export function isSurveyJs(json: Record<string, unknown>): boolean {
  return (
    json.properties === undefined &&
    json.components === undefined &&
    (Array.isArray(json.pages) || Array.isArray(json.elements) || Array.isArray(json.questions))
  );
}

/** Convert a SurveyJS survey JSON to the JSON Schema of its `data`. */
export function surveyJsToSchema(survey: Record<string, unknown>): FormSchema {
  const elements = [
    ...list(survey.pages).flatMap((p) => [...list(p.elements), ...list(p.questions)]),
    ...list(survey.elements),
    ...list(survey.questions),
  ];
  const root = objectOf(elements, 0);
  const title = localText(survey.title);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...(title !== undefined && { title }),
    ...root,
    'x-sohoa-source-format': 'surveyjs',
  };
}
