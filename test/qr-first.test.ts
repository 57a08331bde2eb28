// decodeQr reads the cheap half-resolution image first; full-resolution attempts only on card-shaped pages.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageImage } from '@sohoa/core';
import { decodeQr } from '../packages/extract/src/qr';

const QRCode = createRequire(join(__dirname, '../seeds/package.json'))('qrcode') as {
  create(text: string, o: object): { modules: { size: number; get(x: number, y: number): number } };
};
const PAYLOAD = '001099000001|123456789|Nguyễn Văn An|01011990|Nam|Phường Bến Nghé, Thành phố Hồ Chí Minh|01072021';

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
});
