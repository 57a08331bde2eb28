import {
  createDiagnostic,
  createExpansionBudget,
  isSohoaError,
  SohoaError,
  type Diagnostic,
  type SafeResult,
} from '@sohoa/core';
import { draftOf, schemaProblem } from './internal/ajv';
import { formioToSchema, isFormio } from './internal/formio';
import { checkSchemaLimits } from './internal/limits';
import { escapeSegment, getAtPointer } from './internal/pointer';
import { isSurveyJs, surveyJsToSchema } from './internal/surveyjs';
import { expandNode, isGroup, listLeaves } from './internal/walk';
import type { FormFormat, FormSchema, LoadFormOptions, SchemaOptions } from './types';

function findRemoteRefs(node: unknown, pointer: string, out: Diagnostic[]): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => findRemoteRefs(child, `${pointer}/${i}`, out));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    const here = `${pointer}/${escapeSegment(key)}`;
    if ((key === '$ref' || key === '$dynamicRef') && typeof value === 'string' && !value.startsWith('#')) {
      out.push(
        createDiagnostic(
          'EFORM_REMOTE_REF',
          'error',
          `\`${key}\` at \`${here}\` points outside the schema; sohoa never fetches schemas: inline the definition under \`$defs\` and use a local \`#/$defs/...\` reference.`,
          {
            origin: 'eform',
            pointer: here,
          },
        ),
      );
    } else {
      findRemoteRefs(value, here, out);
    }
  }
}

