import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSohoaError, type PageImage } from '@sohoa/core';
import { clampBox, cropPage } from './crop';
import { encodeForOcr, toPng } from './encode';
import { toGrey } from './grey';
import { scalePage } from './scale';

function rgbPage(width: number, height: number): PageImage {
  const pixels = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    pixels[i * 3] = i % 256;
    pixels[i * 3 + 1] = (i * 7) % 256;
    pixels[i * 3 + 2] = 255 - (i % 256);
  }
  return {
    source: { file: 'p.png', sha256: 'x', page: 1, pageCount: 1 },
    width,
    height,
    channels: 3,
    pixels,
    dpi: 150,
    diagnostics: [],
  };
}

describe('toGrey', () => {
  it('makes one channel with BT.601 weights and leaves the input alone', () => {
    const page = rgbPage(4, 2);
    page.pixels.set([255, 255, 255, 0, 0, 0, 255, 0, 0], 0);
    const before = page.pixels.slice();
    const grey = toGrey(page);
    expect(grey.channels).toBe(1);
    expect([...grey.pixels.subarray(0, 3)]).toEqual([255, 0, 76]);
    expect(page.pixels).toEqual(before);
    expect(toGrey(grey)).toBe(grey);
  });
});

describe('cropPage', () => {
  it('copies the pixels inside the box', () => {
    const page = rgbPage(10, 8);
    const crop = cropPage(page, { x: 2, y: 3, width: 4, height: 2 });
    expect([crop.width, crop.height]).toEqual([4, 2]);
    expect([...crop.pixels.subarray(0, 3)]).toEqual([...page.pixels.subarray((3 * 10 + 2) * 3, (3 * 10 + 2) * 3 + 3)]);
    expect(crop.source).toEqual(page.source);
  });

  it('clamps to the page and rejects boxes outside it', () => {
    const page = rgbPage(10, 8);
    expect(cropPage(page, { x: -5, y: 6, width: 100, height: 100 })).toMatchObject({ width: 10, height: 2 });
    let error: unknown;
    try {
      cropPage(page, { x: 20, y: 0, width: 5, height: 5 });
    } catch (e) {
      error = e;
    }
    expect(isSohoaError(error, 'INGEST_INVALID_OPTION')).toBe(true);
  });

  it('clampBox always returns a box inside the page or nothing', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: -10, max: 1e4, noNaN: true }),
        fc.double({ min: -10, max: 1e4, noNaN: true }),
        (x, y, width, height) => {
          const box = clampBox({ x, y, width, height }, 640, 480);
          if (box) {
            expect(box.x).toBeGreaterThanOrEqual(0);
            expect(box.y).toBeGreaterThanOrEqual(0);
            expect(box.x + box.width).toBeLessThanOrEqual(640);
            expect(box.y + box.height).toBeLessThanOrEqual(480);
            expect(box.width).toBeGreaterThan(0);
            expect(box.height).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});

describe('encoders and scaling', () => {
  it('encodeForOcr writes Netpbm: P6 for RGB, P5 for grey, raw bytes after the header', () => {
    const page = rgbPage(3, 2);
    const ppm = encodeForOcr(page);
    expect(ppm.format).toBe('ppm');
    expect(new TextDecoder().decode(ppm.bytes.subarray(0, 11))).toBe('P6\n3 2\n255\n');
    expect(ppm.bytes.subarray(11)).toEqual(page.pixels);
    const pgm = encodeForOcr(toGrey(page));
    expect(pgm.format).toBe('pgm');
    expect(pgm.bytes.length).toBe(11 + 6);
  });

  it('toPng round-trips through sharp', async () => {
    const page = rgbPage(12, 5);
    const png = await toPng(page, { compressionLevel: 1 });
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([12, 5, 3]);
    expect(new Uint8Array(data)).toEqual(page.pixels);
  });

  it('scalePage doubles the size and the DPI', async () => {
    const grey = toGrey(rgbPage(20, 10));
    const scaled = await scalePage(grey, 2);
    expect(scaled).toMatchObject({ width: 40, height: 20, channels: 1, dpi: 300 });
    expect(scaled.pixels).toHaveLength(800);
  });
});
