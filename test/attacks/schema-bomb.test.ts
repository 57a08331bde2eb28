// Attack (issue 13, item 5): a 250-byte form schema whose `$ref` points back at itself twice passes every size
// limit of the schema document and expands to ~2^32 fields in every walk over it (bind, fill, validate, render,
// codegen): 45 s and 2.4 GB before it was killed. Every entry point must refuse it fast with EFORM_SCHEMA_TOO_LARGE.
// Each walk runs in a child process with a deadline, so that an unbounded walk fails this test instead of hanging it.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withVault } from '@sohoa/cli/context';
import { SYNTHETIC_ID, syntheticCccd } from '@sohoa/vault/internal/fixtures';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'packages/cli/dist/bin.js');
const dist = (pkg: string) => join(root, `packages/${pkg}/dist/index.js`);
if (!existsSync(bin) || !existsSync(dist('render')))
  throw new Error('packages/*/dist is missing: run `pnpm build` first (`pnpm test` does).');

/** Each `n` holds two more `n`s: 2^depth fields, in 250 bytes. */
const BOMB = {
  type: 'object',
  title: 'Tờ khai',
  $defs: {
    n: {
      type: 'object',
      title: 'Nhóm',
      properties: { a: { $ref: '#/$defs/n' }, b: { $ref: '#/$defs/n' }, hoTen: { type: 'string', title: 'Họ và tên' } },
    },
  },
  properties: { x: { $ref: '#/$defs/n' } },
};
/** A generous bound for a refusal on a loaded CI machine; the figure for a quiet machine is in the report. */
const REFUSAL_MS = 2_000;
const CHILD_DEADLINE_MS = 30_000;

interface Outcome {
  code: number | string;
  stdout: string;
  stderr: string;
  ms: number;
}

async function runNode(args: string[]): Promise<Outcome> {
  const started = performance.now();
  const done = await run(process.execPath, args, {
    cwd: root,
    timeout: CHILD_DEADLINE_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0 as number | string, stdout, stderr }),
    (e: { code?: number | string; signal?: string; stdout?: string; stderr?: string }) => ({
      code: e.signal ?? e.code ?? -1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    }),
  );
  return { ...done, ms: performance.now() - started };
}

/** Calls one public entry point of the built packages on the bomb in a child process; prints `{ code, ms }`. */
async function entryPoint(call: string, bomb: object = BOMB): Promise<{ code: string | undefined; ms: number }> {
  const script = `
    import * as eform from ${JSON.stringify(dist('eform'))};
    import * as render from ${JSON.stringify(dist('render'))};
    import * as codegen from ${JSON.stringify(join(root, 'packages/eform/dist/codegen.js'))};
    const schema = ${JSON.stringify(bomb)};
    const filled = { data: {}, fields: [], coverage: { fillable: 0, filled: 0, ratio: 0 }, diagnostics: [] };
    const started = performance.now();
    let code;
    try { await (async () => { ${call} })(); } catch (e) { code = e.code ?? String(e); }
    console.log(JSON.stringify({ code, ms: performance.now() - started }));`;
  const outcome = await runNode(['--input-type=module', '--max-old-space-size=512', '-e', script]);
  expect(
    outcome.code,
    `\`${call}\` did not finish within ${CHILD_DEADLINE_MS} ms (${outcome.stderr.slice(0, 200)})`,
  ).toBe(0);
  return JSON.parse(outcome.stdout.trim().split('\n').at(-1)!) as { code: string | undefined; ms: number };
}

