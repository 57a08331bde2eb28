export { readFields, cutReason, UNSURE_CAP, type ReadResult } from './read';
export type { ReaderField, ReaderRole, ReaderSpec } from './spec';
export * as parse from './parsers';
