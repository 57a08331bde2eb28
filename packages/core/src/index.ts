export type * from './types';
export { SohoaError, isSohoaError, ERROR_CODES } from './errors';
export type { SohoaErrorCode, SohoaErrorOptions } from './errors';
export { createDiagnostic, hasErrors } from './diagnostics';
export { METHOD_AUTHORITY } from './authority';
export { sha256Hex } from './hash';
export { toSourceBox } from './page-geometry';
export { documentKindOf } from './document-kind';
