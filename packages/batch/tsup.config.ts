import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/journal/sqlite.ts', 'src/queue/pg-boss.ts', 'src/internal/isolated-child.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  target: 'node20',
  sourcemap: false,
});
