export type * from './types';
export { createTesseractEngine } from './tesseract-engine';
export { createFakeOcrEngine } from './fake-engine';
export { resolveTesseractEngineOptions } from './options';
