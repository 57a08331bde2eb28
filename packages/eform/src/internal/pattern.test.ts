import { describe, expect, it } from 'vitest';
import { parseFormSchema } from '../schema';
import { validateForm } from '../validate';
import { compilePattern, patternProblem } from './pattern';

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
