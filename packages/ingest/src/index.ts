export type * from './types';
export { readPages, safeReadPages } from './read-pages';
export { resolveIngestOptions } from './options';
export { sniffFileType, isSupportedFileType, SUPPORTED_FILE_TYPES } from './sniff';
export { listInputFiles } from './list-input-files';
export { toGrey } from './grey';
export { cropPage, clampBox } from './crop';
export { encodeForOcr, toPng } from './encode';
export { scalePage } from './scale';
