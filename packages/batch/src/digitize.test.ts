import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeOcrEngine } from '@sohoa/ocr';
import { createVault } from '@sohoa/vault';
import { memoryDriver } from '@sohoa/vault/drivers/memory';
import { SohoaError } from '@sohoa/core';
import { readPages } from '@sohoa/ingest';
import { digitizeFile, digitizeFiles } from './digitize';
import { memoryJournal } from './journal/memory';

const seed = resolve(import.meta.dirname, '../../../seeds/data/cccd/01-tran-kim-giang');
const FRONT_TEXT = [
  'CĂN CƯỚC CÔNG DÂN',
  'Số / No.: 046159365055',
  'Họ và tên / Full name:',
  'TRẦN KIM GIANG',
  'Ngày sinh / Date of birth: 25/11/1959',
  'Giới tính / Sex: Nữ',
].join('\n');
// Region re-reads get no text from this engine, so only the page reading counts.
const engine = createFakeOcrEngine((page) => (page.width > 900 ? FRONT_TEXT : ''));

describe('digitizeFile', () => {
  it('runs ingest → OCR → extract → vault and is idempotent', async () => {
    const vault = createVault({ driver: memoryDriver() });
    const first = await digitizeFile(join(seed, 'front.jpg'), { engine, vault, asOf: '2026-11-28' });
    expect(first.status).toBe('stored');
    expect(first.record?.subject).toEqual({ kind: 'person', id: '046159365055' });
    expect(first.pages).toBe(1);
    const again = await digitizeFile(join(seed, 'front.jpg'), { engine, vault });
    expect(again.status).toBe('unchanged');
    expect(again.documentId).toBe(first.documentId);
  });

  it("keeps each page's OCR words with `keepWords`, in the pixels of the page as decoded (preprocessing undone)", async () => {
    const front = join(seed, 'front.jpg');
    const [decoded] = await readPages(front, { preprocess: false, textLayer: 'ignore' });
    const kept = await digitizeFile(front, { engine, asOf: '2026-11-28', keepWords: true });
    expect(kept.pageWords).toHaveLength(1);
    const page = kept.pageWords![0]!;
    expect(page).toMatchObject({ page: 1, width: decoded!.width, height: decoded!.height });
    expect(page.words.map((w) => w.text)).toContain('046159365055');
    for (const { box } of page.words) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(page.width);
      expect(box.y + box.height).toBeLessThanOrEqual(page.height);
    }
    expect((await digitizeFile(front, { engine, asOf: '2026-11-28' })).pageWords).toBeUndefined();
  });

  it('reads PDFs given by path (bytes read as a Buffer): an owner-password PDF opens, a user-password one is INGEST_ENCRYPTED_PDF', async () => {
    const pdfs = resolve(import.meta.dirname, '../../../test/fixtures/pdf');
    const anyPage = createFakeOcrEngine(() => FRONT_TEXT);
    const opened = await digitizeFile(join(pdfs, 'owner-password-aes256.pdf'), { engine: anyPage, asOf: '2026-11-28' });
    expect(opened).toMatchObject({ status: 'extracted', pages: 1 });
    const locked = await digitizeFile(join(pdfs, 'user-password-aes256.pdf'), { engine: anyPage });
    expect(locked).toMatchObject({ status: 'failed', error: { code: 'INGEST_ENCRYPTED_PDF' } });
  });

  it('reports a bad file as failed with its code, and stores a document without a readable ID unlinked instead of failing it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sohoa-batch-'));
    writeFileSync(join(dir, 'note.jpg'), 'not an image');
    const bad = await digitizeFile(join(dir, 'note.jpg'), { engine });
    expect(bad).toMatchObject({ status: 'failed', error: { code: 'INGEST_UNSUPPORTED_TYPE' } });
    const noSubject = createFakeOcrEngine((page) =>
      page.width > 900 ? 'CĂN CƯỚC CÔNG DÂN\nHọ và tên / Full name:\nTRẦN KIM GIANG' : '',
    );
    const unlinked = await digitizeFile(join(seed, 'front.jpg'), {
      engine: noSubject,
      vault: createVault({ driver: memoryDriver() }),
    });
    expect(unlinked.status).toBe('stored');
    expect(unlinked.link).toEqual({ evidence: [], reason: 'no-id' });
    expect(unlinked.record?.subject).toBeUndefined();
    expect(unlinked.record?.fields['person.fullName']?.value).toBe('Trần Kim Giang');
  });
});

describe('digitizeFiles', () => {
  it('keeps input order, counts statuses and reports progress', async () => {
    const events: number[] = [];
    const summary = await digitizeFiles([join(seed, 'front.jpg'), join(seed, 'missing.jpg')], {
      engine,
      onProgress: (e) => events.push(e.done),
    });
    expect(summary.results.map((r) => r.status)).toEqual(['extracted', 'failed']);
    expect(summary.results[1]?.error?.code).toBe('INGEST_FILE_NOT_FOUND');
    expect(summary.counts).toMatchObject({ extracted: 1, failed: 1 });
    expect(events.sort()).toEqual([1, 2]);
  });

  it('skips files not started after an abort', async () => {
    const controller = new AbortController();
    controller.abort();
    const summary = await digitizeFiles([join(seed, 'front.jpg')], { engine, signal: controller.signal });
    expect(summary.counts.skipped).toBe(1);
  });

  it('refuses an empty file list with BATCH_NO_INPUT', async () => {
    await expect(digitizeFiles([], { engine })).rejects.toMatchObject({ code: 'BATCH_NO_INPUT' });
  });
});

