import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { applyDegradations, drawDegradations } from './degrade';

const page = async (): Promise<Buffer> =>
  sharp({ create: { width: 200, height: 300, channels: 3, background: { r: 255, g: 255, b: 255 } } })
    .composite([
      {
        input: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="300"><rect x="40" y="40" width="120" height="20" fill="#000"/></svg>',
        ),
      },
    ])
    .png()
    .toBuffer();

const raw = async (img: Buffer): Promise<Buffer> =>
  (await sharp(img).removeAlpha().raw().toBuffer({ resolveWithObject: true })).data;

describe('perspective degradation', () => {
  it('leaves the page as it is when no corner moves', async () => {
    const input = await page();
    const out = await applyDegradations(
      input,
      [
        {
          kind: 'perspective',
          corners: [
            [0, 0],
            [0, 0],
            [0, 0],
            [0, 0],
          ],
        },
      ],
      { seed: 1, format: 'png', quality: 90 },
    );
    expect((await raw(out.image)).equals(await raw(input))).toBe(true);
  });
  it('pulls the corners in, showing the scanner bed, and keeps the size', async () => {
    const out = await applyDegradations(
      await page(),
      [
        {
          kind: 'perspective',
          corners: [
            [0.05, 0.04],
            [-0.05, 0.04],
            [-0.05, -0.04],
            [0.05, -0.04],
          ],
        },
      ],
      { seed: 1, format: 'png', quality: 90 },
    );
    expect([out.width, out.height]).toEqual([200, 300]);
    const px = await raw(out.image);
    expect([px[0], px[1], px[2]]).toEqual([217, 217, 214]);
    const centre = (150 * 200 + 100) * 3;
    expect(px[centre]).toBe(255);
  });
  it('is drawn only when asked for, with small corner moves', () => {
    for (let s = 0; s < 50; s++) expect(drawDegradations(s).some((d) => d.kind === 'perspective')).toBe(false);
    const [d] = drawDegradations(3, ['perspective']);
    expect(d!.kind).toBe('perspective');
    if (d!.kind === 'perspective')
      for (const [dx, dy] of d!.corners) expect(Math.max(Math.abs(dx), Math.abs(dy))).toBeLessThanOrEqual(0.035);
  });
});
