import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import type { FieldBinding, FormFormat } from '@sohoa/eform';
import { UsageError } from '../errors';
import { parseFormFormat } from '../roles';
import { formatTable } from '../table';

export interface BindCommandOptions {
  json?: boolean;
  /** Write the schema back with an `x-sohoa-key` on every field bound by inference or autocomplete. */
  annotate?: string;
  /** How the form is written; detected from the content when absent. */
  format?: FormFormat;
}

/** The `--json` shape of `sohoa bind`: one entry per leaf field. */
export function toJsonBinding(fields: FieldBinding[]) {
  return fields.map((f) => ({
    pointer: f.pointer,
    schemaPointer: f.schemaPointer,
    title: f.title,
    key: f.key ?? null,
    via: f.via,
    confidence: f.confidence,
    candidates: f.candidates ?? [],
  }));
}

/** Prints how each field of a form binds to a semantic key, for a developer to review (and annotate). */
export async function runBind(schemaPath: string, options: BindCommandOptions = {}): Promise<number> {
  const { bindForm, formFormatOf, loadFormSchema } = await import('@sohoa/eform');
  const schema = await loadFormSchema(schemaPath, options.format ? { format: options.format } : {});
  const { fields, diagnostics } = bindForm(schema);
  if (options.annotate && formFormatOf(schema) !== 'jsonschema') {
    throw new UsageError(
      "`--annotate` writes `x-sohoa-key` into a JSON Schema; for Form.io put it in the component's custom `properties`, for SurveyJS on the question",
    );
  }
  if (options.annotate) {
    const raw = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
    for (const f of fields)
      if (f.key && (f.via === 'inference' || f.via === 'autocomplete')) setAnnotation(raw, f.schemaPointer, f.key);
    writeFileSync(options.annotate, `${JSON.stringify(raw, null, 2)}\n`);
  }
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ form: basename(schemaPath), fields: toJsonBinding(fields), diagnostics }, null, 2)}\n`,
    );
    return 0;
  }
  const rows = fields.map((f) => [
    f.pointer,
    f.title.length > 40 ? `${f.title.slice(0, 39)}…` : f.title,
    f.key ?? (f.candidates?.[0] ? `? ${f.candidates[0].key}` : '—'),
    f.via,
    f.confidence.toFixed(2),
  ]);
  process.stdout.write(`${formatTable(['field', 'title', 'key', 'via', 'conf'], rows)}\n`);
  const bound = fields.filter((f) => f.key).length;
  process.stderr.write(
    `${bound}/${fields.length} fields bound; "? key" marks an uncertain guess that is not used: annotate it with \`x-sohoa-key\`.\n`,
  );
  return 0;
}

function setAnnotation(root: Record<string, unknown>, schemaPointer: string, key: string): void {
  let node: unknown = root;
  for (const segment of schemaPointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (typeof node !== 'object' || node === null) return;
    node = (node as Record<string, unknown>)[segment];
  }
  // A field reached through a `$ref` lives in `$defs`; leave those for the developer.
  if (typeof node === 'object' && node !== null && !('$ref' in node))
    (node as Record<string, unknown>)['x-sohoa-key'] = key;
}

export interface TypesCommandOptions {
  out?: string;
  check?: boolean;
}

/**
 * Generates TypeScript types of forms' data (json-schema-to-typescript) into `--out`, one `<form>.ts` each;
 * with `--check`, writes nothing and exits 1 when a file is missing or stale (for CI).
 */
export async function runTypes(schemaPaths: string[], options: TypesCommandOptions = {}): Promise<number> {
  if (schemaPaths.length === 0)
    throw new UsageError('give at least one form schema, e.g. `sohoa types schemas/forms/*.schema.json`');
  const out = options.out ?? 'schemas/forms/types';
  const stale: string[] = [];
  const { loadFormSchema } = await import('@sohoa/eform');
  const { formTypes, typeNameOf } = await import('@sohoa/eform/codegen');
  for (const path of schemaPaths) {
    const schema = await loadFormSchema(path);
    const file = join(out, `${basename(path).replace(/\.schema\.json$|\.json$/, '')}.ts`);
    const text = await formTypes(schema);
    let current: string | undefined;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    if (options.check) stale.push(file);
    else {
      mkdirSync(out, { recursive: true });
      writeFileSync(file, text);
      process.stderr.write(`wrote ${file} (${typeNameOf(schema)})\n`);
    }
  }
  if (stale.length > 0) {
    process.stderr.write(
      `sohoa: stale form types: ${stale.join(', ')}; run \`sohoa types ${schemaPaths.length > 3 ? '<forms…>' : schemaPaths.join(' ')} --out ${out}\`.\n`,
    );
    return 1;
  }
  return 0;
}

/**
 * Registers `sohoa bind <schema>` and `sohoa types <schemas...>`. Actions set `process.exitCode`
 * (or call `onExit`) with their exit code.
 */
export function registerFormCommands(
  program: Command,
  onExit: (code: number) => void = (code) => void (process.exitCode = code),
): void {
  program
    .command('bind')
    .description('show how each field of a form binds to a semantic key (annotation, autocomplete or label inference)')
    .argument('<form>', 'form file (JSON Schema, Form.io or SurveyJS)')
    .option(
      '--format <format>',
      'how the form is written (jsonschema|formio|surveyjs); detected by default',
      parseFormFormat,
    )
    .option('--json', 'print the bindings as JSON')
    .option(
      '--annotate <out.json>',
      'write the schema with an `x-sohoa-key` on each field bound by inference, for review',
    )
    .action(async (form: string, opts: BindCommandOptions) => {
      onExit(await runBind(form, opts));
    });
  program
    .command('types')
    .description('generate TypeScript types of form data (json-schema-to-typescript)')
    .argument('<forms...>', 'form schema files')
    .option('--out <dir>', 'where the .ts files go', 'schemas/forms/types')
    .option('--check', 'write nothing; exit 1 when a generated file is missing or stale')
    .action(async (forms: string[], opts: TypesCommandOptions) => {
      onExit(await runTypes(forms, opts));
    });
}
