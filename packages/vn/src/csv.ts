import { parse } from 'csv-parse/sync';

/** A CSV delimiter sohoa reads: `;` is what Excel writes with Vietnamese (and most European) regional settings. */
export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvOptions {
  /** The cell delimiter, or `auto` to take the one found most often in the first line outside quotes. @default 'auto' */
  delimiter?: CsvDelimiter | 'auto';
}

/**
 * The delimiter of a CSV text: of `,`, `;` and tab, the one found most often in its first line outside
 * quotes (a tie, or none, is `,`).
 *
 * @example
 * detectCsvDelimiter('đường dẫn;số định danh\r\n…'); // ';'
 */
export function detectCsvDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of text.replace(/^\uFEFF/, '')) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c as CsvDelimiter]++;
  }
  return counts[';'] > counts[','] && counts[';'] >= counts['\t'] ? ';' : counts['\t'] > counts[','] ? '\t' : ',';
}

/**
 * Rows of a CSV text, parsed with csv-parse: RFC 4180 quoting (doubled quotes; a quote inside an
 * unquoted cell is kept as text), CRLF, LF or CR (mixed too), a leading BOM dropped, rows of different lengths kept,
 * blank lines skipped. The delimiter is detected unless given. Throws csv-parse's `CsvError` on an
 * unclosed quote; callers turn it into their own diagnostic.
 *
 * @example
 * parseCsvRows('\uFEFFpath;subject\r\n"a;b.jpg";001099012345\r\n'); // [['path', 'subject'], ['a;b.jpg', '001099012345']]
 */
export function parseCsvRows(text: string, options: CsvOptions = {}): string[][] {
  const delimiter = !options.delimiter || options.delimiter === 'auto' ? detectCsvDelimiter(text) : options.delimiter;
  return parse(text, {
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  }) as string[][];
}

/** Header-keyed records of a CSV text (header names and cells trimmed; a missing cell is `''`). */
export function parseCsvRecords(text: string, options: CsvOptions = {}): Record<string, string>[] {
  const [header, ...rows] = parseCsvRows(text, options).filter((r) => r.length > 1 || (r[0] ?? '') !== '');
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, j) => [h.trim(), (r[j] ?? '').trim()])));
}
