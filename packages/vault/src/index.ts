export type * from './types';
export { createVault } from './vault';
