export { type DirectoryStoreOptions, directoryStore } from './directory';
export { assertBlobKey } from './keys';
export { type S3StoreOptions, s3Store, signV4 } from './s3';
export type { BlobStore } from './types';
