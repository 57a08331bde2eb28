import type { DigitizeSummary, FileStatus } from './types';

/** Fields read below this confidence go to review before any form uses them. */
export const REVIEW_THRESHOLD = 0.9;

/** A batch run summarised for people: totals, throughput, quality and failures. No personal data. */
export interface BatchReport {
  generatedAt: string;
  files: number;
  pages: number;
  seconds: number;
  pagesPerMinute: number;
  byStatus: Record<FileStatus, number>;
  byType: Record<string, number>;
  /** Fields below {@link REVIEW_THRESHOLD} confidence, over all records. */
  fieldsForReview: number;
  /** Diagnostic codes and how often they occurred. */
  diagnostics: Record<string, number>;
  /** Documents stored or read with a subject (`linked`) and without one (`unlinked`: waiting for an officer in `sohoa review unlinked`). */
  links: { linked: number; unlinked: number };
  /** Files the manifest puts in a dossier: attached in the vault or not (see `BATCH_DOSSIER_NOT_ATTACHED`), and the dossiers touched. */
  dossiers: { attached: number; notAttached: number; dossiers: number };
  failures: Array<{ file: string; code: string; message: string }>;
  /**
   * Where the time went, summed over the files' last attempts (files run in parallel, so the sum can
   * exceed `seconds`): ingest split into decode, quality gate and preprocessing; QR codes; OCR before
   * extraction; region re-reads; the rest of extraction; the vault; and the start-up of isolated
   * worker processes. Milliseconds, except the counts `ocrPasses` and `regionReads`.
   */
  stages: ReportStages;
}

/** See {@link BatchReport.stages}. */
export interface ReportStages {
  workerStartMs: number;
  decodeMs: number;
  qualityMs: number;
  preprocessMs: number;
  qrMs: number;
  ocrMs: number;
  regionMs: number;
  extractMs: number;
  vaultMs: number;
  ocrPasses: number;
  regionReads: number;
}

function stagesOf(summary: DigitizeSummary): ReportStages {
  const stages: ReportStages = {
    workerStartMs: (summary.workerStartMs ?? []).reduce((a, b) => a + b, 0),
    decodeMs: 0,
    qualityMs: 0,
    preprocessMs: 0,
    qrMs: 0,
    ocrMs: 0,
    regionMs: 0,
    extractMs: 0,
    vaultMs: 0,
    ocrPasses: 0,
    regionReads: 0,
  };
  for (const { timings: t } of summary.results) {
    if (!t) continue;
    const quality = t.qualityMs ?? 0;
    const preprocess = t.preprocessMs ?? 0;
    stages.decodeMs += Math.max(0, t.ingestMs - quality - preprocess);
    stages.qualityMs += quality;
    stages.preprocessMs += preprocess;
    stages.qrMs += t.qrMs ?? 0;
    stages.ocrMs += t.ocrMs;
    stages.regionMs += t.regionMs ?? 0;
    stages.extractMs += Math.max(0, t.extractMs - (t.regionMs ?? 0));
    stages.vaultMs += t.vaultMs ?? 0;
    stages.ocrPasses += t.ocrPasses ?? 0;
    stages.regionReads += t.regionReads ?? 0;
  }
  return stages;
}

/** Builds the report of a run. File names are kept; values, IDs and names never enter it. */
export function buildReport(summary: DigitizeSummary, now: Date = new Date()): BatchReport {
  const byType: Record<string, number> = {};
  const diagnostics: Record<string, number> = {};
  let fieldsForReview = 0;
  const dossiers = { attached: 0, notAttached: 0, dossiers: 0 };
  const links = { linked: 0, unlinked: 0 };
  const codes = new Set<string>();
  for (const r of summary.results) {
    if (r.link) links[r.link.subject ? 'linked' : 'unlinked']++;
    if (r.dossier) {
      dossiers[r.dossier.attached ? 'attached' : 'notAttached']++;
      codes.add(r.dossier.code);
    }
    const type = r.record?.type ?? r.documentType;
    if (type) byType[type] = (byType[type] ?? 0) + 1;
    for (const d of r.diagnostics) diagnostics[d.code] = (diagnostics[d.code] ?? 0) + 1;
    fieldsForReview += r.record
      ? Object.values(r.record.fields).filter((f) => f.confidence < REVIEW_THRESHOLD).length
      : (r.fieldsForReview ?? 0);
  }
  const seconds = summary.ms / 1000;
  return {
    generatedAt: now.toISOString(),
    files: summary.results.length,
    pages: summary.pages,
    seconds: Number(seconds.toFixed(1)),
    pagesPerMinute: Number(((summary.pages / Math.max(seconds, 0.001)) * 60).toFixed(1)),
    byStatus: summary.counts,
    byType,
    fieldsForReview,
    diagnostics,
    links,
    dossiers: { ...dossiers, dossiers: codes.size },
    failures: summary.results
      .filter((r) => r.status === 'failed')
      .map((r) => ({ file: r.file, code: r.error?.code ?? 'INTERNAL', message: r.error?.message ?? '' })),
    stages: stagesOf(summary),
  };
}

/** A CSV cell, quoted, and defused against spreadsheet formula injection (`=`, `+`, `-`, `@`, tab, CR). */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The failures of a report as CSV (one row per failed file), after a header row. */
export function reportToCsv(report: BatchReport): string {
  const rows = [['file', 'code', 'message'], ...report.failures.map((f) => [f.file, f.code, f.message])];
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function escapeHtml(text: string | number): string {
  return String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function table(head: string[], rows: Array<Array<string | number>>): string {
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** A self-contained HTML page (inline styles, no scripts, no external resources). */
export function reportToHtml(report: BatchReport): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Báo cáo số hoá / Digitisation report</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:0 0 1.5rem}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}th{background:#f3f3f3}.n{font-size:1.6rem;font-weight:600}</style>
</head><body>
<h1>Báo cáo số hoá <small>/ Digitisation report</small></h1>
<p>${escapeHtml(report.generatedAt)} — <span class="n">${report.files}</span> files, <span class="n">${report.pages}</span> pages in ${report.seconds}s (${report.pagesPerMinute} pages/min); ${report.fieldsForReview} field(s) for review.</p>
<h2>By status</h2>${table(['status', 'files'], Object.entries(report.byStatus))}
<p>Filed under a person or organisation: ${report.links.linked}; unlinked, waiting for an officer (<code>sohoa review unlinked</code>): ${report.links.unlinked}.</p>
<p>Dossiers: ${report.dossiers.attached} file(s) attached to ${report.dossiers.dossiers} dossier(s), ${report.dossiers.notAttached} not attached.</p>
<h2>By document type</h2>${table(['type', 'documents'], Object.entries(report.byType))}
<h2>Diagnostics</h2>${table(
    ['code', 'count'],
    Object.entries(report.diagnostics).sort((a, b) => b[1] - a[1]),
  )}
<h2>Failures</h2>${table(
    ['file', 'code', 'message'],
    report.failures.map((f) => [f.file, f.code, f.message]),
  )}
</body></html>
`;
}
