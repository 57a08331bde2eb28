import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

/**
 * The Node build takes `ajv-load.node.ts` and `re2-load.node.ts` for `./ajv-load` and `./re2-load`: Ajv and
 * RE2 are then required when first needed, not loaded with the package (sources and the browser import them).
 */
const lazyLoads = {
  name: 'lazy-loads',
  setup(build: { onResolve: (o: { filter: RegExp }, f: (a: { path: string }) => { path: string }) => void }) {
    build.onResolve({ filter: /^\.\/(ajv|re2)-load$/ }, ({ path }) => ({
      path: fileURLToPath(new URL(`./src/internal/${path.slice(2)}.node.ts`, import.meta.url)),
    }));
  },
};

/** Ajv and its plugins: from node_modules ~95 CommonJS files (ajv-errors would load Ajv's files again). */
const AJV = [
  'ajv',
  /^ajv\//,
  'ajv-errors',
  'ajv-formats',
  'ajv-draft-04',
  'fast-uri',
  'fast-deep-equal',
  'json-schema-traverse',
];

export default defineConfig([
  {
    entry: ['src/index.ts', 'src/vitest.ts', 'src/codegen.ts'],
    // Ajv and its plugins are bundled, not resolved and read one by one from pnpm's symlinked node_modules
    // (that was most of a `sohoa fill` call's start-up, see docs/architecture.md, "fill start-up"): into
    // `dist/ajv.cjs` (next entry), which `ajv-load.node.ts` requires when an Ajv instance is first needed. The
    // small pieces used without Ajv (ajv-formats' formats, Ajv's `equal` for the meta-validators) are in here.
    noExternal: AJV,
    external: ['vitest', 're2'],
    format: ['esm'],
    dts: true,
    clean: true,
    target: 'node20',
    sourcemap: false,
    esbuildPlugins: [lazyLoads],
  },
  {
    entry: { ajv: 'src/internal/ajv-bundle.ts' },
    // Their own optional `re2` stays external (never required here).
    noExternal: AJV,
    external: ['re2'],
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    dts: false,
    clean: false,
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
