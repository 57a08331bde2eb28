import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bindForm } from './bind';
import { formTypes } from './codegen';
import { fillForm } from './fill';
import { syntheticProfile } from './internal/test-profile';
import { parseFormSchema } from './schema';
import { validateForm } from './validate';

const dir = new URL('../../../schemas/forms/', import.meta.url);
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.schema.json'))
  .sort();
const load = (name: string) => parseFormSchema(JSON.parse(readFileSync(new URL(name, dir), 'utf8')));
const now = new Date(2026, 2, 5);
// The birth of a child is declared by a parent: the requester is the mother here.
const roleMaps: Record<string, Record<string, string>> = {
  'to-khai-dang-ky-khai-sinh.schema.json': { mother: 'self' },
};

describe('forms library (schemas/forms)', () => {
  it('has at least 12 forms', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
  });

  it.each(names)('%s: every field annotated with a known key or `false`', (name) => {
    const { fields, diagnostics } = bindForm(load(name));
    expect(diagnostics).toEqual([]);
    expect(fields.filter((f) => f.via !== 'annotation' && f.via !== 'none').map((f) => f.pointer)).toEqual([]);
  });

  it.each(names)('%s: fills a CCCD holder to the 20 percent floor with values the schema accepts', (name) => {
    const schema = load(name);
    const filled = fillForm(schema, syntheticProfile(), { now, roleMap: roleMaps[name] ?? {} });
    expect(filled.coverage.ratio).toBeGreaterThanOrEqual(0.2);
    const filledPointers = new Set(filled.fields.filter((f) => f.status === 'filled').map((f) => f.pointer));
    const errors = validateForm(schema, filled.data).errors.filter((e) => filledPointers.has(e.pointer));
    expect(errors).toEqual([]);
  });

  it.each(names)('%s: generated types are current (run `sohoa types schemas/forms/*.schema.json`)', async (name) => {
    const committed = readFileSync(new URL(`types/${name.replace('.schema.json', '.ts')}`, dir), 'utf8');
    expect(committed).toBe(await formTypes(load(name)));
  });
});
