import { describe, expect, it } from 'vitest';
import type { PageImage } from '@sohoa/core';
import { cropToContent, findContentBox } from './crop-to-content';
import { rawPage } from '../test-fixtures';
import { textLikePage } from './internal/text-like-page';

/** A white grey page with one dark rectangle and a few isolated specks. */
function pageWithBlock(
  width: number,
  height: number,
  block: { x: number; y: number; w: number; h: number },
): PageImage {
  const pixels = new Uint8Array(width * height).fill(250);
  for (let y = block.y; y < block.y + block.h; y++)
    for (let x = block.x; x < block.x + block.w; x++) pixels[y * width + x] = 15;
  pixels[3 * width + 5] = 0; // specks far from the block
  pixels[(height - 4) * width + width - 6] = 0;
  return rawPage(width, height, pixels);
}

describe('cropToContent', () => {
  it('finds the inked box and ignores specks', () => {
    const page = pageWithBlock(400, 300, { x: 120, y: 80, w: 100, h: 60 });
    expect(findContentBox(page)).toEqual({ x: 120, y: 80, width: 100, height: 60 });
    const cropped = cropToContent(page, { margin: 10 });
    expect([cropped.width, cropped.height]).toEqual([120, 80]);
    expect(cropped.pixels[10 * cropped.width + 10]).toBe(15);
    expect(cropped.pixels[0]).toBe(250);
  });

  it('crops the margins of a text page but keeps all its lines', async () => {
    const page = await textLikePage();
    const cropped = cropToContent(page, { margin: 0 });
    expect(cropped.width).toBeLessThan(page.width * 0.85);
    expect(cropped.height).toBeLessThan(page.height * 0.85);
    const box = findContentBox(page)!;
    expect(box.x).toBeGreaterThanOrEqual(page.width * 0.1 - 1);
    expect(box.x).toBeLessThanOrEqual(page.width * 0.1 + 1);
  });

  it('returns a blank page unchanged', () => {
    const blank = pageWithBlock(50, 40, { x: 0, y: 0, w: 0, h: 0 });
    blank.pixels.fill(255);
    expect(findContentBox(blank)).toBeUndefined();
    expect(cropToContent(blank).width).toBe(50);
  });
});