describe('attack: a self-referencing form schema that doubles at each level', () => {
  it('is 250 bytes or so and within every limit of the schema document itself', () => {
    expect(JSON.stringify(BOMB).length).toBeLessThan(300);
  });

  const calls: Array<[string, string]> = [
    ['parseFormSchema', 'eform.parseFormSchema(schema)'],
    ['bindForm', 'eform.bindForm(schema)'],
    ['fillForm', 'eform.fillForm(schema, { values: {} })'],
    ['validateForm', 'eform.validateForm(schema, {})'],
    ['formTypes (codegen)', 'await codegen.formTypes(schema)'],
    ['renderPdf', 'await render.renderPdf(filled, schema)'],
    ['renderXml', 'render.renderXml(filled, schema)'],
  ];
  for (const [name, call] of calls) {
    it(
      `${name} refuses it with EFORM_SCHEMA_TOO_LARGE, fast`,
      async () => {
        const { code, ms } = await entryPoint(call);
        expect(code).toBe('EFORM_SCHEMA_TOO_LARGE');
        expect(ms).toBeLessThan(REFUSAL_MS);
      },
      CHILD_DEADLINE_MS + 10_000,
    );
  }

  it(
    'safeParseFormSchema returns it as a diagnostic',
    async () => {
      const { code } = await entryPoint(`
      const r = eform.safeParseFormSchema(schema);
      if (r.ok) throw new Error('accepted');
      const e = new Error(r.diagnostics[0].message); e.code = r.diagnostics[0].code; throw e;`);
      expect(code).toBe('EFORM_SCHEMA_TOO_LARGE');
    },
    CHILD_DEADLINE_MS + 10_000,
  );

  describe('through the CLI', () => {
    let dir: string;
    let vault: string;
    let form: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'sohoa-attack-bomb-'));
      vault = join(dir, 'v.db');
      form = join(dir, 'bomb.schema.json');
      writeFileSync(form, JSON.stringify(BOMB));
      delete process.env.SOHOA_MASTER_KEY;
      await withVault(vault, async (v) => void (await v.putDocument(syntheticCccd())), { create: true });
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    for (const command of ['fill', 'coverage']) {
      it(
        `sohoa ${command} exits 1 with one line naming EFORM_SCHEMA_TOO_LARGE`,
        async () => {
          const outcome = await runNode([bin, command, form, '--vault', vault, '--subject', SYNTHETIC_ID]);
          expect(outcome.code, outcome.stderr.slice(0, 300)).toBe(1);
          expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
          expect(outcome.stderr).toMatch(/^sohoa: EFORM_SCHEMA_TOO_LARGE: /);
          // Node start-up and the vault open included, on a loaded 2-core machine; the unbounded walk ran until killed.
          expect(outcome.ms).toBeLessThan(20_000);
        },
        CHILD_DEADLINE_MS + 10_000,
      );
    }
  });
});

// Issue 12 made the walks follow `allOf`/`anyOf`/`oneOf` (and `loadForm` read drafts and other formats): the same
// doubling through a combinator, in draft-07 with `definitions`, must be refused as fast by every eform entry point.
const COMBINATOR_BOMB = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  definitions: {
    n: {
      type: 'object',
      title: 'Nhóm',
      allOf: [{ $ref: '#/definitions/n' }, { $ref: '#/definitions/n' }],
      properties: { hoTen: { type: 'string', title: 'Họ và tên' } },
    },
  },
  allOf: [{ $ref: '#/definitions/n' }],
};

describe('attack: the same doubling through allOf in a draft-07 schema', () => {
  const calls: Array<[string, string]> = [
    ['loadForm', 'eform.loadForm(schema)'],
    ['bindForm', 'eform.bindForm(schema)'],
    ['fillForm', 'eform.fillForm(schema, { values: {} })'],
    ['validateForm', 'eform.validateForm(schema, {})'],
  ];
  for (const [name, call] of calls) {
    it(
      `${name} refuses it with EFORM_SCHEMA_TOO_LARGE, fast`,
      async () => {
        const { code, ms } = await entryPoint(call, COMBINATOR_BOMB);
        expect(code).toBe('EFORM_SCHEMA_TOO_LARGE');
        expect(ms).toBeLessThan(REFUSAL_MS);
      },
      CHILD_DEADLINE_MS + 10_000,
    );
  }
});
