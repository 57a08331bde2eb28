// CLI start-up: a command loads only what it uses (`fill` neither OCR nor PDF rendering nor image decoding).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const bin = join(root, 'packages/cli/dist/bin.js');

function imported(args: string[]): string[] {
  if (!existsSync(bin)) throw new Error('packages/cli/dist/bin.js is missing: run `pnpm build` first.');
  const run = spawnSync(process.execPath, ['--import', join(root, 'test/fixtures/log-imports.mjs'), bin, ...args], {
    encoding: 'utf8',
  });
  return [...run.stderr.matchAll(/^import: (.+)$/gm)].map((m) => m[1]!);
}

describe('CLI start-up', () => {
  it('`fill` loads neither OCR, image decoding, PDF rendering, nor extraction', () => {
    const modules = imported(['fill', '--help']);
    expect(modules).toContain('commander');
    for (const heavy of [
      '@sohoa/ocr',
      '@sohoa/ingest',
      '@sohoa/render',
      '@sohoa/extract',
      '@sohoa/batch',
      'tesseract.js',
      'sharp',
      'pdf-lib',
    ])
      expect(modules).not.toContain(heavy);
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
