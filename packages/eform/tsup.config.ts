import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ["src/index.ts", "src/vitest.ts", "src/codegen.ts"],
  external: ["vitest"],
  format: ['esm'],
  dts: true,
  clean: true,
  target: 'node20',
  sourcemap: false,
});
