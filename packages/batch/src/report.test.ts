import { describe, expect, it } from 'vitest';
import { buildReport, csvCell, reportToCsv, reportToHtml } from './report';
import type { DigitizeSummary } from './types';

const summary: DigitizeSummary = {
  ms: 30_000,
  pages: 3,
  counts: { stored: 1, unchanged: 0, extracted: 0, duplicate: 1, 'not-valid': 0, failed: 1, skipped: 0 },
  results: [
    {
      file: 'a.jpg',
      status: 'stored',
      pages: 2,
      ms: 1,
      diagnostics: [{ code: 'EXTRACT_MRZ_CHECK_FAILED', severity: 'warning', message: 'x' }],
      record: {
        type: 'cccd-2021',
        status: 'valid',
        sources: [],
        diagnostics: [],
        fields: {
          'person.fullName': { value: 'CANARY-NAME', confidence: 0.5, evidence: [] },
          'person.idNumber': { value: '001099000001', confidence: 0.99, evidence: [] },
        },
      },
    },
    { file: 'b.jpg', status: 'duplicate', pages: 0, ms: 0, diagnostics: [] },
    {
      file: '=HYPERLINK("x").jpg',
      status: 'failed',
      pages: 1,
      ms: 1,
      diagnostics: [],
      error: { code: 'INGEST_CORRUPT_IMAGE', message: 'The image <b> is truncated.' },
    },
  ],
};

describe('batch report', () => {
  const report = buildReport(summary, new Date('2026-11-28T00:00:00Z'));
  it('counts statuses, types, review fields and failures', () => {
    expect(report).toMatchObject({
      files: 3,
      pages: 3,
      seconds: 30,
      pagesPerMinute: 6,
      byType: { 'cccd-2021': 1 },
      fieldsForReview: 1,
      diagnostics: { EXTRACT_MRZ_CHECK_FAILED: 1 },
    });
    expect(report.failures).toEqual([
      { file: '=HYPERLINK("x").jpg', code: 'INGEST_CORRUPT_IMAGE', message: 'The image <b> is truncated.' },
    ]);
  });
  it('sums stage timings over files, splitting ingest and extraction', () => {
    const timed = buildReport({
      ...summary,
      workerStartMs: [300, 400],
      results: [
        {
          ...summary.results[0]!,
          timings: {
            ingestMs: 100,
            qualityMs: 20,
            preprocessMs: 30,
            qrMs: 5,
            ocrMs: 1000,
            extractMs: 600,
            regionMs: 450,
            ocrPasses: 2,
            regionReads: 9,
            vaultMs: 7,
          },
        },
        { ...summary.results[2]!, timings: { ingestMs: 40, ocrMs: 0, extractMs: 0 } },
      ],
    });
    expect(timed.stages).toEqual({
      workerStartMs: 700,
      decodeMs: 90,
      qualityMs: 20,
      preprocessMs: 30,
      qrMs: 5,
      ocrMs: 1000,
      regionMs: 450,
      extractMs: 150,
      vaultMs: 7,
      ocrPasses: 2,
      regionReads: 9,
    });
  });
  it('never carries field values', () => {
    for (const text of [JSON.stringify(report), reportToCsv(report), reportToHtml(report)]) {
      expect(text).not.toContain('CANARY-NAME');
      expect(text).not.toContain('001099000001');
    }
  });
  it('defuses spreadsheet formulas in CSV and escapes HTML', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell('plain "q"')).toBe('"plain ""q"""');
    expect(reportToCsv(report)).toContain(`"'=HYPERLINK(""x"").jpg"`);
    const html = reportToHtml(report);
    expect(html).toContain('The image &lt;b&gt; is truncated.');
    expect(html).not.toMatch(/<script|src=|href=/);
  });
  it('counts dossier attachments and reads slim results kept without their record', () => {
    const slim: DigitizeSummary = {
      ...summary,
      results: [
        {
          file: 'r.jpg',
          status: 'stored',
          pages: 1,
          ms: 1,
          diagnostics: [],
          documentType: 'giay-khai-sinh',
          fieldsForReview: 2,
          dossier: { code: 'H29.001.07-260115-AB0042', role: 'result', attached: true },
        },
        {
          file: 'c.jpg',
          status: 'stored',
          pages: 1,
          ms: 1,
          diagnostics: [],
          documentType: 'cccd-2021',
          fieldsForReview: 0,
          dossier: { code: 'H29.001.07-260115-AB0042', role: 'component', attached: false },
        },
      ],
    };
    expect(buildReport(slim)).toMatchObject({
      byType: { 'giay-khai-sinh': 1, 'cccd-2021': 1 },
      fieldsForReview: 2,
      dossiers: { attached: 1, notAttached: 1, dossiers: 1 },
    });
  });
});
