// `sohoa fill` per call, without digitising first: a fresh SQLite vault (key file beside it, as the CLI
// creates it) holding one synthetic card record (test/bench/vault-records.mjs), then `sohoa fill <form>
// --vault … --subject … --json` run N times as a user runs it (a new process each time). Prints the median
// and min per call, a bare `node -e ''` beside it (process start-up alone), and, with --baseline, another
// build's CLI interleaved call by call (before/after in one run). Each call also reports its own CPU time
// (user + system, read by a preload at exit): on a loaded machine wall time waits for a core, CPU time much less. --cpu-prof <dir> writes a V8 CPU profile
// of one more call there (open it in Chrome DevTools or summarise it with --cpu-prof-summary).
// Usage: pnpm bench:fill [--calls 9] [--forms to-khai-can-cuoc,…] [--baseline <checkout>/packages/cli/dist/bin.js]
//        [--cpu-prof <dir>]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cardRecord, personId } from './vault-records.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
  options: {
    calls: { type: 'string', default: '9' },
    forms: { type: 'string', default: 'to-khai-can-cuoc,ct01-to-khai-thay-doi-thong-tin-cu-tru' },
    baseline: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
const BIN = join(root, 'packages/cli/dist/bin.js');
const log = (line = '') => process.stdout.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const CPU_HOOK = `process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\ncpu-us: ' + (u.user + u.system) + '\\n'); });`;

function run(argv, env = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: out,
        stderr: err,
        ms: performance.now() - started,
        cpuMs: Number(/cpu-us: (\d+)/.exec(err)?.[1] ?? Number.NaN) / 1000,
      }),
    );
  });
}

const work = mkdtempSync(join(tmpdir(), 'sohoa-bench-fill-'));
const hook = join(work, 'cpu.cjs');
writeFileSync(hook, CPU_HOOK);
try {
  const { createVault, operatorAccess } = await import(join(root, 'packages/vault/dist/index.js'));
  const { sqliteDriver } = await import(join(root, 'packages/vault/dist/drivers/sqlite.js'));
  const vaultPath = join(work, 'vault.db');
  const key = Buffer.alloc(32, 7);
  writeFileSync(`${vaultPath}.key`, `k1:${key.toString('hex')}\n`, { mode: 0o600 });
  const vault = createVault({
    driver: sqliteDriver({ path: vaultPath }),
    masterKey: { id: 'k1', key },
    ...operatorAccess('sohoa-cli'),
  });
  await vault.putDocument(cardRecord(1));
  await vault.close();
  const subject = personId(1);
  const available = readdirSync(join(root, 'schemas/forms')).filter((f) => f.endsWith('.schema.json'));
  const forms = args.forms.split(',').map((name) => {
    const file = available.find((f) => f === `${name}.schema.json`);
    if (!file) throw new Error(`no form ${name} in schemas/forms (have: ${available.join(', ')})`);
    return join(root, 'schemas/forms', file);
  });
  const fillArgs = (bin, form, extra = []) => [
    '-r',
    hook,
    ...extra,
    bin,
    'fill',
    form,
    '--vault',
    vaultPath,
    '--subject',
    subject,
    '--json',
  ];
  const bins = [['this build', BIN], ...(args.baseline ? [['baseline', args.baseline]] : [])];
  const times = new Map(bins.map(([name]) => [name, []]));
  const cpu = new Map(bins.map(([name]) => [name, []]));
  const outputs = new Map();
  for (const [name, bin] of bins) {
    // One call each first, untimed: warms the OS file cache and checks the output.
    for (const form of forms) {
      const r = await run(fillArgs(bin, form));
      if (r.code !== 0) throw new Error(`${name}: sohoa fill exited ${r.code}: ${r.stderr.slice(0, 400)}`);
      const filled = JSON.parse(r.stdout);
      if (!(filled.coverage?.filled > 0)) throw new Error(`${name}: sohoa fill filled nothing on ${form}`);
      outputs.set(`${name} ${form}`, JSON.stringify(filled.data));
    }
  }
  if (args.baseline)
    for (const form of forms)
      log(
        `${form.split('/').pop()}: data ${outputs.get(`this build ${form}`) === outputs.get(`baseline ${form}`) ? 'identical' : 'DIFFERS'} between this build and the baseline`,
      );
  const startup = [];
  const startupCpu = [];
  log(`load before: ${load()}`);
  for (let i = 0; i < Number(args.calls); i++) {
    // Interleaved: one call of each build per form per round, so both see the same load.
    for (const form of forms)
      for (const [name, bin] of bins) {
        const r = await run(fillArgs(bin, form));
        if (r.code !== 0) throw new Error(`${name}: sohoa fill exited ${r.code}: ${r.stderr.slice(0, 400)}`);
        times.get(name).push(r.ms);
        cpu.get(name).push(r.cpuMs);
      }
    const bare = await run(['-r', hook, '-e', '']);
    startup.push(bare.ms);
    startupCpu.push(bare.cpuMs);
  }
  log(`load after: ${load()}`);
  log(
    "| CLI | `sohoa fill … --json`, median per call | min | CPU per call (median) | calls | bare `node -e ''` median (CPU) |",
  );
  log('|---|---|---|---|---|---|');
  for (const [name] of bins) {
    const t = times.get(name);
    log(
      `| ${name} | ${median(t).toFixed(0)} ms | ${Math.min(...t).toFixed(0)} ms | ${median(cpu.get(name)).toFixed(0)} ms | ${t.length} (${forms.length} forms) | ${median(startup).toFixed(0)} ms (${median(startupCpu).toFixed(0)} ms) |`,
    );
  }
  if (args['cpu-prof']) {
    const r = await run(fillArgs(BIN, forms[0], ['--cpu-prof', '--cpu-prof-dir', args['cpu-prof']]));
    if (r.code !== 0) throw new Error(`profiled call exited ${r.code}`);
    log(`CPU profile of one call written to ${args['cpu-prof']}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
