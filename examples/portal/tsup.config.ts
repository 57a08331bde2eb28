import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { 'server/main': 'server/main.ts' },
  format: ['esm'],
  target: 'node20',
  outDir: 'dist',
  clean: false,
});
