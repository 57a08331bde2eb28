export type * from './types';
export { normalizeText, foldDiacritics, looseEquals, stripDiacritics, toLooseKey } from './text';
export { parseDate, formatDateVn } from './dates';
export { dateToVietnameseWords, parseVietnameseWordsDate, numberToVietnameseWords } from './date-words';
export { amountToVietnameseWords, parseVietnameseAmountWords } from './number-words';
export {
  parsePersonalId,
  parsePersonalIdOrThrow,
  isPersonalId,
  checkPersonalIdAgainst,
  centurySexDigit,
  isCmnd,
} from './personal-id';
export { isTaxCode, taxCodeCheckDigit } from './tax-code';
export { parseSex, sexToVietnamese } from './sex';
export { toProperCaseName, splitVietnameseName, snapFamilyName } from './names';
export { PROVINCES_63, PROVINCES_34 } from './provinces-data';
export { findProvince, findProvince34, oldProvinceToNew, getProvince63, getProvince34 } from './provinces';
export { mrzCheckDigit, toMrzName, toMrzText } from './mrz';
export { editDistance } from './internal/edit-distance';
export { snapToVocabulary, snapEthnicity, snapNationality, ETHNIC_GROUPS, NATIONALITIES } from './vocabulary';
export { parseAddress } from './address';
export { createGazetteer } from './gazetteer';
export { loadGazetteer, loadGazetteerSource } from './gazetteer-load';
export type { GazetteerFileSystem, LoadGazetteerOptions } from './gazetteer-load';
export { SAMPLE_GAZETTEER } from './gazetteer-sample';
