#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { runCoverage } from './commands/coverage';
import { runDemo } from './commands/demo';
import { runDigitize } from './commands/digitize';
import { FORM_ROLES, runFill } from './commands/fill';
import { EXIT, handleError } from './errors';

function ratio(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a ratio between 0 and 1, e.g. 0.2');
  return n;
}

function role(value: string): string {
  if (!(FORM_ROLES as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${FORM_ROLES.join(', ')}`);
  return value;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('expected an ISO date, e.g. 2026-11-28');
  return value;
}

async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('sohoa')
    .description('Digitise Vietnamese administrative documents into a data vault and auto-fill e-forms.')
    .exitOverride()
    .showHelpAfterError('(run `sohoa --help` for usage)');

  program
    .command('digitize')
    .description('digitise image and PDF files (or folders of them) into the vault')
    .argument('<paths...>', 'files or folders')
    .requiredOption('--vault <file.db>', 'SQLite vault file (created when missing)')
    .option('--json', 'print one JSON document on stdout')
    .option('--as-of <date>', 'reference date for document validity', isoDate)
    .option('--concurrency <n>', 'files processed at once', positiveInt)
    .option('--quiet', 'no progress on stderr')
    .action(async (paths: string[], opts) => {
      exitCode = (await runDigitize(paths, opts)).exitCode;
    });

  program
    .command('fill')
    .description('fill an e-form (JSON Schema) for a subject from the vault')
    .argument('<form>', 'form schema file (.schema.json)')
    .requiredOption('--vault <file.db>', 'SQLite vault file')
    .requiredOption('--subject <id>', 'the person (12-digit personal ID) or organisation (tax code)')
    .option('--json', 'print the filled form, per-field sources and coverage as JSON')
    .option('--pdf <out.pdf>', 'write the filled form as PDF')
    .option('--xml <out.xml>', 'write the filled form as XML')
    .option('--purpose <purpose>', 'purpose recorded in the vault audit log', 'fill-form')
    .option('--as <role>', 'the subject\'s role on the form (mother, father, spouse, ...): that section is filled from their own facts', role)
    .action(async (form: string, opts) => {
      exitCode = await runFill(form, opts);
    });

  program
    .command('coverage')
    .description('report how much of each form the vault fills for a subject')
    .argument('<forms...>', 'form schema files')
    .requiredOption('--vault <file.db>', 'SQLite vault file')
    .requiredOption('--subject <id>', 'the person or organisation')
    .option('--min <ratio>', 'exit 1 when a form is below this ratio', ratio)
    .option('--as <role>', 'the subject\'s role on the forms (mother, father, ...)', role)
    .option('--json', 'print JSON')
    .action(async (forms: string[], opts) => {
      exitCode = await runCoverage(forms, opts);
    });

  program
    .command('demo')
    .description('digitise the sample scans, fill the sample forms, print coverage, write PDFs')
    .option('--seeds <dir>', 'sample scans', 'seeds/data')
    .option('--forms <dir>', 'form schemas', 'schemas/forms')
    .option('--vault <file.db>', 'vault file', '.sohoa/demo.db')
    .option('--out <dir>', 'where PDFs go', 'out')
    .option('--no-fresh', 'keep an existing demo vault instead of starting afresh')
    .action(async (opts) => {
      exitCode = await runDemo(opts);
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    return handleError(error);
  }
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = handleError(error);
  },
);
