import { re2js } from './re2-load';

/**
 * `pattern` keywords run on RE2 (the pure-JS `re2js` port): matching is linear in the input whatever the
 * pattern, so no schema can make validation backtrack (ReDoS). ECMAScript syntax is translated first
 * (`\uXXXX`, `[^]`). What RE2 cannot express — back-references, lookbehind, lookahead anywhere but right
 * after a leading `^` — is refused with the construct named. Two lookahead idioms of real forms are
 * rewritten exactly into several RE2 matches: leading assertions (`^(?!\s)(?!.*\s{2})[^<>]+$`) and the
 * tempered token `^((?!http|www\.).)*$`.
 */
export interface PatternMatcher {
  test(input: string): boolean;
}

/** A pattern RE2 cannot run; `construct` names what it lacks (for the diagnostic). */
export class UnsupportedPattern extends Error {
  constructor(readonly construct: string) {
    super(construct);
  }
}

const cache = new Map<string, PatternMatcher>();
const MAX_CACHE = 2000;

/** An RE2 search (`find`, unanchored). Not `RE2JS#test`: it reuses one matcher and answers wrongly when instances interleave. */
interface Search {
  test(input: string): boolean;
}

// ECMAScript's `\s` and `.` are wider than RE2's: spell them out so both engines agree.
const JS_SPACE = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
const JS_DOT = '[^\\n\\r\\u2028\\u2029]';

/** ECMAScript `\s`, `\S` and `.` in RE2 terms (`\S` inside a class keeps RE2's narrower meaning). */
export function ecmaToRe2(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      i++;
      if (next === 's') out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
      else if (next === 'S' && !inClass) out += `[^${JS_SPACE}]`;
      else out += c + next;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      // A `]` or `^]` right after `[` is literal.
      if (source[i + 1] === '^') out += source[++i];
      continue;
    }
    out += c === '.' ? JS_DOT : c;
  }
  return out;
}

function re2(source: string): Search {
  try {
    const RE2JS = re2js();
    const compiled = RE2JS.compile(RE2JS.translateRegExp(ecmaToRe2(source)));
    return { test: (input) => compiled.matcher(input).find() };
  } catch (error) {
    throw new UnsupportedPattern(nameConstruct((error as Error).message, source));
  }
}