describe('journal, resume, retries and duplicates', () => {
  const front = join(seed, 'front.jpg');

  it('on resume skips files the journal has as done, without OCR', async () => {
    const journal = memoryJournal();
    const vault = createVault({ driver: memoryDriver() });
    let calls = 0;
    const counting = createFakeOcrEngine((page) => {
      calls++;
      return page.width > 900 ? FRONT_TEXT : '';
    });
    const first = await digitizeFile(front, { engine: counting, vault, journal });
    expect(first.status).toBe('stored');
    const before = calls;
    const resumed = await digitizeFile(front, { engine: counting, vault, journal, resume: true });
    expect(resumed).toMatchObject({ status: 'unchanged', documentId: first.documentId });
    expect(calls).toBe(before);
  });

  it('retries transient OCR failures, then parks the file; bad input is parked at once', async () => {
    const journal = memoryJournal();
    let attempts = 0;
    const crashing = {
      async recognize(): Promise<never> {
        attempts++;
        throw new SohoaError('OCR_FAILED', 'The OCR worker crashed.');
      },
    };
    const result = await digitizeFile(front, { engine: crashing, journal, maxAttempts: 3 });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'OCR_FAILED' }, attempts: 3 });
    expect(attempts).toBe(3);
    expect((await journal.entries())[0]).toMatchObject({ state: 'parked', attempts: 3 });
    const parked = await digitizeFile(front, { engine: crashing, journal, resume: true });
    expect(parked.status).toBe('failed');
    expect(attempts).toBe(3);

    const dir = mkdtempSync(join(tmpdir(), 'sohoa-batch-'));
    writeFileSync(join(dir, 'bad.png'), Buffer.from('89504e470d0a1a0a0000', 'hex'));
    const bad = await digitizeFile(join(dir, 'bad.png'), { engine, journal, maxAttempts: 3 });
    expect(bad).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('reports a second copy of the same bytes as a duplicate of the first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sohoa-batch-'));
    copyFileSync(front, join(dir, 'copy.jpg'));
    const summary = await digitizeFiles([front, join(dir, 'copy.jpg')], { engine, concurrency: 1 });
    expect(summary.results.map((r) => r.status)).toEqual(['extracted', 'duplicate']);
    expect(summary.results[1]?.duplicateOf).toBe(front);
  });
});

describe('per-file time limit', () => {
  it('stops a hung file, reports BATCH_FILE_TIMEOUT and retries it', async () => {
    let calls = 0;
    const hanging = {
      recognize(_page: unknown, options?: { signal?: AbortSignal }): Promise<never> {
        calls++;
        return new Promise((_, reject) =>
          options?.signal?.addEventListener('abort', () =>
            reject(new SohoaError('OCR_ABORTED', 'Recognition was cancelled.')),
          ),
        );
      },
    };
    const journal = memoryJournal();
    const result = await digitizeFile(join(seed, 'front.jpg'), {
      engine: hanging,
      journal,
      fileTimeoutMs: 100,
      maxAttempts: 2,
    });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'BATCH_FILE_TIMEOUT' }, attempts: 2 });
    expect(calls).toBe(2);
  });
});

describe('stopping and long runs', () => {
  it('a file in progress when the run is stopped is reported skipped and left for resume, not parked', async () => {
    const controller = new AbortController();
    const waiting = {
      recognize(_page: unknown, options?: { signal?: AbortSignal }): Promise<never> {
        setTimeout(() => controller.abort(), 20);
        return new Promise((_, reject) =>
          options?.signal?.addEventListener('abort', () =>
            reject(new SohoaError('OCR_ABORTED', 'Recognition was cancelled.')),
          ),
        );
      },
    };
    const journal = memoryJournal();
    const summary = await digitizeFiles([join(seed, 'front.jpg')], {
      engine: waiting,
      journal,
      signal: controller.signal,
    });
    expect(summary.results[0]).toMatchObject({ status: 'skipped', attempts: 1 });
    expect((await journal.entries())[0]).toMatchObject({ state: 'failed', errorCode: 'OCR_ABORTED' });
  });

  it('with retainRecords off, drops records from the summary but keeps their type and review count', async () => {
    const summary = await digitizeFiles([join(seed, 'front.jpg')], { engine, retainRecords: false });
    expect(summary.results[0]).toMatchObject({ status: 'extracted', documentType: 'cccd-2021' });
    expect(summary.results[0]?.record).toBeUndefined();
    expect(summary.results[0]?.fieldsForReview).toBeTypeOf('number');
  });
});

describe('only valid results', () => {
  it('reports an expired card as not-valid and does not store it', async () => {
    const vault = createVault({ driver: memoryDriver() });
    // The sample card of person 01 has no expiry; the front of 04 expires on 2029-01-09.
    const front04 = resolve(import.meta.dirname, '../../../seeds/data/cccd/04-huynh-van-dung/front.jpg');
    const text = [
      'CĂN CƯỚC CÔNG DÂN',
      'Số / No.: 031204288138',
      'Họ và tên / Full name:',
      'HUỲNH VĂN DŨNG',
      'Ngày sinh / Date of birth: 09/01/2004',
      'Có giá trị đến: 09/01/2029',
    ].join('\n');
    const ocr = createFakeOcrEngine((page) => (page.width > 900 ? text : ''));
    const later = await digitizeFile(front04, { engine: ocr, vault, onlyValid: true, asOf: '2030-01-01' });
    expect(later.status).toBe('not-valid');
    expect(later.record?.status).toBe('expired');
    const now = await digitizeFile(front04, { engine: ocr, vault, onlyValid: true, asOf: '2026-11-28' });
    expect(now.status).toBe('stored');
  });
});
