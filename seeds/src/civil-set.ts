import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CIVIL_DOCUMENT_TYPES, CIVIL_GENERATOR, generateCivilDocuments, renderCivilDocument, type CivilDocumentTruth, type CivilDocumentType } from './civil';

export interface GenerateCivilSetOptions {
  seed: number;
  /** Documents per type. */
  count: number;
  outDir: string;
  /** @default every civil document type */
  types?: readonly CivilDocumentType[];
  /**
   * Share of documents whose scans are degraded (the last ones of each type).
   * @default 0.5
   */
  degradedShare?: number;
}

/**
 * Generate civil-status document scans with ground truth: `outDir/<type>/<nn>-<slug>/{scan.jpg, truth.json}`.
 *
 * @example await generateCivilSet({ seed: 1, count: 2, outDir: 'seeds/data' })
 */
export async function generateCivilSet(options: GenerateCivilSetOptions): Promise<{ outDir: string; folders: string[] }> {
  const folders: string[] = [];
  for (const type of options.types ?? CIVIL_DOCUMENT_TYPES) {
    const docs = generateCivilDocuments(type, options.seed, options.count);
    const degradedCount = Math.round(options.count * (options.degradedShare ?? 0.5));
    for (const [i, doc] of docs.entries()) {
      const folder = join(type, doc.slug);
      await mkdir(join(options.outDir, folder), { recursive: true });
      const seed = (options.seed * 7919 + i) >>> 0;
      const scan = await renderCivilDocument(doc, { seed, degrade: i >= options.count - degradedCount ? {} : false });
      await writeFile(join(options.outDir, folder, 'scan.jpg'), scan.image);
      const truth: CivilDocumentTruth = {
        generator: CIVIL_GENERATOR,
        seed: options.seed,
        ...doc,
        file: 'scan.jpg',
        degradations: scan.degradations,
        boxes: scan.boxes,
        image: { width: scan.width, height: scan.height },
      };
      await writeFile(join(options.outDir, folder, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
      folders.push(folder);
    }
  }
  return { outDir: options.outDir, folders };
}
