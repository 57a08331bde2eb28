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

/** Document types known to the extractor, in classification order. */
export const DOCUMENT_TYPES: readonly DocumentTypeDefinition[] = [cccd2021, cccd2016, canCuoc2024, cmnd9, birthCertificate, marriageCertificate, enterpriseRegistration, householdBusinessRegistration, landUseCertificate, officialDocument];

/** Looks up a document type by id. */
export function getDocumentType(id: string): DocumentTypeDefinition | undefined {
  return DOCUMENT_TYPES.find((t) => t.id === id);
}
