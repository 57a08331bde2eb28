/**
 * The part of `@sohoa/core` with no Node built-ins (no hashing, no files): what a browser bundle of
 * `@sohoa/eform` needs. Same classes as the main entry (one shared chunk).
 */
export type * from './types';
export { SohoaError, isSohoaError, ERROR_CODES } from './errors';
export type { SohoaErrorCode, SohoaErrorOptions } from './errors';
export { createDiagnostic, hasErrors } from './diagnostics';
export { importOptionalPeer } from './optional-peer';
export { DIAGNOSTIC_CODES } from './codes';
export type { DiagnosticCode, DiagnosticOnlyCode } from './codes';
export { METHOD_AUTHORITY } from './authority';
export { toSourceBox } from './page-geometry';
export { createExpansionBudget, DEFAULT_SCHEMA_EXPANSION_LIMITS, MAX_SCHEMA_DEPTH } from './schema-expansion';
export type { ExpansionBudget, SchemaExpansionLimits } from './schema-expansion';
export { documentKindOf } from './document-kind';
