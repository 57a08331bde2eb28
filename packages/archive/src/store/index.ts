export { type DirectoryStoreOptions, directoryStore } from './directory';
export { assertBlobKey } from './keys';
export type { BlobStore } from './types';
