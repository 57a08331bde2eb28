import type { Diagnostic } from '@sohoa/core';

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

/**
 * The unit words of Vietnamese addresses, spelled in lower case: provinces (`tỉnh`, `thành phố`), districts
 * before 1 July 2025 (`quận`, `huyện`, `thị xã`, `thành phố`) and communes (`phường`, `xã`, `thị trấn`, `đặc khu`).
 */
export type AdminUnitType =
  | 'tỉnh'
  | 'thành phố'
  | 'quận'
  | 'huyện'
  | 'thị xã'
  | 'phường'
  | 'xã'
  | 'thị trấn'
  | 'đặc khu';

/** Administrative level of a unit. Districts exist only before 1 July 2025. */
export type AdminLevel = 'province' | 'district' | 'commune';

/** Which set of units an address or a unit belongs to: before (`old`) or since (`current`) 1 July 2025. */
export type AdminEra = 'old' | 'current';

/** One unit named in an address text. */
export interface AddressUnitText {
  /** The name without its unit word, normalised (`Phúc Xá`, `10` for `Quận 10`). */
  name: string;
  /** The unit word when the text gave one (`P.` → `phường`). */
  type?: AdminUnitType;
  /** True when the level was inferred from the position of an unnamed segment, not from a unit word. */
  guessed?: boolean;
}

/** A free-text Vietnamese address split into its parts (see `parseAddress`). */
export interface ParsedAddress {
  /** House number, street, hamlet: everything before the first administrative unit. */
  street?: string;
  commune?: AddressUnitText;
  /** Only in pre-2025 (4-level) addresses. */
  district?: AddressUnitText;
  province?: AddressUnitText;
  /** The pre-2025 province named, when it is one of the 63 (built in, no data needed). */
  province63?: Province63;
  /** The current province named, or the one the old province became. */
  province34?: Province34;
  /** `old` when a district is named or the province no longer exists; `current` for a 2-level address with a current province; else undefined. */
  era?: AdminEra;
  /** The segments the text was split into, in order, normalised. */
  parts: string[];
  /** Problems met (`VN_ADDRESS_*`); never contain the address text. */
  diagnostics: Diagnostic[];
}

/** One administrative unit in a {@link Gazetteer}. */
export interface AdminUnit {
  /** GSO/NSO code: 2 digits for a province, 3 for a district, 5 for a commune. Codes repeat across eras. */
  code: string;
  /** Name without the unit word, normalised (`Hoà Bình`, `12`). */
  name: string;
  type: AdminUnitType;
  level: AdminLevel;
  era: AdminEra;
  /** Code of the parent unit in the same era (district or province); none for provinces. */
  parent?: string;
  /** Province code (same era); equals `code` for a province. */
  province: string;
}

/** An old→new commune mapping: old commune code → the current commune codes its area went to. */
export interface AdminMapping {
  /** Where the mapping comes from, e.g. `dvhcvn-20250701`. */
  name: string;
  /** Old (pre-2025) commune code → current commune codes; more than one when the old commune was split. */
  communes: Record<string, readonly string[]>;
}

/** Another spelling of a unit (a renamed or merged old unit, an abbreviation such as `q9`). */
export interface AdminAlias {
  era: AdminEra;
  code: string;
  level: AdminLevel;
  alias: string;
}

/** Plain data a {@link Gazetteer} is built from (see `createGazetteer`, `loadGazetteer`). */
export interface GazetteerSource {
  /** Units of either era. A gazetteer may hold only current units, only old ones, or both. */
  units: readonly AdminUnit[];
  /** Old→new commune mappings; the first is used for conversion, the others are reported for cross-checking. */
  mappings?: readonly AdminMapping[];
  aliases?: readonly AdminAlias[];
  /** Free text saying where the data came from, kept for reports. */
  description?: string;
}

/** A unit found for a name, and how it was found. */
export interface UnitMatch {
  unit: AdminUnit;
  /** True when the name was snapped to the unit from a reading that differs beyond case, diacritics and tone placement. */
  corrected: boolean;
  /**
   * `exact` (folded name equal, or found whole inside a part without unit word), `alias`, `fuzzy` (unambiguous
   * edit-distance snap), or `parent` (not written: the unit holding the commune or district found).
   */
  method: 'exact' | 'alias' | 'fuzzy' | 'parent';
}

