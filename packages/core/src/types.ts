import type { DiagnosticCode } from './codes';

/** Severity of a {@link Diagnostic}. */
export type Severity = 'error' | 'warning' | 'info';

/** A rectangle in page pixels, origin top-left. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * An expected problem found while processing (low confidence, a field not found, an expired
 * document). Diagnostics travel on the output of a stage; they never contain personal data:
 * point at it with `pointer`, `key`, `page` and `box` instead.
 */
export interface Diagnostic {
  /** Stable code, e.g. `EXTRACT_FIELD_NOT_FOUND`: one of `ERROR_CODES` or `DIAGNOSTIC_CODES`. */
  code: DiagnosticCode;
  severity: Severity;
  /** What happened and, where it helps, what to do. No personal data. */
  message: string;
  /** The stage that produced it: `ingest`, `ocr`, `extract`, `vault`, `eform`, `render`, `batch`. */
  origin?: string;
  /** JSON Pointer into the output this diagnostic is about. */
  pointer?: string;
  /** Semantic key this diagnostic is about. */
  key?: string;
  /** 1-based page number. */
  page?: number;
  /** Where on the page, in the pixels of the page as decoded from the file (before any preprocessing). */
  box?: Box;
}

/** Where a page came from: every later value can point back to it. */
export interface PageSource {
  /** The file path or name as given by the caller. */
  file: string;
  /** SHA-256 (hex) of the whole file's bytes. */
  sha256: string;
  /** 1-based page number inside the file. */
  page: number;
  /** Pages in the file. */
  pageCount: number;
}

/** A word or line of text with its position, from a PDF text layer or from OCR. */
export interface TextSpan {
  text: string;
  box: Box;
  /** 0..1; 1 for a trustworthy text layer. */
  confidence: number;
}

/** One decoded page: 8-bit raw pixels plus, for born-digital PDFs, the text layer. */
export interface PageImage {
  source: PageSource;
  width: number;
  height: number;
  /** 1 = grey, 3 = RGB, 4 = RGBA. */
  channels: 1 | 3 | 4;
  /** Raw interleaved pixels, row-major, `width * height * channels` bytes. */
  pixels: Uint8Array;
  /** Estimated or declared resolution, when known. */
  dpi?: number;
  /** Text layer with positions, when the page has a usable one. */
  textLayer?: TextSpan[];
  /** Pre-OCR quality measures of the page as decoded (set by `readPages` of `@sohoa/ingest`). */
  quality?: PageQualityMetrics;
  /** What preprocessing changed; present when `readPages` preprocessed the page. */
  preprocessing?: PagePreprocessing;
  diagnostics: Diagnostic[];
}

/** Measures of a page's fitness for OCR, taken before any OCR time is spent; never any content. */
export interface PageQualityMetrics {
  /** `ok`: go ahead; `poor`: expect OCR errors; `rescan`: not worth OCR time. */
  verdict: 'ok' | 'poor' | 'rescan';
  /** Declared resolution, or one estimated from the text-line height (also when 72/96 dpi is declared: software placeholders). */
  dpi?: number;
  dpiSource: 'declared' | 'text-height' | 'unknown';
  /** How the page was scanned turned (clockwise degrees). */
  rotation: 0 | 90 | 180 | 270;
  /** Skew of the text lines in degrees (clockwise positive). */
  skew: number;
  /** 0..1 confidence of the skew estimate. */
  skewConfidence: number;
  /** Variance of the Laplacian at a normalised text size (higher is sharper). */
  sharpness: number;
  /** Grey levels between the 1st and 99th percentile (0..255). */
  contrast: number;
  /** Median text-line height in page pixels. */
  textHeight?: number;
  /** Text lines found. */
  lines: number;
}

/**
 * How a page image was derived from the decoded file page. `transform` maps decoded-page pixels to
 * this page's pixels (`x' = a·x + c·y + e`, `y' = b·x + d·y + f`, as `[a, b, c, d, e, f]`), so a box found
 * on the preprocessed page can be mapped back to the file.
 */
export interface PagePreprocessing {
  /** Steps that changed the page, in order (e.g. `orient`, `deskew`, `scale`, `crop`, `binarize`). */
  steps: string[];
  transform: [number, number, number, number, number, number];
  /** Size of the page as decoded, before preprocessing. */
  original: { width: number; height: number };
  /** Wall-clock milliseconds spent on the quality gate and preprocessing. */
  ms: number;
}

export interface OcrWord {
  text: string;
  /** 0..1 */
  confidence: number;
  box: Box;
}

export interface OcrLine {
  text: string;
  /** 0..1 */
  confidence: number;
  box: Box;
  words: OcrWord[];
}

/** OCR result for one page (or for the regions of a page that were asked for). */
export interface OcrPage {
  source: PageSource;
  width: number;
  height: number;
  /** Full text, lines separated by `\n`. */
  text: string;
  /** Mean confidence 0..1. */
  confidence: number;
  lines: OcrLine[];
  /** Engine name, e.g. `tesseract.js`. */
  engine: string;
  diagnostics: Diagnostic[];
}

