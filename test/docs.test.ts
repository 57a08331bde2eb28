import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const mdIn = (dir: string) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir))
        .filter((f) => f.endsWith('.md'))
        .map((f) => join(dir, f))
    : [];
const readmesUnder = (dir: string) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir))
        .map((d) => join(dir, d, 'README.md'))
        .filter((f) => existsSync(join(root, f)))
    : [];
const pages = [
  'README.md',
  ...mdIn('docs'),
  ...mdIn('schemas'),
  ...mdIn('.changeset'),
  ...readmesUnder('packages'),
  ...readmesUnder('examples'),
];

/** Relative link targets of a Markdown page, outside code blocks and inline code. */
function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#'))
    .map((target) => decodeURIComponent(target.split('#')[0]!));
}

describe('docs', () => {
  it('finds the pages', () => {
    expect(pages).toEqual(expect.arrayContaining(['README.md', 'docs/getting-started.md', 'packages/core/README.md']));
  });

  it.each(pages)('%s: relative links point to files that exist', (page) => {
    const missing = relativeLinks(readFileSync(join(root, page), 'utf8')).filter(
      (target) => !existsSync(resolve(root, dirname(page), target)),
    );
    expect(missing).toEqual([]);
  });

  it('every package has a README with an example', () => {
    for (const name of readdirSync(join(root, 'packages'))) {
      const readme = join(root, 'packages', name, 'README.md');
      expect(existsSync(readme), relative(root, readme)).toBe(true);
      expect(readFileSync(readme, 'utf8'), relative(root, readme)).toMatch(/```(ts|js|sh)\n/);
    }
  });

  it('getting-started shows examples/getting-started/first-form.mjs as it is', () => {
    const page = readFileSync(join(root, 'docs/getting-started.md'), 'utf8');
    const sample = readFileSync(join(root, 'examples/getting-started/first-form.mjs'), 'utf8');
    const body = sample.slice(sample.indexOf('import '));
    expect(page).toContain(body.trimEnd());
  });

  it('the API reference builds from the JSDoc without warnings (typedoc, nothing written)', async () => {
    const typedoc = join(root, 'node_modules/typedoc/bin/typedoc');
    const { stdout, stderr } = await run(process.execPath, [typedoc, '--emit', 'none'], { cwd: root });
    expect(`${stdout}${stderr}`).not.toMatch(/\[(warning|error)\]/);
  }, 120_000);
});
