import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA_EXPANSION_LIMITS, isSohoaError } from '@sohoa/core';
import { bindForm } from './bind';
import { formTypes } from './codegen';
import { fillForm } from './fill';
import { safeParseFormSchema } from './schema';
import { validateForm } from './validate';
import { listLeaves } from './internal/walk';

/** A group holding two copies of itself: 2^depth fields from a few hundred bytes. */
const bomb = {
  type: 'object',
  $defs: {
    n: { type: 'object', properties: { a: { $ref: '#/$defs/n' }, b: { $ref: '#/$defs/n' }, v: { type: 'string' } } },
  },
  properties: { x: { $ref: '#/$defs/n' } },
};
const flat = (n: number) => ({
  type: 'object',
  properties: Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, { type: 'string' }])),
});
const nested = (depth: number): Record<string, unknown> =>
  depth === 0 ? { type: 'string' } : { type: 'object', properties: { g: nested(depth - 1) } };

function refusal(fn: () => unknown): { message: string; pointer: unknown; ms: number } {
  const started = performance.now();
  try {
    fn();
  } catch (error) {
    const ms = performance.now() - started;
    expect(isSohoaError(error, 'EFORM_SCHEMA_TOO_LARGE'), String(error)).toBe(true);
    return {
      message: (error as Error).message,
      pointer: (error as { details: { pointer: unknown } }).details.pointer,
      ms,
    };
  }
  throw new Error('not refused');
}

describe('form schema expansion limits', () => {
  it('refuses the self-doubling $ref in every eform walk, counting while expanding', async () => {
    for (const walk of [
      () => listLeaves(bomb),
      () => bindForm(bomb),
      () => fillForm(bomb, { values: {} }),
      () => validateForm(bomb, {}),
    ]) {
      const { message, ms } = refusal(walk);
      // Depth first: the first branch passes 32 levels after 33 nodes.
      expect(message).toMatch(/deeper than 32 levels/);
      // Refused after about 5000 nodes, not after 2^32 (a generous bound for a loaded machine).
      expect(ms).toBeLessThan(1_000);
    }
    await expect(formTypes(bomb)).rejects.toMatchObject({ code: 'EFORM_SCHEMA_TOO_LARGE' });
    const parsed = safeParseFormSchema(bomb);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.diagnostics[0]).toMatchObject({
        code: 'EFORM_SCHEMA_TOO_LARGE',
        severity: 'error',
        origin: 'eform',
      });
  });

  it('maxFields and maxDepth are configurable and apply to forms without any $ref', () => {
    expect(listLeaves(flat(10), { maxFields: 10 })).toHaveLength(10);
    expect(refusal(() => listLeaves(flat(11), { maxFields: 10 })).pointer).toBe('/f10');
    expect(listLeaves(nested(4), { maxDepth: 4 })).toHaveLength(1);
    const deep = refusal(() => bindForm(nested(5), undefined, { limits: { maxDepth: 4 } }));
    expect(deep.message).toMatch(/deeper than 4 levels/);
    expect(deep.pointer).toBe('/g/g/g/g/g');
    // With room in depth, the field count stops it.
    expect(refusal(() => listLeaves(bomb, { maxFields: 100, maxDepth: 256 })).message).toMatch(
      /more than 100 fields and groups/,
    );
    // The walks recurse: a depth that would overflow the stack is refused as an option.
    expect(() => bindForm(bomb, undefined, { limits: { maxDepth: 100_000 } })).toThrow(/from 1 to 256/);
    expect(safeParseFormSchema(flat(11), { limits: { maxFields: 10 } }).ok).toBe(false);
    expect(() => listLeaves(flat(1), { maxFields: 0 })).toThrow(/from 1 to/);
  });

  it('the defaults leave every shipped form well inside them', () => {
    const dir = resolve(import.meta.dirname, '../../../schemas/forms');
    const counts = readdirSync(dir)
      .filter((f) => f.endsWith('.schema.json'))
      .map((f) => listLeaves(JSON.parse(readFileSync(join(dir, f), 'utf8'))).length);
    expect(counts.length).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThan(DEFAULT_SCHEMA_EXPANSION_LIMITS.maxFields / 10);
  });
});
