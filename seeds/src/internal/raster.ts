import sharp from 'sharp';
import { applyDegradations, resolveDegradations } from '../degrade';
import type { Box, DegradeOptions, RenderedDocument } from '../types';

/**
 * Rasterises the SVG pages of one document and degrades each page (its own seed per page): one page
 * gives a JPEG, several a multi-page TIFF with JPEG compression, as an office scanner writes.
 */
export async function rasterisePages(
  pages: ReadonlyArray<{ svg: string; boxes: Record<string, Box> }>,
  options: { seed: number; degrade?: DegradeOptions | false; quality?: number },
): Promise<RenderedDocument> {
  const degradations = resolveDegradations(options.degrade, options.seed);
  const images: Buffer[] = [];
  let size = { width: 0, height: 0 };
  for (const [i, page] of pages.entries()) {
    const png = await sharp(Buffer.from(page.svg)).png().toBuffer();
    const out = await applyDegradations(png, degradations, {
      seed: options.seed + i,
      format: 'jpeg',
      quality: options.quality ?? 80,
    });
    if (i === 0) size = { width: out.width, height: out.height };
    images.push(out.image);
  }
  const boxes: Record<string, Box> = {};
  pages.forEach((p, i) => {
    for (const [k, b] of Object.entries(p.boxes)) boxes[i === 0 ? k : `p${i + 1}:${k}`] = b;
  });
  if (images.length === 1) return { image: images[0]!, format: 'jpeg', ...size, pages: 1, boxes, degradations };
  const quality = degradations.find((d) => d.kind === 'jpeg')?.quality ?? options.quality ?? 80;
  const image = await sharp(images, { join: { animated: true } })
    .tiff({ compression: 'jpeg', quality })
    .toBuffer();
  return { image, format: 'tiff', ...size, pages: images.length, boxes, degradations };
}
