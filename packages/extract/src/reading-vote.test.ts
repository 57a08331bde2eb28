import { describe, expect, it } from 'vitest';
import type { ExtractedField } from '@sohoa/core';
import { chooseReading, voteOptionsFor, voteWords } from './reading-vote';

const reading = (value: string, confidence = 0.92): ExtractedField => ({
  value,
  confidence,
  evidence: [{ method: 'ocr' }],
});

describe('name readings', () => {
  it('a unanimous name keeps a fill-worthy confidence', () => {
    const chosen = voteWords(
      ['Nguyễn Thị Thuỷ', 'Nguyễn Thị Thuỷ', 'Nguyễn Thị Thuỷ', 'Nguyễn Thị Thuỷ'].map((v) => reading(v)),
      voteOptionsFor('person.fullName'),
    );
    expect(chosen?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('a name whose readings disagree on one tone mark goes below the fill threshold, other keys do not', () => {
    const readings = ['Nguyễn Thị Thuỷ', 'Nguyễn Thị Thuý', 'Nguyễn Thị Thuỷ', 'Nguyễn Thị Thuỷ'].map((v) =>
      reading(v),
    );
    const name = voteWords(readings, voteOptionsFor('person.fullName'));
    expect(name?.value).toBe('Nguyễn Thị Thuỷ');
    expect(name!.confidence).toBeLessThan(0.9);
    expect(voteWords(readings, voteOptionsFor('person.hometown'))!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('applies to role-prefixed names and to chooseReading', () => {
    const chosen = chooseReading(
      [reading('Lê Văn Hùng'), reading('Lê Văn Hùng'), reading('Lê Văn Húng')],
      voteOptionsFor('mother:person.fullName'),
    );
    expect(chosen?.value).toBe('Lê Văn Hùng');
    expect(chosen!.confidence).toBeLessThan(0.9);
    expect(
      chooseReading([reading('Lê Văn Hùng'), reading('Lê Văn Hùng')], voteOptionsFor('person.fullName'))!.confidence,
    ).toBeGreaterThanOrEqual(0.9);
  });
});
