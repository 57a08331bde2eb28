import { birthCertificate } from './birth-certificate';
import { enterpriseRegistration, householdBusinessRegistration } from './business-registration';
import { canCuoc2024 } from './can-cuoc-2024';
import { cccd2016 } from './cccd-2016';
import { cccd2021 } from './cccd-2021';
import { cmnd9 } from './cmnd-9';
import { landUseCertificate } from './land-use-certificate';
import { marriageCertificate } from './marriage-certificate';
import { officialDocument } from './official-document';
import type { DocumentTypeDefinition } from './types';

/**
 * Document types known to the extractor, in classification order (the first wins a tie). Business and
 * land certificates come first: they score only on their own titles and labels, while an ID card's
 * generic markers (`Họ tên`, `Sinh ngày`, `thường trú`) also occur on them.
 */
export const DOCUMENT_TYPES: readonly DocumentTypeDefinition[] = [
  enterpriseRegistration,
  householdBusinessRegistration,
  landUseCertificate,
  cccd2021,
  cccd2016,
  canCuoc2024,
  cmnd9,
  birthCertificate,
  marriageCertificate,
  officialDocument,
];

/** Looks up a document type by id. */
export function getDocumentType(id: string): DocumentTypeDefinition | undefined {
  return DOCUMENT_TYPES.find((t) => t.id === id);
}
