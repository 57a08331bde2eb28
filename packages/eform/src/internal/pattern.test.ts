import { describe, expect, it } from 'vitest';
import { parseFormSchema } from '../schema';
import { validateForm } from '../validate';
import { RE2JS } from 're2js';
import { compilePattern, ecmaToRe2, isLinearAnchored, patternProblem } from './pattern';
import { repositoryAndWildForms } from './test-forms';

// Patterns as real forms write them (email, phone, names, zip codes, "no links", "not blank").
const REAL = [
  '^(([^<>()\\[\\]\\\\.,;:\\s@"]+(\\.[^<>()\\[\\]\\\\.,;:\\s@"]+)*)|(".+"))@((\\[[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\])|(([a-zA-Z\\-0-9]+\\.)+[a-zA-Z]{2,}))$',
  '^(0|\\+84)(3|5|7|8|9)[0-9]{8}$',
  '^[0-9\\-\\(\\)\\s]+$',
  '^[A-Za-zÀ-ÖØ-öø-ÿ-]+(?:s[A-Za-zÀ-ÖØ-öø-ÿ-][?]+)*$',
  '[^ \\f\\n\\r\\t\\v\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]',
  '^(?!\\s)(?!.*?\\s{2,})[^<>%$#@!^&*]+$',
  '^(?!0000)[0-9]{4}$',
  '^(?!\\s*$).+',
  '^((?!http|www\\.|\\.co|\\.net|\\.gov|\\.edu|\\.org).)*$',
  '^\\p{Lu}[\\p{L} ]+$',
];
const SAMPLES = [
  '',
  ' ',
  'a',
  'an@example.org',
  'Nguyễn Văn An',
  'NGUYỄN',
  '0912345678',
  '+84912345678',
  '(028) 3823 4567',
  '0000',
  '0001',
  '12345',
  'a  b',
  ' lead',
  'see www.example.org',
  'ok text',
  'x\ny',
  'Zoë-Anne',
  '\u00a0',
  '<b>',
];

describe('patterns on RE2', () => {
  it('accepts real email, phone and name patterns and matches exactly like ECMAScript on them', () => {
    for (const source of REAL) {
      expect(patternProblem(source), source).toBeUndefined();
      const js = new RegExp(source, 'u');
      const re2 = compilePattern(source);
      for (const sample of SAMPLES)
        expect(re2.test(sample), `${source} on ${JSON.stringify(sample)}`).toBe(js.test(sample));
    }
  });

  it('refuses only what RE2 cannot express, naming it', () => {
    expect(patternProblem('(a)\\1')).toMatch(/back-reference/);
    expect(patternProblem('(?<=x)a')).toMatch(/lookbehind/);
    expect(patternProblem('a(?!b)')).toMatch(/lookahead/);
    expect(patternProblem('^((?!a).)+$')).toMatch(/lookahead/); // `+`, not the exact tempered form
    expect(patternProblem('^(?!a)x|y')).toMatch(/lookahead/); // the assertion covers only one branch
  });

  it('makes catastrophic backtracking impossible: nested quantifiers run in linear time', () => {
    const schema = parseFormSchema({
      type: 'object',
      properties: { a: { type: 'string', pattern: '^(a+)+$' }, b: { type: 'string', pattern: '^(\\w+\\s?)*$' } },
    });
    const evil = `${'a'.repeat(20_000)}!`;
    const started = performance.now();
    const result = validateForm(schema, { a: evil, b: evil });
    expect(result.errors.map((e) => e.pointer)).toEqual(['/a', '/b']);
    expect(performance.now() - started).toBeLessThan(2000); // a backtracking engine takes longer than the universe
  });
});

/** Every `pattern` of a schema document. */
function patternsOf(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const v of node) patternsOf(v, out);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === 'pattern' && typeof v === 'string') out.add(v);
      patternsOf(v, out);
    }
  return out;
}

/** Linear anchored patterns that take the native engine, and near misses that must not. */
const LINEAR = [
  '^\\d{12}$',
  '^(\\d{9}|\\d{12})$',
  '^(?:\\d{9}|\\d{12})$',
  '^[0-9+ ]{8,15}$',
  '^\\d{2}/\\d{2}/\\d{4}$',
  '^\\d{2}\\/\\d{2}\\/\\d{4}$',
  '^[^<>]+$',
  '^[A-Z]{2}\\d*$',
  '^\\w+@example\\.vn$',
  '^[^\\d]?\\D{3}$',
  '^Nguyễn \\w{1,20}$',
  '^😀?x$',
  '^$',
];
const NOT_LINEAR = [
  '^(a+)+$',
  '^a+a+$',
  '^\\d*\\d*$',
  '^\\d{1,5}\\d{1,5}$',
  '^(a|a)*$',
  '\\d{12}',
  '^\\d+x',
  '\\d+x$',
  '^a|\\d+x$',
  '^(a)(b)$',
  '^(a|b)c$',
  '^a+?$',
  '^a{2}{3}$',
  '^a{1001}$',
  '^a{3,2}$',
  '^a{2,}$',
  '^.+$',
  '^\\s+$',
  '^(?=a)a$',
  '^(?!a)b$',
  '^(?<n>a)$',
  '^(a)\\1$',
  '^\\p{Lu}+$',
  '^[\\s]+$',
  '^a\\$',
  '^[]a]$',
  '^[[a]]$',
];

describe('simple anchored patterns on the native engine', () => {
  it('takes the linear shape only: anchored, one variable quantifier per branch, no quantified group', () => {
    for (const source of LINEAR) expect(isLinearAnchored(source), source).toBe(true);
    for (const source of NOT_LINEAR) expect(isLinearAnchored(source), source).toBe(false);
  });

  it("matches exactly like RE2 on the forms' patterns and on linear ones, for strings of every shape", () => {
    const patterns = new Set(LINEAR);
    for (const [, schema] of repositoryAndWildForms()) patternsOf(schema, patterns);
    let native = 0;
    const samples = [
      ...SAMPLES,
      '123456789',
      '123456789012',
      '1234567890123',
      '123456789012\n',
      '\n123456789012',
      '12/03/1990',
      '12\\03\\1990',
      '+84 912 345 678',
      '+84912345678',
      'AB',
      'AB123',
      'ab123',
      'an@example.vn',
      'Nguyễn Văn',
      'Nguyễn An',
      '😀x',
      'x',
      '😀😀x',
      '\ud83dx',
      'a'.repeat(1000),
      '1'.repeat(1000),
    ];
    for (const source of patterns) {
      if (!isLinearAnchored(source)) continue;
      let js: RegExp;
      try {
        js = new RegExp(source, 'u');
      } catch {
        continue; // the native engine refuses it: RE2 runs it
      }
      native++;
      const re2 = RE2JS.compile(RE2JS.translateRegExp(ecmaToRe2(source)));
      for (const sample of samples)
        expect(js.test(sample), `${source} on ${JSON.stringify(sample)}`).toBe(re2.matcher(sample).find());
      expect(compilePattern(source).test('123456789012')).toBe(js.test('123456789012'));
    }
    expect(native).toBeGreaterThanOrEqual(LINEAR.length);
  });

  it('runs in linear time on inputs built to make a backtracking engine retry', () => {
    const evil = [
      `${'1'.repeat(100_000)}x`,
      `${'a'.repeat(100_000)}!`,
      `+84${' '.repeat(100_000)}`,
      '<'.repeat(100_000),
    ];
    const started = performance.now();
    for (const source of LINEAR) {
      const matcher = compilePattern(source);
      for (const input of evil) matcher.test(input);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
