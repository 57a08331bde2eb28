import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/drivers/memory.ts', 'src/drivers/sqlite.ts', 'src/drivers/postgres.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  target: 'node20',
  sourcemap: false,
});
