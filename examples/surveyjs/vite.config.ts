import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Everything is bundled from node_modules: the page loads nothing from a CDN.
export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
