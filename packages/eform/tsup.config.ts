import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts', 'src/vitest.ts', 'src/codegen.ts'],
    external: ['vitest'],
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
