export type * from './types';
export { extractDocument, safeExtractDocument, resolveExtractOptions, collectReadings } from './extract';
export { DOCUMENT_TYPES, getDocumentType, docCodeKindOf } from './registry';
export { defineDocumentType, DECLARABLE_KINDS, UNCLASSIFIED_DOC_CODE_KIND } from './documents/define';
export type { DocumentTypeDeclaration, DocumentTypeLabels } from './documents/define';
export type { ReaderField, ReaderRole, ReaderSpec } from './field-reader';
/** Value parsers for declared fields (`name`, `date`, `place`, `sex`, `personalId`, …): text in, stored value or `undefined` out. */
export * as fieldParsers from './field-reader/parsers';
export { decodeQr, hasQrFinderPatterns } from './qr';
export { readMrz } from './mrz';
export type { MrzReading } from './mrz';
export { parseCccdQrPayload } from './cccd-qr';
export { mergeFieldSets } from './merge';
export { readingOrder, findHeaderColumns } from './header-columns';
export type { ReadingOrder, HeaderColumns } from './header-columns';
export { decideSubject, ID_THRESHOLD } from './link-decision';
