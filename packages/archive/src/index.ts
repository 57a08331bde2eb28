export type * from './types';
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
