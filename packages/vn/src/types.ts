/** Sex as stored in records: the two values printed on Vietnamese identity documents. */
export type Sex = 'male' | 'female';

/** How much of a date a text gave. */
export type DatePrecision = 'day' | 'month' | 'year';

/** A parsed date: ISO text (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`, by precision) and its precision. */
export interface ParsedDate {
  iso: string;
  precision: DatePrecision;
}

/** The parts of a 12-digit personal identification number (`PPP G YY NNNNNN`). */
export interface PersonalIdInfo {
  /** The 12 digits, spaces removed. */
  id: string;
  /** The first 3 digits: a pre-2025 province code (`001`..`096`) or a country code (`101`..`295`). */
  provinceCode: string;
  /** Name of the birth-registration province, when `provinceCode` is a province. */
  provinceName?: string;
  /** True when the birth was registered abroad (`provinceCode` is a country code). */
  registeredAbroad: boolean;
  sex: Sex;
  /** The century/sex digit (4th digit). */
  centuryDigit: number;
  /** Ordinal century of birth: 20 for 1900–1999, 21 for 2000–2099. */
  century: number;
  /** The two year digits (5th–6th), e.g. `90`. */
  birthYearSuffix: string;
  /** Earliest birth year the number allows (equals `birthYearMax`: century and year digits fix the year). */
  birthYearMin: number;
  /** Latest birth year the number allows. */
  birthYearMax: number;
  /** The birth year the number encodes. */
  birthYear: number;
  /** The last 6 digits. */
  serial: string;
}

/** Options for {@link PersonalIdInfo} parsing. */
export interface ParsePersonalIdOptions {
  /**
   * When given, a number whose encoded birth year is after this date's year is rejected.
   * @default undefined (no check against the clock)
   */
  referenceDate?: Date;
}

/** Facts to cross-check a personal ID against. */
export interface PersonalIdFacts {
  /** ISO date `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`). */
  birthDate?: string;
  sex?: Sex;
}

/** One of the 63 provinces before 1 July 2025, with the code used in personal ID numbers. */
export interface Province63 {
  /** 3-digit code as in the personal ID number, e.g. `001`. */
  code: string;
  /** Short name, e.g. `Hồ Chí Minh`, `Hà Nội`. */
  name: string;
  /** Official name with its unit type, e.g. `Thành phố Hồ Chí Minh`, `Tỉnh Nghệ An`. */
  fullName: string;
  /** `city` for a centrally run city (thành phố trực thuộc trung ương), else `province`. */
  kind: 'city' | 'province';
  /** 2-digit code of the province it belongs to since 1 July 2025 (see {@link Province34}). */
  newCode: string;
  /** Other spellings seen on documents, used by `findProvince` (e.g. `TP HCM`, `Sài Gòn`). */
  aliases: readonly string[];
}

/** One of the 34 provincial units in force since 1 July 2025 (NQ 202/2025/QH15). */
export interface Province34 {
  /** Official 2-digit code (Công văn 915/CTK-CSCL), e.g. `79`. */
  code: string;
  name: string;
  fullName: string;
  kind: 'city' | 'province';
  /** 3-digit codes of the pre-2025 provinces merged into it. */
  oldCodes: readonly string[];
  aliases: readonly string[];
}

/** A Vietnamese full name split into its parts. */
export interface NameParts {
  /** Family name (họ), e.g. `Nguyễn`; empty for a one-word name. */
  family: string;
  /** Middle name(s) (chữ đệm), possibly empty, e.g. `Thị Thu`. */
  middle: string;
  /** Given name (tên), e.g. `Hoà`. */
  given: string;
}

/** A value snapped to a closed vocabulary. */
export interface VocabularySnap {
  /** The vocabulary value, spelled as in the vocabulary. */
  value: string;
  /** True when the reading differed from the value beyond case and tone-mark placement (an OCR correction). */
  corrected: boolean;
  /** Edit distance between the folded reading and the value (0 for an exact or alias match). */
  distance: number;
}
