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
export { readP12, type SignatureCheck, type SignOptions, signCopy, verifySignature } from './sign';
export {
  assertBlobKey,
  type BlobStore,
  type DirectoryStoreOptions,
  directoryStore,
  type S3StoreOptions,
  s3Store,
  signV4,
} from './store';
export { type CopyReservation, type ProduceCopyOptions, type ProducedCopy, produceCopy } from './produce';
export { pdfPageCount } from './inspect';

// The copy writer and its structural check (issue 14, "copywriter").
export { writeArchivalCopy, type WriteArchivalCopyInput } from './pdfa/write';
export {
  verifyCopyStructure,
  type CopyProblem,
  type CopyProblemCode,
  type CopyStructureReport,
  type ExpectedCopy,
  type VerifyCopyOptions,
} from './pdfa/verify';
export { copyFileName, fileNameDescription, type CopyFileNameOptions } from './pdfa/file-name';
export { srgbIccProfile } from './pdfa/icc';
export { readJpegInfo } from './pdfa/images';
