import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from './codes';
import { createDiagnostic, hasErrors } from './diagnostics';
import { documentKindOf } from './document-kind';
import { ERROR_CODES, SohoaError, isSohoaError } from './errors';
import { sha256Hex } from './hash';
import { greyHistogram, otsuThreshold } from './otsu';
import { toSourceBox } from './page-geometry';
import { createPrivateFile, writePrivateFile } from './private-file';
import { createExpansionBudget, DEFAULT_SCHEMA_EXPANSION_LIMITS } from './schema-expansion';

describe('errors', () => {
  it('registers each code once, in UPPER_SNAKE_CASE', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[A-Z]+(_[A-Z0-9]+)*$/);
  });
  it('SohoaError carries code, details, diagnostics and cause, and serialises without them', () => {
    const cause = new Error('disk');
    const error = new SohoaError('VAULT_OPEN_FAILED', 'Could not open the vault.', {
      cause,
      details: { file: 'v.db' },
      diagnostics: [createDiagnostic('EXTRACT_FAILED', 'error', 'x')],
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'SohoaError', code: 'VAULT_OPEN_FAILED', details: { file: 'v.db' }, cause });
    expect(error.diagnostics).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'SohoaError',
      code: 'VAULT_OPEN_FAILED',
      message: 'Could not open the vault.',
      details: { file: 'v.db' },
    });
  });
  it('isSohoaError checks the brand (two installed copies) and the code, not instanceof', () => {
    const error = new SohoaError('CLI_USAGE', 'bad');
    expect(isSohoaError(error)).toBe(true);
    expect(isSohoaError(error, 'CLI_USAGE')).toBe(true);
    expect(isSohoaError(error, 'ABORTED')).toBe(false);
    expect(isSohoaError({ ...error, [Symbol.for('sohoa.error')]: true, code: 'ABORTED' }, 'ABORTED')).toBe(true);
    expect(isSohoaError(new Error('plain'))).toBe(false);
    expect(isSohoaError(null)).toBe(false);
    expect(isSohoaError({ code: 'CLI_USAGE' })).toBe(false);
  });
});

describe('codes', () => {
  it('registers every diagnostic-only code once, in UPPER_SNAKE_CASE, apart from the error codes', () => {
    expect(new Set(DIAGNOSTIC_CODES).size).toBe(DIAGNOSTIC_CODES.length);
    for (const code of DIAGNOSTIC_CODES) expect(code).toMatch(/^[A-Z]+(_[A-Z0-9]+)*$/);
    const errors = new Set<string>(ERROR_CODES);
    expect(DIAGNOSTIC_CODES.filter((c) => errors.has(c))).toEqual([]);
  });
  it('registers every code a package source writes as a quoted stage code (the compiler checks the rest)', () => {
    const packages = join(import.meta.dirname, '../..');
    const known = new Set<string>([...ERROR_CODES, ...DIAGNOSTIC_CODES]);
    const written = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
          for (const m of readFileSync(path, 'utf8').matchAll(
            /'((?:INGEST|OCR|EXTRACT|VAULT|EFORM|RENDER|BATCH|CLI|VN|ARCHIVE)_[A-Z0-9_]+)'/g,
          ))
            written.add(m[1]!);
      }
    };
    for (const name of readdirSync(packages)) walk(join(packages, name, 'src'));
    expect(written.size).toBeGreaterThan(100);
    expect([...written].filter((c) => !known.has(c))).toEqual([]);
  });
});

describe('diagnostics', () => {
  it('createDiagnostic keeps extra fields; hasErrors looks only at severity error', () => {
    const warning = createDiagnostic('OCR_NO_TEXT', 'warning', 'low', { page: 2 });
    expect(warning).toEqual({ code: 'OCR_NO_TEXT', severity: 'warning', message: 'low', page: 2 });
    expect(hasErrors([warning])).toBe(false);
    expect(hasErrors([warning, createDiagnostic('EXTRACT_FAILED', 'error', 'x')])).toBe(true);
    expect(hasErrors([])).toBe(false);
  });
});

describe('sha256Hex', () => {
  it('hashes strings and bytes alike (known vectors)', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('toSourceBox', () => {
  const box = { x: 10, y: 20, width: 30, height: 40 };
  it('returns the box of a page that was not preprocessed unchanged', () => {
    expect(toSourceBox({}, box)).toBe(box);
  });
  it('undoes a scale and a shift, and clamps to the original page', () => {
    // Preprocessing doubled the page and moved it 4 px right: x' = 2x + 4, y' = 2y.
    const page = {
      preprocessing: {
        transform: [2, 0, 0, 2, 4, 0] as [number, number, number, number, number, number],
        original: { width: 20, height: 100 },
        steps: [],
      },
    };
    expect(toSourceBox(page as never, box)).toEqual({ x: 3, y: 10, width: 15, height: 20 });
    expect(toSourceBox(page as never, { x: 30, y: 0, width: 100, height: 10 })).toEqual({
      x: 13,
      y: 0,
      width: 7,
      height: 5,
    });
  });
});

describe('documentKindOf', () => {
  it('prefers the record kind, then the kind of a known type, else unclassified', () => {
    expect(documentKindOf({ type: 'cccd-2021', kind: 'letter' })).toBe('letter');
    expect(documentKindOf({ type: 'cccd-2021' })).toBe('identity');
    expect(documentKindOf({ type: 'something-new' })).toBe('unclassified');
  });
});

describe('createExpansionBudget', () => {
  it('throws EFORM_SCHEMA_TOO_LARGE past maxFields or maxDepth, and rejects bad limits', () => {
    const budget = createExpansionBudget({ maxFields: 2, maxDepth: 3 });
    budget.enter('/a', 1);
    budget.enter('/b', 3);
    expect(() => budget.enter('/c', 1)).toThrow(expect.objectContaining({ code: 'EFORM_SCHEMA_TOO_LARGE' }));
    expect(() => createExpansionBudget({ maxDepth: 2 }).enter('/a/b/c', 3)).toThrow(
      expect.objectContaining({ code: 'EFORM_SCHEMA_TOO_LARGE' }),
    );
    expect(() => createExpansionBudget({ maxFields: 0 })).toThrow(
      expect.objectContaining({ code: 'EFORM_SCHEMA_INVALID' }),
    );
    expect(DEFAULT_SCHEMA_EXPANSION_LIMITS).toEqual({ maxFields: 5000, maxDepth: 32 });
  });
});

describe('private files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-core-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it.skipIf(process.platform === 'win32')('writePrivateFile and createPrivateFile leave mode 600', () => {
    const file = join(dir, 'report.json');
    writePrivateFile(file, '{"a":1}');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}');
    const other = join(dir, 'journal.db');
    createPrivateFile(other);
    expect(statSync(other).mode & 0o777).toBe(0o600);
  });
});

describe('otsuThreshold', () => {
  it('splits a two-level page between its levels, and gives 127 for one grey', () => {
    const pixels = new Uint8Array(1000);
    pixels.fill(30, 0, 200);
    pixels.fill(220, 200);
    const threshold = otsuThreshold(greyHistogram(pixels));
    expect(threshold).toBeGreaterThanOrEqual(30);
    expect(threshold).toBeLessThan(220);
    expect(otsuThreshold(greyHistogram(new Uint8Array(50).fill(90)))).toBe(127);
  });
});
