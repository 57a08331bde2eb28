import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isSohoaError, SohoaError, type Diagnostic, type SafeResult } from '@sohoa/core';
import { foldDiacritics } from '@sohoa/vn';
import { parseCsvRows } from '@sohoa/vn/csv';
import { safeParseDossierCode } from '@sohoa/vault';

/** One row of a batch manifest: a file and what the digitisation team already knows about it. */
export interface ManifestEntry {
  /** Absolute path (relative paths in the file are resolved against the manifest's folder). */
  path: string;
  /** Expected document type id, e.g. `cccd-2021`: classification is restricted to it. */
  type?: string;
  /** Expected subject (personal ID or tax code): a record naming someone else goes to review. */
  subject?: string;
  /** Receiving or issuing agency code. */
  agency?: string;
  /** Administrative procedure code, e.g. `1.001193`. */
  procedure?: string;
  /** One-stop dossier code. */
  dossier?: string;
  /** Whether the file is a component of the dossier (thành phần hồ sơ) or its result (kết quả); with a dossier, `result` when absent. */
  role?: 'component' | 'result';
  /** Code of the result in the system that issued it (mã kết quả / mã giấy tờ), kept in the document's metadata. */
  resultCode?: string;
}

/** Bounds on a manifest, checked before it is parsed: it may come from anyone who can drop a file in the archive. */
export interface ManifestLimits {
  /** Largest manifest file, in bytes (checked before reading it). @default 33_554_432 (32 MiB) */
  maxBytes?: number;
  /** Longest line, in characters (a path is at most 4,096 bytes on Linux). @default 16_384 */
  maxLineLength?: number;
  /** Most data rows (lines after the header). @default 200_000 */
  maxRows?: number;
}

export const DEFAULT_MANIFEST_LIMITS: Readonly<Required<ManifestLimits>> = Object.freeze({
  maxBytes: 32 * 1024 * 1024,
  maxLineLength: 16_384,
  maxRows: 200_000,
});

function tooLarge(message: string, pointer?: string): Diagnostic {
  return {
    code: 'BATCH_MANIFEST_TOO_LARGE',
    severity: 'error',
    origin: 'batch',
    message,
    ...(pointer ? { pointer } : {}),
  };
}

/** Line length and row count, in one pass over the text before any parsing; never quotes the content. */
function checkManifestText(text: string, limits: Required<ManifestLimits>): Diagnostic | undefined {
  if (text.length > limits.maxBytes)
    return tooLarge(`The manifest is over ${limits.maxBytes} bytes (\`maxBytes\`); split it into several manifests.`);
  let lines = 0;
  for (let start = 0; start < text.length; lines++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > limits.maxLineLength) {
      return tooLarge(
        `Line ${lines + 1} of the manifest is longer than ${limits.maxLineLength} characters (\`maxLineLength\`); a manifest row holds a path and a few codes. Check that the file is the manifest.`,
        `/${lines}`,
      );
    }
    if (lines > limits.maxRows)
      return tooLarge(
        `The manifest has more than ${limits.maxRows} rows (\`maxRows\`); split it into several manifests.`,
      );
    start = end + 1;
  }
  return undefined;
}

function resolveManifestLimits(limits: ManifestLimits = {}): Required<ManifestLimits> {
  const resolved = {
    ...DEFAULT_MANIFEST_LIMITS,
    ...Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)),
  };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isInteger(value) || value < 1)
      throw new SohoaError(
        'BATCH_MANIFEST_INVALID',
        `\`manifestLimits.${name}\` must be a positive integer; got ${String(value)}.`,
      );
  }
  return resolved;
}

const COLUMNS: Record<string, keyof ManifestEntry> = {
  path: 'path',
  file: 'path',
  'duong dan': 'path',
  tep: 'path',
  type: 'type',
  'loai giay to': 'type',
  subject: 'subject',
  'so dinh danh': 'subject',
  'ma so thue': 'subject',
  agency: 'agency',
  'co quan': 'agency',
  'ma co quan': 'agency',
  procedure: 'procedure',
  'thu tuc': 'procedure',
  'ma thu tuc': 'procedure',
  dossier: 'dossier',
  'ho so': 'dossier',
  'ma ho so': 'dossier',
  role: 'role',
  'vai tro': 'role',
  'result code': 'resultCode',
  resultcode: 'resultCode',
  'ma ket qua': 'resultCode',
  'ma giay to': 'resultCode',
};

function fold(s: string): string {
  return foldDiacritics(s)
    .trim()
    .replace(/[_\s]+/g, ' ');
}

/**
 * Rows of a CSV text, blank rows dropped: `@sohoa/vn/csv` (csv-parse; RFC 4180 quoting, BOM dropped,
 * the delimiter detected, so the `;` Excel writes with Vietnamese regional settings works).
 */
export function parseCsv(text: string): string[][] {
  return parseCsvRows(text).filter((r) => r.some((c) => c.trim() !== ''));
}

