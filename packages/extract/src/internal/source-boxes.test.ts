import { describe, expect, it } from 'vitest';
import type { DocumentRecord, PageImage } from '@sohoa/core';
import { evidenceOnSource } from './source-boxes';

const page = (preprocessing?: PageImage['preprocessing']): PageImage => ({
  source: { file: 'scan.jpg', sha256: 'a'.repeat(64), page: 1, pageCount: 1 },
  width: 800,
  height: 1100,
  channels: 1,
  pixels: new Uint8Array(0),
  diagnostics: [],
  ...(preprocessing ? { preprocessing } : {}),
});

const record = (): DocumentRecord =>
  ({
    type: 'giay-khai-sinh',
    sources: [{ file: 'scan.jpg', sha256: 'a'.repeat(64), page: 1, pageCount: 1 }],
    fields: {
      'person.fullName': {
        value: 'Nguyễn Văn An',
        confidence: 0.95,
        evidence: [{ method: 'ocr', page: 1, box: { x: 0, y: 0, width: 100, height: 50 } }, { method: 'qr' }],
      },
    },
    relations: [
      {
        role: 'mother',
        fields: {
          'person.fullName': {
            value: 'Trần Thị Bình',
            confidence: 0.9,
            evidence: [{ method: 'ocr', page: 1, box: { x: 700, y: 1000, width: 100, height: 100 } }],
          },
        },
      },
    ],
    diagnostics: [],
    status: 'valid',
  }) as DocumentRecord;

describe('evidenceOnSource', () => {
  it('maps boxes on a page turned upright back to the sideways scan, relations included', () => {
    // The scan was 1100×800, turned a quarter clockwise to 800×1100: file (x, y) → page (800 − y, x).
    const turned = page({
      steps: ['orient'],
      transform: [0, 1, -1, 0, 800, 0],
      original: { width: 1100, height: 800 },
      ms: 1,
    });
    const mapped = evidenceOnSource(record(), [turned]);
    expect(mapped.fields['person.fullName']!.evidence).toEqual([
      { method: 'ocr', page: 1, box: { x: 0, y: 700, width: 50, height: 100 } },
      { method: 'qr' },
    ]);
    expect(mapped.relations![0]!.fields['person.fullName']!.evidence[0]!.box).toEqual({
      x: 1000,
      y: 0,
      width: 100,
      height: 100,
    });
  });

  it('leaves records of pages that were not preprocessed as they are', () => {
    const original = record();
    expect(evidenceOnSource(original, [page()])).toBe(original);
  });
});
