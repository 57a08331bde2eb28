import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FormSchema } from '../types';

const root = join(import.meta.dirname, '../../../..');

/**
 * For tests: the repository's forms (`schemas/forms`), then, when the shared data is there, the forms from the
 * wild of `../shared/data/forms-wild` (several drafts), each as `[name, parsed JSON object]`.
 */
export function repositoryAndWildForms(): Array<[string, FormSchema]> {
  const out: Array<[string, FormSchema]> = [];
  const dir = join(root, 'schemas/forms');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.schema.json')))
    out.push([f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]);
  const wild = join(root, '../shared/data/forms-wild');
  if (existsSync(wild))
    for (const sub of readdirSync(wild, { withFileTypes: true }).filter((d) => d.isDirectory()))
      for (const f of readdirSync(join(wild, sub.name)).filter((n) => n.endsWith('.json'))) {
        try {
          const schema = JSON.parse(readFileSync(join(wild, sub.name, f), 'utf8'));
          if (schema && typeof schema === 'object' && !Array.isArray(schema)) out.push([`${sub.name}/${f}`, schema]);
        } catch {
          // not JSON: not a sample
        }
      }
  return out;
}
