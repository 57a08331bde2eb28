// decodeQr reads the cheap half-resolution image first; full-resolution attempts only on card-shaped pages.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { PageImage } from '@sohoa/core';
import { decodeQr, hasQrFinderPatterns } from '../packages/extract/src/qr';

// jsQR calls are counted (the real decoder still runs): sides without a code must not pay the full-resolution attempts.
const jsqrCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('../packages/extract/node_modules/jsqr', async (importOriginal) => {
  const real = ((await importOriginal()) as { default: (...a: unknown[]) => unknown }).default;
  return {
    default: (...a: unknown[]) => {
      jsqrCalls.count++;
      return real(...a);
    },
  };
});

const QRCode = createRequire(join(__dirname, '../seeds/package.json'))('qrcode') as {
  create(text: string, o: object): { modules: { size: number; get(x: number, y: number): number } };
};
const PAYLOAD = '001099000001|123456789|Nguyễn Văn An|01011990|Nam|Phường Bến Nghé, Thành phố Hồ Chí Minh|01072021';

function blankPage(width: number, height: number, pixels = new Uint8Array(width * height).fill(255)): PageImage {
  return {
    width,
    height,
    channels: 1,
    pixels,
    source: { file: 'qr.png', sha256: 'x', page: 1, pageCount: 1 },
    diagnostics: [],
  } as PageImage;
}

function pageWithQr(width: number, height: number, module: number, at: { x: number; y: number }): PageImage {
  const { modules } = QRCode.create(PAYLOAD, { errorCorrectionLevel: 'M' });
  const pixels = new Uint8Array(width * height).fill(255);
  for (let my = 0; my < modules.size; my++)
    for (let mx = 0; mx < modules.size; mx++)
      if (modules.get(mx, my))
        for (let y = 0; y < module; y++)
          for (let x = 0; x < module; x++) pixels[(at.y + my * module + y) * width + at.x + mx * module + x] = 0;
  return {
    width,
    height,
    channels: 1,
    pixels,
    source: { file: 'qr.png', sha256: 'x', page: 1, pageCount: 1 },
    diagnostics: [],
  } as PageImage;
}

describe('QR-first decoding', () => {
  it('decodes a card QR, with its box in page pixels', () => {
    const qr = decodeQr(pageWithQr(1200, 760, 5, { x: 900, y: 100 }));
    expect(qr?.text).toBe(PAYLOAD);
    expect(Math.abs(qr!.box.x - 900)).toBeLessThanOrEqual(12);
  });

  it('decodes a fine QR on a card at full resolution when half resolution is too coarse', () => {
    const qr = decodeQr(pageWithQr(1200, 760, 1, { x: 900, y: 100 }));
    expect(qr?.text).toBe(PAYLOAD);
  });

  it('on a portrait document page tries only the cheap attempt: a large code is found, a too fine one is not searched for', () => {
    expect(decodeQr(pageWithQr(1240, 1754, 6, { x: 100, y: 100 }))?.text).toBe(PAYLOAD);
    expect(decodeQr(pageWithQr(1240, 1754, 1, { x: 100, y: 100 }))).toBeUndefined();
  });

  it('a card side without a code pays no jsQR attempt', () => {
    // A 2016 back's barcode: bars of 1–4 px with 1–3 px gaps pass a row's 1:1:3:1:1 test here and there.
    const width = 1200;
    const height = 760;
    const pixels = new Uint8Array(width * height).fill(235);
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let x = 700; x < 980; ) {
      const w = 1 + rand(4);
      if (rand(100) < 55) for (let y = 30; y < 80; y++) for (let k = 0; k < w; k++) pixels[y * width + x + k] = 20;
      x += w + 1 + rand(3);
    }
    // Lines of "text": short dark strokes.
    for (let line = 0; line < 8; line++)
      for (let x = 40; x < 640; x += 9 + rand(6))
        for (let y = 200 + line * 40; y < 220 + line * 40; y++) pixels[y * width + x] = pixels[y * width + x + 1] = 30;
    const page = blankPage(width, height, pixels);
    expect(hasQrFinderPatterns(page)).toBe(false);
    jsqrCalls.count = 0;
    expect(decodeQr(page)).toBeUndefined();
    expect(jsqrCalls.count).toBe(0);
  });

  it('a document page without a code is not searched with jsQR at all', () => {
    const width = 1240;
    const height = 1754;
    const pixels = new Uint8Array(width * height).fill(250);
    // Lines of "text" down the page.
    for (let line = 0; line < 30; line++)
      for (let x = 100; x < 1100; x += 13)
        for (let y = 100 + line * 50; y < 124 + line * 50; y++) pixels[y * width + x] = pixels[y * width + x + 1] = 20;
    jsqrCalls.count = 0;
    expect(decodeQr(blankPage(width, height, pixels))).toBeUndefined();
    expect(jsqrCalls.count).toBe(0);
    expect(decodeQr(pageWithQr(width, height, 6, { x: 100, y: 100 }))?.text).toBe(PAYLOAD);
    expect(jsqrCalls.count).toBe(1);
  });

  it('sees the finder patterns of a code that half resolution cannot decode, on light and on grey cards', () => {
    expect(hasQrFinderPatterns(pageWithQr(1200, 760, 1, { x: 900, y: 100 }))).toBe(true);
    expect(hasQrFinderPatterns(pageWithQr(1200, 760, 4, { x: 700, y: 300 }))).toBe(true);
    const grey = pageWithQr(1200, 760, 2, { x: 100, y: 100 });
    for (let i = 0; i < grey.pixels.length; i++) grey.pixels[i] = grey.pixels[i]! > 0 ? 150 : 90;
    expect(hasQrFinderPatterns(grey)).toBe(true);
    expect(hasQrFinderPatterns(blankPage(1200, 760))).toBe(false);
  });
});
