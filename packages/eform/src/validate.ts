import type { ValidateFunction } from 'ajv';
import { SohoaError } from '@sohoa/core';
import { compileSchema } from './internal/ajv';
import type { FormSchema, FormValidationResult } from './types';

const compiled = new WeakMap<FormSchema, ValidateFunction>();

/** Compile a form schema once (cached per schema object). */
export function compileFormSchema(schema: FormSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    try {
      validate = compileSchema(schema);
    } catch (cause) {
      throw new SohoaError(
        'EFORM_SCHEMA_INVALID',
        `The form schema does not compile: ${(cause as Error).message}. Check it against JSON Schema draft 2020-12 (use \`safeParseFormSchema\` for details).`,
        { cause },
      );
    }
    compiled.set(schema, validate);
  }
  return validate;
}

/**
 * Validate form data against its schema (JSON Schema 2020-12 with formats, all errors). Messages
 * are Ajv's (English) and never contain the data's values.
 *
 * @example
 * const { ok, errors } = validateForm(schema, filled.data); // errors: [{ pointer: '/me/hoTen', message: 'is required' }]
 */
export function validateForm(schema: FormSchema, data: unknown): FormValidationResult {
  const validate = compileFormSchema(schema);
  if (validate(data)) return { ok: true, errors: [] };
  const errors = (validate.errors ?? []).map((e) => {
    const missing = e.keyword === 'required' ? (e.params as { missingProperty?: string }).missingProperty : undefined;
    const pointer = missing === undefined ? e.instancePath : `${e.instancePath}/${missing.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const message = missing === undefined ? (e.message ?? e.keyword) : 'is required';
    return { pointer, schemaPointer: e.schemaPath.replace(/^#/, ''), message };
  });
  return { ok: false, errors };
}
