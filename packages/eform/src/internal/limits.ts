import { createDiagnostic, type Diagnostic } from '@sohoa/core';
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

// A quantified group that itself contains a quantifier, e.g. `(a+)+`, `(\d*)*`, `(a|a?)+`: catastrophic backtracking.
const NESTED_QUANTIFIER = /\(((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\d*\})(?:[^()\\]|\\.)*)\)\s*(?:[+*]|\{\d+,\d*\})/g;
// Each repetition starts with a separator the rest cannot match (`(\.[a-z][a-z0-9]*)+`): only one way to split.
const SEPARATED = /^(?:\?:)?(\\[^\w\s]|[^\\[(.?*+{|^$\w\s])(.*)$/s;

function ambiguous(body: string): boolean {
  const m = SEPARATED.exec(body);
  if (!m) return true;
  const separator = m[1]!.replace(/^\\/, '');
  const rest = m[2]!;
  return rest.includes(separator) || /(^|[^\\])\./.test(rest) || /\\[WSDB]|\[\^/.test(rest) || rest.includes('|');
}
// A back-reference makes matching exponential regardless of quantifiers.
const BACKREFERENCE = /\\[1-9]/;

/** Why a regular expression from a schema is unsafe to run on user input, or `undefined`. */
export function unsafePattern(pattern: string): string | undefined {
  if (pattern.length > SCHEMA_LIMITS.maxPatternLength) return `longer than ${SCHEMA_LIMITS.maxPatternLength} characters`;
  for (const m of pattern.matchAll(NESTED_QUANTIFIER)) {
    if (ambiguous(m[1]!)) return 'a quantified group contains a quantifier (catastrophic backtracking)';
  }
  if (BACKREFERENCE.test(pattern)) return 'it uses a back-reference';
  try {
    new RegExp(pattern, 'u');
  } catch {
    return 'it is not a valid regular expression';
  }
  return undefined;
}

/** Size, depth and pattern checks of an untrusted schema; diagnostics name JSON Pointers, never values. */
export function checkSchemaLimits(schema: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  let nodes = 0;
  const visit = (node: unknown, pointer: string, depth: number): boolean => {
    if (typeof node !== 'object' || node === null) return true;
    if (++nodes > SCHEMA_LIMITS.maxNodes || depth > SCHEMA_LIMITS.maxDepth) {
      out.push(
        createDiagnostic('EFORM_SCHEMA_TOO_LARGE', 'error', `The schema is too large to compile safely (more than ${SCHEMA_LIMITS.maxNodes} nodes or deeper than ${SCHEMA_LIMITS.maxDepth} levels, at \`${pointer || '/'}\`); split the form or flatten it.`, { origin: 'eform', pointer }),
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
    const why = unsafePattern(pattern);
    if (why) out.push(createDiagnostic('EFORM_PATTERN_UNSAFE', 'error', `The regular expression at \`${pointer}\` is unsafe to run on user input: ${why}. Simplify it (no nested quantifiers or back-references).`, { origin: 'eform', pointer }));
  };
  visit(schema, '', 0);
  return out;
}
