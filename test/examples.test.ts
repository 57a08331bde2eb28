import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindForm, parseFormSchema } from '@sohoa/eform';

// The examples run as a user runs them: plain node against the built packages (`pnpm test` builds first).
const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
let work: string;

beforeAll(() => {
  for (const name of ['eform', 'vault', 'render', 'batch', 'ingest', 'ocr']) {
    if (!existsSync(join(root, 'packages', name, 'dist/index.js')))
      throw new Error(`packages/${name}/dist is missing: run \`pnpm build\` first (\`pnpm test\` does).`);
  }
  work = mkdtempSync(join(tmpdir(), 'sohoa-examples-'));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('examples/getting-started', () => {
  it('first-form.mjs fills, validates and writes a PDF', async () => {
    const pdf = join(work, 'first-form.pdf');
    const { stdout } = await run(process.execPath, [join(root, 'examples/getting-started/first-form.mjs'), pdf], {
      cwd: root,
    });
    expect(stdout).toMatch(/^\/noiThuongTru\s+filled\s+cccd-2021 via qr$/m);
    expect(stdout).toMatch(/^\/noiDungDeNghi\s+empty\s+no-binding$/m);
    expect(stdout).toContain('coverage 5/7 (71.4%)');
    expect(stdout).toContain('filled values valid: true');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('unannotated.schema.json binds as docs/annotating-forms.md shows', () => {
    const schema = parseFormSchema(
      JSON.parse(readFileSync(join(root, 'examples/getting-started/unannotated.schema.json'), 'utf8')),
    );
    const rows = bindForm(schema).fields.map((f) => `${f.pointer} ${f.key ?? '-'} ${f.via}`);
    expect(rows).toEqual([
      '/nguoiDeNghi/hoTen person.fullName inference',
      '/nguoiDeNghi/ngaySinh person.birthDate inference',
      '/nguoiDeNghi/soDinhDanh person.idNumber inference',
      '/nguoiDeNghi/noiCuTru person.residence inference',
      '/me/hoTen person.mother.fullName inference',
      '/dienThoai person.phone autocomplete',
      '/lyDo - none',
    ]);
  });
});

describe('examples/batch', () => {
  it('run.mjs digitises a scan into a SQLite vault and writes the report', async () => {
    const out = join(work, 'batch');
    const card = join(root, 'seeds/data/cccd/01-tran-kim-giang');
    const { stdout, stderr } = await run(
      process.execPath,
      [join(root, 'examples/batch/run.mjs'), card, '--limit', '1', '--out', out],
      { cwd: root },
    );
    expect(stderr).toMatch(/^\[1\/1\] stored\s+back\.jpg/m);
    expect(stdout).toContain('by status: {"stored":1,');
    expect(stdout).toContain('by type: {"cccd-2021":1}');
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { files: number; failures: unknown[] };
    expect(report).toMatchObject({ files: 1, failures: [] });
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<html');
    expect(existsSync(join(out, 'vault.db.journal.db'))).toBe(true);
  }, 180_000);
});
