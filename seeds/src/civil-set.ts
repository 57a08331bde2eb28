import { writeDocumentSet } from './internal/document-set';
import {
  CIVIL_DOCUMENT_TYPES,
  CIVIL_GENERATOR,
  generateCivilDocuments,
  renderCivilDocument,
  type CivilDocumentType,
} from './civil';

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
export async function generateCivilSet(
  options: GenerateCivilSetOptions,
): Promise<{ outDir: string; folders: string[] }> {
  const byType = (options.types ?? CIVIL_DOCUMENT_TYPES).map((type) =>
    generateCivilDocuments(type, options.seed, options.count),
  );
  return writeDocumentSet(byType, (doc, o) => renderCivilDocument(doc, o), { ...options, generator: CIVIL_GENERATOR });
}
