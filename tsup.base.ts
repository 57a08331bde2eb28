import { defineConfig, type Options } from 'tsup';

/** The build every Node package shares: ESM for Node 20 with its declarations; `extra` adds to it. */
export function nodePackage(entry: Options['entry'], extra: Options = {}) {
  return defineConfig({ entry, format: ['esm'], dts: true, clean: true, target: 'node20', sourcemap: false, ...extra });
}
