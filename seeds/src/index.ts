export type * from './types';
export { createRng } from './rng';
export type { Rng } from './rng';
export { generatePeople, cccdExpiry } from './people';
export { composeCccdMrz } from './mrz-td1';
export { renderCccd, renderCccdSvg } from './render';
export { applyDegradations, drawDegradations } from './degrade';
export { generateSeedSet, GENERATOR } from './seed-set';
export {
  generateCivilDocuments,
  renderCivilDocument,
  renderCivilDocumentSvg,
  CIVIL_DOCUMENT_TYPES,
  CIVIL_GENERATOR,
} from './civil';
export type { CivilDocumentType, SyntheticCivilDocument, SyntheticRelation, CivilDocumentTruth } from './civil';
export { generateCivilSet } from './civil-set';
export type { GenerateCivilSetOptions } from './civil-set';
export {
  generateIdCards,
  generateIdCardSet,
  renderIdCard,
  renderIdCardSvg,
  canCuocExpiry,
  ID_CARD_TYPES,
  ID_CARD_GENERATOR,
} from './id-cards';
export type { IdCardType, SyntheticIdCard, IdCardTruth, GenerateIdCardSetOptions } from './id-cards';
export {
  generateOfficialLetters,
  renderOfficialLetter,
  drawOfficialLetter,
  OFFICIAL_LETTER_GENERATOR,
} from './official-letter';
export type { OfficialLetterLayout, SyntheticOfficialLetter } from './official-letter';
export {
  generateBusinessDocuments,
  renderBusinessDocument,
  renderBusinessDocumentSvg,
  businessDocumentText,
  generateBusinessSet,
  BUSINESS_DOCUMENT_TYPES,
  BUSINESS_GENERATOR,
} from './business-docs';
export type { BusinessDocumentType, SyntheticBusinessDocument } from './business-docs';
export {
  generateLandCertificates,
  renderLandCertificate,
  renderLandCertificateSvg,
  landCertificateText,
  generateLandSet,
  LAND_GENERATOR,
} from './land-certificate';
export type { SyntheticLandCertificate } from './land-certificate';
export {
  LAYOUT_FAMILIES,
  LAYOUT_GENERATOR,
  defineLayoutFamily,
  registerLayoutFamily,
  selectLayoutFamilies,
  layoutDocuments,
  layoutDocumentText,
  printedTruth,
  renderLayoutDocument,
  captureDegradations,
  generateLayoutSet,
} from './layout-families';
export type {
  LayoutFamily,
  LayoutDocument,
  LayoutTruth,
  Capture,
  DrawnForm,
  GenerateLayoutSetOptions,
} from './layout-families';
