import { SohoaError, type Diagnostic, type DocumentRecord, type DocumentStatus, type SafeResult } from '@sohoa/core';
import { checkPersonalIdAgainst } from '@sohoa/vn';
import { decideSubject } from './link-decision';
import { decodeQr } from './qr';
import { DOCUMENT_TYPES } from './registry';
import { evidenceOnSource } from './internal/source-boxes';
import type { ExtractInput, ExtractOptions, PageClass, PageReading, ResolvedExtractOptions } from './types';

/** Resolves {@link ExtractOptions} once into a complete config. */
export function resolveExtractOptions(options: ExtractOptions = {}): ResolvedExtractOptions {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    throw new SohoaError('EXTRACT_FAILED', `Option \`asOf\` must be an ISO date (YYYY-MM-DD).`);
  const documentTypes = [...DOCUMENT_TYPES, ...(options.documentTypes ?? [])];
  const seen = new Set<string>();
  for (const t of documentTypes) {
    if (!t || typeof t.id !== 'string' || typeof t.classify !== 'function' || typeof t.extract !== 'function')
      throw new SohoaError(
        'EXTRACT_FAILED',
        'Option `documentTypes` must hold document types with an `id`, `classify` and `extract` (see `defineDocumentType`).',
      );
    if (seen.has(t.id))
      throw new SohoaError('EXTRACT_FAILED', `Option \`documentTypes\`: type \`${t.id}\` is defined twice.`);
    seen.add(t.id);
  }
  if (options.rereads !== undefined && options.rereads !== 'uncertain' && options.rereads !== 'all')
    throw new SohoaError('EXTRACT_FAILED', "Option `rereads` must be 'uncertain' or 'all'.");
  return {
    asOf,
    types: options.types,
    documentTypes,
    ...(options.gazetteer ? { gazetteer: options.gazetteer } : {}),
    ...(options.rereads ? { rereads: options.rereads } : {}),
  };
}

/** Reads QR codes from the page pixels (unless the input carries them already); pairs them with the OCR results. */
export function collectReadings(input: ExtractInput): PageReading[] {
  return input.pages.map((page, i) => ({ page, ocr: input.ocr[i], qr: input.qr ? input.qr[i] : decodeQr(page) }));
}

function statusOf(validUntil: string | undefined, asOf: string): DocumentStatus {
  if (!validUntil) return 'valid';
  return validUntil < asOf ? 'expired' : 'valid';
}

/**
 * Classifies the pages of one file and extracts the document's fields under semantic keys.
 * Returns diagnostics instead of a record when no known document type matches.
 *
 * @example
 * const ocr = await Promise.all(pages.map((p) => engine.recognize(p)));
 * const result = await safeExtractDocument({ pages, ocr }, { recognizer: engine });
 * if (result.ok) console.log(result.value.fields['person.idNumber']);
 */
export async function safeExtractDocument(
  input: ExtractInput,
  options: ExtractOptions = {},
): Promise<SafeResult<DocumentRecord>> {
  const resolved = resolveExtractOptions(options);
  const readings = collectReadings(input);
  const candidates = resolved.types
    ? resolved.documentTypes.filter((t) => resolved.types!.includes(t.id))
    : resolved.documentTypes;
  let best: { type: (typeof candidates)[number]; classes: PageClass[]; score: number } | undefined;
  for (const type of candidates) {
    const classes = readings.map((r) => type.classify(r));
    const matched = classes.filter((c): c is PageClass => c !== undefined);
    if (matched.length === 0) continue;
    const score = matched.reduce((s, c) => s + c.score, 0) / readings.length;
    if (!best || score > best.score)
      best = { type, classes: classes.map((c) => c ?? { type: type.id, part: 'unknown', score: 0 }), score };
  }
  if (!best) {
    return {
      ok: false,
      diagnostics: [
        {
          code: 'EXTRACT_UNKNOWN_DOCUMENT',
          severity: 'error',
          origin: 'extract',
          message: `No known document type matches the ${readings.length} page(s); known types: ${candidates.map((t) => `\`${t.id}\``).join(', ')}.`,
        },
      ],
    };
  }
  const partial = await best.type.extract(readings, best.classes, {
    options: resolved,
    ...(options.recognizer ? { recognizer: options.recognizer } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const diagnostics: Diagnostic[] = [...partial.diagnostics];
  const fields = { ...partial.fields };
  const id = fields['person.idNumber'];
  if (id && typeof id.value === 'string') {
    const birth = fields['person.birthDate']?.value;
    const sex = fields['person.sex']?.value;
    const problems = checkPersonalIdAgainst(id.value, {
      birthDate: typeof birth === 'string' ? birth : undefined,
      sex: sex === 'male' || sex === 'female' ? sex : undefined,
    });
    if (problems.length > 0) {
      fields['person.idNumber'] = { ...id, confidence: id.confidence * 0.5 };
      diagnostics.push(
        ...problems.map((p) => ({ ...p, origin: p.origin ?? 'extract', key: p.key ?? 'person.idNumber' })),
      );
    }
  }
  const missing = (best.type.requiredKeys ?? ['person.idNumber']).filter((k) => !fields[k]);
  for (const key of missing)
    diagnostics.push({
      code: 'EXTRACT_FIELD_NOT_FOUND',
      severity: 'warning',
      origin: 'extract',
      key,
      message: `Field \`${key}\` was not found on the document.`,
    });
  if (best.score < 0.5)
    diagnostics.push({
      code: 'EXTRACT_LOW_CLASSIFICATION_CONFIDENCE',
      severity: 'warning',
      origin: 'extract',
      message: `Classified as \`${best.type.id}\` with low confidence (${best.score.toFixed(2)}).`,
    });
  const { subject: proposed, ...rest } = partial;
  const link = decideSubject({ fields, ...(proposed ? { subject: proposed } : {}) });
  if (!link.subject) {
    diagnostics.push({
      code: 'EXTRACT_SUBJECT_UNLINKED',
      severity: 'info',
      origin: 'extract',
      message: `No identity-grade evidence names whose document this is (\`${link.reason}\`); it is stored unlinked until a matching rule, the manifest or an officer links it.`,
    });
  }
  const record: DocumentRecord = {
    ...rest,
    kind: best.type.kind,
    ...(link.subject ? { subject: link.subject } : {}),
    link,
    fields,
    diagnostics,
    status: partial.status ?? statusOf(partial.validUntil, resolved.asOf),
  };
  // Boxes were measured on the pages as OCR saw them; records point into the file as stored.
  return { ok: true, value: evidenceOnSource(record, input.pages) };
}

/** Like {@link safeExtractDocument}, but throws `EXTRACT_UNKNOWN_DOCUMENT` when nothing matches. */
export async function extractDocument(input: ExtractInput, options: ExtractOptions = {}): Promise<DocumentRecord> {
  const result = await safeExtractDocument(input, options);
  if (!result.ok)
    throw new SohoaError('EXTRACT_UNKNOWN_DOCUMENT', result.diagnostics[0]?.message ?? 'Unknown document.', {
      diagnostics: result.diagnostics,
    });
  return result.value;
}
