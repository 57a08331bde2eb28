import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import fc from 'fast-check';
import type { PageImage } from '@sohoa/core';
import { rawPage } from '../../test-fixtures';
import { turnGreyUpright } from './turn-grey';

const grey = (width: number, height: number, pixels: Uint8Array): PageImage => rawPage(width, height, pixels);

describe('turnGreyUpright', () => {
  it('undoes sharp clockwise quarter turns exactly (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom(90, 180, 270),
        fc.integer(),
        async (w, h, turn, seed) => {
          const pixels = Uint8Array.from({ length: w * h }, (_, i) => (i * 37 + seed) & 255);
          const { data, info } = await sharp(pixels, { raw: { width: w, height: h, channels: 1 } })
            .rotate(turn)
            .toColourspace('b-w')
            .raw()
            .toBuffer({ resolveWithObject: true });
          const back = turnGreyUpright(grey(info.width, info.height, new Uint8Array(data)), turn as 90 | 180 | 270);
          expect([back.width, back.height]).toEqual([w, h]);
          expect([...back.pixels]).toEqual([...pixels]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
