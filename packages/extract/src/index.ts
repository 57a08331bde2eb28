export type * from './types';
export { extractDocument, safeExtractDocument, resolveExtractOptions, collectReadings } from './extract';
export { DOCUMENT_TYPES, getDocumentType } from './registry';
export { decodeQr } from './qr';
export { readMrz } from './mrz';
export type { MrzReading } from './mrz';
export { parseCccdQrPayload } from './cccd-qr';
export { mergeFieldSets } from './merge';
