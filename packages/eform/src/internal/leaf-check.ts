import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { FormSchema } from '../types';
import type { JsonSchemaDraft } from './ajv';
import { compilePattern } from './pattern';

/**
 * The check of one field's value against the field's own schema, for the common fragment — `type`, `enum`,
 * `const`, string lengths, `pattern`, `format`, number bounds, plus annotations — without Ajv: `fillForm`
 * checks each value it places, and Ajv's code generation for those few fragments (with creating the Ajv
 * instance and loading Ajv at all) was most of a `sohoa fill` call. The verdict is the one Ajv gives with
 * eform's options (`allErrors`, `strict: false`, formats of ajv-formats' full mode, RE2 patterns, lengths
 * in code points); `leaf-check.test.ts` compares the two on every leaf of the repository's forms and the
 * forms of `../shared/data`, on values of every kind. Anything else returns `undefined` and goes to Ajv.
 */
export type LeafCheck = (value: unknown) => boolean;

/** Keywords Ajv ignores for the verdict: annotations, ajv-errors' messages, and words Ajv does not know (strict off). */
const IGNORED = new Set([
  'title',
  'description',
  'default',
  'examples',
  '$comment',
  'readOnly',
  'writeOnly',
  'deprecated',
  'errorMessage',
  'example',
  'enumNames',
]);

const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']);

/** Ajv's `ucs2length`: string length in code points (a lone surrogate counts one). */
function codePoints(text: string): number {
  const len = text.length;
  let length = 0;
  let pos = 0;
  while (pos < len) {
    length++;
    const value = text.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len && (text.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}

/** Ajv's type test for one JSON type (numbers are not required to be finite: `strictNumbers` is off). */
function isType(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return typeof value === 'number' && !(value % 1) && !Number.isNaN(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    default:
      return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
  }
}

const isPrimitive = (value: unknown) => value === null || typeof value !== 'object';

/**
 * A check equal to Ajv's for `fragment` (already checked against its draft's meta-schema), or `undefined`
 * when the fragment uses anything else. Throws when a `pattern` cannot compile, as Ajv's compile does.
 */
export function simpleLeafCheck(fragment: FormSchema, draft: JsonSchemaDraft): LeafCheck | undefined {
  const checks: Array<{ on: 'any' | 'string' | 'number'; test: (value: never) => boolean }> = [];
  for (const [keyword, arg] of Object.entries(fragment)) {
    if (IGNORED.has(keyword) || keyword.startsWith('x-')) continue;
    switch (keyword) {
      case 'type': {
        const types = Array.isArray(arg) ? arg : [arg];
        if (types.length === 0 || !types.every((t) => typeof t === 'string' && TYPES.has(t))) return undefined;
        checks.push({ on: 'any', test: (value: unknown) => types.some((t) => isType(t as string, value)) });
        break;
      }
      case 'enum':
        if (!Array.isArray(arg) || arg.length === 0 || !arg.every(isPrimitive)) return undefined;
        checks.push({ on: 'any', test: (value: unknown) => arg.some((v) => v === value) });
        break;
      case 'const':
        if (!isPrimitive(arg)) return undefined;
        checks.push({ on: 'any', test: (value: unknown) => value === arg });
        break;
      case 'minLength':
      case 'maxLength': {
        if (typeof arg !== 'number') return undefined;
        const max = keyword === 'maxLength';
        checks.push({
          on: 'string',
          test: (value: string) => (max ? codePoints(value) <= arg : codePoints(value) >= arg),
        });
        break;
      }
      case 'pattern': {
        if (typeof arg !== 'string') return undefined;
        const matcher = compilePattern(arg);
        checks.push({ on: 'string', test: (value: string) => matcher.test(value) });
        break;
      }
      case 'format': {
        if (typeof arg !== 'string' || !Object.hasOwn(fullFormats, arg)) return undefined;
        const def = fullFormats[arg as keyof typeof fullFormats] as unknown;
        if (def === true) break;
        const object = typeof def === 'object' && def !== null && !(def instanceof RegExp);
        if (object && (def as { async?: boolean }).async) return undefined;
        const on = object ? ((def as { type?: string }).type ?? 'string') : 'string';
        const check = (object ? (def as { validate: unknown }).validate : def) as
          | RegExp
          | ((value: unknown) => boolean);
        if (on !== 'string' && on !== 'number') return undefined;
        checks.push({
          on,
          test: (value: unknown) => (typeof check === 'function' ? Boolean(check(value)) : check.test(value as string)),
        });
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        // In draft-04 `exclusiveMinimum`/`exclusiveMaximum` are booleans that change `minimum`/`maximum`: Ajv's draft-04 class.
        if (typeof arg !== 'number' || (draft === 'draft-04' && keyword.startsWith('exclusive'))) return undefined;
        // Ajv fails a bound on NaN as well (`data > max || isNaN(data)`).
        const ok =
          keyword === 'minimum'
            ? (v: number) => v >= arg
            : keyword === 'maximum'
              ? (v: number) => v <= arg
              : keyword === 'exclusiveMinimum'
                ? (v: number) => v > arg
                : (v: number) => v < arg;
        checks.push({ on: 'number', test: (value: number) => ok(value) && !Number.isNaN(value) });
        break;
      }
      default:
        return undefined;
    }
  }
  return (value) =>
    checks.every(
      (c) =>
        (c.on === 'string' ? typeof value !== 'string' : c.on === 'number' ? typeof value !== 'number' : false) ||
        (c.test as (value: unknown) => boolean)(value),
    );
}
