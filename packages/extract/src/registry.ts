import { birthCertificate } from './birth-certificate';
import { cccd2021 } from './cccd-2021';
import { marriageCertificate } from './marriage-certificate';
import type { DocumentTypeDefinition } from './types';

/** Document types known to the extractor, in classification order. */
export const DOCUMENT_TYPES: readonly DocumentTypeDefinition[] = [cccd2021, birthCertificate, marriageCertificate];

/** Looks up a document type by id. */
export function getDocumentType(id: string): DocumentTypeDefinition | undefined {
  return DOCUMENT_TYPES.find((t) => t.id === id);
}
