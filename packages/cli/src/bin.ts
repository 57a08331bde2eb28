#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT, exitQuietlyOnBrokenPipe, handleError } from './errors';
import { UsageError } from './errors';
import { registerCopyCommands } from './commands/copy-register';
import { registerFormCommands } from './commands/forms';
import { registerVaultCommands } from './commands/vault';
import { vaultOption } from './context';
import { configureLogger, type LogFormat } from './log';
import { HELP_FOOTER, checkUnknownOptions } from './usage';
import { FORM_FORMATS, FORM_ROLES, parseFormFormat } from './roles';

// Commands load their modules when run, so that `fill` does not load OCR, PDF rendering or the gazetteer.
const coverage = () => import('./commands/coverage');
const demo = () => import('./commands/demo');
const digitize = () => import('./commands/digitize');
const fill = () => import('./commands/fill');
const review = () => import('./commands/review');
const queue = () => import('./commands/queue');

function ratio(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new InvalidArgumentError('expected a ratio between 0 and 1, e.g. 0.2');
  return n;
}

function role(value: string): string {
  if (!FORM_ROLES.includes(value)) throw new InvalidArgumentError(`expected one of ${FORM_ROLES.join(', ')}`);
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
  exitQuietlyOnBrokenPipe();
  let exitCode: number = EXIT.ok;
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  const program = new Command('sohoa')
    .description('Digitise Vietnamese administrative documents into a data vault and auto-fill e-forms.')
    .version(version, '-V, --version', 'print the version')
    .option('--verbose', 'log debug events too (on stderr)')
    .addOption(
      new Option('--log-format <format>', 'log lines on stderr as text or one JSON object per line')
        .choices(['text', 'json'])
        .default('text'),
    )
    .exitOverride()
    .configureOutput({
      // One prefix for every error; a missing --vault also names the variable that can give it.
      outputError: (text, write) =>
        write(
          text
            .replace(/^error: /, 'sohoa: ')
            .replace(/(required option '--vault [^']*' not specified)/, '$1 (or set SOHOA_VAULT)'),
        ),
    })
    .showHelpAfterError('(run `sohoa --help` for usage)')
    .addHelpText('after', HELP_FOOTER)
    .hook('preAction', (command) => {
      const o = command.opts<{ verbose?: boolean; logFormat: LogFormat }>();
      configureLogger({ format: o.logFormat, verbose: Boolean(o.verbose) });
    });

  program
    .command('digitize')
    .description('digitise image and PDF files (or folders of them) into the vault')
    .argument('[paths...]', 'files or folders (or give --manifest)')
    .option('--manifest <file.csv>', 'CSV with path and, optionally, type, subject, agency, procedure, dossier, role')
    .addOption(
      vaultOption('SQLite vault file (created when missing) or PostgreSQL URL (required, except with --queue)', false),
    )
    .option('--json', 'print one JSON document on stdout')
    .option('--as-of <date>', 'reference date for document validity', isoDate)
    .option('--only-valid', 'store only results still valid on --as-of (others are reported as not-valid)')
    .option('--concurrency <n>', 'files processed at once', positiveInt)
    .option('--quiet', 'no progress on stderr')
    .option('--ndjson', 'print one JSON event per file, then a summary, on stdout')
    .option('--journal <file>', "journal of each file's progress (default: <vault>.journal.db)")
    .option('--resume', 'skip files the journal has as done (continue a stopped or killed run)')
    .option('--retry-parked', 'with --resume, try files that were parked after failing')
    .option('--report <prefix>', 'write <prefix>.json, .csv and .html reports')
    .option('--file-timeout <seconds>', 'time limit for one attempt at one file', positiveInt)
    .option('--queue <postgres-url>', 'do not digitise here: enqueue the files for `sohoa worker` processes')
    .option(
      '--procedures <file-or-dir>',
      'procedure records (JSON) naming the requirements of the dossiers in --manifest',
    )
    .option(
      '--gazetteer <dir>',
      'folder of the administrative-unit datasets: places read are checked against every district and commune (or SOHOA_GAZETTEER_DIR; without it only provinces are checked)',
    )
    .option(
      '--copies <dir>',
      'also write a digitised copy of every document (PDF/A-2b with a text layer, named <DocCode>_<YYYYMMDD>_<desc>.pdf) into this folder, numbered and recorded in the vault; unknown pages are kept as `unclassified`',
    )
    .option(
      '--agency <code>',
      'with --copies: agency electronic code of the DocCodes, QĐ 20/2020 shape, e.g. G09.01.02 (or SOHOA_AGENCY)',
    )
    .option(
      '--sign <file.p12>',
      'with --copies: sign each copy (PAdES) with this PKCS#12; password in SOHOA_SIGN_PASSWORD',
    )
    .option(
      '--no-isolate',
      'read files in this process instead of one worker process per file at once (faster start, but a crashing file stops the run)',
    )
    .action(async (paths: string[], opts) => {
      if (paths.length === 0 && !opts.manifest)
        throw new UsageError('nothing to digitise: give files or folders, or `--manifest <file.csv>`');
      if (opts.queue && opts.copies)
        throw new UsageError('`--copies` is not made by `--queue` workers yet: digitise here to write copies');
      exitCode = opts.queue
        ? await (await queue()).runEnqueue(paths, opts.queue, opts)
        : (await (await digitize()).runDigitize(paths, opts)).exitCode;
    });

  const reviewCommand = program
    .command('review')
    .description('fields the machine is not sure of, for an officer to accept or correct');
  const reviewOptions = (c: Command) =>
    c.addOption(vaultOption('the vault')).option('--journal <file>', 'the batch journal (default: <vault>.journal.db)');
  reviewOptions(reviewCommand.command('list').description('list review items (keys and places, no values)'))
    .option('--status <status>', 'open, accepted or corrected', 'open')
    .option('--subject <id>', 'only this subject')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      exitCode = await (await review()).runReviewList(opts);
    });
  reviewOptions(
    reviewCommand.command('show').description('show the value read and write the evidence crop').argument('<id>'),
  )
    .option('--crop <out.png>', 'write the page crop around the value')
    .option('--json', 'print JSON')
    .action(async (id: string, opts) => {
      exitCode = await (await review()).runReviewShow(id, opts);
    });
  reviewOptions(
    reviewCommand
      .command('accept')
      .description("confirm the value read (recorded as the officer's fact)")
      .argument('<id>'),
  )
    .option('--by <officer>', 'who decides (default: $SOHOA_OFFICER)')
    .option('--reason <text>', 'why')
    .action(async (id: string, opts) => {
      exitCode = await (await review()).runReviewDecide(id, 'accepted', opts);
    });
  reviewOptions(
    reviewCommand.command('correct').description('replace the value read with the right one').argument('<id>'),
  )
    .requiredOption('--value <value>', 'the right value')
    .option('--by <officer>', 'who decides (default: $SOHOA_OFFICER)')
    .option('--reason <text>', 'why')
    .action(async (id: string, opts) => {
      exitCode = await (await review()).runReviewDecide(id, 'corrected', opts);
    });

  reviewOptions(
    reviewCommand
      .command('unlinked')
      .description('list documents stored without a subject, with the reason and the candidates'),
  )
    .option('--json', 'print JSON')
    .action(async (opts) => {
      exitCode = await (await review()).runReviewUnlinked(opts);
    });
  reviewOptions(
    reviewCommand
      .command('link')
      .description('file a document under a person (personal ID) or organisation (tax code)')
      .argument('<document>')
      .argument('<subject>'),
  )
    .option('--by <officer>', 'who decides (default: $SOHOA_OFFICER)')
    .option('--reason <text>', 'why (audited)')
    .option('--json', 'print JSON')
    .action(async (documentId: string, subjectId: string, opts) => {
      exitCode = await (await review()).runReviewLink(documentId, subjectId, opts);
    });
  reviewOptions(
    reviewCommand
      .command('unlink')
      .description('take a document away from the subject it was filed under')
      .argument('<document>'),
  )
    .option('--by <officer>', 'who decides (default: $SOHOA_OFFICER)')
    .option('--reason <text>', 'why (audited)')
    .option('--json', 'print JSON')
    .action(async (documentId: string, opts) => {
      exitCode = await (await review()).runReviewUnlink(documentId, opts);
    });

  program
    .command('worker')
    .description('take digitisation jobs from a PostgreSQL queue (run one per machine; any number of machines)')
    .requiredOption('--queue <postgres-url>', 'the job queue database')
    .addOption(vaultOption('the vault the results go to (created when missing)'))
    .requiredOption(
      '--input-root <dir>',
      'the folder jobs may name files in; a job naming a file elsewhere (after resolving .. and symlinks) is refused unopened (`/` allows every path)',
    )
    .option('--concurrency <n>', 'jobs at once in this process', positiveInt)
    .option('--quiet', 'no progress on stderr')
    .option(
      '--procedures <file-or-dir>',
      'procedure records (JSON) naming the requirements of the dossiers in the queued manifests',
    )
    .option('--no-isolate', 'read files in this process instead of in worker processes')
    .action(async (opts) => {
      exitCode = await (await queue()).runWorker(opts);
    });

  program
    .command('fill')
    .description(
      "fill an e-form (JSON Schema draft-04..2020-12, Form.io or SurveyJS) for a subject from the vault; `data` comes back in the form's own shape",
    )
    .argument('<form>', 'form file (.schema.json, Form.io form definition or SurveyJS survey JSON)')
    .option(
      '--format <format>',
      `how the form is written (${FORM_FORMATS.join('|')}); detected from the content by default`,
      parseFormFormat,
    )
    .addOption(vaultOption('SQLite vault file or PostgreSQL URL'))
    .requiredOption('--subject <id>', 'the person (12-digit personal ID) or organisation (tax code)')
    .option('--json', 'print the filled form, per-field sources and coverage as JSON')
    .option('--pdf <out.pdf>', 'write the filled form as PDF')
    .option('--xml <out.xml>', 'write the filled form as XML')
    .option('--purpose <purpose>', 'purpose recorded in the vault audit log', 'fill-form')
    .option(
      '--as <role>',
      "the subject's role on the form (mother, father, spouse, ...): that section is filled from their own facts",
      role,
    )
    .action(async (form: string, opts) => {
      exitCode = await (await fill()).runFill(form, opts);
    });

  program
    .command('coverage')
    .description('report how much of each form the vault fills for a subject')
    .argument('<forms...>', 'form schema files')
    .addOption(vaultOption('SQLite vault file or PostgreSQL URL'))
    .requiredOption('--subject <id>', 'the person or organisation')
    .option('--min <ratio>', 'exit 1 when a form is below this ratio', ratio)
    .option('--as <role>', "the subject's role on the forms (mother, father, ...)", role)
    .option('--json', 'print JSON')
    .action(async (forms: string[], opts) => {
      exitCode = await (await coverage()).runCoverage(forms, opts);
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
      exitCode = await (await demo()).runDemo(opts);
    });

  registerFormCommands(program, (code) => {
    exitCode = code;
  });
  registerVaultCommands(program, {
    setExitCode: (code) => {
      exitCode = code;
    },
  });
  registerCopyCommands(program, (code) => {
    exitCode = code;
  });

  try {
    checkUnknownOptions(program, argv.slice(2));
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
