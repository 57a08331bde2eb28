import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { SohoaError } from '@sohoa/core';
import { loadForm } from './schema';
import type { FormSchema, LoadFormOptions } from './types';

const MAX_SCHEMA_CHARS = 2_000_000;

/**
 * Read and check a form file (JSON, at most 2 MB): JSON Schema, Form.io or SurveyJS, as {@link loadForm}.
 * Throws `EFORM_SCHEMA_NOT_FOUND`, `EFORM_SCHEMA_INVALID`, `EFORM_REMOTE_REF`, `EFORM_SCHEMA_TOO_LARGE`,
 * `EFORM_PATTERN_UNSAFE`, `EFORM_PATTERN_UNSUPPORTED` or `EFORM_FORMAT_UNKNOWN`.
 */
export async function loadFormSchema(path: string, options: LoadFormOptions = {}): Promise<FormSchema> {
  const file = basename(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new SohoaError('EFORM_SCHEMA_NOT_FOUND', `Cannot read the form schema \`${file}\`; check the path.`, {
      cause,
      details: { file },
    });
  }
  if (text.length > MAX_SCHEMA_CHARS) {
    throw new SohoaError(
      'EFORM_SCHEMA_TOO_LARGE',
      `The form schema \`${file}\` is larger than ${MAX_SCHEMA_CHARS / 1_000_000} MB; split the form.`,
      { details: { file } },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new SohoaError(
      'EFORM_SCHEMA_INVALID',
      `The form schema \`${file}\` is not valid JSON; fix the syntax error.`,
      { cause, details: { file } },
    );
  }
  return loadForm(json, options);
}
