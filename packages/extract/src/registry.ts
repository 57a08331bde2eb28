import { birthCertificate } from './documents/giay-khai-sinh/definition';
import { enterpriseRegistration, householdBusinessRegistration } from './documents/business/registration';
import { canCuoc2024 } from './documents/can-cuoc-2024/definition';
import { cccd2016 } from './documents/cccd-2016/definition';
import { cccd2021 } from './documents/cccd-2021/definition';
import { cmnd9 } from './documents/cmnd-9/definition';
import { landUseCertificate } from './documents/land-use-certificate/definition';
import { marriageCertificate } from './documents/giay-chung-nhan-ket-hon/definition';
import { officialDocument } from './documents/van-ban-hanh-chinh/definition';
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
