import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { canRun } from './fixtures/skip';
import * as batch from '@sohoa/batch';
import * as core from '@sohoa/core';
import * as coreBrowser from '@sohoa/core/browser';
import * as extract from '@sohoa/extract';

// The public surface changes only on purpose: update these lists in the same commit as the change.
describe('public exports', () => {
  it('@sohoa/core', () => {
    expect(Object.keys(core).sort()).toEqual([
      'DEFAULT_SCHEMA_EXPANSION_LIMITS',
      'DIAGNOSTIC_CODES',
      'ERROR_CODES',
      'MAX_SCHEMA_DEPTH',
      'METHOD_AUTHORITY',
      'SohoaError',
      'createDiagnostic',
      'createExpansionBudget',
      'createPrivateFile',
      'documentKindOf',
      'greyHistogram',
      'hasErrors',
      'importOptionalPeer',
      'isSohoaError',
      'otsuThreshold',
      'sha256Hex',
      'toSourceBox',
      'writePrivateFile',
    ]);
  });
  it('@sohoa/core/browser (no Node built-ins: no hashing, no files)', () => {
    expect(Object.keys(coreBrowser).sort()).toEqual([
      'DEFAULT_SCHEMA_EXPANSION_LIMITS',
      'DIAGNOSTIC_CODES',
      'ERROR_CODES',
      'MAX_SCHEMA_DEPTH',
      'METHOD_AUTHORITY',
      'SohoaError',
      'createDiagnostic',
      'createExpansionBudget',
      'documentKindOf',
      'hasErrors',
      'importOptionalPeer',
      'isSohoaError',
      'toSourceBox',
    ]);
  });
  it('@sohoa/extract', () => {
    expect(Object.keys(extract).sort()).toEqual([
      'DECLARABLE_KINDS',
      'DOCUMENT_TYPES',
      'ID_THRESHOLD',
      'UNCLASSIFIED_DOC_CODE_KIND',
      'collectReadings',
      'decideSubject',
      'decodeQr',
      'defineDocumentType',
      'docCodeKindOf',
      'extractDocument',
      'fieldParsers',
      'findHeaderColumns',
      'getDocumentType',
      'hasQrFinderPatterns',
      'mergeFieldSets',
      'parseCccdQrPayload',
      'readMrz',
      'readingOrder',
      'resolveExtractOptions',
      'safeExtractDocument',
    ]);
  });
  it('@sohoa/batch', () => {
    expect(Object.keys(batch).sort()).toEqual([
      'DEFAULT_MANIFEST_LIMITS',
      'REVIEW_THRESHOLD',
      'buildReport',
      'collectReviewItems',
      'createProcessPool',
      'csvCell',
      'digitizeFile',
      'digitizeFiles',
      'memoryJournal',
      'memoryReviewQueue',
      'openDigitizer',
      'parseCsv',
      'readManifest',
      'reportToCsv',
      'reportToHtml',
      'safeParseManifest',
    ]);
  });
});

// Node ≥ 20.19 loads ES modules from `require()`: every export subpath (but `./vitest`, which needs a running
// vitest) loads from the built `dist` both ways, each package resolved by name from its own folder.
const root = resolve(import.meta.dirname, '..');
const packageNames = readdirSync(join(root, 'packages')).filter((name) =>
  existsSync(join(root, 'packages', name, 'package.json')),
);
const built = packageNames.every((name) => existsSync(join(root, 'packages', name, 'dist')));
const loader = `
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
const out = {};
for (const [dir, specifier] of JSON.parse(process.argv[1])) {
  const require = createRequire(dir + '/package.json');
  const required = Object.keys(require(specifier)).sort();
  const imported = Object.keys(await import(pathToFileURL(require.resolve(specifier)).href)).sort();
  out[specifier] = { required, imported };
}
console.log(JSON.stringify(out));`;

describe.skipIf(!canRun('exports', built, 'a packages/*/dist is missing: run `pnpm build` first'))(
  'require() and import of every built package',
  () => {
    it('load the same names from every export subpath, and each subpath names a `default` condition', async () => {
      const pairs: [string, string][] = [];
      for (const name of packageNames) {
        const dir = join(root, 'packages', name);
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
          name: string;
          exports: Record<string, unknown>;
        };
        for (const [path, target] of Object.entries(pkg.exports)) {
          if (path.endsWith('.json')) continue;
          expect(target, `${pkg.name} ${path}`).toHaveProperty('default');
          if (path !== './vitest') pairs.push([dir, path === '.' ? pkg.name : `${pkg.name}/${path.slice(2)}`]);
        }
      }
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        ['--input-type=module', '-e', loader, JSON.stringify(pairs)],
        { maxBuffer: 16 * 1024 * 1024 },
      );
      const loaded = JSON.parse(stdout) as Record<string, { required: string[]; imported: string[] }>;
      expect(Object.keys(loaded).sort()).toEqual(pairs.map(([, s]) => s).sort());
      for (const [specifier, { required, imported }] of Object.entries(loaded)) {
        expect(imported.length, specifier).toBeGreaterThan(0);
        expect(required, specifier).toEqual(imported);
      }
      expect(stderr).not.toMatch(/ERR_REQUIRE/);
    }, 120_000);
  },
);
