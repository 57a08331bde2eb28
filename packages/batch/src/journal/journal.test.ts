import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryJournal } from './memory';
import { sqliteJournal } from './sqlite';
import type { Journal } from './types';

const makers: Array<[string, () => Promise<Journal>]> = [
  ['memory', async () => memoryJournal()],
  ['sqlite', async () => sqliteJournal({ path: join(mkdtempSync(join(tmpdir(), 'sohoa-journal-')), 'j.db') })],
];

describe.each(makers)('journal contract: %s', (_name, make) => {
  it('tracks a file from started to done and counts attempts', async () => {
    const j = await make();
    expect(await j.get('a')).toBeUndefined();
    expect((await j.start('a', 'x.jpg')).attempts).toBe(1);
    await j.fail('a', { code: 'OCR_TIMEOUT', message: 'slow' }, false);
    expect(await j.get('a')).toMatchObject({ state: 'failed', errorCode: 'OCR_TIMEOUT', attempts: 1 });
    expect((await j.start('a', 'x.jpg')).attempts).toBe(2);
    await j.finish('a', { documentId: 'd1', outcome: 'stored' });
    const done = await j.get('a');
    expect(done).toMatchObject({ state: 'done', documentId: 'd1', outcome: 'stored', attempts: 2 });
    expect(done?.errorCode).toBeUndefined();
    await j.start('b', 'y.jpg');
    await j.fail('b', { code: 'INGEST_CORRUPT_IMAGE', message: 'bad' }, true);
    expect((await j.entries()).map((e) => [e.sha256, e.state]).sort()).toEqual([
      ['a', 'done'],
      ['b', 'parked'],
    ]);
    await j.close();
  });
});

describe('sqlite journal', () => {
  it('keeps its state across reopen', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sohoa-journal-')), 'j.db');
    const first = await sqliteJournal({ path });
    await first.start('a', 'x.jpg');
    await first.finish('a', { outcome: 'stored', documentId: 'd' });
    await first.close();
    const again = await sqliteJournal({ path });
    expect(await again.get('a')).toMatchObject({ state: 'done', documentId: 'd' });
    await again.close();
  });
  it('refuses a file that is not a journal with BATCH_JOURNAL_FAILED', async () => {
    const { writeFileSync } = await import('node:fs');
    const path = join(mkdtempSync(join(tmpdir(), 'sohoa-journal-')), 'j.db');
    writeFileSync(path, 'definitely not sqlite '.repeat(100));
    await expect(sqliteJournal({ path })).rejects.toMatchObject({ code: 'BATCH_JOURNAL_FAILED' });
  });
});
