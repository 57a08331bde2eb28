import { createRequire } from 'node:module';
import type { FormFormat } from '@sohoa/eform';
import { InvalidArgumentError } from 'commander';

/**
 * Option vocabularies of the command table, in a module of their own so that building the table loads no
 * command's dependencies (`fill` must not load OCR, rendering or the gazetteer; see test/cli-startup.test.ts).
 */
const vocab = createRequire(import.meta.url)('@sohoa/eform/vocab/keys.json') as { roles: Record<string, unknown> };

/** Roles a subject can take on a form with `--as`: the vocabulary's roles but `self` (the default) and `other`. */
export const FORM_ROLES: readonly string[] = Object.keys(vocab.roles).filter(
  (role) => role !== 'self' && role !== 'other',
);

/** The values `--format` takes. */
export const FORM_FORMATS: readonly FormFormat[] = ['jsonschema', 'formio', 'surveyjs'];

/** Commander parser of `--format`. */
export function parseFormFormat(value: string): FormFormat {
  if (!(FORM_FORMATS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected one of ${FORM_FORMATS.join(', ')}`);
  return value as FormFormat;
}
