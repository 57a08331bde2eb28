import { defineConfig } from 'vitest/config';

// Standalone use (`pnpm test` in this folder or in your portal): the test registers the matcher itself.
export default defineConfig({ test: { include: ['*.test.ts'] } });
