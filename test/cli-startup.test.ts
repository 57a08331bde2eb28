// CLI start-up: a command loads only what it uses (`fill` neither OCR nor PDF rendering nor image decoding, nor
// Ajv or the RE2 engine when its fields' checks and patterns are simple).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVault, operatorAccess } from '@sohoa/vault';
import { sqliteDriver } from '@sohoa/vault/drivers/sqlite';
import { SYNTHETIC_ID, syntheticCccd } from '../packages/vault/src/internal/fixtures';

const root = join(__dirname, '..');
const bin = join(root, 'packages/cli/dist/bin.js');

const HEAVY = [
  '@sohoa/ocr',
  '@sohoa/ingest',
  '@sohoa/render',
  '@sohoa/extract',
  '@sohoa/batch',
  'tesseract.js',
  'sharp',
  'pdf-lib',
  'pdfjs-dist',
];

/** What a fill must not load beyond HEAVY: Ajv (eform's lazily required bundle) and the RE2 engine. */
const NOT_FOR_FILL = ['./ajv.cjs', 're2js'];

/** Bare ESM imports (`import: x`) and CommonJS requests (`require: x`, e.g. through `createRequire`) of a run. */
function imported(args: string[], expectStatus?: number): string[] {
  if (!existsSync(bin)) throw new Error('packages/cli/dist/bin.js is missing: run `pnpm build` first.');
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      join(root, 'test/fixtures/log-imports.mjs'),
      '-r',
      join(root, 'test/fixtures/log-requires.cjs'),
      bin,
      ...args,
    ],
    { encoding: 'utf8' },
  );
  if (expectStatus !== undefined)
    expect(run.status, run.stderr.replace(/^(import|require): .+\n/gm, '')).toBe(expectStatus);
  return [...run.stderr.matchAll(/^(?:import|require): (.+)$/gm)].map((m) => m[1]!);
}

describe('CLI start-up', () => {
  it('`fill` loads neither OCR, image decoding, PDF rendering, nor extraction', () => {
    const modules = imported(['fill', '--help']);
    expect(modules).toContain('commander');
    for (const heavy of HEAVY) expect(modules).not.toContain(heavy);
  });

  it('a real `fill` run (vault opened, form filled, JSON printed) loads none of them either', async () => {
    // `fill --help` never runs the command's module; a static import there (even of a constant) would load pdf-lib.
    const work = mkdtempSync(join(tmpdir(), 'sohoa-startup-'));
    try {
      const path = join(work, 'v.db');
      const key = Buffer.alloc(32, 3);
      writeFileSync(`${path}.key`, `k1:${key.toString('hex')}\n`, { mode: 0o600 });
      const vault = createVault({
        driver: sqliteDriver({ path }),
        masterKey: { id: 'k1', key },
        ...operatorAccess('sohoa-cli'),
      });
      await vault.putDocument(syntheticCccd());
      await vault.close();
      const form = join(root, 'schemas/forms/to-khai-can-cuoc.schema.json');
      const modules = imported(['fill', form, '--vault', path, '--subject', SYNTHETIC_ID, '--json'], 0);
      expect(modules).toContain('@sohoa/eform');
      expect(modules).toContain('better-sqlite3');
      for (const heavy of [...HEAVY, ...NOT_FOR_FILL]) expect(modules).not.toContain(heavy);
      // The same form with a pattern RE2 must run (a lookahead) and a field Ajv must check loads both.
      const custom = join(work, 'custom.schema.json');
      const own = JSON.parse(readFileSync(form, 'utf8'));
      own.properties.hoTen = { ...own.properties.hoTen, pattern: '^(?!\\s)[^<>]+$', anyOf: [{ type: 'string' }] };
      writeFileSync(custom, JSON.stringify(own));
      const loaded = imported(['fill', custom, '--vault', path, '--subject', SYNTHETIC_ID, '--json'], 0);
      for (const lazy of NOT_FOR_FILL) expect(loaded).toContain(lazy);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('`digitize` still loads OCR when it runs', () => {
    const modules = imported([
      'digitize',
      '/nonexistent-file-for-startup-test.jpg',
      '--vault',
      join(root, 'node_modules/.cache/startup-test/v.db'),
      '--quiet',
      '--no-isolate',
    ]);
    expect(modules).toContain('@sohoa/ocr');
  });
});
