// The contract between the parts of the archive package: the copy writer (PDF/A-2b with a text layer), the
// DocCode numbering, signing, the blob store and verification. Written first so these parts can be built apart.

import type { PdfImageStream } from '@sohoa/core';

export type { PdfImageStream };

/** A word of the text layer, in the pixels of the page image as stored in the copy. */
export interface CopyWord {
  text: string;
  /** Top-left origin, pixels of `CopyPage.image`. */
  box: { x: number; y: number; width: number; height: number };
}

/** One page of the source, as scanned. */
export interface CopyPage {
  /**
   * The page image bytes as they came from the source (JPEG bytes are kept as they are; others losslessly), or,
   * with `pdfImage`, the encoded data of a PDF source's image stream.
   */
  image: Uint8Array;
  /** The image is a PDF image stream's data, described here, carried as it is. */
  pdfImage?: PdfImageStream;
  /** `image/jpeg`, `image/png`, … as detected from the bytes. */
  mediaType: string;
  /** Image size in pixels. */
  width: number;
  height: number;
  /** Resolution of the image, used for the page size (default 300). */
  dpi?: number;
  /** The OCR words of this page, placed invisibly under the image. */
  words: CopyWord[];
}

/**
 * The minimum metadata set of the national digitisation guidance (late 2025), filled from the record. Field names
 * follow the guidance: DocCode, TypeName, CodeNumber, CodeNotation, IssuedDate, OrganName, Subject, Language,
 * PageAmount, Description.
 */
export interface CopyMetadata {
  /** `MCQ_LV_STT_PB`: agency code, kind abbreviation, 6-digit running number, version (`V1` first). */
  docCode: string;
  /** Type name, e.g. `Giấy khai sinh`. */
  typeName: string;
  /** The document's number (số), when printed. */
  codeNumber?: string;
  /** The notation (ký hiệu), when printed. */
  codeNotation?: string;
  /** ISO `YYYY-MM-DD`. */
  issuedDate?: string;
  /** Issuing authority. */
  organName?: string;
  /** Subject line (trích yếu) or a description of the document. */
  subject?: string;
  /** ISO 639-1, `vi` by default. */
  language: string;
  pageAmount: number;
  description?: string;
  /** SHA-256 (hex) of the source file. */
  sourceSha256: string;
  /** When the copy was made (ISO date-time). */
  digitisedAt: string;
}

/** The parts of a DocCode. */
export interface DocCodeParts {
  /** Agency electronic code (mã định danh điện tử của cơ quan, QĐ 20/2020 shape), e.g. `G09.01.02`. */
  agency: string;
  /** Kind abbreviation declared by the document type, e.g. `GKS`. */
  kind: string;
  /** Running number, 1..999999 (written with 6 digits). */
  number: number;
  /** Version, 1 for the first scan. */
  version: number;
}
