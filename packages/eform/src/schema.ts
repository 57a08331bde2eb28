import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createDiagnostic, isSohoaError, SohoaError, type Diagnostic, type SafeResult } from '@sohoa/core';
import { compileSchema } from './internal/ajv';
import { checkSchemaLimits } from './internal/limits';
import { escapeSegment } from './internal/pointer';
import { listLeaves } from './internal/walk';
import type { FormSchema, SchemaOptions } from './types';

const MAX_SCHEMA_CHARS = 2_000_000;
const DRAFT_2020 = /^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/;

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
        createDiagnostic('EFORM_REMOTE_REF', 'error', `\`${key}\` at \`${here}\` points outside the schema; sohoa never fetches schemas: inline the definition under \`$defs\` and use a local \`#/$defs/...\` reference.`, {
          origin: 'eform',
          pointer: here,
        }),
      );
    } else {
      findRemoteRefs(value, here, out);
    }
  }
}

/**
 * Check that a parsed JSON value is a usable form schema: an object schema (draft 2020-12) within the
 * size limits of the document and, with its `$ref`s followed, of the form (`options.limits`), with only local `$ref`s and safe `pattern`s, that compiles. Returns diagnostics instead
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
  if (schema.$schema !== undefined && !(typeof schema.$schema === 'string' && DRAFT_2020.test(schema.$schema))) {
    return invalid('`$schema` must be JSON Schema draft 2020-12 (`https://json-schema.org/draft/2020-12/schema`); convert the schema or drop `$schema`.', '/$schema');
  }
  if ((schema.type !== undefined && schema.type !== 'object') || typeof schema.properties !== 'object' || schema.properties === null) {
    return invalid('A form schema must describe an object (`"type": "object"` with `properties`); wrap the fields in an object schema.');
  }
  const limits = checkSchemaLimits(schema);
  if (limits.length > 0) return { ok: false, diagnostics: limits };
  try {
    listLeaves(schema, options.limits);
  } catch (error) {
    if (isSohoaError(error, 'EFORM_SCHEMA_TOO_LARGE')) return { ok: false, diagnostics: error.diagnostics };
    throw error;
  }
  const remote: Diagnostic[] = [];
  findRemoteRefs(schema, '', remote);
  if (remote.length > 0) return { ok: false, diagnostics: remote };
  try {
    compileSchema(schema);
  } catch (cause) {
    return invalid(`The schema does not compile: ${(cause as Error).message}. Fix the keyword it names.`);
  }
  return { ok: true, value: schema };
}

/** Like {@link safeParseFormSchema} but throws a `SohoaError` with the first diagnostic's code. */
export function parseFormSchema(json: unknown, options: SchemaOptions = {}): FormSchema {
  const result = safeParseFormSchema(json, options);
  if (result.ok) return result.value;
  const first = result.diagnostics[0]!;
  throw new SohoaError(first.code as 'EFORM_SCHEMA_INVALID' | 'EFORM_REMOTE_REF' | 'EFORM_SCHEMA_TOO_LARGE' | 'EFORM_PATTERN_UNSAFE', first.message, { diagnostics: result.diagnostics });
}

/** Read and check a form schema file (JSON, at most 2 MB). Throws `EFORM_SCHEMA_NOT_FOUND`, `EFORM_SCHEMA_INVALID`, `EFORM_REMOTE_REF`, `EFORM_SCHEMA_TOO_LARGE` or `EFORM_PATTERN_UNSAFE`. */
export async function loadFormSchema(path: string, options: SchemaOptions = {}): Promise<FormSchema> {
  const file = basename(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new SohoaError('EFORM_SCHEMA_NOT_FOUND', `Cannot read the form schema \`${file}\`; check the path.`, { cause, details: { file } });
  }
  if (text.length > MAX_SCHEMA_CHARS) {
    throw new SohoaError('EFORM_SCHEMA_TOO_LARGE', `The form schema \`${file}\` is larger than ${MAX_SCHEMA_CHARS / 1_000_000} MB; split the form.`, { details: { file } });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new SohoaError('EFORM_SCHEMA_INVALID', `The form schema \`${file}\` is not valid JSON; fix the syntax error.`, { cause, details: { file } });
  }
  return parseFormSchema(json, options);
}
