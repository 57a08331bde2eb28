import type { Options, ValidateFunction } from 'ajv';
import type Ajv2020 from 'ajv/dist/2020.js';
import type { FormSchema } from '../types';
import { ajvModules } from './ajv-load';
import { type LeafCheck, simpleLeafCheck } from './leaf-check';
import { draft04, draft07, draft2019, draft2020 } from './meta-validators.generated.js';
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

function create(draft: JsonSchemaDraft, validateSchema = true, meta = true): AnyAjv {
  // Every `pattern` runs on RE2 (linear time): a schema cannot make validation backtrack.
  // `optimize: false` and `inlineRefs: false` (each definition compiled once, not at every use): a real
  // 160-field draft-04 form compiles about twice as fast, and one validation is cheap either way.
  const options: Options = {
    allErrors: true,
    strict: false,
    validateFormats: true,
    validateSchema,
    // Without the meta-schemas (`meta: false`) an instance starts ~2× faster; only instances that never
    // check a schema and compile none that refers to a meta-schema go without (`compileSchema`'s fragments).
    ...(meta ? {} : { meta: false }),
    logger: false,
    inlineRefs: false,
    code: { regExp: re2RegExp, optimize: false },
  };
  const { Ajv07, Ajv2019, Ajv2020, AjvDraft04, addErrors, addFormats } = ajvModules();
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
  options: { draft?: JsonSchemaDraft; whole?: boolean; messageValues?: 'none' | 'own' } = {},
): ValidateFunction {
  const draft = options.draft ?? draftOf(schema) ?? '2020-12';
  // Messages never carry the data, unless the caller asked for the reported field's own value.
  const rest = withoutIds(withoutMessageTemplates(schema, options.messageValues === 'own'), draft);
  // A whole form was checked against its meta-schema by `safeParseFormSchema` (on the shared instance):
  // the fresh instance skips compiling the meta-schema again.
  if (options.whole) return create(draft, false).compile(rest);
  checkFragment(rest, draft);
  return compileChecked(rest, draft);
}

/** The schema as compiled: without `$id` and `$schema` (and draft-04's `id`). */
function withoutIds(schema: FormSchema, draft: JsonSchemaDraft): FormSchema {
  const { $id: _id, $schema: _schema, ...rest } = schema;
  if (draft === 'draft-04' && typeof rest.id === 'string') delete rest.id;
  return rest;
}

/**
 * The check Ajv's `compile` makes first (the same meta-schema, the same error), with the validator compiled
 * ahead of time: Ajv would compile the meta-schema itself at the first fragment, ~50 ms of every `sohoa fill`.
 */
function checkFragment(rest: FormSchema, draft: JsonSchemaDraft): void {
  const validate = META_VALIDATORS[draft];
  if (!validate(rest)) throw new Error(`schema is invalid: ${getAjv(draft).errorsText(validate.errors as never)}`);
}

/**
 * The check of one field's value against the field's own schema (`fillForm`): for the common fragment
 * (`type`, `enum`, lengths, `pattern`, `format`, bounds) the same verdict as Ajv's without loading Ajv
 * (`leaf-check.ts`), for any other the Ajv validator {@link compileSchema} gives. Throws as it does.
 */
export function compileLeafCheck(schema: FormSchema, draft: JsonSchemaDraft): LeafCheck {
  const rest = withoutIds(schema, draft);
  checkFragment(rest, draft);
  const simple = simpleLeafCheck(rest, draft);
  if (simple) return simple;
  const validate = compileChecked(rest, draft);
  return (value) => validate(value) as boolean;
}

/** Ajv's validator of a fragment already checked against its draft's meta-schema. */
function compileChecked(rest: FormSchema, draft: JsonSchemaDraft): ValidateFunction {
  // A fragment naming a meta-schema (a `$ref` to json-schema.org) needs the instance that has them.
  if (JSON.stringify(rest).includes('json-schema.org')) return getAjv(draft).compile(rest);
  let ajv = prechecked.get(draft);
  if (!ajv) prechecked.set(draft, (ajv = create(draft, false, false)));
  return ajv.compile(rest);
}

