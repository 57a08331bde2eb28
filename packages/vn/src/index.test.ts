import { expect, it } from 'vitest';
import * as vn from './index';

it('pins the public exports', () => {
  expect(Object.keys(vn).sort()).toMatchInlineSnapshot(`
    [
      "ETHNIC_GROUPS",
      "NATIONALITIES",
      "PROVINCES_34",
      "PROVINCES_63",
      "centurySexDigit",
      "checkPersonalIdAgainst",
      "dateToVietnameseWords",
      "findProvince",
      "findProvince34",
      "foldDiacritics",
      "formatDateVn",
      "getProvince34",
      "getProvince63",
      "isCmnd",
      "isPersonalId",
      "isTaxCode",
      "looseEquals",
      "mrzCheckDigit",
      "normalizeText",
      "numberToVietnameseWords",
      "oldProvinceToNew",
      "parseDate",
      "parsePersonalId",
      "parsePersonalIdOrThrow",
      "parseSex",
      "parseVietnameseWordsDate",
      "sexToVietnamese",
      "snapEthnicity",
      "snapFamilyName",
      "snapNationality",
      "snapToVocabulary",
      "splitVietnameseName",
      "taxCodeCheckDigit",
      "toLooseKey",
      "toMrzName",
      "toMrzText",
      "toProperCaseName",
    ]
  `);
});
