import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYNTHETIC_ID } from '../packages/vault/src/internal/fixtures';
import { sohoa, tempDir } from './attacks/helpers';
import { importSyntheticExport } from './attacks/storage-helpers';
import { canRun } from './fixtures/skip';

// What a new user meets first on the command line (issue 16), through the built CLI.
const built = existsSync(join(import.meta.dirname, '../packages/cli/dist/bin.js'));
const form = join(import.meta.dirname, '../schemas/forms/to-khai-dang-ky-khai-sinh.schema.json');

describe.skipIf(!canRun('cli-first-hour', built, 'packages/cli/dist/bin.js is missing: run `pnpm build` first'))(
  'sohoa, the first hour',
  () => {
    const work = tempDir();
    let vault: string;
    beforeAll(async () => {
      const { vault: path, imported } = await importSyntheticExport(work);
      expect(imported.code, imported.stderr).toBe(0);
      vault = path;
    });

    it('prints its version, and examples, environment and exit codes in --help', async () => {
      const version = await sohoa(['--version']);
      const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../packages/cli/package.json'), 'utf8')) as {
        version: string;
      };
      expect(version).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
      const help = await sohoa(['--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^Examples:\n {2}sohoa digitize /m);
      expect(help.stdout).toMatch(/^ {2}SOHOA_VAULT /m);
      expect(help.stdout).toMatch(/^Exit codes:\n {2}0 +done\n {2}1 +failed.*\n {2}2 +usage error/m);
    });

    it('reports a mistyped option as unknown, suggests the right one, with the one error prefix and exit 2', async () => {
      const typo = await sohoa(['coverage', form, '--vault', vault, '--subjet', SYNTHETIC_ID]);
      expect(typo.code).toBe(2);
      expect(typo.stderr).toBe(
        `sohoa: unknown option '--subjet' for \`sohoa coverage\` (did you mean --subject?); run \`sohoa coverage --help\` for its options\n`,
      );
      const missing = await sohoa(['coverage', form, '--vault', vault]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/^sohoa: required option '--subject <id>' not specified/);
      const noVault = await sohoa(['coverage', form, '--subject', SYNTHETIC_ID]);
      expect(noVault.code).toBe(2);
      expect(noVault.stderr).toMatch(
        /^sohoa: required option '--vault <file\.db\|postgres-url>' not specified \(or set SOHOA_VAULT\)$/m,
      );
      expect(`${typo.stderr}${missing.stderr}${noVault.stderr}`).not.toMatch(/^error:/m);
    });

    it('digitize refuses a gazetteer folder that does not exist before reading anything (exit 2, full path)', async () => {
      const missing = join(work, 'no-admin-units');
      const out = await sohoa(['digitize', form, '--vault', join(work, 'g.db'), '--gazetteer', missing]);
      expect(out.code).toBe(2);
      expect(out.stderr).toBe(
        `sohoa: The gazetteer folder \`${missing}\` does not exist (--gazetteer or SOHOA_GAZETTEER_DIR); nothing was read.\n`,
      );
      expect(existsSync(join(work, 'g.db'))).toBe(false);
    });

    it('read commands refuse a vault that does not exist, create nothing, and give CLI advice with the full path', async () => {
      const dir = join(work, 'nothing-here');
      const reads = [
        ['coverage', form, '--subject', SYNTHETIC_ID],
        ['fill', form, '--subject', SYNTHETIC_ID],
        ['vault', 'show', '--subject', SYNTHETIC_ID],
        ['vault', 'export', '--subject', SYNTHETIC_ID],
        ['vault', 'audit', '--verify'],
        ['vault', 'rotate-key'],
        ['review', 'list'],
        ['review', 'unlinked'],
      ];
      for (const args of reads) {
        const missing = join(dir, 'missing.db');
        const result = await sohoa([...args, '--vault', missing]);
        expect(result.code, args.join(' ')).toBe(1);
        expect(result.stderr, args.join(' ')).toBe(
          `sohoa: CLI_VAULT_NOT_FOUND: No vault at ${missing}. Check the path (or SOHOA_VAULT), or create the vault by digitising documents into it: \`sohoa digitize <files or folders> --vault ${missing}\`.\n`,
        );
        expect(result.stderr).not.toMatch(/putDocument/);
      }
      expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    }, 240_000);

    it('an unknown subject gets CLI advice, not API advice', async () => {
      const result = await sohoa(['coverage', form, '--vault', vault, '--subject', '079099000001']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^sohoa: VAULT_SUBJECT_NOT_FOUND: .*`sohoa digitize <files> --vault /);
      expect(result.stderr).toContain(vault);
      expect(result.stderr).not.toMatch(/putDocument/);
    });

    it('takes the vault from SOHOA_VAULT; the coverage table has a status header and colours rows below --min unless NO_COLOR', async () => {
      const plain = await sohoa(['coverage', form, '--subject', SYNTHETIC_ID, '--min', '0.99'], {
        SOHOA_VAULT: vault,
        FORCE_COLOR: '1',
        NO_COLOR: '1',
      });
      expect(plain.code, plain.stderr).toBe(1);
      const [header, , row] = plain.stdout.split('\n');
      expect(header).toMatch(/^form +filled +review +empty +total +coverage +status$/);
      expect(row).toMatch(/BELOW MIN$/);
      expect(plain.stdout).not.toContain('\x1b[');
      const coloured = await sohoa(['coverage', form, '--subject', SYNTHETIC_ID, '--min', '0.99'], {
        SOHOA_VAULT: vault,
        FORCE_COLOR: '1',
      });
      expect(coloured.stdout.split('\n')[2]).toBe(`\x1b[31m${row}\x1b[39m`);
      const passing = await sohoa(['coverage', form, '--subject', SYNTHETIC_ID, '--min', '0'], {
        SOHOA_VAULT: vault,
        FORCE_COLOR: '1',
      });
      expect(passing.code).toBe(0);
      expect(passing.stdout).not.toContain('\x1b[');
    });

    it('fill --xml writes the form in its namespace with ISO dates (XSD checks: test/fill-xml.test.ts)', async () => {
      const out = join(work, 'filled.xml');
      const result = await sohoa(['fill', form, '--vault', vault, '--subject', SYNTHETIC_ID, '--xml', out]);
      expect(result.code, result.stderr).toBe(0);
      const xml = readFileSync(out, 'utf8');
      expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<\w+ xmlns="https:\/\/sohoa\.dev\/ns\/form\/1">/);
      expect(xml).toMatch(/>\d{4}-\d{2}-\d{2}</);
      expect(xml).not.toMatch(/>\d{2}\/\d{2}\/\d{4}</);
    });

    it('--verbose --log-format json writes timestamped JSON log lines on stderr', async () => {
      const result = await sohoa([
        '--verbose',
        '--log-format',
        'json',
        'vault',
        'show',
        '--vault',
        vault,
        '--subject',
        SYNTHETIC_ID,
        '--json',
      ]);
      expect(result.code, result.stderr).toBe(0);
      const lines = result.stderr
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { time: string; level: string; msg: string; vault?: string });
      expect(lines).toContainEqual(expect.objectContaining({ level: 'debug', msg: 'vault opened', vault }));
      for (const line of lines) expect(Date.parse(line.time)).not.toBeNaN();
      const quiet = await sohoa(['vault', 'show', '--vault', vault, '--subject', SYNTHETIC_ID, '--json']);
      expect(quiet.stderr).toBe('');
    });
  },
);
