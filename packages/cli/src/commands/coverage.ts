import { basename } from 'node:path';
import { UsageError } from '../errors';
import { withVault } from '../context';
import { red, useColor } from '../color';
import { formatTable } from '../table';
import { fillOne } from './fill';

export interface CoverageCommandOptions {
  vault?: string;
  subject?: string;
  min?: number;
  json?: boolean;
  as?: string;
}

export interface CoverageRow {
  form: string;
  total: number;
  filled: number;
  needsReview: number;
  empty: number;
  ratio: number;
  pass: boolean;
}

/** Coverage of each form for one subject; exit code 1 when any form is below `--min`. */
export async function runCoverage(schemaPaths: string[], options: CoverageCommandOptions): Promise<number> {
  if (!options.subject) throw new UsageError('missing required option `--subject <id>`');
  if (options.min !== undefined && !(options.min >= 0 && options.min <= 1))
    throw new UsageError('`--min` takes a ratio between 0 and 1, e.g. `--min 0.2`');
  const subject = options.subject;
  const min = options.min ?? 0;
  const rows: CoverageRow[] = await withVault(options.vault, async (vault) => {
    const out: CoverageRow[] = [];
    for (const path of schemaPaths) {
      const { filled } = await fillOne(vault, path, subject, {
        purpose: 'coverage-check',
        ...(options.as ? { as: options.as } : {}),
      });
      const c = filled.coverage;
      out.push({
        form: basename(path),
        total: c.total,
        filled: c.filled,
        needsReview: c.needsReview,
        empty: c.empty,
        ratio: c.ratio,
        pass: c.ratio >= min,
      });
    }
    return out;
  });
  if (options.json) process.stdout.write(`${JSON.stringify({ subject, min, forms: rows }, null, 2)}\n`);
  else process.stdout.write(`${formatCoverageTable(rows, undefined, { color: useColor(process.stdout) })}\n`);
  return rows.every((r) => r.pass) ? 0 : 1;
}

/** The coverage table; with `color`, rows below the target are red (the words `BELOW MIN` say it without colour). */
export function formatCoverageTable(
  rows: CoverageRow[],
  extra?: { header: string; cells: string[] },
  options: { color?: boolean } = {},
): string {
  const header = [...(extra ? [extra.header] : []), 'form', 'filled', 'review', 'empty', 'total', 'coverage', 'status'];
  const table = formatTable(
    header,
    rows.map((r, i) => [
      ...(extra ? [extra.cells[i] ?? ''] : []),
      r.form,
      String(r.filled),
      String(r.needsReview),
      String(r.empty),
      String(r.total),
      `${(r.ratio * 100).toFixed(1)}%`,
      r.pass ? 'ok' : 'BELOW MIN',
    ]),
  );
  if (!options.color) return table;
  // Colour after layout, so escape codes never count towards a column's width.
  return table
    .split('\n')
    .map((line, i) => (i >= 2 && rows[i - 2] && !rows[i - 2]!.pass ? red(line) : line))
    .join('\n');
}
