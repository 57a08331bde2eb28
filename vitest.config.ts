import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url));
// Tests import package sources directly, so `vitest` needs no build; the CLI e2e tests use dist.
const alias = readdirSync(packagesDir).flatMap((name) => [
  { find: new RegExp(`^@sohoa/${name}/(.*)$`), replacement: `${packagesDir}${name}/src/$1.ts` },
  { find: new RegExp(`^@sohoa/${name}$`), replacement: `${packagesDir}${name}/src/index.ts` },
]);

export default defineConfig({
  resolve: { alias },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'test/**/*.test.ts',
      'seeds/**/*.test.ts',
      'examples/coverage-test/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
