export type * from './types';
export { createRng } from './rng';
export type { Rng } from './rng';
export { generatePeople, cccdExpiry } from './people';
export { composeCccdMrz } from './mrz-td1';
export { renderCccd, renderCccdSvg } from './render';
export { applyDegradations, drawDegradations } from './degrade';
export { generateSeedSet, GENERATOR } from './seed-set';