/** Local `$ref`s (`#/definitions/x`, `#/$defs/x`) whose target does not exist: Ajv could not compile them. */
function findDanglingRefs(root: FormSchema, node: unknown, pointer: string, out: Diagnostic[]): void {
  if (typeof node !== 'object' || node === null || out.length >= 5) return;
  for (const [key, value] of Array.isArray(node) ? node.entries() : Object.entries(node)) {
    const here = `${pointer}/${escapeSegment(String(key))}`;
    if (
      key === '$ref' &&
      typeof value === 'string' &&
      value.startsWith('#/') &&
      getAtPointer(root, safeDecode(value.slice(1))) === undefined
    ) {
      out.push(
        createDiagnostic(
          'EFORM_SCHEMA_INVALID',
          'error',
          `\`$ref\` at \`${here}\` points to \`${value}\`, which is not in the schema; add the definition or fix the reference.`,
          { origin: 'eform', pointer: here },
        ),
      );
    } else {
      findDanglingRefs(root, value, here, out);
    }
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Check that a parsed JSON value is a usable form schema: an object schema (JSON Schema draft-04, -06,
 * -07, 2019-09 or 2020-12; the root may be a `$ref` or a combinator over objects) within the
 * size limits of the document and, with its `$ref`s followed, of the form (`options.limits`), with only local `$ref`s that resolve, `pattern`s the linear-time engine runs, and valid against its draft's meta-schema. Returns diagnostics instead
 * of throwing. Safe for untrusted schemas: nothing is fetched and compile time is bounded by the limits.
 */
export function safeParseFormSchema(json: unknown, options: SchemaOptions = {}): SafeResult<FormSchema> {
  const invalid = (message: string, pointer = ''): SafeResult<FormSchema> => ({
    ok: false,
    diagnostics: [createDiagnostic('EFORM_SCHEMA_INVALID', 'error', message, { origin: 'eform', pointer })],
  });
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return invalid('A form schema must be a JSON object; got something else. Pass the parsed schema document.');
  }
  const schema = json as FormSchema;
  if (draftOf(schema) === undefined) {
    return invalid(
      '`$schema` must name JSON Schema draft-04, -06, -07, 2019-09 or 2020-12 (e.g. `https://json-schema.org/draft/2020-12/schema`); convert the schema or drop `$schema`.',
      '/$schema',
    );
  }
  const limits = checkSchemaLimits(schema);
  if (limits.length > 0) return { ok: false, diagnostics: limits };
  let root: FormSchema;
  try {
    const budget = createExpansionBudget(options.limits);
    root = expandNode(schema, schema, (depth) => budget.enter('', depth));
  } catch (error) {
    if (isSohoaError(error, 'EFORM_SCHEMA_TOO_LARGE')) return { ok: false, diagnostics: error.diagnostics };
    throw error;
  }
  if (!isGroup(root)) {
    return invalid(
      'A form schema must describe an object (`"type": "object"` with `properties`, directly or through its root `$ref`, `allOf`, `anyOf` or `oneOf`); wrap the fields in an object schema.',
    );
  }
  try {
    listLeaves(schema, options.limits);
  } catch (error) {
    if (isSohoaError(error, 'EFORM_SCHEMA_TOO_LARGE')) return { ok: false, diagnostics: error.diagnostics };
    throw error;
  }
  const remote: Diagnostic[] = [];
  findRemoteRefs(schema, '', remote);
  if (remote.length > 0) return { ok: false, diagnostics: remote };
  const dangling: Diagnostic[] = [];
  findDanglingRefs(schema, schema, '', dangling);
  if (dangling.length > 0) return { ok: false, diagnostics: dangling };
  const problem = schemaProblem(schema);
  if (problem !== undefined)
    return invalid(`The schema is not valid JSON Schema ${draftOf(schema)}: at \`${problem}\`. Fix that keyword.`);
  return { ok: true, value: schema };
}

/** Like {@link safeParseFormSchema} but throws a `SohoaError` with the first diagnostic's code. */
export function parseFormSchema(json: unknown, options: SchemaOptions = {}): FormSchema {
  const result = safeParseFormSchema(json, options);
  if (result.ok) return result.value;
  const first = result.diagnostics[0]!;
  throw new SohoaError(
    first.code as
      | 'EFORM_SCHEMA_INVALID'
      | 'EFORM_REMOTE_REF'
      | 'EFORM_SCHEMA_TOO_LARGE'
      | 'EFORM_PATTERN_UNSAFE'
      | 'EFORM_PATTERN_UNSUPPORTED',
    first.message,
    { diagnostics: result.diagnostics },
  );
}

const FORMATS: readonly FormFormat[] = ['jsonschema', 'formio', 'surveyjs'];

/** The format of a parsed form document: Form.io (`components`), SurveyJS (`pages` / `elements`), else JSON Schema. */
export function detectFormFormat(json: unknown): FormFormat {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'jsonschema';
  const doc = json as Record<string, unknown>;
  if (isFormio(doc)) return 'formio';
  if (isSurveyJs(doc)) return 'surveyjs';
  return 'jsonschema';
}

/**
 * Load a form written as JSON Schema (draft-04 to 2020-12), a Form.io form definition or a SurveyJS
 * survey (detected from the content; `options.format` overrides) into the one model the binder, filler
 * and validator read: a JSON Schema of the form's data *in the form's own shape* (a JSON Schema
 * instance, a Form.io submission `data`, a SurveyJS `data`), so `fields[].pointer` and `data` are the
 * portal's. JSON Schema comes back as given (validated with its own draft); Form.io and SurveyJS come
 * back converted, with their validation rules as keywords and `x-sohoa-source-format` saying which.
 * Every format goes through the same size, expansion and pattern checks. Throws like {@link parseFormSchema}.
 *
 * @example
 * const form = loadForm(JSON.parse(formioJson)); // Form.io detected
 * fillForm(form, profile).data; // { fullname: 'Nguyễn Văn An', identityNumber: '001…' }
 */
export function loadForm(input: unknown, options: LoadFormOptions = {}): FormSchema {
  const format = options.format ?? detectFormFormat(input);
  if (!FORMATS.includes(format)) {
    throw new SohoaError(
      'EFORM_FORMAT_UNKNOWN',
      `Unknown form format \`${String(format)}\`; use one of ${FORMATS.join(', ')}.`,
      { details: { format: String(format) } },
    );
  }
  if (format === 'jsonschema') return parseFormSchema(input, options);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SohoaError(
      'EFORM_SCHEMA_INVALID',
      `A ${format === 'formio' ? 'Form.io form definition' : 'SurveyJS survey'} must be a JSON object; got something else.`,
    );
  }
  // Bound the document itself before converting it; the converted schema is checked again below.
  const raw = checkSchemaLimits(input).filter((d) => d.code === 'EFORM_SCHEMA_TOO_LARGE');
  if (raw.length > 0) throw new SohoaError('EFORM_SCHEMA_TOO_LARGE', raw[0]!.message, { diagnostics: raw });
  const doc = input as Record<string, unknown>;
  return parseFormSchema(format === 'formio' ? formioToSchema(doc) : surveyJsToSchema(doc), options);
}

/** The format a schema returned by {@link loadForm} was written in. */
export function formFormatOf(schema: FormSchema): FormFormat {
  const format = schema['x-sohoa-source-format'];
  return format === 'formio' || format === 'surveyjs' ? format : 'jsonschema';
}
