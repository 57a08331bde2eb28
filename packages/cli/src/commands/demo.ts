import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { SohoaError, writePrivateFile } from '@sohoa/core';
import { loadFormSchema } from '@sohoa/eform';
import { renderPdf } from '@sohoa/render';
import type { Vault } from '@sohoa/vault';
import { withVault } from '../context';
import { useColor } from '../color';
import { formatCoverageTable, type CoverageRow } from './coverage';
import { runDigitize } from './digitize';
import { fillOne } from './fill';

export interface DemoCommandOptions {
  seeds: string;
  forms: string;
  vault: string;
  out: string;
  fresh: boolean;
}

/** Shows a personal ID as `001•••••3456`: enough to tell people apart, not enough to leak it. */
export function maskId(id: string): string {
  return id.length > 7 ? `${id.slice(0, 3)}${'•'.repeat(id.length - 7)}${id.slice(-4)}` : '•'.repeat(id.length);
}

/** On forms that let the requester be a parent (the birth declaration), the demo's citizen registers their own child: mother or father by the sex on the card. */
async function parentRole(vault: Vault, subject: string): Promise<'mother' | 'father'> {
  const profile = await vault.profile(subject, { purpose: 'demo', form: 'role' });
  return profile.values['person.sex']?.value === 'female' ? 'mother' : 'father';
}

/** The demo: digitise the seed scans, fill every sample form for every person, print coverage, write PDFs. */
export async function runDemo(options: DemoCommandOptions): Promise<number> {
  const seeds = resolve(options.seeds);
  const formsDir = resolve(options.forms);
  if (!existsSync(seeds))
    throw new SohoaError(
      'BATCH_NO_INPUT',
      `Seed folder \`${options.seeds}\` not found: run the demo from the repository root, or pass \`--seeds <dir>\`.`,
    );
  if (!existsSync(formsDir))
    throw new SohoaError(
      'EFORM_SCHEMA_NOT_FOUND',
      `Form folder \`${options.forms}\` not found: pass \`--forms <dir>\`.`,
    );
  if (options.fresh)
    for (const suffix of ['', '-wal', '-shm', '-journal', '.key', '.journal.db', '.journal.db-wal', '.journal.db-shm'])
      rmSync(`${options.vault}${suffix}`, { force: true });

  process.stderr.write(`1/3 digitising the sample scans in ${options.seeds} into ${options.vault}\n`);
  const { summary } = await runDigitize([options.seeds], { vault: options.vault });
  const forms = readdirSync(formsDir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()
    .map((f) => join(formsDir, f));

  process.stderr.write(`\n2/3 filling ${forms.length} form(s) for every person in the vault\n`);
  const rows: CoverageRow[] = [];
  const people: string[] = [];
  await withVault(options.vault, async (vault) => {
    // The people who file forms are ID card holders; a child or spouse known only from a certificate is not asked.
    const persons = (await vault.listSubjects())
      .filter((s) => s.kind === 'person')
      .map((s) => s.id)
      .sort();
    const subjects: string[] = [];
    for (const id of persons) if ((await vault.listDocuments(id)).some((d) => d.kind === 'identity')) subjects.push(id);
    if (subjects.length < persons.length)
      process.stderr.write(
        `(${persons.length - subjects.length} person(s) known only from certificates, not as ID card holders, are not filled for)\n`,
      );
    for (const [i, subject] of subjects.entries()) {
      const dir = join(options.out, `person-${String(i + 1).padStart(2, '0')}`);
      mkdirSync(dir, { recursive: true });
      for (const form of forms) {
        const roles =
          ((await loadFormSchema(form)) as { 'x-sohoa-requester-roles'?: string[] })['x-sohoa-requester-roles'] ?? [];
        const role = await parentRole(vault, subject);
        const { schema, filled } = await fillOne(vault, form, subject, {
          purpose: 'demo',
          ...(roles.includes(role) ? { as: role } : {}),
        });
        writePrivateFile(join(dir, basename(form).replace(/\.schema\.json$/, '.pdf')), await renderPdf(filled, schema));
        const c = filled.coverage;
        rows.push({
          form: basename(form, '.schema.json'),
          total: c.total,
          filled: c.filled,
          needsReview: c.needsReview,
          empty: c.empty,
          ratio: c.ratio,
          pass: c.ratio >= 0.2,
        });
        people.push(`${String(i + 1).padStart(2, '0')} ${maskId(subject)}`);
      }
    }
  });

  process.stderr.write(`\n3/3 coverage (legal floor: 20% of a person's information filled automatically)\n`);
  process.stdout.write(
    `${formatCoverageTable(rows, { header: 'person', cells: people }, { color: useColor(process.stdout) })}\n`,
  );
  process.stdout.write(`\nPDFs written under ${options.out}/ — ${summary.counts.failed} file(s) failed to digitise.\n`);
  const below = rows.filter((r) => !r.pass).length;
  if (below > 0)
    process.stdout.write(
      `${below} form fill(s) are below 20%: those forms ask mostly for what an ID card does not hold (see docs/architecture.md).\n`,
    );
  return summary.counts.failed > 0 ? 1 : 0;
}
