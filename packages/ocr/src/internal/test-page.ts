import type { PageImage } from '@sohoa/core';

/** A white grey page for the image tests of this folder (test support, not exported by the package). */
export const whitePage = (width: number, height: number): PageImage => ({
  source: { sha256: 'x', page: 1 } as PageImage['source'],
  width,
  height,
  channels: 1,
  pixels: new Uint8Array(width * height).fill(255),
  diagnostics: [],
});
