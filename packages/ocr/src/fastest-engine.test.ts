import { describe, expect, it } from 'vitest';
import { createFastestTesseractEngine } from './fastest-engine';
import { isNativeTesseractAvailable } from './native-tesseract-engine';
import { renderPage } from './testing/render-text';

const available = isNativeTesseractAvailable();
if (!available) console.warn('native tesseract not installed: the native half of the fastest engine is not tested');

describe('fastest tesseract engine', () => {
  it('is tesseract.js unless native is asked for', async () => {
    const plain = await createFastestTesseractEngine({ workers: 1 });
    await plain.dispose();
    expect(plain.name).toBe('tesseract.js');
    const engine = await createFastestTesseractEngine({ native: false, workers: 1 });
    try {
      expect(engine.name).toBe('tesseract.js');
    } finally {
      await engine.dispose();
    }
  });

  it.skipIf(!available)(
    'reads whole pages natively and regions with tesseract.js, the same words with one model',
    async () => {
      const engine = await createFastestTesseractEngine({ workers: 1, native: true });
      try {
        expect(engine.name).toBe('tesseract-native');
        const page = await renderPage(700, 90, [{ text: 'Họ và tên NGUYỄN VĂN AN', x: 10, y: 60, size: 36 }]);
        const whole = await engine.recognize(page);
        const region = await engine.recognize(page, {
          regions: [{ box: { x: 0, y: 0, width: 700, height: 90 }, psm: 7 }],
        });
        expect(whole.engine).toBe('tesseract-native');
        expect(region.engine).toBe('tesseract.js');
        expect(whole.text).toContain('NGUYỄN');
        expect(region.text.replace(/\s+/g, ' ').trim()).toBe(whole.text.replace(/\s+/g, ' ').trim());
      } finally {
        await engine.dispose();
      }
    },
    60_000,
  );
});
