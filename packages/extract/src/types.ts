import type { Box, DocumentKind, DocumentRecord, ExtractedField, OcrPage, PageImage } from '@sohoa/core';
import type { Gazetteer } from '@sohoa/vn';
import type { ReaderSpec } from './field-reader/spec';

/** What the extractor reads: the decoded pages of one file and their OCR results (same order). */
export interface ExtractInput {
  pages: PageImage[];
  /** OCR of each page; a page without OCR (e.g. not run) is `undefined`. */
  ocr: Array<OcrPage | undefined>;
  /**
   * QR codes already decoded by the caller (same order as `pages`; `undefined` = none on that page),
   * e.g. by a pipeline that reads codes before OCR. @default decoded here with `decodeQr`
   */
  qr?: Array<QrCode | undefined>;
}

export interface ExtractOptions {
  /**
   * Reference date (ISO `YYYY-MM-DD`) for the document status: a document whose validity ends
   * before it is `expired`.
   * @default today
   */
  asOf?: string;
  /** Restrict classification to these document type ids. @default every registered type */
  types?: string[];
  /**
   * More document types, defined outside this package; they are tried after the built-in ones and
   * their records carry the `kind` they declare.
   * @default none
   */
  documentTypes?: readonly DocumentTypeDefinition[];
  /**
   * An OCR engine for region re-reads (an `OcrEngine` of `@sohoa/ocr` fits): key value lines are
   * read again on their own, which fixes most diacritic slips of full-page OCR.
   * @default none: only the full-page OCR is used
   */
  recognizer?: RegionRecognizer;
  /**
   * Administrative units (`loadGazetteer({ dir })` of `@sohoa/vn`): places and addresses read from a
   * page are checked against them; a unit name that matches no unit of its area is snapped when exactly
   * one matches (an OCR tone slip), else the value stays below the fill threshold for review.
   * @default none: only the province is checked, against the built-in list
   */
  gazetteer?: Gazetteer;
  /**
   * Which values are read a second time as single lines (region re-reads, one OCR call per box and
   * margin): `uncertain` — words (names, places, addresses), values whose first reading is below
   * `REREAD_BELOW` (0.93) and values that look cut, never a key the page's QR code or MRZ carries; `all` —
   * every value a reader marks for re-reading (slower; the behaviour before issue 15).
   * @default 'uncertain'
   */
  rereads?: 'uncertain' | 'all';
  signal?: AbortSignal;
}

/** Resolved {@link ExtractOptions}. */
export interface ResolvedExtractOptions {
  asOf: string;
  types: string[] | undefined;
  /** Built-in types followed by `options.documentTypes`. */
  documentTypes: readonly DocumentTypeDefinition[];
  /** See {@link ExtractOptions.gazetteer}. */
  gazetteer?: Gazetteer;
  /** See {@link ExtractOptions.rereads}. @default 'uncertain' */
  rereads?: 'uncertain' | 'all';
}

/** A decoded QR code with where it was found. */
export interface QrCode {
  text: string;
  /** 1-based page. */
  page: number;
  box: { x: number; y: number; width: number; height: number };
}

/** Evidence gathered from one page before fields are merged. */
export interface PageReading {
  page: PageImage;
  ocr: OcrPage | undefined;
  qr: QrCode | undefined;
}

/** Fields read by one method, before merging. */
export type FieldSet = Record<string, ExtractedField>;

/** Classification of one page. */
export interface PageClass {
  type: string;
  part: string;
  /** 0..1 */
  score: number;
}

/** Lets a document type re-read parts of a page (region OCR) for better accuracy. */
export interface RegionRecognizer {
  recognize(
    page: PageImage,
    options: { regions: Array<{ box: Box; psm?: 6 | 7 }>; signal?: AbortSignal },
  ): Promise<OcrPage>;
}

/** What a document type may use while extracting. */
export interface ExtractContext {
  options: ResolvedExtractOptions;
  /** Present when an OCR engine is available for region re-reads. */
  recognizer?: RegionRecognizer;
  signal?: AbortSignal;
  /**
   * Keys a QR code or MRZ of the page being read carries: their printed values are read once, as a
   * cross-check of the code, and never re-read (the code's value wins the merge).
   */
  machineRead?: ReadonlySet<string>;
}

/** A document type the extractor knows: how to recognise its pages and read its fields. */
export interface DocumentTypeDefinition {
  id: string;
  /** What the document is; copied onto every record of the type so no other package matches type ids. */
  kind: DocumentKind;
  /** Vietnamese title, e.g. `Căn cước công dân (2021, có gắn chip)`. */
  title: string;
  /**
   * DocCode kind abbreviation of the digitised copy, 2–8 upper-case ASCII letters (`GKS`); set by
   * `defineDocumentType`. A type without one files its copies as `KPL` (see `docCodeKindOf`).
   */
  docCodeKind?: string;
  /** `$id` of the JSON Schema its records validate against. */
  schema?: string;
  /** The labelled fields and sections the shared reader reads, when the type declares them as data. */
  reader?: ReaderSpec;
  /** Scores a page 0..1 and names the part of the document it shows. */
  classify(reading: PageReading): PageClass | undefined;
  /** Keys reported as `EXTRACT_FIELD_NOT_FOUND` when missing. @default ['person.idNumber'] */
  requiredKeys?: readonly string[];
  /**
   * Reads the fields of all pages classified as this type. The status is computed from `validUntil`
   * unless the type sets it (`unknown` when the pages do not show the validity).
   */
  extract(
    readings: PageReading[],
    classes: PageClass[],
    context: ExtractContext,
  ): Promise<Omit<DocumentRecord, 'status'> & { status?: DocumentRecord['status'] }>;
}

/** One labelled field of a printed form-like document (birth certificate, marriage certificate, ...). */
export interface FormFieldSpec {
  /** Semantic key; a relation's field is written `<role>:<key>`, e.g. `mother:person.fullName`. */
  key: string;
  /** Printed labels, folded (lower case, no diacritics), without the colon. */
  labels: string[];
  /** The section the label is looked for in. @default 'main' */
  section?: string;
  /** Turns the value text into the stored value; undefined when the text is not a valid value. */
  parse: (text: string) => string | undefined;
  /** The value may wrap onto indented lines below. @default false */
  wraps?: boolean;
  /** Re-read the value on its own (region OCR) when a recogniser is available. @default false */
  reread?: boolean;
}

/** A section of a form-like document, starting at the first line holding one of its labels. */
export interface FormSectionSpec {
  id: string;
  /** Folded labels that open the section. */
  start: string[];
}

/** A declarative template: sections in page order and labelled fields. */
export interface FormTemplate {
  sections: FormSectionSpec[];
  fields: FormFieldSpec[];
}