/** A readable name for what RE2 refused. */
function nameConstruct(message: string, source: string): string {
  if (/\(\?<=|\(\?<!/.test(source)) return 'a lookbehind (`(?<=…)` / `(?<!…)`)';
  if (/\(\?[=!]/.test(source)) return 'a lookahead (`(?=…)` / `(?!…)`) that is not at the start of the pattern';
  if (/\\[1-9]|\\k</.test(source)) return 'a back-reference (`\\1`, `\\k<name>`)';
  if (/repeat count/.test(message)) return 'a repetition count over 1000';
  if (/\\c/.test(source)) return 'a control escape (`\\cX`)';
  return `syntax RE2 does not accept (${message.replace(/^error parsing regexp: /, '')})`;
}

/** The end index (exclusive) of the group opening at `start`, skipping escapes and character classes. */
function groupEnd(source: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** True when `|` splits the whole pattern (then a leading assertion covers only the first branch). */
function topLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

const TEMPERED = /^\^\((?:\?:)?\(\?!(.+)\)\.\)\*\$$/s;

/** Characters with a meaning of their own outside a class: not a literal there. */
const SPECIAL = new Set([...'\\^$.|?*+()[]{}']);
/** Escapes allowed outside a class: the digit/word classes and escaped special characters (and `/`). */
const ESCAPES = new Set([...'dDwW\\/.^$|?*+()[]{}']);
/** Escapes allowed inside a class. */
const CLASS_ESCAPES = new Set([...'dw\\/.^[]-']);

/**
 * True for a pattern whose backtracking match is linear and equal to RE2's: `^…$` around one sequence, or
 * around one group of alternatives (`^(a|b)$`, `^(?:a|b)$`), each a sequence of literals, escaped special
 * characters, `\d \D \w \W` and simple classes (`[0-9+ ]`, `[^<>]`), each optionally quantified (`? * +
 * {n} {n,m}`, m ≤ 1000), with at most one quantifier of variable count per sequence and no quantified group.
 * Anchored at the start and with one variable quantifier, a backtracking engine tries each branch once, and
 * within it at most one count per input character: linear in the input, whatever the input (ReDoS needs two
 * ways to match the same text, e.g. `(a+)+` or `a*a*`, which this shape cannot express). No `.`, `\s` or
 * flags, whose ECMAScript and RE2 meanings differ. The patterns of the repository's forms are all of this shape.
 */
export function isLinearAnchored(source: string): boolean {
  if (!source.startsWith('^') || !source.endsWith('$') || source.length < 2) return false;
  let body = source.slice(1, -1);
  if (body.endsWith('\\') && !body.endsWith('\\\\')) return false; // the `$` was escaped
  // Alternatives only inside the one group: in `^a|b$` the second branch is not anchored at the start.
  const grouped = body.startsWith('(');
  if (grouped) {
    if (!body.endsWith(')')) return false;
    body = body.slice(body.startsWith('(?:') ? 3 : 1, -1);
  }
  let i = 0;
  let variable = 0;
  const n = body.length;
  while (i < n) {
    const c = body[i]!;
    if (c === '|') {
      if (!grouped) return false;
      variable = 0;
      i++;
      continue;
    }
    // One atom.
    if (c === '\\') {
      if (i + 1 >= n || !ESCAPES.has(body[i + 1]!)) return false;
      i += 2;
    } else if (c === '[') {
      i++;
      if (body[i] === '^') i++;
      const start = i;
      while (i < n && body[i] !== ']') {
        if (body[i] === '[') return false;
        if (body[i] === '\\') {
          if (i + 1 >= n || !CLASS_ESCAPES.has(body[i + 1]!)) return false;
          i += 2;
        } else i++;
      }
      if (i >= n || i === start) return false;
      i++;
    } else if (SPECIAL.has(c)) {
      return false;
    } else {
      i += c.codePointAt(0)! > 0xffff ? 2 : 1;
    }
    // Its quantifier, if any.
    const q = body[i];
    if (q === '?' || q === '*' || q === '+') {
      variable++;
      i++;
    } else if (q === '{') {
      const m = /^\{(\d{1,4})(?:,(\d{1,4}))?\}/.exec(body.slice(i));
      if (!m) return false;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : Number(m[2]);
      if (max > 1000 || min > max) return false;
      if (max > min) variable++;
      i += m[0].length;
    }
    if (body[i] === '?' || body[i] === '*' || body[i] === '+' || body[i] === '{') return false; // lazy or stacked
    if (variable > 1) return false;
  }
  return true;
}

/** A pattern of the linear shape on the native engine (same verdicts as RE2's, see `isLinearAnchored`). */
function native(source: string): PatternMatcher | undefined {
  if (!isLinearAnchored(source)) return undefined;
  try {
    const re = new RegExp(source, 'u');
    return { test: (s) => re.test(s) };
  } catch {
    return undefined; // e.g. an escape the unicode mode refuses: RE2 decides
  }
}

function build(source: string): PatternMatcher {
  // `^\d{12}$` and the like: the native engine, without loading or compiling RE2 (~25 ms of a `sohoa fill`).
  const simple = native(source);
  if (simple) return simple;
  // `^((?!A).)*$`: no line break, and A matches nowhere (A must not match the empty string nor use anchors).
  const tempered = TEMPERED.exec(source);
  if (tempered && groupEnd(source, 1) === source.length - 2 && !/[$^]|\\[bB]/.test(tempered[1]!)) {
    const forbidden = re2(tempered[1]!);
    if (!forbidden.test('')) {
      const line = re2('^.*$'); // `.` as ECMAScript means it: no line terminator
      return { test: (s) => line.test(s) && !forbidden.test(s) };
    }
  }
  // `^(?!A)(?=B)rest`: assertions at position 0 only, so each is one anchored match of its own.
  if ((source.startsWith('^(?=') || source.startsWith('^(?!')) && !topLevelAlternation(source)) {
    const checks: Array<{ positive: boolean; re: Search }> = [];
    let at = 1;
    while (source.startsWith('(?=', at) || source.startsWith('(?!', at)) {
      const end = groupEnd(source, at);
      if (end < 0) break;
      checks.push({ positive: source[at + 2] === '=', re: re2(`^(?:${source.slice(at + 3, end - 1)})`) });
      at = end;
    }
    const rest = re2(`^${source.slice(at)}`);
    return { test: (s) => rest.test(s) && checks.every((c) => c.re.test(s) === c.positive) };
  }
  const whole = re2(source);
  return { test: (s) => whole.test(s) };
}

/** Compile an ECMAScript `pattern` to a linear-time matcher (unanchored search, like `RegExp.test`). Throws {@link UnsupportedPattern}. */
export function compilePattern(source: string): PatternMatcher {
  let matcher = cache.get(source);
  if (!matcher) {
    // Ajv keys compiled patterns by `toString()`: each matcher must print as its own source.
    matcher = Object.assign(build(source), { toString: () => `/${source}/re2` });
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(source, matcher);
  }
  return matcher;
}

/** Why a pattern cannot be run, or `undefined` when it can. */
export function patternProblem(source: string): string | undefined {
  try {
    compilePattern(source);
    return undefined;
  } catch (error) {
    if (error instanceof UnsupportedPattern) return error.construct;
    throw error;
  }
}

/** Ajv's `code.regExp` engine: every `pattern` and `patternProperties` key goes through RE2. */
export const re2RegExp = Object.assign((pattern: string, _flags: string): PatternMatcher => compilePattern(pattern), {
  code: 're2',
});
