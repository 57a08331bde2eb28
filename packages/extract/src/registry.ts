import { birthCertificate } from './documents/giay-khai-sinh/definition';
import { canCuoc2024 } from './documents/can-cuoc-2024/definition';
import { cccd2016 } from './documents/cccd-2016/definition';
import { cccd2021 } from './documents/cccd-2021/definition';
import { cmnd9 } from './documents/cmnd-9/definition';
import { UNCLASSIFIED_DOC_CODE_KIND } from './documents/define';
import { enterpriseRegistration } from './documents/enterprise-registration/definition';
import { landUseCertificate } from './documents/land-use-certificate/definition';
import { marriageCertificate } from './documents/giay-chung-nhan-ket-hon/definition';
import { householdBusinessRegistration } from './documents/household-business-registration/definition';
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

/**
 * The DocCode kind abbreviation (`LV` of `MCQ_LV_STT_PB`) of a digitised copy: the one its type
 * declares, or `KPL` (không phân loại) for a page no type recognised or a type that declares none.
 * Pass `types` to include types defined outside the package (`ExtractOptions.documentTypes`).
 */
export function docCodeKindOf(
  typeId: string | undefined,
  types: readonly DocumentTypeDefinition[] = DOCUMENT_TYPES,
): string {
  if (typeId === undefined) return UNCLASSIFIED_DOC_CODE_KIND;
  return types.find((t) => t.id === typeId)?.docCodeKind ?? UNCLASSIFIED_DOC_CODE_KIND;
}
