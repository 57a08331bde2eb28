import sharp from 'sharp';
import { createRng } from './rng';
import type { RenderCccdOptions, RenderedScan, SyntheticPerson } from './types';
import { drawCccdFront } from './internal/cccd-front';
import { drawCccdBack } from './internal/cccd-back';
import { applyDegradations, resolveDegradations } from './degrade';

/**
 * Render one side of a person's CCCD as a scan (≈ 305 dpi card on a scanner bed, 1200 × 820 before
 * degradation), optionally degraded; text is drawn as vector paths from bundled DejaVu fonts.
 *
 * @example const { image, boxes } = await renderCccd(person, { side: 'front', seed: 1 })
 */
export async function renderCccd(person: SyntheticPerson, options: RenderCccdOptions): Promise<RenderedScan> {
  const rng = createRng(`${person.idNumber}:${options.side}`);
  const { svg, boxes } = options.side === 'front' ? drawCccdFront(person, rng) : drawCccdBack(person, rng);
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  const degradations = resolveDegradations(options.degrade, options.seed);
  const format = options.format ?? 'jpeg';
  const { image, width, height } = await applyDegradations(png, degradations, {
    seed: options.seed,
    format,
    quality: options.quality ?? 85,
  });
  return { image, format, width, height, boxes, degradations };
}

/** The SVG of one side, before rasterising (for debugging layouts). */
export function renderCccdSvg(person: SyntheticPerson, side: 'front' | 'back'): string {
  const rng = createRng(`${person.idNumber}:${side}`);
  return (side === 'front' ? drawCccdFront(person, rng) : drawCccdBack(person, rng)).svg;
}
