export type * from './types';
export {
  assertAgencyCode,
  DOC_CODE_MAX_LENGTH,
  DOC_CODE_MAX_NUMBER,
  formatDocCode,
  parseDocCode,
  safeParseAgencyCode,
  safeParseDocCode,
  safeParseKind,
} from './doccode';
