import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts', 'src/vitest.ts', 'src/codegen.ts'],
    // Ajv and its plugins are bundled in: from node_modules they are ~95 CommonJS files, and resolving and
    // reading them one by one (pnpm's symlinked tree) was most of a `sohoa fill` call's start-up (see
    // docs/architecture.md, "fill start-up"). Their own optional `re2` stays external (never required here).
    noExternal: ['ajv', /^ajv\//, 'ajv-formats', 'ajv-draft-04', 'fast-uri', 'fast-deep-equal', 'json-schema-traverse'],
    external: ['vitest', 're2'],
    format: ['esm'],
    dts: true,
    clean: true,
    target: 'node20',
    sourcemap: false,
  },
  {
    // No Node built-ins: @sohoa/core comes in through its browser-safe entry, @sohoa/vn with it.
    entry: { browser: 'src/browser.ts' },
    format: ['esm'],
    platform: 'browser',
    dts: true,
    clean: false,
    target: 'es2022',
    sourcemap: false,
    noExternal: ['@sohoa/core', '@sohoa/vn'],
    // Only @sohoa/vn's `loadGazetteer` reads files (a lazy import); it is not in this entry and is shaken out.
    external: ['fs/promises', 'node:fs/promises'],
    esbuildOptions(options) {
      options.alias = { '@sohoa/core': '@sohoa/core/browser' };
    },
  },
]);
