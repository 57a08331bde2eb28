import Ajv07 from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv2020 from 'ajv/dist/2020.js';
import type { Options, ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addErrors from 'ajv-errors';
import addFormats from 'ajv-formats';
import type { FormSchema } from '../types';
import { re2RegExp } from './pattern';

/** The JSON Schema drafts eform validates with (draft-06 runs on the draft-07 class: 07 only adds keywords). */
export type JsonSchemaDraft = 'draft-04' | 'draft-06' | 'draft-07' | '2019-09' | '2020-12';

const DRAFTS: Array<[RegExp, JsonSchemaDraft]> = [
  [/^https?:\/\/json-schema\.org\/draft-04\/schema#?$/, 'draft-04'],
  [/^https?:\/\/json-schema\.org\/draft-06\/schema#?$/, 'draft-06'],
  [/^https?:\/\/json-schema\.org\/draft-07\/schema#?$/, 'draft-07'],
  [/^https?:\/\/json-schema\.org\/draft\/2019-09\/schema#?$/, '2019-09'],
  [/^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/, '2020-12'],
];

/** The draft a `$schema` URI names; `undefined` for an unknown URI. No `$schema` means 2020-12. */
export function draftOf(schema: FormSchema): JsonSchemaDraft | undefined {
  const uri = schema.$schema;
  if (uri === undefined) return '2020-12';
  if (typeof uri !== 'string') return undefined;
  return DRAFTS.find(([re]) => re.test(uri))?.[1];
}

type AnyAjv = InstanceType<typeof Ajv2020>;

function create(draft: JsonSchemaDraft, validateSchema = true): AnyAjv {
  // Every `pattern` runs on RE2 (linear time): a schema cannot make validation backtrack.
  // `optimize: false` and `inlineRefs: false` (each definition compiled once, not at every use): a real
  // 160-field draft-04 form compiles about twice as fast, and one validation is cheap either way.
  const options: Options = {
    allErrors: true,
    strict: false,
    validateFormats: true,
    validateSchema,
    logger: false,
    inlineRefs: false,
    code: { regExp: re2RegExp, optimize: false },
  };
  const Class =
    draft === 'draft-04' ? AjvDraft04 : draft === '2019-09' ? Ajv2019 : draft === '2020-12' ? Ajv2020 : Ajv07;
  const ajv = new (Class as unknown as typeof Ajv2020)(options);
  addFormats(ajv as never);
  // `errorMessage` (ajv-errors): a portal's own messages replace the built-in ones (needs `allErrors`).
  addErrors(ajv as never);
  return ajv;
}

const shared = new Map<JsonSchemaDraft, AnyAjv>();

/** One Ajv per draft (formats, all errors, RE2 patterns) shared by eform; `x-*` annotations are allowed. */
export function getAjv(draft: JsonSchemaDraft = '2020-12'): AnyAjv {
  let ajv = shared.get(draft);
  if (!ajv) shared.set(draft, (ajv = create(draft)));
  return ajv;
}

/**
 * Compile with the Ajv class of the schema's own draft (`draft` overrides `$schema`). A whole form gets
 * a fresh instance: ids inside it (`$id`, draft-04 `id`) must not collide with another form's in a
 * shared one. A fragment (one field) uses the shared instance without its ids.
 */
export function compileSchema(
  schema: FormSchema,
  options: { draft?: JsonSchemaDraft; whole?: boolean } = {},
): ValidateFunction {
  const draft = options.draft ?? draftOf(schema) ?? '2020-12';
  const { $id: _id, $schema: _schema, ...rest } = schema;
  if (draft === 'draft-04' && typeof rest.id === 'string') delete rest.id;
  // A whole form was checked against its meta-schema by `safeParseFormSchema` (on the shared instance):
  // the fresh instance skips compiling the meta-schema again.
  return (options.whole ? create(draft, false) : getAjv(draft)).compile(rest);
}

/**
 * Check a schema against its draft's meta-schema without compiling it (compiling a large form takes
 * hundreds of milliseconds; `validateForm` compiles once, when it is first needed). Returns what is wrong.
 */
export function schemaProblem(schema: FormSchema): string | undefined {
  const draft = draftOf(schema) ?? '2020-12';
  const { $id: _id, $schema: _schema, ...rest } = schema;
  const ajv = getAjv(draft);
  if (ajv.validateSchema(rest) === true) return undefined;
  const first = ajv.errors?.[0];
  return first
    ? `${first.instancePath || '/'} ${first.message ?? first.keyword}`
    : "it does not match its draft's meta-schema";
}
