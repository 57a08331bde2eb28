import type { DigitisationMetadata, DigitisedPageQuality, DocumentRecord } from '@sohoa/core';
import type { ManifestEntry } from './manifest';

// `12/QĐ-UBND`, `05/2020/NĐ-CP`: the number, then a symbol that names the kind of text and the issuer.
const NUMBER_SYMBOL = /^\s*(\d+)\s*\/\s*(\S*\p{L}\S*)\s*$/u;

/** Splits a document number into số and ký hiệu when it has that shape; an ID card number stays whole. */
export function splitNumberSymbol(number: string): { number: string; symbol?: string } {
  const m = NUMBER_SYMBOL.exec(number);
  return m ? { number: m[1]!, symbol: m[2]! } : { number: number.trim() };
}

/**
 * The digitisation metadata of a result: type, number and symbol, issuer, dates, the identifiers of
 * the people it names, the source file's hash, its pages and their quality figures, and its dossier.
 */
export function toDigitisationMetadata(
  record: DocumentRecord,
  input: { sha256: string; pages: number; pageQuality: DigitisedPageQuality[]; manifest?: ManifestEntry; now?: Date },
): DigitisationMetadata {
  const row = input.manifest;
  const subjectIds = [
    ...new Set(
      [record.subject?.id, ...(record.relations ?? []).map((r) => r.subject?.id)].filter(
        (id): id is string => typeof id === 'string' && id !== '',
      ),
    ),
  ];
  const confidences = input.pageQuality.map((p) => p.ocrConfidence);
  return {
    ...(row?.resultCode ? { resultCode: row.resultCode } : {}),
    documentType: record.type,
    ...(record.number !== undefined ? splitNumberSymbol(record.number) : {}),
    ...(record.issuer !== undefined ? { issuer: record.issuer } : {}),
    ...(record.issued !== undefined ? { issued: record.issued } : {}),
    ...(record.validUntil !== undefined ? { validUntil: record.validUntil } : {}),
    subjectIds,
    sha256: input.sha256,
    pageCount: input.pages,
    pages: input.pageQuality,
    ocrConfidence:
      confidences.length > 0 ? Number((confidences.reduce((a, b) => a + b, 0) / confidences.length).toFixed(3)) : 0,
    ...(row?.dossier
      ? {
          dossier: {
            code: row.dossier,
            role: row.role ?? 'result',
            ...(row.procedure ? { procedure: row.procedure } : {}),
            ...(row.agency ? { agency: row.agency } : {}),
          },
        }
      : {}),
    digitisedAt: (input.now ?? new Date()).toISOString(),
  };
}
