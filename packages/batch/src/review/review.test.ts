import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '@sohoa/core';
import { memoryJournal } from '../journal/memory';
import { sqliteJournal } from '../journal/sqlite';
import { collectReviewItems } from './collect';

const record: DocumentRecord = {
  type: 'cccd-2021',
  subject: { kind: 'person', id: '079190001234' },
  status: 'valid',
  sources: [{ file: 'a.jpg', sha256: 'f'.repeat(64), page: 1, pageCount: 1 }],
  fields: {
    'person.idNumber': {
      value: '079190001234',
      confidence: 0.99,
      evidence: [{ method: 'qr', sha256: 'f'.repeat(64), page: 1, box: { x: 1, y: 2, width: 3, height: 4 } }],
    },
    'person.fullName': {
      value: 'Trần Thị Thuỷ',
      confidence: 0.6,
      evidence: [{ method: 'ocr', sha256: 'f'.repeat(64), page: 1, box: { x: 5, y: 6, width: 7, height: 8 } }],
    },
    'document.expiryDate': { value: '2030-03-05', confidence: 0.95, evidence: [{ method: 'ocr', page: 1 }] },
    'person.nationality': { value: 'Việt Nam', confidence: 0.5, evidence: [{ method: 'computed' }] },
  },
  diagnostics: [{ code: 'EXTRACT_EXPIRY_INCONSISTENT', severity: 'warning', key: 'document.expiryDate', message: 'x' }],
};

describe('review items', () => {
  it('collects low-confidence fields and fields a cross-check questions, never computed ones or values', () => {
    const items = collectReviewItems(record, 'doc1', 'a.jpg', 0.9);
    expect(items.map((i) => [i.key, i.reason, i.code]).sort()).toEqual([
      ['document.expiryDate', 'cross-check-failed', 'EXTRACT_EXPIRY_INCONSISTENT'],
      ['person.fullName', 'low-confidence', undefined],
    ]);
    expect(items.find((i) => i.key === 'person.fullName')).toMatchObject({
      page: 1,
      box: { x: 5, y: 6, width: 7, height: 8 },
      documentId: 'doc1',
    });
    expect(JSON.stringify(items)).not.toContain('079190001234');
    expect(JSON.stringify(items)).not.toContain('Thuỷ');
  });
});

describe.each([
  ['memory', async () => memoryJournal()],
  ['sqlite', async () => sqliteJournal({ path: join(mkdtempSync(join(tmpdir(), 'sohoa-review-')), 'j.db') })],
])('review queue: %s', (_name, make) => {
  it('adds once per document and key, lists, filters and records decisions', async () => {
    const journal = await make();
    const items = collectReviewItems(record, 'doc1', 'a.jpg', 0.9);
    expect(await journal.review.add(items)).toBe(2);
    expect(await journal.review.add(items)).toBe(0);
    const open = await journal.review.list({ status: 'open' });
    expect(open).toHaveLength(2);
    await journal.review.decide(open[0]!.id, { status: 'corrected', by: 'officer:017' });
    expect(await journal.review.get(open[0]!.id)).toMatchObject({
      status: 'corrected',
      decidedBy: 'officer:017',
      key: open[0]!.key,
    });
    expect(await journal.review.list({ status: 'open' })).toHaveLength(1);
    expect(await journal.review.list({ documentIds: ['nobody'] })).toHaveLength(0);
    expect(await journal.review.list({ documentIds: ['doc1'] })).toHaveLength(2);
    expect(await journal.review.forget(['doc1'])).toBe(2);
    expect(await journal.review.list()).toHaveLength(0);
    await journal.close();
  });
});