/** Options for `Gazetteer.lookup`. */
export interface UnitLookupOptions {
  level: AdminLevel;
  /** @default 'current' */
  era?: AdminEra;
  /** Restrict to this province code (same era). */
  province?: string;
  /** Restrict to this district code (old era). */
  district?: string;
  /** Prefer units of this type when several share the name (e.g. `Thị xã Kỳ Anh` vs `Huyện Kỳ Anh`). */
  type?: AdminUnitType;
  /** Snap a name that matches no unit to the one unit within a small edit distance. @default true */
  fuzzy?: boolean;
}

/** The result of a lookup: one unit, or several when the name is ambiguous. */
export type UnitLookup =
  | { ok: true; match: UnitMatch }
  | { ok: false; reason: 'not-found' | 'ambiguous'; candidates: readonly AdminUnit[] };

/** An address resolved to unit codes of one era. */
export interface ResolvedAddress {
  era: AdminEra;
  street?: string;
  province?: UnitMatch;
  district?: UnitMatch;
  commune?: UnitMatch;
  /** Problems met (`VN_ADDRESS_*`); never contain the address text. */
  diagnostics: Diagnostic[];
}

/** A pre-2025 address converted to the current units. */
export interface CurrentUnitsResult {
  /** True when the converted address is certain up to the level reached (commune, or province only). */
  ok: boolean;
  /** The old units the address was resolved to. */
  old: ResolvedAddress;
  /** The current province (from the built-in province map or the commune mapping). */
  province?: Province34;
  /** The current commune, when the old commune went to exactly one. */
  commune?: AdminUnit;
  /** True when the old commune was split between several current communes: see `candidates`. */
  ambiguous: boolean;
  /** The current communes the old one went to (more than one when `ambiguous`). */
  candidates: readonly AdminUnit[];
  /** The street part, carried over unchanged. */
  street?: string;
  /** `Street, Phường X, Thành phố Y` in current units, when the commune is known; else the province only (`Thành phố Y`) or undefined. */
  text?: string;
  /**
   * Name of the mapping used for the commune (`dvhcvn-20250701`), `built-in provinces` when only the province was
   * converted, or `none (already current)` when the address already named current units (`old` then holds those).
   */
  mapping?: string;
  /** What the other mappings of the gazetteer say for the same old commune, for cross-checking. */
  alternatives?: readonly { mapping: string; codes: readonly string[] }[];
  diagnostics: Diagnostic[];
}

/** Administrative units loaded from public data, with lookup, address resolution and old→new conversion. */
export interface Gazetteer {
  /** Which eras the gazetteer holds units for. */
  readonly eras: readonly AdminEra[];
  /** Names of the old→new mappings it holds, first one used for conversion. */
  readonly mappings: readonly string[];
  /** The number of units per era and level, e.g. `{ current: { province: 34, commune: 3321 } }`. */
  readonly counts: Readonly<Record<AdminEra, Readonly<Record<AdminLevel, number>>>>;
  /** A unit by era, level and code. */
  get(era: AdminEra, level: AdminLevel, code: string): AdminUnit | undefined;
  /** The child units of a unit (districts of a province, communes of a district or current province). */
  children(unit: AdminUnit): readonly AdminUnit[];
  /** Find a unit by name (Hòa = Hoà, diacritics optional, unit word optional; unambiguous OCR snapping). */
  lookup(name: string, options: UnitLookupOptions): UnitLookup;
  /** Resolve a parsed (or raw) address to unit codes. Era is taken from the address, else tried old then current. */
  resolveAddress(address: ParsedAddress | string, options?: { era?: AdminEra }): ResolvedAddress;
  /** Convert a pre-2025 address to the current units; a split old commune gives `ambiguous: true` and its candidates. */
  toCurrentUnits(address: ParsedAddress | string): CurrentUnitsResult;
}
