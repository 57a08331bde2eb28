import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { generatePeople } from './people';
import { renderCccd, renderCccdSvg } from './render';
import { drawDegradations } from './degrade';
import type { Box } from './types';
import { drawCccdFront } from './internal/cccd-front';
import { drawCccdBack } from './internal/cccd-back';
import { createRng } from './rng';
import { canRun } from '../../test/fixtures/skip';

const here = dirname(fileURLToPath(import.meta.url));
const extractPkg = join(here, '../../packages/extract/package.json');
type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { binaryData: number[] } | null;
const jsQR: JsQr | undefined = existsSync(extractPkg)
  ? (() => {
      try {
        const mod = createRequire(extractPkg)('jsqr') as JsQr | { default: JsQr };
        return typeof mod === 'function' ? mod : mod.default;
      } catch {
        return undefined;
      }
    })()
  : undefined;

const [person, other] = generatePeople(3, 2);

async function decodeQr(image: Buffer): Promise<string | undefined> {
  const { data, info } = await sharp(image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const found = jsQR!(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
  return found ? new TextDecoder().decode(Uint8Array.from(found.binaryData)) : undefined;
}

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('renderCccd', () => {
  it('gives byte-identical output for the same person and seed', async () => {
    const a = await renderCccd(person!, { side: 'front', seed: 5, degrade: {} });
    const b = await renderCccd(person!, { side: 'front', seed: 5, degrade: {} });
    expect(a.image.equals(b.image)).toBe(true);
    expect(a.degradations).toEqual(b.degradations);
    expect(a.degradations.length).toBeGreaterThanOrEqual(2);
  });

  it('draws text only as paths', () => {
    const svg = renderCccdSvg(person!, 'front') + renderCccdSvg(person!, 'back');
    expect(svg).not.toMatch(/<text/);
  });

  it('lays out text without overlaps for many people', () => {
    for (const p of generatePeople(11, 60)) {
      for (const draw of [drawCccdFront, drawCccdBack]) {
        const { textBoxes } = draw(p, createRng(1));
        for (let i = 0; i < textBoxes.length; i++) {
          const a = textBoxes[i]!;
          expect(a.x >= 86 && a.x + a.width <= 1114 && a.y >= 86 && a.y + a.height <= 734).toBe(true);
          for (let j = i + 1; j < textBoxes.length; j++) expect(overlaps(a, textBoxes[j]!)).toBe(false);
        }
      }
    }
    expect(generatePeople(11, 60).some((p) => p.card.expiryDate === null)).toBe(true);
  });

  it('returns non-overlapping value boxes inside the image', async () => {
    for (const p of [person!, other!]) {
      for (const side of ['front', 'back'] as const) {
        const r = await renderCccd(p, { side, seed: 1, format: 'png' });
        expect([r.width, r.height]).toEqual([1200, 820]);
        const boxes = Object.entries(r.boxes).filter(([k]) => !/^mrz\d$/.test(k));
        for (const [, b] of boxes) {
          expect(b.x >= 0 && b.y >= 0 && b.x + b.width <= r.width && b.y + b.height <= r.height).toBe(true);
        }
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            expect(overlaps(boxes[i]![1], boxes[j]![1]), `${boxes[i]![0]} / ${boxes[j]![0]}`).toBe(false);
          }
        }
      }
    }
  });

  it.skipIf(
    !canRun('seeds QR', jsQR !== undefined, 'jsqr is not installed with packages/extract (run `pnpm install`)'),
  )('encodes the QR payload in UTF-8 byte mode, readable after degradation', async () => {
    const clean = await renderCccd(person!, { side: 'back', seed: 1 });
    expect(await decodeQr(clean.image)).toBe(person!.card.qrPayload);
    const degraded = await renderCccd(other!, {
      side: 'back',
      seed: 2,
      degrade: {
        degradations: [
          { kind: 'rotate', degrees: 2 },
          { kind: 'blur', sigma: 1 },
          { kind: 'downscale', factor: 0.75 },
          { kind: 'jpeg', quality: 55 },
        ],
      },
    });
    expect(await decodeQr(degraded.image)).toBe(other!.card.qrPayload);
  });
});

describe('drawDegradations', () => {
  it('draws 2–3 distinct kinds within the stated ranges', () => {
    for (let seed = 0; seed < 50; seed++) {
      const list = drawDegradations(seed);
      expect(list.length === 2 || list.length === 3).toBe(true);
      expect(new Set(list.map((d) => d.kind)).size).toBe(list.length);
      for (const d of list) {
        if (d.kind === 'rotate') expect(Math.abs(d.degrees)).toBeGreaterThanOrEqual(1);
        if (d.kind === 'rotate') expect(Math.abs(d.degrees)).toBeLessThanOrEqual(4);
        if (d.kind === 'blur') expect(d.sigma >= 0.6 && d.sigma <= 1.2).toBe(true);
        if (d.kind === 'jpeg') expect(d.quality >= 45 && d.quality <= 70).toBe(true);
      }
    }
  });
});