/** How a value was obtained; also orders authority (see {@link METHOD_AUTHORITY}). */
export type ExtractionMethod = 'registry' | 'qr' | 'mrz' | 'pdf-text' | 'ocr' | 'manual' | 'computed';

/** Where a value was read: file, page, box and method. */
export interface Evidence {
  method: ExtractionMethod;
  /** SHA-256 of the source file. */
  sha256?: string;
  /** 1-based page number. */
  page?: number;
  /** Where on the page, in the pixels of the page as decoded from the file (before any preprocessing). */
  box?: Box;
}

/** A primitive value stored under a semantic key. Dates are ISO `YYYY-MM-DD` strings. */
export type FieldValue = string | number | boolean;

/**
 * A value as stored facts give it to their readers (a vault profile, a form fill): the value, how it was read
 * and the document it came from.
 */
export interface SourcedValue {
  value: FieldValue;
  confidence: number;
  method: ExtractionMethod;
  documentId: string;
  documentType: string;
  sha256?: string;
  page?: number;
  box?: Box;
}

/** A value extracted from a document under a semantic key. */
export interface ExtractedField {
  value: FieldValue;
  /** The text as read, before normalisation. */
  raw?: string;
  /** 0..1 */
  confidence: number;
  evidence: Evidence[];
}

export type SubjectKind = 'person' | 'org';

/** A person (12-digit personal ID) or an organisation (tax code). */
export interface SubjectRef {
  kind: SubjectKind;
  id: string;
}

export type DocumentStatus = 'valid' | 'expired' | 'revoked' | 'superseded' | 'unknown';

/** A relation between the document's subject and another person, e.g. a birth certificate's mother. */
export interface RelationRecord {
  /** `mother`, `father`, `spouse`, `child`, `guardian`, `householdHead`. */
  role: string;
  /** The related person's ID when the document gives it. */
  subject?: SubjectRef;
  /** Facts about the related person, keyed by semantic key without the role prefix (`person.fullName`). */
  fields: Record<string, ExtractedField>;
}

/**
 * What a document is, independent of its template: other packages branch on this, never on a type id.
 * `identity`: ID cards, passports; `civil-status`: birth, marriage, death certificates; `business`:
 * enterprise and household business registrations; `land`: land use certificates; `letter`: official
 * letters and decisions; `correction`: an officer's or citizen's correction; `unclassified`: anything else.
 */
export type DocumentKind = 'identity' | 'civil-status' | 'business' | 'land' | 'letter' | 'correction' | 'unclassified';

/**
 * What proved (or could prove) whose document it is. `qr`: the card's QR code; `mrz`: an MRZ whose
 * check digits hold; `id-number`: a personal ID read at ID-grade confidence whose structure agrees with
 * the printed birth date and sex (or a CMND number read at ID-grade confidence); `tax-code`: a tax
 * code whose check digit holds; `issuer-name`: an organisation named by the document itself;
 * `manifest`: the batch manifest's subject column or its dossier; `officer`: an officer linked it;
 * `match-rule`: the stated name + birth date (+ parents / spouse) rule matched exactly one person;
 * `card-join`: the other side of the same card, joined by card number, MRZ or QR.
 */
export type LinkEvidenceMethod =
  | 'qr'
  | 'mrz'
  | 'id-number'
  | 'tax-code'
  | 'issuer-name'
  | 'manifest'
  | 'officer'
  | 'match-rule'
  | 'card-join';

/** One piece of evidence of a link decision; it names keys and methods, never values. */
export interface LinkEvidence {
  method: LinkEvidenceMethod;
  /** The semantic key whose value gave the subject (`person.idNumber`, `org.taxCode`). */
  key?: string;
  /** Confidence of that value, when it was read. */
  confidence?: number;
  /** Keys that were compared and agreed (birth date and sex against the ID; names for the match rule). */
  agreed?: string[];
  /** Who linked it (`officer`, `manifest`: the run's actor). */
  actor?: string;
  /** Why, as the officer gave it. */
  reason?: string;
  /** ISO timestamp of a link made after extraction. */
  at?: string;
  /** The document whose subject was taken (`card-join`). */
  documentId?: string;
}

/** A person or organisation the document may belong to, with the rule that proposed it. */
export interface SubjectCandidate {
  subject: SubjectRef;
  /**
   * `id-unconfirmed`: the document's ID number, read below the ID threshold or disagreeing with the
   * printed birth date / sex; `name-birth-date`: the vault's matching rule; `card-number`: the other
   * side of the card carries this subject.
   */
  rule: 'id-unconfirmed' | 'name-birth-date' | 'card-number';
  /** Keys that agreed. */
  matched?: string[];
}

/**
 * Whose document it is and what proved it. With `subject`, the document is filed under that subject;
 * without, it is stored unlinked and `candidates` lists who it may belong to, for an officer.
 */
