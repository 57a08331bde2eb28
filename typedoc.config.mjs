// API reference (`pnpm docs:api` → docs/api/): one module per public import specifier of each package,
// taken from its package.json `exports` (`./drivers/sqlite` → `src/drivers/sqlite.ts`), so that a new subpath
// is documented without editing this file. test/docs.test.ts builds it with `--emit none`.
import { readdirSync, readFileSync } from 'node:fs';

const entryPoints = readdirSync('packages')
  .sort()
  .flatMap((name) => {
    const { exports } = JSON.parse(readFileSync(`packages/${name}/package.json`, 'utf8'));
    return Object.keys(exports)
      .filter((path) => !path.endsWith('.json'))
      .map((path) => `packages/${name}/src/${path === '.' ? 'index' : path.slice(2)}.ts`);
  });

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'sohoa API reference',
  entryPoints,
  tsconfig: 'tsconfig.json',
  out: 'docs/api',
  readme: 'none',
  plugin: ['./docs/tools/typedoc-module-names.mjs'],
  skipErrorChecking: true,
  excludePrivate: true,
  excludeInternal: true,
  excludeExternals: true,
  disableSources: true,
  treatWarningsAsErrors: true,
};
