import { createDiagnostic, type Diagnostic } from '@sohoa/core';
import { patternProblem } from './pattern';
import { escapeSegment } from './pointer';

/** Bounds on an untrusted form schema, checked before Ajv compiles it (compile time grows with them). */
export const SCHEMA_LIMITS = {
  /** Nodes (objects and arrays) in the schema document. */
  maxNodes: 20_000,
  /** Nesting depth of the schema document. */
  maxDepth: 64,
  /** Characters of one `pattern` / `patternProperties` key. */
  maxPatternLength: 512,
} as const;

/**
 * Why a regular expression from a schema cannot run on user input, or `undefined`. Patterns run on RE2
 * (linear time, see `pattern.ts`), so nested quantifiers are fine; what RE2 cannot express is named.
 */
export function unsafePattern(
  pattern: string,
): { code: 'EFORM_PATTERN_UNSAFE' | 'EFORM_PATTERN_UNSUPPORTED'; why: string } | undefined {
  if (pattern.length > SCHEMA_LIMITS.maxPatternLength)
    return { code: 'EFORM_PATTERN_UNSAFE', why: `it is longer than ${SCHEMA_LIMITS.maxPatternLength} characters` };
  if (!validEcmaScript(pattern))
    return { code: 'EFORM_PATTERN_UNSUPPORTED', why: 'it is not a valid ECMAScript regular expression' };
  const construct = patternProblem(pattern);
  return construct === undefined
    ? undefined
    : { code: 'EFORM_PATTERN_UNSUPPORTED', why: `it uses ${construct}, which the linear-time engine (RE2) cannot run` };
}

function validEcmaScript(pattern: string): boolean {
  for (const flags of ['u', '']) {
    try {
      new RegExp(pattern, flags);
      return true;
    } catch {
      // try without the unicode flag: JSON Schema validators differ on it
    }
  }
  return false;
}

/** Size, depth and pattern checks of an untrusted schema; diagnostics name JSON Pointers, never values. */
export function checkSchemaLimits(schema: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  let nodes = 0;
  const visit = (node: unknown, pointer: string, depth: number): boolean => {
    if (typeof node !== 'object' || node === null) return true;
    if (++nodes > SCHEMA_LIMITS.maxNodes || depth > SCHEMA_LIMITS.maxDepth) {
      out.push(
        createDiagnostic(
          'EFORM_SCHEMA_TOO_LARGE',
          'error',
          `The schema is too large to compile safely (more than ${SCHEMA_LIMITS.maxNodes} nodes or deeper than ${SCHEMA_LIMITS.maxDepth} levels, at \`${pointer || '/'}\`); split the form or flatten it.`,
          { origin: 'eform', pointer },
        ),
      );
      return false;
    }
    const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
    for (const [key, value] of entries) {
      const here = `${pointer}/${escapeSegment(key)}`;
      if (!Array.isArray(node) && key === 'pattern' && typeof value === 'string') checkPattern(value, here);
      if (!Array.isArray(node) && key === 'patternProperties' && typeof value === 'object' && value !== null) {
        for (const p of Object.keys(value)) checkPattern(p, `${here}/${escapeSegment(p)}`);
      }
      if (!visit(value, here, depth + 1)) return false;
    }
    return true;
  };
  const checkPattern = (pattern: string, pointer: string) => {
    const problem = unsafePattern(pattern);
    if (problem)
      out.push(
        createDiagnostic(
          problem.code,
          'error',
          `The regular expression at \`${pointer}\` cannot run on user input: ${problem.why}. Rewrite it without that construct.`,
          { origin: 'eform', pointer },
        ),
      );
  };
  visit(schema, '', 0);
  return out;
}