export interface LinkDecision {
  subject?: SubjectRef;
  /** What proved the link (empty when unlinked). */
  evidence: LinkEvidence[];
  /** Stable code of the outcome: `qr`, `mrz`, `id-number`, `tax-code`, `issuer-name`, `manifest`, `officer`, `match-rule`, `card-join`, `no-id`, `id-below-threshold`, `id-structure-mismatch`, `id-unverifiable`, `unlinked-by-officer`. */
  reason: string;
  candidates?: SubjectCandidate[];
}

/**
 * A digitised result: its type, subject, metadata and fields under semantic keys, with evidence.
 * Plain JSON-serialisable data.
 */
export interface DocumentRecord {
  /** Document type id, e.g. `cccd-2021`. */
  type: string;
  /** What the document is; records stored before it existed get it from `documentKindOf()`. */
  kind?: DocumentKind;
  /** Part of the document the pages show, e.g. `front`, `back`, `front+back`. */
  part?: string;
  /** Whose document it is; absent when no identity-grade evidence names a person (see `link`). */
  subject?: SubjectRef;
  /** How the subject was decided, with its evidence, or why there is none (and the candidates). */
  link?: LinkDecision;
  /** Number / symbol of the document (for an ID card, the card number). */
  number?: string;
  issuer?: string;
  /** ISO date. */
  issued?: string;
  /** ISO date. */
  validUntil?: string;
  status: DocumentStatus;
  /** Fields under semantic keys (`person.fullName`, `document.expiryDate`, ...). */
  fields: Record<string, ExtractedField>;
  relations?: RelationRecord[];
  sources: PageSource[];
  diagnostics: Diagnostic[];
  /** Digitisation metadata, set by `@sohoa/batch` for a digitised result and stored with the document. */
  digitisation?: DigitisationMetadata;
}

/** Quality figures of one digitised page: its size and resolution, OCR confidence and pre-OCR measures. */
export interface DigitisedPageQuality {
  /** 1-based page number in the file. */
  page: number;
  width: number;
  height: number;
  /** Declared or estimated resolution, when known. */
  dpi?: number;
  /** Mean OCR confidence 0..1 of the page reading. */
  ocrConfidence: number;
  /** Pre-OCR measures, when ingest assessed the page. */
  quality?: PageQualityMetrics;
}

/**
 * What the digitisation rules ask to keep with a digitised result (TT 01/2023/TT-VPCP, Điều 8):
 * what it is, who issued it for whom, when, which file it came from and how well it was scanned.
 */
export interface DigitisationMetadata {
  /** Result code from the source system (manifest `result code` / `mã kết quả`), when known. */
  resultCode?: string;
  /** Document type id, e.g. `cccd-2021`. */
  documentType: string;
  /** Number (số) of the document; for `12/QĐ-UBND` this is `12`. */
  number?: string;
  /** Symbol (ký hiệu), e.g. `QĐ-UBND`, when the number carries one. */
  symbol?: string;
  issuer?: string;
  /** ISO date. */
  issued?: string;
  /** ISO date. */
  validUntil?: string;
  /** Identifiers of the subject and of related people the document names (personal IDs, tax codes). */
  subjectIds: string[];
  /** SHA-256 of the source file. */
  sha256: string;
  pageCount: number;
  pages: DigitisedPageQuality[];
  /** Mean OCR confidence over the pages. */
  ocrConfidence: number;
  /** Dossier the file belongs to, from the batch manifest. */
  dossier?: { code: string; role: 'component' | 'result'; procedure?: string; agency?: string };
  /** ISO timestamp of the digitisation. */
  digitisedAt: string;
}

/** Result of a `safeX()` call: a value, or the diagnostics that explain why there is none. */
export type SafeResult<T> = { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] };

/** Context passed to a pipeline stage. */
export interface StageContext {
  signal?: AbortSignal;
  report?: (diagnostic: Diagnostic) => void;
}

/**
 * An image stream of a PDF source (a scanner's CCITT G4, JBIG2, Flate or RunLength data), carried into the copy as
 * it is: no decoding, no re-encoding. PDF/A-2 allows every one of these filters (only LZW and Crypt are out).
 */
export interface PdfImageStream {
  filter: 'CCITTFaxDecode' | 'FlateDecode' | 'RunLengthDecode' | 'JBIG2Decode';
  /** The stream's `DecodeParms` (numbers and booleans only; `JBIG2Globals` goes in `jbig2Globals`). */
  decodeParms?: Record<string, number | boolean>;
  bitsPerComponent: number;
  colorSpace: 'DeviceGray' | 'DeviceRGB';
  /** The stream's `Decode` array, when it has one (e.g. `[1 0]` for a CCITT scan stored inverted). */
  decode?: number[];
  /** The unfiltered bytes of the `JBIG2Globals` stream, for a JBIG2 image that has one. */
  jbig2Globals?: Uint8Array;
}
