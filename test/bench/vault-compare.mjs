// profile() latency of this build against another one (e.g. an older commit), side by side: each build
// loads its own SQLite vaults once (plain and encrypted, kept in --db), then rounds alternate between
// the builds, each round reading subjects no earlier round read; prints every round, the load average
// (the machine may be shared) and the medians.
//
// Usage: node test/bench/vault-compare.mjs --against /tmp/old --db /tmp/sohoa-vault-compare
//          [--subjects 20000] [--profiles 2000] [--rounds 3] [--stage /dev/shm] [--modes plain,encrypted]
// Build the other checkout first: git worktree add /tmp/old <commit> && cd /tmp/old &&
//   npx -y pnpm@10.34.9 install --offline && npx -y pnpm@10.34.9 --filter @sohoa/vault... build
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    against: { type: 'string' },
    db: { type: 'string', default: '/tmp/sohoa-vault-compare' },
    subjects: { type: 'string', default: '20000' },
    profiles: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '3' },
    stage: { type: 'string' },
    modes: { type: 'string', default: 'plain,encrypted' },
  },
});
if (!args.against) throw new Error('--against DIR (the other build) is required');
const builds = [
  { label: 'before', root: resolve(args.against) },
  { label: 'after', root: here },
];
const modes = [
  { label: 'plain', flags: [] },
  { label: 'encrypted', flags: ['--encrypted'] },
].filter((m) => args.modes.split(',').includes(m.label));
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function run(build, mode, extra) {
  const db = join(resolve(args.db), `${build.label}-${args.subjects}`);
  const argv = [
    join(here, 'test/bench/vault-latency.mjs'),
    '--root',
    build.root,
    '--db',
    db,
    '--subjects',
    args.subjects,
    '--profiles',
    args.profiles,
    ...mode.flags,
    ...(args.stage ? ['--stage', args.stage] : []),
    ...extra,
  ];
  const child = spawnSync(process.execPath, argv, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`${build.label} ${mode.label} failed (exit ${child.status})`);
  return child.stdout.trim() ? JSON.parse(child.stdout.trim().split('\n').pop()) : undefined;
}

for (const build of builds) for (const mode of modes) run(build, mode, ['--load-only']);

const results = new Map();
for (let r = 1; r <= Number(args.rounds); r++) {
  // Alternate which build goes first, so neither always reads right after the other.
  const order = r % 2 ? builds : [...builds].reverse();
  for (const mode of modes) {
    for (const build of order) {
      const before = load();
      const m = run(build, mode, ['--round', String(r)]);
      const key = `${build.label}|${mode.label}`;
      results.set(key, [...(results.get(key) ?? []), m]);
      console.log(
        `round ${r}  ${build.label.padEnd(6)}  ${mode.label.padEnd(9)}  p50 ${m.p50.toFixed(2)} ms  p90 ${m.p90.toFixed(2)} ms  p99 ${m.p99.toFixed(2)} ms  max ${m.max.toFixed(1)} ms  (load average ${before})`,
      );
    }
  }
}

console.log(
  `\nprofile() on SQLite, ${args.subjects} subjects, ${args.profiles} reads per round, medians of ${args.rounds} rounds (node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z)`,
);
console.log('mode        build    p50 ms   p99 ms');
for (const mode of modes) {
  const row = (b) => results.get(`${b.label}|${mode.label}`);
  for (const b of builds)
    console.log(
      `${mode.label.padEnd(10)}  ${b.label.padEnd(6)}  ${median(row(b).map((m) => m.p50))
        .toFixed(2)
        .padStart(6)}  ${median(row(b).map((m) => m.p99))
        .toFixed(2)
        .padStart(7)}`,
    );
  const [a, b] = builds.map(row);
  console.log(
    `${mode.label.padEnd(10)}  after/before: p50 ${(median(b.map((m) => m.p50)) / median(a.map((m) => m.p50))).toFixed(2)}×, p99 ${(median(b.map((m) => m.p99)) / median(a.map((m) => m.p99))).toFixed(2)}×`,
  );
}
console.log(`before: ${builds[0].root}\nafter:  ${builds[1].root}`);