/** Keywords whose value maps names to schemas. */
const SCHEMA_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'dependencies',
]);
/** Keywords whose value is data, not a schema: left as written. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'x-sohoa-key']);
const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null']);
const TEMPLATE = /\$\{[^}]*\}/g;
/** ajv-errors' template for the data the message is about: `$` `{0}`. */
const OWN_VALUE = `$${'{'}0}`;

/** A schema node whose data is one scalar value (a field), so that `${0}` in its messages is that field's value only. */
function isScalarField(node: Record<string, unknown>): boolean {
  const types = Array.isArray(node.type) ? node.type : [node.type];
  return (
    node.type !== undefined &&
    types.every((t) => typeof t === 'string' && SCALAR_TYPES.has(t)) &&
    node.properties === undefined &&
    node.items === undefined
  );
}

function withoutTemplates(message: unknown, own: boolean): unknown {
  if (typeof message === 'string')
    return message.replace(TEMPLATE, (template) => (own && template === OWN_VALUE ? template : '…'));
  if (Array.isArray(message)) return message.map((m) => withoutTemplates(m, own));
  if (message !== null && typeof message === 'object')
    return Object.fromEntries(
      Object.entries(message).map(([k, v]) => [
        k,
        // `properties`/`items` messages sit on the parent: `${0}` there is the parent, not the field.
        withoutTemplates(v, own && k !== 'properties' && k !== 'items' && k !== 'required'),
      ]),
    );
  return message;
}

/**
 * The schema with every ajv-errors template (`${/pointer}`, `${1/x}`, `${0#}`) in its `errorMessage`s replaced
 * by "…": templates put the data being validated into messages, and messages are logged and shown. With
 * `ownValue`, `${0}` stays where it can only be the reported field's own value (an `errorMessage` on a scalar
 * field's own keywords). The schema is copied only where it has an `errorMessage`.
 */
export function withoutMessageTemplates<T>(schema: T, ownValue = false): T {
  if (!JSON.stringify(schema).includes('${')) return schema;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'errorMessage')
        out[key] = withoutTemplates(value, ownValue && isScalarField(node as Record<string, unknown>));
      else if (DATA_KEYWORDS.has(key)) out[key] = value;
      else if (SCHEMA_MAPS.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value))
        out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
      else out[key] = walk(value);
    }
    return out;
  };
  return walk(schema) as T;
}

/** One Ajv per draft for fragments checked against the meta-schema beforehand (`validateSchema: false`, no meta-schemas). */
const prechecked = new Map<JsonSchemaDraft, AnyAjv>();

/** A draft's meta-schema validator, generated by Ajv's standalone code from the class `create` uses for it. */
type MetaValidator = ((data: unknown) => boolean) & {
  errors?: Array<{ instancePath: string; message?: string; keyword: string }> | null;
};

/** The meta-schema each draft's Ajv class validates schemas against (draft-06 runs on the draft-07 class). */
const META_VALIDATORS: Record<JsonSchemaDraft, MetaValidator> = {
  'draft-04': draft04,
  'draft-06': draft07,
  'draft-07': draft07,
  '2019-09': draft2019,
  '2020-12': draft2020,
};

/**
 * Check a schema against its draft's meta-schema without compiling it (compiling a large form takes
 * hundreds of milliseconds; `validateForm` compiles once, when it is first needed). Returns what is wrong.
 */
export function schemaProblem(schema: FormSchema): string | undefined {
  const draft = draftOf(schema) ?? '2020-12';
  const { $id: _id, $schema: _schema, ...rest } = schema;
  // The draft's meta-schema validator compiled ahead of time (scripts/meta-validators.mjs): what
  // `getAjv(draft).validateSchema(rest)` runs, without compiling the meta-schema at every start.
  const validate = META_VALIDATORS[draft];
  if (validate(rest) === true) return undefined;
  const first = validate.errors?.[0];
  return first
    ? `${first.instancePath || '/'} ${first.message ?? first.keyword}`
    : "it does not match its draft's meta-schema";
}
