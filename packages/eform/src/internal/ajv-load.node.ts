import { createRequire } from 'node:module';
import type { AjvModules } from './ajv-bundle';

let loaded: AjvModules | undefined;

/**
 * The Node build's `ajv-load.ts` (swapped in by tsup.config.ts): Ajv is loaded the first time an instance is
 * needed, not with the package. A `sohoa fill` whose fields need no Ajv (`leaf-check.ts`) neither evaluates
 * nor even parses it (≈ 360 kB; parsing alone was ~15 ms of every call). Synchronous, as its callers are:
 * Ajv, its plugins and their dependencies are one CommonJS file, `dist/ajv.cjs` (`ajv-bundle.ts`).
 */
export function ajvModules(): AjvModules {
  loaded ??= (createRequire(import.meta.url)('./ajv.cjs') as { modules: AjvModules }).modules;
  return loaded;
}
