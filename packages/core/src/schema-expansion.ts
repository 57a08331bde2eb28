import { createDiagnostic } from './diagnostics';
import { SohoaError } from './errors';

/**
 * Bounds on a form schema once its local `$ref`s are followed. A `$ref` that includes its own target
 * twice doubles the form at every level (a 250-byte schema becomes 2^32 fields), so every walk over a
 * form (bind, fill, validate, render, codegen) counts as it expands and stops at these limits.
 */
export interface SchemaExpansionLimits {
  /**
   * Fields and groups (each property reached, with `$ref`s followed) one form may expand to.
   * The largest form in `schemas/forms` has under 100.
   * @default 5000
   */
  maxFields?: number;
  /**
   * Nesting depth of groups within groups, with `$ref`s followed (the root's properties are depth 1);
   * at most {@link MAX_SCHEMA_DEPTH}, since the walks recurse.
   * @default 32
   */
  maxDepth?: number;
}

/** The largest `maxDepth` accepted: deeper walks would overflow the call stack. */
export const MAX_SCHEMA_DEPTH = 256;

export const DEFAULT_SCHEMA_EXPANSION_LIMITS: Readonly<Required<SchemaExpansionLimits>> = Object.freeze({
  maxFields: 5_000,
  maxDepth: 32,
});

/** Counts the nodes of one walk over a form schema; `enter` throws `EFORM_SCHEMA_TOO_LARGE` past a limit. */
export interface ExpansionBudget {
  /** Call for every property the walk reaches, before descending into it. */
  enter(pointer: string, depth: number): void;
}

function limit(value: number | undefined, fallback: number, name: string, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new SohoaError(
      'EFORM_SCHEMA_INVALID',
      `\`limits.${name}\` must be an integer from 1 to ${max}; got ${String(value)}.`,
      { details: { option: name } },
    );
  }
  return value;
}

/** A fresh budget for one walk; the limits are checked while expanding, so refusal takes as long as reaching the limit. */
export function createExpansionBudget(limits: SchemaExpansionLimits = {}): ExpansionBudget {
  const maxFields = limit(limits.maxFields, DEFAULT_SCHEMA_EXPANSION_LIMITS.maxFields, 'maxFields');
  const maxDepth = limit(limits.maxDepth, DEFAULT_SCHEMA_EXPANSION_LIMITS.maxDepth, 'maxDepth', MAX_SCHEMA_DEPTH);
  let fields = 0;
  const refuse = (why: string, pointer: string, option: string) => {
    const message = `The form schema ${why} once its \`$ref\`s are followed (at \`${pointer || '/'}\`); a \`$ref\` that includes itself multiplies the form. Remove the recursion, or raise \`limits.${option}\` if the form really is this large.`;
    return new SohoaError('EFORM_SCHEMA_TOO_LARGE', message, {
      details: { pointer, maxFields, maxDepth },
      diagnostics: [createDiagnostic('EFORM_SCHEMA_TOO_LARGE', 'error', message, { origin: 'eform', pointer })],
    });
  };
  return {
    enter(pointer, depth) {
      if (++fields > maxFields)
        throw refuse(`expands to more than ${maxFields} fields and groups`, pointer, 'maxFields');
      if (depth > maxDepth) throw refuse(`nests groups deeper than ${maxDepth} levels`, pointer, 'maxDepth');
    },
  };
}
