import type { ValidateFunction } from 'ajv';
import { SohoaError } from '@sohoa/core';
import { compileSchema } from './internal/ajv';
import { listLeaves } from './internal/walk';
import { reportErrors } from './messages';
import type { FormSchema, FormValidationResult, ValidateOptions } from './types';

const compiled = {
  none: new WeakMap<FormSchema, ValidateFunction>(),
  own: new WeakMap<FormSchema, ValidateFunction>(),
};

/**
 * Compile a form schema once (cached per schema object). `errorMessage` templates that would put data into a
 * message (ajv-errors' `${/pointer}`, `${1/x}`) are replaced by "…"; with `messageValues: 'own'` a scalar
 * field's `${0}` (its own value) stays.
 */
export function compileFormSchema(schema: FormSchema, messageValues: 'none' | 'own' = 'none'): ValidateFunction {
  let validate = compiled[messageValues].get(schema);
  if (!validate) {
    try {
      validate = compileSchema(schema, { whole: true, messageValues });
    } catch (cause) {
      throw new SohoaError(
        'EFORM_SCHEMA_INVALID',
        `The form schema does not compile: ${(cause as Error).message}. Check it against its JSON Schema draft (use \`safeParseFormSchema\` for details).`,
        { cause },
      );
    }
    compiled[messageValues].set(schema, validate);
  }
  return validate;
}

/**
 * Validate form data against its schema with the Ajv class of the schema's own draft (draft-04 to
 * 2020-12; Form.io and SurveyJS rules as converted by `loadForm`), formats, all errors, patterns on RE2. Messages are
 * Vietnamese by default (`locale: 'en'` for English; the table is `VALIDATION_MESSAGES`), or the schema's
 * own `errorMessage` (ajv-errors) where it sets one, and never contain the data's values: ajv-errors templates
 * (`${/pointer}`, `${1/x}`) become "…"; `messageValues: 'own'` keeps `${0}` in a field's own message.
 *
 * @example
 * const { ok, errors } = validateForm(schema, filled.data); // errors: [{ pointer: '/me/hoTen', message: 'là thông tin bắt buộc' }]
 */
export function validateForm(schema: FormSchema, data: unknown, options: ValidateOptions = {}): FormValidationResult {
  // Refuse a schema that expands past the limits before Ajv compiles it.
  listLeaves(schema, options.limits);
  const validate = compileFormSchema(schema, options.messageValues ?? 'none');
  if (validate(data)) return { ok: true, errors: [] };
  const errors = reportErrors(validate.errors ?? [], options.locale ?? 'vi');
  return { ok: false, errors };
}
