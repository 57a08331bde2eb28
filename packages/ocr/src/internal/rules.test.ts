import type { PageImage } from '@sohoa/core';
import { describe, expect, it } from 'vitest';
import { whitePage } from './test-page';
import { eraseRules } from './rules';

const page = whitePage;
const fill = (p: PageImage, x: number, y: number, w: number, h: number) => {
  for (let j = y; j < y + h; j++) for (let i = x; i < x + w; i++) p.pixels[j * p.width + i] = 0;
};
const inkAt = (p: PageImage, x: number, y: number) => p.pixels[y * p.width + x]! < 140;

describe('eraseRules', () => {
  it('erases the thin vertical and horizontal rules of a table and keeps letter strokes and dotted leaders', () => {
    const p = page(800, 600);
    fill(p, 100, 50, 2, 400); // a vertical cell rule
    fill(p, 50, 300, 700, 1); // a horizontal row rule
    fill(p, 300, 100, 8, 40); // a thick, short letter stroke
    for (let x = 100; x < 700; x += 6) fill(p, x, 500, 2, 2); // a dotted leader
    const { image, erased } = eraseRules(p);
    expect(erased).toBeGreaterThanOrEqual(2);
    expect(inkAt(image, 100, 200)).toBe(false);
    expect(inkAt(image, 400, 300)).toBe(false);
    expect(inkAt(image, 303, 120)).toBe(true);
    expect(inkAt(image, 100, 500)).toBe(true);
    // The input (cached by toGrey) is left as it was.
    expect(inkAt(p, 100, 200)).toBe(true);
  });

  it('erases a rule photographed at a slight slant (stepping a pixel every 100 px)', () => {
    const p = page(800, 300);
    for (let x = 50; x < 750; x++) fill(p, x, 100 + Math.floor((x - 50) / 100), 1, 1);
    const { image } = eraseRules(p);
    for (let x = 50; x < 750; x += 10) expect(inkAt(image, x, 100 + Math.floor((x - 50) / 100)), `x=${x}`).toBe(false);
  });

  it('keeps a thick long bar (a photo edge or a heavy stroke) and a page without rules as it is', () => {
    const p = page(400, 400);
    fill(p, 50, 20, 12, 300);
    const { image, erased } = eraseRules(p);
    expect(erased).toBe(0);
    expect(image).toBe(p);
    expect(inkAt(image, 55, 100)).toBe(true);
  });
});
