import type { OcrPage, PageImage } from '@sohoa/core';
import type { OcrEngine, RecognizeOptions } from '../types';
import { disposedError } from './errors';
import { type EngineCore, recognizePage } from './recognize-page';

/**
 * The `OcrEngine` over an engine core: `recognize` reads pages through {@link recognizePage} until the engine
 * is disposed (`OCR_ENGINE_DISPOSED` after); `dispose` is the engine's own release of its workers.
 */
export function engineOf(core: EngineCore, life: { disposed(): boolean; dispose(): Promise<void> | void }): OcrEngine {
  return {
    name: core.name,
    async recognize(page: PageImage, call: RecognizeOptions = {}): Promise<OcrPage> {
      if (life.disposed()) throw disposedError(core.name);
      return recognizePage(core, page, call);
    },
    async dispose(): Promise<void> {
      await life.dispose();
    },
  };
}
