import { execFile } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipUnlessEnabled } from './fixtures/skip';

// Runs every command block of docs/getting-started.md in order, in one shell, as a reader would type them:
// in a fresh directory outside the workspace that holds the clone as `sohoa/` (a symbolic link to this
// repository). `sh` blocks run as written; a `js <file>` block is saved as <file> in the current directory;
// the `text` block after the last command is the output it must print.
const enabled = skipUnlessEnabled(
  'getting-started',
  'SOHOA_DOCS_TEST',
  'runs pnpm pack:all and npm install from the packed tarballs',
);
const run = promisify(execFile);

/** Bytes of the files under `path` (symbolic links not followed). */
function bytesUnder(path: string): number {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytesUnder(join(path, name)), 0);
}
const root = resolve(import.meta.dirname, '..');
const page = readFileSync(join(root, 'docs/getting-started.md'), 'utf8');

interface Block {
  info: string;
  body: string;
}
const blocks: Block[] = [...page.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({
  info: m[1]!.trim(),
  body: m[2]!,
}));

/** The shell script a reader types: sh blocks verbatim, js blocks written to their file with a quoted here-document. */
function script(): string {
  const lines = ['set -eu'];
  for (const { info, body } of blocks) {
    const [lang, file] = info.split(/\s+/);
    if (lang === 'sh') lines.push(body);
    else if (lang === 'js' && file) lines.push(`cat > ${file} <<'SOHOA_DOC_EOF'\n${body}SOHOA_DOC_EOF`);
  }
  return lines.join('\n');
}

describe.skipIf(!enabled)('docs/getting-started.md, every command block in a fresh directory', () => {
  let work: string;
  let output = '';
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'sohoa-getting-started-'));
    symlinkSync(root, join(work, 'sohoa'));
    const { stdout } = await run('bash', ['-c', script()], {
      cwd: work,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, CI: '', npm_config_fund: 'false', npm_config_audit: 'false' },
    });
    output = stdout;
  }, 600_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('has the blocks this test knows how to run (sh, one js file, the expected output)', () => {
    expect(blocks.map((b) => b.info.split(/\s+/)[0])).toEqual(['sh', 'sh', 'sh', 'js', 'sh', 'text']);
  });

  it('prints the output the page shows and writes the PDF', () => {
    const expected = blocks.at(-1)!.body.trimEnd().split('\n');
    const printed = output.split('\n').map((line) => line.trimEnd());
    for (const line of expected) expect(printed, line).toContain(line.trimEnd());
    expect(readFileSync(join(work, 'my-portal/out.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('loads with require() and does not install the code generator (an optional peer)', () => {
    expect(output.split('\n')).toContain('function');
    expect(existsSync(join(work, 'my-portal/node_modules/json-schema-to-typescript'))).toBe(false);
    expect(existsSync(join(work, 'my-portal/node_modules/prettier'))).toBe(false);
  });

  it('generates form types once the optional peer is installed, as the page says (sizes before and after printed)', async () => {
    const project = join(work, 'my-portal');
    const without = bytesUnder(join(project, 'node_modules'));
    await run('npm', ['install', 'json-schema-to-typescript', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: project,
    });
    const withPeer = bytesUnder(join(project, 'node_modules'));
    console.info(
      `getting-started: node_modules of core+vn+eform+vault+render ${(without / 1e6).toFixed(1)} MB; with the optional json-schema-to-typescript ${(withPeer / 1e6).toFixed(1)} MB`,
    );
    const script = `import { formTypes } from '@sohoa/eform/codegen';
      console.log(await formTypes({ $id: 'to-khai-mau', type: 'object', properties: { hoTen: { type: 'string' } } }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: project });
    expect(stdout).toMatch(/export interface ToKhaiMau \{\n\s+hoTen\?: string;/);
    expect(withPeer).toBeGreaterThan(without);
  }, 180_000);
});
