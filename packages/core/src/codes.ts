import type { SohoaErrorCode } from './errors';

/**
 * Codes of the diagnostics that are never thrown: what a stage reports on its output (a page rasterised,
 * a value cross-checked and found wrong, a form field left for review). Together with {@link ERROR_CODES}
 * (the codes a `SohoaError` carries, which a diagnostic may also carry) they are every code sohoa emits:
 * {@link DiagnosticCode}. A code never changes meaning once published; new ones are added here, by stage.
 */
export const DIAGNOSTIC_CODES = [
  // ingest: how a page was read, and the quality gate
  'INGEST_PDF_PAGE_RENDERED', // a PDF page was rasterised (not a plain scan), at the dpi the message says
  'INGEST_PDF_RENDER_DPI_LOWERED', // a page too large for `maxPixels` at `renderDpi` was rendered at a lower dpi
  'INGEST_PDF_SEVERAL_IMAGES', // a page paints several images; only the largest was taken
  'INGEST_PDF_TEXT_LAYER_IGNORED', // the page's text layer could not be read; the page is OCR'd
  'INGEST_PREPROCESS_SKIPPED', // preprocessing was skipped for the page (see the message)
  'INGEST_QUALITY_BLURRY', // quality gate: the page is blurred
  'INGEST_QUALITY_LOW_CONTRAST', // quality gate: ink and paper are too close
  'INGEST_QUALITY_LOW_DPI', // quality gate: the scan's resolution is too low for its text
  'INGEST_QUALITY_NO_TEXT', // quality gate: no text-like content on the page
  'INGEST_QUALITY_RESCAN', // quality gate: the page should be scanned again
  'INGEST_QUALITY_SKEWED', // quality gate: the page is skewed
  'INGEST_QUALITY_SMALL_TEXT', // quality gate: the text is too small in pixels
  'INGEST_QUALITY_TURNED', // quality gate: the page is turned a quarter or half turn
  // ocr
  'OCR_DOWNSCALED', // large text: the page was read scaled down
  'OCR_NO_TEXT', // no text was recognised
  'OCR_REGION_OUTSIDE_PAGE', // a region to re-read lies outside the page
  'OCR_TEXT_LAYER_USED', // the page's own text layer was used instead of OCR
  'OCR_UPSCALED', // small text: regions were upscaled before OCR
  // extract: cross-checks and readings an officer should look at
  'EXTRACT_DATES_INCONSISTENT', // the dates of a document contradict each other
  'EXTRACT_EXPIRY_INCONSISTENT', // an ID card's expiry is not one the card rules allow for the birth date
  'EXTRACT_FIELD_IMPLIED', // a value was implied (by the model or a rule), not read
  'EXTRACT_FIELD_INCOMPLETE', // a value looks incomplete (an address without its province)
  'EXTRACT_FIELD_NOT_FOUND', // a required key of the type was not read
  'EXTRACT_ID_PROVINCE_MISMATCH', // the personal ID's place digits disagree with the printed place
  'EXTRACT_LOW_CLASSIFICATION_CONFIDENCE', // the document type was chosen with a low score
  'EXTRACT_MRZ_CHECK_FAILED', // an MRZ check digit failed
  'EXTRACT_PLACE_CORRECTED', // a place name was corrected against the administrative units
  'EXTRACT_PLACE_UNKNOWN', // a place name matches no administrative unit
  'EXTRACT_QR_FIELD_INVALID', // a field of the QR payload is malformed
  'EXTRACT_ROLE_INFERRED', // a person's role on the document was inferred, not printed
  'EXTRACT_SOURCES_DISAGREE', // two readings (QR, MRZ, OCR) of one key disagree
  'EXTRACT_SUBJECT_UNLINKED', // the document names no subject it can be filed under
  'EXTRACT_TAX_CODE_CHECK_DIGIT', // a tax code's check digit fails
  'EXTRACT_VALUE_MAYBE_CUT', // a value may be cut short (a wrapped line not read)
  // vault
  'VAULT_DOSSIER_CODE_INVALID', // a dossier code does not parse
  'VAULT_FACT_CONFLICT', // documents give different values for one key
  'VAULT_SUBJECT_LINKED', // a profile joined the facts of a linked older subject (a CMND number)
  'VAULT_SUBJECT_NOT_LINKED', // a linked older subject was not joined (birth dates disagree)
  'VAULT_VALUE_EXPIRED', // the chosen value comes from an expired document
  // eform
  'EFORM_BINDING_AMBIGUOUS', // a field's label fits several keys equally
  'EFORM_BINDING_UNCERTAIN', // a field's key was inferred below the certainty threshold
  'EFORM_FIELD_NEEDS_REVIEW', // a value was offered below its confidence threshold
  'EFORM_NOT_A_DECLARATION', // the form asks for no person's declaration (nothing to bind)
  'EFORM_UNKNOWN_KEY', // a field names a key that is not in the vocabulary
  'EFORM_VALUE_INVALID_FOR_FIELD', // a value fails the field's own schema
  'EFORM_VALUE_UNTRUSTED', // a value was implied or looks cut short, so it is not filled
  // render
  'RENDER_TEMPLATE_FIELD_MISMATCH', // a PDF template's field does not fit its value
  'RENDER_TEMPLATE_FIELD_MISSING', // a PDF template has no field for a value
  // batch
  'BATCH_DOSSIER_EXTRA_COMPONENT', // a file of a dossier fills no requirement of its procedure
  'BATCH_DOSSIER_NOT_ATTACHED', // a document could not be attached to its dossier
  'BATCH_SUBJECT_MISMATCH', // the document's subject is not the one the manifest names
  // vn: addresses and the gazetteer
  'VN_ADDRESS_ALREADY_CURRENT', // the address already names current units
  'VN_ADDRESS_COMMUNE_AMBIGUOUS', // the commune name fits several units
  'VN_ADDRESS_COMMUNE_NOT_CONVERTED', // the commune could not be converted to the current units
  'VN_ADDRESS_COMMUNE_NOT_FOUND', // no commune of that name in the district
  'VN_ADDRESS_COMMUNE_NOT_MAPPED', // the commune has no mapping to the current units
  'VN_ADDRESS_COMMUNE_SPLIT', // the commune was split between several current units
  'VN_ADDRESS_DISTRICT_MISMATCH', // the district does not belong to the province
  'VN_ADDRESS_DISTRICT_NOT_FOUND', // no district of that name in the province
  'VN_ADDRESS_EMPTY', // the address is empty
  'VN_ADDRESS_MAPPINGS_DISAGREE', // the gazetteer's mappings for the unit disagree
  'VN_ADDRESS_PROVINCE_CORRECTED', // the province name was corrected
  'VN_ADDRESS_PROVINCE_NOT_FOUND', // no province was recognised
  'VN_ADDRESS_TOO_LONG', // the address is longer than any real one
  'VN_ADDRESS_UNIT_CORRECTED', // a unit name was corrected against the gazetteer
  'VN_ADDRESS_UNIT_GUESSED', // a unit's level was guessed (no unit word)
  'VN_GAZETTEER_EMPTY', // the gazetteer holds no units
  'VN_GAZETTEER_NO_MAPPING', // the gazetteer has no old-to-current mapping
  // vn: personal ID checks
  'VN_ID_BIRTH_DATE_UNREADABLE', // the birth date to check the ID against cannot be read
  'VN_ID_BIRTH_YEAR_MISMATCH', // the ID's year digits disagree with the birth year
  'VN_ID_CENTURY', // the ID's century digit is not one in use
  'VN_ID_FORMAT', // the ID is not 12 digits
  'VN_ID_FUTURE_BIRTH', // the ID encodes a birth in the future
  'VN_ID_NOT_A_STRING', // the ID is not a string
  'VN_ID_SEX_MISMATCH', // the ID's sex digit disagrees with the sex
  'VN_ID_UNKNOWN_PLACE', // the ID's place digits name no province
] as const;

/** A code of a diagnostic that is never thrown; see {@link DIAGNOSTIC_CODES}. */
export type DiagnosticOnlyCode = (typeof DIAGNOSTIC_CODES)[number];

/** Every code a {@link Diagnostic} can carry: a thrown error's code, or one of {@link DIAGNOSTIC_CODES}. */
export type DiagnosticCode = SohoaErrorCode | DiagnosticOnlyCode;
