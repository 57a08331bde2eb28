import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipUnlessEnabled } from './fixtures/skip';

// Packs every package as it would be published (`pnpm pack` turns `workspace:^` and `catalog:` into
// versions), installs the tarballs with npm in a fresh project outside the workspace, and uses them there.
const enabled = skipUnlessEnabled('pack-install', 'SOHOA_PACK_TEST', 'packs, installs and uses the tarballs');

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const fixtures = join(root, 'test/fixtures/pack-install');
const packages = readdirSync(join(root, 'packages')).sort();
// The portal's form-filling path installs normally (install scripts run); the rest adds native and OCR
// dependencies and installs with `--ignore-scripts`, because better-sqlite3's build needs GitHub or minutes.
const formPackages = ['core', 'vn', 'eform', 'vault', 'render'];

interface PackageJson {
  name: string;
  exports: Record<string, unknown>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
const manifest = (name: string) =>
  JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')) as PackageJson;

/** Every export subpath as an import specifier, except those that need an optional peer the project lacks. */
function specifiers(name: string): string[] {
  const pkg = manifest(name);
  return Object.keys(pkg.exports)
    .filter((path) => !path.endsWith('.json') && !(name === 'eform' && path === './vitest'))
    .map((path) => (path === '.' ? pkg.name : `${pkg.name}/${path.slice(2)}`));
}

let work: string;
let tarballs: Map<string, string>;
let project: string;
const timings: string[] = [];

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    timings.push(`${label} ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
}

const npm = (args: string[]) =>
  run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, maxBuffer: 16 * 1024 * 1024 });
const node = (args: string[]) => run(process.execPath, args, { cwd: project, maxBuffer: 16 * 1024 * 1024 });

describe.skipIf(!enabled)('packed tarballs in a fresh project outside the workspace', () => {
  beforeAll(async () => {
    for (const name of packages) {
      if (!existsSync(join(root, 'packages', name, 'dist')))
        throw new Error(`packages/${name}/dist is missing: run \`pnpm build\` first (\`pnpm test\` does).`);
    }
    work = mkdtempSync(join(tmpdir(), 'sohoa-pack-'));
    const out = join(work, 'tarballs');
    await timed('pack', () =>
      run('npx', ['-y', 'pnpm@10.34.9', '-r', '--filter', './packages/*', 'pack', '--pack-destination', out], {
        cwd: root,
      }),
    );
    tarballs = new Map(
      readdirSync(out).map((file) => [/^sohoa-(.+)-\d+\.\d+\.\d+.*\.tgz$/.exec(file)![1]!, join(out, file)]),
    );
    project = join(work, 'project');
    mkdirSync(project);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'sohoa-pack-check', private: true, type: 'module' }, null, 2),
    );
  }, 120_000);

  afterAll(() => {
    console.info(`pack-install timings: ${timings.join(', ')}`);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('packs one tarball per package with versions instead of workspace and catalog ranges', async () => {
    expect([...tarballs.keys()].sort()).toEqual(packages);
    for (const [name, file] of tarballs) {
      const { stdout } = await run('tar', ['-xOzf', file, 'package/package.json']);
      expect(stdout, name).not.toMatch(/"(workspace|catalog):/);
      expect(statSync(file).size, name).toBeGreaterThan(1000);
    }
  });

  it('installs the form-filling packages with npm and fills, validates and renders the getting-started form', async () => {
    await timed('npm install (form packages)', () =>
      npm(['install', ...formPackages.map((name) => tarballs.get(name)!)]),
    );
    copyFileSync(join(root, 'examples/getting-started/first-form.mjs'), join(project, 'first-form.mjs'));
    const { stdout } = await timed('fill + PDF', () => node(['first-form.mjs', 'out.pdf']));
    expect(stdout).toMatch(/^\/hoTen\s+filled\s+cccd-2021 via qr$/m);
    expect(stdout).toMatch(/^coverage 5\/7 \(71\.4%\)$/m);
    expect(stdout).toContain('filled values valid: true');
    expect(readFileSync(join(project, 'out.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 240_000);

  it('installs every other package and each export subpath loads with import and require() with the same names as the sources', async () => {
    const rest = packages.filter((name) => !formPackages.includes(name));
    await timed('npm install --ignore-scripts (other packages)', () =>
      npm(['install', '--ignore-scripts', ...rest.map((name) => tarballs.get(name)!)]),
    );
    copyFileSync(join(fixtures, 'imports.mjs'), join(project, 'imports.mjs'));
    const all = packages.flatMap(specifiers);
    const { stdout } = await timed('import check', () => node(['imports.mjs', ...all]));
    const installed = JSON.parse(stdout) as Record<string, { import: string[]; require: string[] }>;
    for (const specifier of all) {
      const source = Object.keys(await import(/* @vite-ignore */ specifier)).sort();
      expect(installed[specifier]?.import, specifier).toEqual(source);
      expect(installed[specifier]?.require, specifier).toEqual(source);
    }
    const help = await node([join(project, 'node_modules/@sohoa/cli/dist/bin.js'), '--help']);
    expect(help.stdout).toContain('Usage: sohoa');
  }, 240_000);

  it('reads a seed card with the installed OCR engine and its offline language data', async () => {
    const scan = join(root, 'seeds/data/cccd', readdirSync(join(root, 'seeds/data/cccd')).sort()[0]!, 'back.jpg');
    copyFileSync(join(fixtures, 'ocr.mjs'), join(project, 'ocr.mjs'));
    const { stdout } = await timed('OCR one card back', () => node(['ocr.mjs', scan]));
    const result = JSON.parse(stdout) as { status: string; type?: string; keys: string[]; error?: string };
    expect(result).toMatchObject({ status: 'extracted', type: 'cccd-2021' });
    expect(result.keys).toEqual(expect.arrayContaining(['person.idNumber', 'person.fullName', 'person.birthDate']));
  }, 120_000);
});
