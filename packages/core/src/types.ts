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
  /** Stable SCREAMING_SNAKE code, e.g. `EXTRACT_FIELD_NOT_FOUND`. */
  code: string;
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
  diagnostics: Diagnostic[];
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
  box?: Box;
}

/** A primitive value stored under a semantic key. Dates are ISO `YYYY-MM-DD` strings. */
export type FieldValue = string | number | boolean;

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
 * A digitised result: its type, subject, metadata and fields under semantic keys, with evidence.
 * Plain JSON-serialisable data.
 */
export interface DocumentRecord {
  /** Document type id, e.g. `cccd-2021`. */
  type: string;
  /** Part of the document the pages show, e.g. `front`, `back`, `front+back`. */
  part?: string;
  subject?: SubjectRef;
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
}

/** Result of a `safeX()` call: a value, or the diagnostics that explain why there is none. */
export type SafeResult<T> = { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] };

/** Context passed to a pipeline stage. */
export interface StageContext {
  signal?: AbortSignal;
  report?: (diagnostic: Diagnostic) => void;
}