/**
 * Parses a manifest CSV (header row; columns `path`, `type`, `subject`, `agency`, `procedure`, `dossier`,
 * `role`, `result code`, or their Vietnamese names). Problems come back as diagnostics pointing at rows, never values.
 * A text over `limits` (lines, rows, size) is refused with `BATCH_MANIFEST_TOO_LARGE` before it is parsed.
 */
export function safeParseManifest(text: string, baseDir: string, limits?: ManifestLimits): SafeResult<ManifestEntry[]> {
  const tooBig = checkManifestText(text, resolveManifestLimits(limits));
  if (tooBig) return { ok: false, diagnostics: [tooBig] };
  const diagnostics: Diagnostic[] = [];
  const fail = (message: string, pointer?: string): SafeResult<ManifestEntry[]> => ({
    ok: false,
    diagnostics: [
      { code: 'BATCH_MANIFEST_INVALID', severity: 'error', origin: 'batch', message, ...(pointer ? { pointer } : {}) },
    ],
  });
  let parsed: string[][];
  try {
    parsed = parseCsv(text);
  } catch (cause) {
    return fail(`The manifest is not valid CSV (${(cause as Error).message}); check its quotes.`);
  }
  const [header, ...rows] = parsed;
  if (!header) return fail('The manifest is empty: it needs a header row with at least a `path` column.');
  const columns = header.map((h) => COLUMNS[fold(h)]);
  if (!columns.includes('path'))
    return fail('The manifest header has no `path` column (also accepted: `file`, `đường dẫn`).', '/0');
  const entries: ManifestEntry[] = [];
  rows.forEach((cells, r) => {
    const entry: Partial<ManifestEntry> = {};
    cells.forEach((value, c) => {
      const key = columns[c];
      const v = value.trim();
      if (!key || v === '') return;
      if (key === 'role') {
        const role = fold(v);
        if (['component', 'thanh phan', 'thanh phan ho so'].includes(role)) entry.role = 'component';
        else if (['result', 'ket qua'].includes(role)) entry.role = 'result';
        else
          diagnostics.push({
            code: 'BATCH_MANIFEST_INVALID',
            severity: 'error',
            origin: 'batch',
            pointer: `/${r + 1}/role`,
            message: `Row ${r + 2}: \`role\` must be \`component\` or \`result\`.`,
          });
      } else if (key === 'dossier' && !safeParseDossierCode(v).ok) {
        diagnostics.push({
          code: 'BATCH_MANIFEST_INVALID',
          severity: 'error',
          origin: 'batch',
          pointer: `/${r + 1}/dossier`,
          message: `Row ${r + 2}: \`dossier\` is not a one-stop dossier code \`MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX\`.`,
        });
      } else if (key === 'path') entry.path = resolve(baseDir, v);
      else entry[key] = v;
    });
    if (!entry.path)
      diagnostics.push({
        code: 'BATCH_MANIFEST_INVALID',
        severity: 'error',
        origin: 'batch',
        pointer: `/${r + 1}/path`,
        message: `Row ${r + 2} has no path.`,
      });
    else entries.push(entry as ManifestEntry);
  });
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, value: entries };
}

/** Messages of a manifest's first few problems, one line (a broken manifest can have a problem per row). */
function summarise(diagnostics: Diagnostic[]): string {
  const shown = diagnostics.slice(0, 5).map((d) => d.message);
  return diagnostics.length > shown.length
    ? `${shown.join(' ')} (and ${diagnostics.length - shown.length} more problems)`
    : shown.join(' ');
}

/**
 * Reads and parses a manifest file; throws `BATCH_MANIFEST_TOO_LARGE` past `limits` (the size before
 * reading it) and `BATCH_MANIFEST_INVALID` with the diagnostics.
 */
export async function readManifest(file: string, limits?: ManifestLimits): Promise<ManifestEntry[]> {
  const resolved = resolveManifestLimits(limits);
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > resolved.maxBytes)
      throw new SohoaError(
        'BATCH_MANIFEST_TOO_LARGE',
        `The manifest is ${size} bytes, over the \`maxBytes\` limit of ${resolved.maxBytes}; split it into several manifests.`,
      );
    text = await readFile(file, 'utf8');
  } catch (cause) {
    if (isSohoaError(cause)) throw cause;
    throw new SohoaError('BATCH_MANIFEST_INVALID', `Cannot read the manifest \`${file}\`: check the path.`, { cause });
  }
  const result = safeParseManifest(text, dirname(resolve(file)), resolved);
  if (!result.ok) {
    const code =
      result.diagnostics[0]!.code === 'BATCH_MANIFEST_TOO_LARGE'
        ? 'BATCH_MANIFEST_TOO_LARGE'
        : 'BATCH_MANIFEST_INVALID';
    throw new SohoaError(code, summarise(result.diagnostics), { diagnostics: result.diagnostics });
  }
  return result.value;
}
