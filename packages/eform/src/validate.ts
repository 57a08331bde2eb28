import type { ValidateFunction } from 'ajv';
import { SohoaError } from '@sohoa/core';
import { compileSchema } from './internal/ajv';
import { messageVi } from './internal/messages-vi';
import { listLeaves } from './internal/walk';
import type { FormSchema, FormValidationResult, ValidateOptions } from './types';

const compiled = new WeakMap<FormSchema, ValidateFunction>();

/** Compile a form schema once (cached per schema object). */
export function compileFormSchema(schema: FormSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    try {
      validate = compileSchema(schema, { whole: true });
    } catch (cause) {
      throw new SohoaError(
        'EFORM_SCHEMA_INVALID',
        `The form schema does not compile: ${(cause as Error).message}. Check it against its JSON Schema draft (use \`safeParseFormSchema\` for details).`,
        { cause },
      );
    }
    compiled.set(schema, validate);
  }
  return validate;
}

/**
 * Validate form data against its schema with the Ajv class of the schema's own draft (draft-04 to
 * 2020-12; Form.io and SurveyJS rules as converted by `loadForm`), formats, all errors, patterns on RE2. Messages are
 * Vietnamese by default (`locale: 'en'` for Ajv's English) and never contain the data's values.
 *
 * @example
 * const { ok, errors } = validateForm(schema, filled.data); // errors: [{ pointer: '/me/hoTen', message: 'là thông tin bắt buộc' }]
 */
export function validateForm(schema: FormSchema, data: unknown, options: ValidateOptions = {}): FormValidationResult {
  const vi = (options.locale ?? 'vi') === 'vi';
  // Refuse a schema that expands past the limits before Ajv compiles it.
  listLeaves(schema, options.limits);
  const validate = compileFormSchema(schema);
  if (validate(data)) return { ok: true, errors: [] };
  const errors = (validate.errors ?? []).map((e) => {
    const missing = e.keyword === 'required' ? (e.params as { missingProperty?: string }).missingProperty : undefined;
    const pointer =
      missing === undefined ? e.instancePath : `${e.instancePath}/${missing.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const message = vi ? messageVi(e) : missing === undefined ? (e.message ?? e.keyword) : 'is required';
    return { pointer, schemaPointer: e.schemaPath.replace(/^#/, ''), keyword: e.keyword, message };
  });
  return { ok: false, errors };
}
