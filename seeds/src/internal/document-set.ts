import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Box, Degradation, DegradeOptions } from '../types';

interface Doc {
  type: string;
  slug: string;
}

interface Rendered {
  image: Buffer;
  format?: string;
  width: number;
  height: number;
  pages?: number;
  boxes: Record<string, Box>;
  degradations: Degradation[];
}

/**
 * Writes generated documents as `outDir/<type>/<slug>/{scan.<ext>, truth.json}`; the last
 * `degradedShare` of each type's documents are degraded, each with its own seed.
 */
export async function writeDocumentSet<D extends Doc>(
  byType: ReadonlyArray<readonly D[]>,
  render: (doc: D, options: { seed: number; degrade: DegradeOptions | false }) => Promise<Rendered>,
  options: { seed: number; outDir: string; degradedShare?: number; generator: string },
): Promise<{ outDir: string; folders: string[] }> {
  const folders: string[] = [];
  for (const docs of byType) {
    const degradedCount = Math.round(docs.length * (options.degradedShare ?? 0.5));
    for (const [i, doc] of docs.entries()) {
      const folder = join(doc.type, doc.slug);
      await mkdir(join(options.outDir, folder), { recursive: true });
      const seed = (options.seed * 7919 + i) >>> 0;
      const scan = await render(doc, { seed, degrade: i >= docs.length - degradedCount ? {} : false });
      const file = scan.format === 'tiff' ? 'scan.tif' : 'scan.jpg';
      await writeFile(join(options.outDir, folder, file), scan.image);
      const image = { width: scan.width, height: scan.height, ...(scan.pages !== undefined && { pages: scan.pages }) };
      const truth = {
        generator: options.generator,
        seed: options.seed,
        ...doc,
        file,
        degradations: scan.degradations,
        boxes: scan.boxes,
        image,
      };
      await writeFile(join(options.outDir, folder, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
      folders.push(folder);
    }
  }
  return { outDir: options.outDir, folders };
}
