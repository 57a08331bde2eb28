import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FormSchema } from '../types';

type AjvInstance = InstanceType<typeof Ajv2020>;
let shared: AjvInstance | undefined;

/** One Ajv (draft 2020-12, formats, all errors) shared by eform; `x-*` annotations are allowed. */
export function getAjv(): AjvInstance {
  if (!shared) {
    shared = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
    addFormats(shared);
  }
  return shared;
}

/**
 * Compile without registering the schema's `$id`: the same form loaded twice (or two versions with
 * one `$id`) must not collide in the shared instance. Only local references are allowed anyway.
 */
export function compileSchema(schema: FormSchema): ValidateFunction {
  const { $id: _id, ...rest } = schema;
  return getAjv().compile(rest);
}
