import { describe, expect, it } from 'vitest';
import * as batch from '@sohoa/batch';
import * as core from '@sohoa/core';
import * as coreBrowser from '@sohoa/core/browser';
import * as extract from '@sohoa/extract';

// The public surface changes only on purpose: update these lists in the same commit as the change.
describe('public exports', () => {
  it('@sohoa/core', () => {
    expect(Object.keys(core).sort()).toEqual(['DEFAULT_SCHEMA_EXPANSION_LIMITS', 'ERROR_CODES', 'MAX_SCHEMA_DEPTH', 'METHOD_AUTHORITY', 'SohoaError', 'createDiagnostic', 'createExpansionBudget', 'createPrivateFile', 'documentKindOf', 'hasErrors', 'isSohoaError', 'sha256Hex', 'toSourceBox', 'writePrivateFile']);
  });
  it('@sohoa/core/browser (no Node built-ins: no hashing, no files)', () => {
    expect(Object.keys(coreBrowser).sort()).toEqual(['DEFAULT_SCHEMA_EXPANSION_LIMITS', 'ERROR_CODES', 'MAX_SCHEMA_DEPTH', 'METHOD_AUTHORITY', 'SohoaError', 'createDiagnostic', 'createExpansionBudget', 'documentKindOf', 'hasErrors', 'isSohoaError', 'toSourceBox']);
  });
  it('@sohoa/extract', () => {
    expect(Object.keys(extract).sort()).toEqual(['DOCUMENT_TYPES', 'ID_THRESHOLD', 'collectReadings', 'decideSubject', 'decodeQr', 'extractDocument', 'findHeaderColumns', 'getDocumentType', 'mergeFieldSets', 'parseCccdQrPayload', 'readMrz', 'readingOrder', 'resolveExtractOptions', 'safeExtractDocument']);
  });
  it('@sohoa/batch', () => {
    expect(Object.keys(batch).sort()).toEqual(['DEFAULT_MANIFEST_LIMITS', 'REVIEW_THRESHOLD', 'buildReport', 'collectReviewItems', 'createProcessPool', 'csvCell', 'digitizeFile', 'digitizeFiles', 'memoryJournal', 'memoryReviewQueue', 'openDigitizer', 'parseCsv', 'readManifest', 'reportToCsv', 'reportToHtml', 'safeParseManifest']);
  });
});
