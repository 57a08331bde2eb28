import { SohoaError } from '@sohoa/core';
import { PDFDocument } from 'pdf-lib';

/** Pages of a PDF, read by pdf-lib; throws `INGEST_CORRUPT_PDF` when it is unreadable. */
export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  try {
    return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
  } catch (cause) {
    throw new SohoaError('INGEST_CORRUPT_PDF', 'The file is not a readable PDF.', { cause });
  }
}
