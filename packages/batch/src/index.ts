export type * from './types';
export { digitizeFile, digitizeFiles } from './digitize';
