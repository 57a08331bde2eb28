#!/usr/bin/env node
// `pnpm pack:all`: builds the packages whose `dist` is missing or older than their sources, then packs every
// package as it would be published (`workspace:^` and `catalog:` become versions) into `dist-tarballs/`.
// Install them in any project with `npm install ./dist-tarballs/sohoa-eform-*.tgz …` (see docs/getting-started.md).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'dist-tarballs');
const pnpm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npx', '-y', 'pnpm@10.34.9'];

/** Newest modification time under `path` (a file or a folder), 0 when it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const names = readdirSync(join(root, 'packages')).filter((name) =>
  existsSync(join(root, 'packages', name, 'package.json')),
);
const stale = names.filter((name) => {
  const dir = join(root, 'packages', name);
  const built = existsSync(join(dir, 'dist')) ? statSync(join(dir, 'dist')).mtimeMs : 0;
  // Everything but the output and the installed dependencies: src/, package.json, tsup.config.ts, bundled data (eform's vocab/).
  const sources = Math.max(
    0,
    ...readdirSync(dir)
      .filter((entry) => entry !== 'dist' && entry !== 'node_modules')
      .map((entry) => newest(join(dir, entry))),
  );
  return built === 0 || sources > built || readdirSync(join(dir, 'dist')).length === 0;
});

const exec = (args) => execFileSync(pnpm[0], [...pnpm.slice(1), ...args], { cwd: root, stdio: 'inherit' });
if (stale.length > 0) {
  console.log(`pack:all: building ${stale.join(', ')}`);
  exec(['-r', ...stale.flatMap((name) => ['--filter', `./packages/${name}`]), 'build']);
} else {
  console.log('pack:all: every package is built');
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out);
exec(['-r', '--filter', './packages/*', 'pack', '--pack-destination', out]);
console.log(`pack:all: ${readdirSync(out).length} tarballs in ${out}`);
