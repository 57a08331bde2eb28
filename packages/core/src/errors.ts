import type { Diagnostic } from './types';

/**
 * Stable error codes. A code never changes meaning once published; new ones are added here.
 * Messages never carry personal data: identify things by key, pointer, page or file name.
 */
export const ERROR_CODES = [
  // ingest
  'INGEST_FILE_NOT_FOUND',
  'INGEST_FILE_EMPTY',
  'INGEST_UNSUPPORTED_TYPE',
  'INGEST_CORRUPT_IMAGE',
  'INGEST_CORRUPT_PDF',
  'INGEST_ENCRYPTED_PDF',
  'INGEST_PDF_NO_PAGES',
  'INGEST_TOO_MANY_PIXELS',
  'INGEST_TOO_MANY_PAGES',
  'INGEST_FILE_TOO_LARGE',
  'INGEST_TIMEOUT',
  // ocr
  'OCR_INIT_FAILED',
  'OCR_LANGUAGE_DATA_MISSING',
  'OCR_FAILED',
  'OCR_TIMEOUT',
  'OCR_ABORTED',
  'OCR_ENGINE_DISPOSED',
  // extract
  'EXTRACT_UNKNOWN_DOCUMENT',
  'EXTRACT_FAILED',
  // vault
  'VAULT_OPEN_FAILED',
  'VAULT_SUBJECT_NOT_FOUND',
  'VAULT_DOCUMENT_INVALID',
  'VAULT_GRANT_MISSING',
  'VAULT_CLOSED',
  'VAULT_DRIVER_MISSING',
  // eform
  'EFORM_SCHEMA_INVALID',
  'EFORM_SCHEMA_NOT_FOUND',
  'EFORM_REMOTE_REF',
  // render
  'RENDER_FONT_MISSING',
  'RENDER_FAILED',
  // batch / cli
  'BATCH_NO_INPUT',
  'CLI_USAGE',
  'ABORTED',
  // ingest, ocr (added after the first release)
  'INGEST_PDF_PAGE_NOT_SCANNED',
  'INGEST_PDF_IMAGE_UNSUPPORTED',
  'INGEST_INVALID_OPTION',
  'OCR_INVALID_OPTION',
  // vn
  'VN_INVALID_DATE',
  'VN_INVALID_MRZ_CHARACTER',
  'VN_INVALID_PERSONAL_ID',
  // vault (the vault issue)
  'VAULT_KEY_INVALID',
  'VAULT_KEY_MISSING',
  'VAULT_DECRYPT_FAILED',
  'VAULT_GRANT_INVALID',
  'VAULT_GRANT_NOT_FOUND',
  'VAULT_READ_INVALID',
  'VAULT_CORRECTION_INVALID',
  'VAULT_DOSSIER_INVALID',
  'VAULT_DOSSIER_CONFLICT',
  'VAULT_IMPORT_INVALID',
  'BATCH_JOURNAL_FAILED',
  // ingest, ocr (issue 3)
  'INGEST_PDF_TOO_COMPLEX',
  'OCR_ENGINE_UNAVAILABLE',
  'BATCH_FILE_TIMEOUT',
  'BATCH_QUEUE_FAILED',
  'BATCH_REVIEW_NOT_FOUND',
  // eform (issue 6)
  'EFORM_SCHEMA_TOO_LARGE',
  'EFORM_PATTERN_UNSAFE',
  'RENDER_TEMPLATE_INVALID',
  'BATCH_MANIFEST_INVALID',
  // batch (issue 7: process isolation)
  'BATCH_WORKER_CRASHED',
  'BATCH_ISOLATION_FAILED',
  'BATCH_NO_ENGINE',
  // vn (issue 4: amounts and areas in words)
  'VN_INVALID_NUMBER',
  // vn (issue 4: gazetteer and addresses)
  'VN_GAZETTEER_INVALID',
  'VN_GAZETTEER_NOT_FOUND',
  // vault (issue 13: hardening, attacks 1-4)
  'VAULT_IMPORT_CONFLICT',
  'VAULT_PLAINTEXT_REFUSED',
  'VAULT_AUDIT_KEY_MISSING',
  'VAULT_EXPORT_PASSPHRASE_MISSING',
  'VAULT_EXPORT_DECRYPT_FAILED',
  // ingest, batch (issues 11 and 13: real PDFs through every entry point, CLI hardening)
  'INGEST_PDF_READER_FAILED',
  'BATCH_MANIFEST_TOO_LARGE',
  'BATCH_INPUT_OUTSIDE_ROOT',
  // vault (issue 11: safe subject linking)
  'VAULT_LINK_INVALID',
  // eform (issue 12: forms as portals write them)
  'EFORM_PATTERN_UNSUPPORTED',
  'EFORM_FORMAT_UNKNOWN',
  // eform, cli (issue 16: the first hour of a new user)
  'EFORM_CODEGEN_UNAVAILABLE',
  'CLI_VAULT_NOT_FOUND',
  'CLI_JOURNAL_NOT_FOUND',
  // archive, vault (issue 14: the digitised copy: numbering, store, signing)
  'ARCHIVE_DOCCODE_INVALID',
  'ARCHIVE_DOCCODE_EXHAUSTED',
  'ARCHIVE_STORE_INVALID_KEY',
  'ARCHIVE_STORE_FAILED',
  'ARCHIVE_SIGN_FAILED',
  'ARCHIVE_SIGNATURE_INVALID',
  'VAULT_COPY_INVALID',
  'VAULT_COPY_NOT_FOUND',

  // archive (issue 14: the copy writer and its structural check)
  'ARCHIVE_INPUT_INVALID',
  'ARCHIVE_IMAGE_UNSUPPORTED',
  'ARCHIVE_FONT_MISSING',
] as const;

export type SohoaErrorCode = (typeof ERROR_CODES)[number];

export interface SohoaErrorOptions {
  cause?: unknown;
  /** Diagnostics that explain the error in detail. */
  diagnostics?: Diagnostic[];
  /** Non-personal context: file name, page, pointer, limit values. */
  details?: Record<string, string | number | boolean | undefined>;
}

const BRAND = Symbol.for('sohoa.error');

/**
 * The one error type sohoa throws for unusable input and misuse. Check it with
 * {@link isSohoaError}, not `instanceof` (two installed copies of this package break `instanceof`).
 *
 * @example
 * try { await readPages('scan.jpg') } catch (e) { if (isSohoaError(e, 'INGEST_CORRUPT_IMAGE')) ... }
 */
export class SohoaError extends Error {
  readonly code: SohoaErrorCode;
  readonly diagnostics: Diagnostic[];
  readonly details: Record<string, string | number | boolean | undefined>;
  readonly [BRAND] = true;

  constructor(code: SohoaErrorCode, message: string, options: SohoaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SohoaError';
    this.code = code;
    this.diagnostics = options.diagnostics ?? [];
    this.details = options.details ?? {};
  }

  /** A plain, JSON-serialisable form (no stack, no cause). */
  toJSON(): { name: string; code: SohoaErrorCode; message: string; details: Record<string, unknown> } {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}

/** True when `value` is a {@link SohoaError}, optionally with the given code. */
export function isSohoaError(value: unknown, code?: SohoaErrorCode): value is SohoaError {
  if (typeof value !== 'object' || value === null) return false;
  const branded = (value as Record<symbol, unknown>)[BRAND] === true;
  return branded && (code === undefined || (value as SohoaError).code === code);
}
