import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';

let loaded: typeof RE2JS | undefined;

/**
 * The Node build's `re2-load.ts` (swapped in by tsup.config.ts): re2js (≈ 270 kB, ~15 ms to load) is required
 * when a pattern first needs it. The simple anchored patterns of most forms run without it (`pattern.ts`).
 */
export function re2js(): typeof RE2JS {
  loaded ??= (createRequire(import.meta.url)('re2js') as { RE2JS: typeof RE2JS }).RE2JS;
  return loaded;
}
