import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeOcrEngine } from '@sohoa/ocr';
import { digitizeFile } from './digitize';
import { memoryJournal } from './journal/memory';
import { parseCsv, readManifest, safeParseManifest } from './manifest';

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, commas and newlines inside fields, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""","line\nbreak"\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line\nbreak'],
    ]);
  });
  it('round-trips any table of quoted cells and throws nothing but a CSV error (an unclosed quote)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (table) => {
          const rows = table.filter((r) => r.some((c) => c.trim() !== ''));
          expect(parseCsv(rows.map((r) => r.map(quote).join(',')).join('\r\n'))).toEqual(rows);
        },
      ),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          parseCsv(s);
        } catch (error) {
          expect((error as { code?: string }).code).toMatch(/^CSV_/);
        }
      }),
    );
  });
});

describe('safeParseManifest', () => {
  it('accepts English or Vietnamese headers and resolves paths against the manifest folder', () => {
    const result = safeParseManifest(
      'Đường dẫn,Loại giấy tờ,Số định danh,Vai trò\nscans/a.jpg,cccd-2021,001090012345,kết quả\n',
      '/data',
    );
    expect(result).toEqual({
      ok: true,
      value: [{ path: resolve('/data/scans/a.jpg'), type: 'cccd-2021', subject: '001090012345', role: 'result' }],
    });
  });
  it('points at the rows that are wrong, without their values', () => {
    const result = safeParseManifest('path,role\n,result\nb.jpg,boss\n', '/data');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.diagnostics.map((d) => d.pointer)).toEqual(['/1/path', '/2/role']);
      expect(JSON.stringify(result.diagnostics)).not.toContain('boss');
    }
    expect(safeParseManifest('type\ncccd-2021\n', '/').ok).toBe(false);
  });
});

describe('manifest limits', () => {
  it('are configurable: line length, rows and bytes, refused before parsing and without quoting the content', async () => {
    const text = 'path,subject\na.jpg,001199012345\nb.jpg,001199012345\n';
    expect(safeParseManifest(text, '/x').ok).toBe(true);
    const long = safeParseManifest(text, '/x', { maxLineLength: 15 });
    expect(long).toMatchObject({ ok: false, diagnostics: [{ code: 'BATCH_MANIFEST_TOO_LARGE', pointer: '/1' }] });
    if (!long.ok) expect(long.diagnostics[0]!.message).not.toContain('001199012345');
    expect(safeParseManifest(text, '/x', { maxRows: 1 })).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'BATCH_MANIFEST_TOO_LARGE' }],
    });
    expect(safeParseManifest(text, '/x', { maxRows: 2 }).ok).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'sohoa-manifest-limits-'));
    writeFileSync(join(dir, 'm.csv'), text);
    await expect(readManifest(join(dir, 'm.csv'), { maxBytes: 10 })).rejects.toMatchObject({
      code: 'BATCH_MANIFEST_TOO_LARGE',
    });
    expect(await readManifest(join(dir, 'm.csv'))).toHaveLength(2);
    expect(() => safeParseManifest(text, '/x', { maxRows: 0 })).toThrow(/positive integer/);
  });
});

describe('digitizing with a manifest', () => {
  it('leaves a document whose unproven ID differs from the manifest unlinked, for an officer', async () => {
    const file = resolve(import.meta.dirname, '../../../seeds/data/cccd/01-tran-kim-giang/front.jpg');
    const text = ['CĂN CƯỚC CÔNG DÂN', 'Số / No.: 046159365055', 'Họ và tên / Full name:', 'TRẦN KIM GIANG'].join('\n');
    const engine = createFakeOcrEngine((page) => (page.width > 900 ? text : ''));
    const journal = memoryJournal();
    const { createVault } = await import('@sohoa/vault');
    const { memoryDriver } = await import('@sohoa/vault/drivers/memory');
    const manifest = new Map([
      [file, { path: file, type: 'cccd-2021', subject: '001090012345', procedure: '1.001193' }],
    ]);
    const result = await digitizeFile(file, {
      engine,
      journal,
      manifest,
      vault: createVault({ driver: memoryDriver() }),
    });
    expect(result.status).toBe('stored');
    expect(result.manifest?.procedure).toBe('1.001193');
    expect(result.diagnostics.map((d) => d.code)).toContain('BATCH_SUBJECT_MISMATCH');
    // The ID printed on the card was not proven and names someone else than the manifest: neither wins, an officer links it.
    expect(result.link).toMatchObject({ reason: 'id-unverifiable', evidence: [] });
    expect(result.link?.subject).toBeUndefined();
    expect(await journal.review.list()).toEqual([]);
  });
});
