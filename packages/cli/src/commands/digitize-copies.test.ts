import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CopyMetadata, type CopyPage, directoryStore } from '@sohoa/archive';
import { noisyPng, pdfOfPngs, samplePdf, throwawayP12 } from '@sohoa/archive/test-support/fixtures';
import type { FileResult } from '@sohoa/batch';
import { isSohoaError } from '@sohoa/core';
import { createFakeOcrEngine } from '@sohoa/ocr';
import { createVault } from '@sohoa/vault';
import { memoryDriver } from '@sohoa/vault/drivers/memory';
import { syntheticCccd } from '@sohoa/vault/internal/fixtures';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../errors';
import { copySettings, writeCopies } from './digitize-copies';

const dir = mkdtempSync(join(tmpdir(), 'sohoa-cli-copies-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.SOHOA_SIGN_PASSWORD;
  delete process.env.SOHOA_AGENCY;
});

const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('copySettings', () => {
  it('checks --copies, --agency and --sign before anything is read', () => {
    expect(copySettings({ vault: 'v.db' })).toBeUndefined();
    expect(thrown(() => copySettings({ agency: 'G09' }))).toBeInstanceOf(UsageError);
    expect(thrown(() => copySettings({ copies: 'c' }))).toBeInstanceOf(UsageError);
    expect(thrown(() => copySettings({ copies: 'c', vault: 'v.db' }))).toBeInstanceOf(UsageError);
    expect(
      isSohoaError(
        thrown(() => copySettings({ copies: 'c', vault: 'v.db', agency: 'g9' })),
        'ARCHIVE_DOCCODE_INVALID',
      ),
    ).toBe(true);
    process.env.SOHOA_AGENCY = 'H41.01';
    expect(copySettings({ copies: 'c', vault: 'v.db' })).toEqual({ copies: 'c', agency: 'H41.01' });
    const p12 = join(dir, 'unit.p12');
    writeFileSync(p12, throwawayP12('right'));
    expect(thrown(() => copySettings({ copies: 'c', vault: 'v.db', sign: p12 }))).toBeInstanceOf(UsageError);
    process.env.SOHOA_SIGN_PASSWORD = 'wrong';
    expect(
      isSohoaError(
        thrown(() => copySettings({ copies: 'c', vault: 'v.db', sign: p12 })),
        'ARCHIVE_SIGN_FAILED',
      ),
    ).toBe(true);
    process.env.SOHOA_SIGN_PASSWORD = 'right';
    expect(copySettings({ copies: 'c', vault: 'v.db', sign: p12 })?.sign?.password).toBe('right');
  });
});

describe('writeCopies', () => {
  it('writes one copy per document, unknown pages as unclassified with their text, and none again on a rerun', async () => {
    const vault = createVault({
      driver: memoryDriver(),
      now: () => new Date('2026-01-15T08:00:00Z'),
      actor: 'tester',
      grants: [{ to: 'tester', subject: '*', purpose: '*', keys: ['*'] }],
    });
    const card = join(dir, 'card.png');
    const unknown = join(dir, 'letter.png');
    const pdfSource = join(dir, 'scan.pdf');
    writeFileSync(card, noisyPng(120, 80));
    writeFileSync(unknown, noisyPng(100, 140));
    writeFileSync(pdfSource, await samplePdf(true));
    const stored = await vault.putDocument(syntheticCccd());
    const results: FileResult[] = [
      {
        file: card,
        status: 'stored',
        documentId: stored.documentId,
        record: syntheticCccd(),
        sha256: 'a'.repeat(64),
        diagnostics: [],
        pages: 1,
        ms: 1,
      },
      {
        file: unknown,
        status: 'failed',
        error: { code: 'EXTRACT_UNKNOWN_DOCUMENT', message: 'x' },
        sha256: 'b'.repeat(64),
        diagnostics: [],
        pages: 1,
        ms: 1,
      },
      {
        file: pdfSource,
        status: 'failed',
        error: { code: 'EXTRACT_UNKNOWN_DOCUMENT', message: 'x' },
        sha256: 'c'.repeat(64),
        diagnostics: [],
        pages: 1,
        ms: 1,
      },
      {
        file: join(dir, 'broken.png'),
        status: 'failed',
        error: { code: 'INGEST_CORRUPT_IMAGE', message: 'x' },
        diagnostics: [],
        pages: 0,
        ms: 1,
      },
    ];
    const written: Array<{ pages: CopyPage[]; metadata: CopyMetadata }> = [];
    const writer = {
      // Stands in for the copy writer (built apart): records its input and returns a one-page PDF per page.
      async writeArchivalCopy(input: { pages: CopyPage[]; metadata: CopyMetadata }) {
        written.push(input);
        return pdfOfPngs(input.pages);
      },
    };
    const engine = createFakeOcrEngine(() => 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐơn đề nghị');
    const root = join(dir, 'copies');
    const ctx = {
      vault,
      store: directoryStore({ root }),
      settings: { copies: root, agency: 'G09.01.02' },
      writer,
      engine,
      kindOf: (type: string) => (type === 'cccd-2021' ? 'CCCD' : undefined),
      typeNameOf: (type: string) => (type === 'cccd-2021' ? 'Căn cước công dân' : undefined),
    };
    const first = await writeCopies(results, ctx);
    expect(first.map((o) => [o.status, o.docCode ?? o.error?.code])).toEqual([
      ['written', 'G09.01.02_CCCD_000001_V1'],
      ['written', 'G09.01.02_TL_000001_V1'],
      ['failed', 'INGEST_UNSUPPORTED_TYPE'],
      ['skipped', undefined],
    ]);
    expect(readdirSync(root).sort()).toEqual([
      'G09.01.02_CCCD_000001_V1_20260115_CanCuocCongDan.pdf',
      'G09.01.02_TL_000001_V1_20260115_TaiLieu.pdf',
    ]);
    expect(written[0]!.metadata).toMatchObject({
      docCode: 'G09.01.02_CCCD_000001_V1',
      typeName: 'Căn cước công dân',
      pageAmount: 1,
      sourceSha256: 'a'.repeat(64),
      language: 'vi',
    });
    expect(written[0]!.pages[0]).toMatchObject({ mediaType: 'image/png', width: 120, height: 80 });
    expect(written[0]!.pages[0]!.words.map((w) => w.text)).toContain('CỘNG');
    // The unknown page is in the vault as `unclassified`, with its text.
    const unclassified = await vault.findCopies({ sha256: (await vault.getCopy('G09.01.02_TL_000001_V1'))!.sha256! });
    const doc = await vault.getDocument(unclassified[0]!.documentId);
    expect(doc).toMatchObject({ type: 'unclassified', kind: 'unclassified' });
    expect(String(doc!.record.fields['document.text']!.value)).toContain('Đơn đề nghị');

    // A rerun, as `--resume` gives it: files done before come back `unchanged` with their document id only.
    const resumed: FileResult[] = [
      {
        file: card,
        status: 'unchanged',
        documentId: stored.documentId,
        sha256: 'a'.repeat(64),
        diagnostics: [],
        pages: 0,
        ms: 0,
      },
      ...results.slice(1),
    ];
    const again = await writeCopies(resumed, ctx);
    expect(again.map((o) => o.status)).toEqual(['exists', 'exists', 'failed', 'skipped']);
    expect(written).toHaveLength(2);
    expect(readdirSync(root)).toHaveLength(2);
  });
});
