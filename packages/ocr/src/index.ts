export type * from './types';
export { createTesseractEngine } from './tesseract-engine';
export { createFakeOcrEngine } from './fake-engine';
export { resolveTesseractEngineOptions } from './options';
export { createNativeTesseractEngine, isNativeTesseractAvailable } from './native-tesseract-engine';
export { createFastestTesseractEngine } from './fastest-engine';
