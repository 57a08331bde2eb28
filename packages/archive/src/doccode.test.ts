import { isSohoaError } from '@sohoa/core';
import { describe, expect, it } from 'vitest';
import { assertAgencyCode, formatDocCode, parseDocCode, safeParseAgencyCode, safeParseDocCode } from './doccode';

describe('DocCode', () => {
  it('formats MCQ_LV_STT_PB with a 6-digit number and V<n>', () => {
    expect(formatDocCode({ agency: 'G09.01.02', kind: 'GKS', number: 21, version: 1 })).toBe('G09.01.02_GKS_000021_V1');
    expect(formatDocCode({ agency: 'H41', kind: 'CV', number: 999999, version: 12 })).toBe('H41_CV_999999_V12');
  });

  it('parses what it formats, and the guidance example', () => {
    const parts = { agency: 'H41.01.07', kind: 'CCCD', number: 4031, version: 2 };
    expect(parseDocCode(formatDocCode(parts))).toEqual(parts);
    expect(parseDocCode('G06.01_CV_000021_V1')).toEqual({ agency: 'G06.01', kind: 'CV', number: 21, version: 1 });
  });

  it('accepts agency codes of the QĐ 20/2020 shape and refuses others', () => {
    for (const ok of ['G09', 'G09.01', 'G09.01.02', 'H41.01', 'H37.DN.001', 'A01.001.01.01'])
      expect(safeParseAgencyCode(ok).ok, ok).toBe(true);
    for (const bad of ['g09.01', 'G9.01', 'GG9', '09.01', 'G09.', 'G09..01', 'G09.1', 'G09.01.02.03.04', 'G09_01', ''])
      expect(safeParseAgencyCode(bad).ok, bad).toBe(false);
    expect(assertAgencyCode(' G09.01 ')).toBe('G09.01');
  });

  it('throws typed errors for bad parts', () => {
    const bad = [
      { agency: 'G09', kind: 'gks', number: 1, version: 1 },
      { agency: 'G09', kind: 'NĐ', number: 1, version: 1 },
      { agency: 'G09', kind: 'GKS', number: 0, version: 1 },
      { agency: 'G09', kind: 'GKS', number: 1_000_000, version: 1 },
      { agency: 'G09', kind: 'GKS', number: 1.5, version: 1 },
      { agency: 'G09', kind: 'GKS', number: 1, version: 0 },
      { agency: 'x', kind: 'GKS', number: 1, version: 1 },
      // 31 characters: over the guidance's String 30.
      { agency: 'A01.001.001.001', kind: 'ABCDEFGHIJ', number: 1, version: 1 },
    ];
    for (const parts of bad) {
      const error = (() => {
        try {
          formatDocCode(parts);
        } catch (e) {
          return e;
        }
      })();
      expect(isSohoaError(error, 'ARCHIVE_DOCCODE_INVALID'), JSON.stringify(parts)).toBe(true);
    }
  });

  it('refuses malformed codes when parsing', () => {
    for (const bad of [
      'G09_GKS_21_V1',
      'G09_GKS_000021',
      'G09_GKS_000021_V01',
      'G09_GKS_000000_V1',
      'G09-GKS-000021-V1',
    ])
      expect(safeParseDocCode(bad).ok, bad).toBe(false);
    expect(() => parseDocCode('nope')).toThrow(/MCQ_LV_STT_PB/);
  });
});
