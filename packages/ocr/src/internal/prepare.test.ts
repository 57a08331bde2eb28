import type { PageImage } from '@sohoa/core';
import { describe, expect, it } from 'vitest';
import { whitePage } from './test-page';
import { prepareImage } from './prepare';

const page = whitePage;
const rule = (p: PageImage, x: number, y: number, h: number) => {
  for (let j = y; j < y + h; j++) for (let i = x; i < x + 2; i++) p.pixels[j * p.width + i] = 0;
};

/** The grey value at (x, y) of the binary PGM prepareImage encodes (`P5\n<w> <h>\n255\n` then the pixels). */
function pgmAt(bytes: Uint8Array, x: number, y: number): number {
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, 40));
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(text);
  if (!m) throw new Error('not a binary PGM');
  return bytes[m[0].length + y * Number(m[1]) + x]!;
}

describe('prepareImage', () => {
  it('erases table rules on a page-sized image but not on a card-sized one', async () => {
    const card = page(1000, 630);
    rule(card, 500, 100, 300);
    const a4 = page(1240, 1754);
    rule(a4, 500, 100, 600);
    const onCard = await prepareImage(card, undefined, 0);
    const onPage = await prepareImage(a4, undefined, 0);
    expect(pgmAt(onCard!.bytes, 500, 200)).toBeLessThan(140);
    expect(pgmAt(onPage!.bytes, 500, 200)).toBeGreaterThan(200);
  });
});
