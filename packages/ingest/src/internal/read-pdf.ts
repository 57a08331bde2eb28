import { PDFDocument, PDFName, PDFNumber, ParseSpeeds, type PDFPage, type PDFRawStream } from 'pdf-lib';
import { SohoaError, createDiagnostic, isSohoaError, type Diagnostic, type PageImage } from '@sohoa/core';
import type { ResolvedIngestOptions } from '../types';
import { withPageDeadline, throwIfAborted } from './deadline';
import { inventoryPage } from './pdf-content';
import { decodePdfImage } from './pdf-image';
import { tooManyPages } from './sharp-errors';
import type { LoadedSource } from './source';

const POINTS_PER_INCH = 72;

async function loadPdf(source: LoadedSource): Promise<PDFPage[]> {
  let doc: PDFDocument;
  try {
    // pdf-lib parses synchronously; `Fastest` avoids needless yielding on large files.
    doc = await PDFDocument.load(source.bytes, { ignoreEncryption: true, updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (error) {
    throw new SohoaError(
      'INGEST_CORRUPT_PDF',
      `File \`${source.label}\` could not be parsed as a PDF. It is truncated or damaged; re-save it from the scanner software or a PDF tool.`,
      { cause: error, details: { file: source.label } },
    );
  }
  if (doc.isEncrypted) {
    throw new SohoaError(
      'INGEST_ENCRYPTED_PDF',
      `File \`${source.label}\` is encrypted (password-protected). Remove the protection and save an unprotected copy, then ingest that.`,
      { details: { file: source.label } },
    );
  }
  try {
    return doc.getPages();
  } catch (error) {
    throw new SohoaError(
      'INGEST_CORRUPT_PDF',
      `File \`${source.label}\` has a damaged page tree. Re-save it from the scanner software or a PDF tool.`,
      { cause: error, details: { file: source.label } },
    );
  }
}

function corruptPage(source: LoadedSource, page: number, cause: unknown): SohoaError {
  return new SohoaError(
    'INGEST_CORRUPT_PDF',
    `Page ${page} of \`${source.label}\` has a structure that could not be read. Re-save the PDF from the scanner software or a PDF tool.`,
    { cause, details: { file: source.label, page } },
  );
}

function notScanned(source: LoadedSource, page: number): SohoaError {
  return new SohoaError(
    'INGEST_PDF_PAGE_NOT_SCANNED',
    `Page ${page} of \`${source.label}\` paints no scanned image (it looks born-digital). Reading PDF text layers is not implemented yet; print the page to an image, or pass \`unsupportedPages: 'skip'\` to leave it out.`,
    { details: { file: source.label, page } },
  );
}

/** Turn every page of a scanned PDF into a page image by extracting its embedded scan. */
export async function readPdfPages(source: LoadedSource, options: ResolvedIngestOptions): Promise<PageImage[]> {
  const pdfPages = await loadPdf(source);
  const pageCount = pdfPages.length;
  if (pageCount === 0) {
    throw new SohoaError('INGEST_PDF_NO_PAGES', `File \`${source.label}\` is a PDF with no pages. Check the export that produced it.`, {
      details: { file: source.label },
    });
  }
  if (pageCount > options.maxPages) throw tooManyPages(source.label, pageCount, options.maxPages);

  const pages: PageImage[] = [];
  for (let index = 0; index < pageCount; index++) {
    throwIfAborted(options.signal, source.label);
    const pageNumber = index + 1;
    const pdfPage = pdfPages[index]!;
    try {
      const inventory = inventoryPage(pdfPage.node.Contents(), pdfPage.node.Resources());
      if (inventory.images.length === 0) throw notScanned(source, pageNumber);
      const diagnostics: Diagnostic[] = [];
      // Several images: keep the largest, which is the scan on scanner output with a stamp or logo overlay.
      const ranked = [...inventory.images].sort((a, b) => area(b.stream) - area(a.stream));
      if (ranked.length > 1) {
        diagnostics.push(
          createDiagnostic('INGEST_PDF_SEVERAL_IMAGES', 'warning', `Page paints ${ranked.length} images; only the largest was used.`, {
            origin: 'ingest',
            page: pageNumber,
          }),
        );
      }
      const rotate = normaliseRotation(pdfPage.getRotation().angle);
      const raster = await withPageDeadline(
        () => decodePdfImage(ranked[0]!.stream, { label: source.label, page: pageNumber, maxPixels: options.maxPixels, rotate }),
        { label: source.label, page: pageNumber, timeoutMs: options.pageTimeoutMs, signal: options.signal },
      );
      const { width: pointsWide, height: pointsHigh } = pdfPage.getSize();
      const pointsAcross = rotate % 180 === 0 ? pointsWide : pointsHigh;
      const page: PageImage = {
        source: { file: source.file, sha256: source.sha256, page: pageNumber, pageCount },
        width: raster.width,
        height: raster.height,
        channels: 3,
        pixels: raster.pixels,
        diagnostics: [...diagnostics, ...raster.diagnostics],
      };
      if (pointsAcross > 0) page.dpi = Math.round((raster.width * POINTS_PER_INCH) / pointsAcross);
      pages.push(page);
    } catch (caught) {
      const error = isSohoaError(caught) ? caught : corruptPage(source, pageNumber, caught);
      const skippable = (error.code === 'INGEST_PDF_PAGE_NOT_SCANNED' || error.code === 'INGEST_PDF_IMAGE_UNSUPPORTED');
      if (!skippable || options.unsupportedPages === 'error') throw error;
      options.report(createDiagnostic(error.code, 'warning', error.message, { origin: 'ingest', page: pageNumber }));
    }
  }
  return pages;
}

function area(stream: PDFRawStream): number {
  const width = stream.dict.lookupMaybe(PDFName.of('Width'), PDFNumber)?.asNumber() ?? 0;
  const height = stream.dict.lookupMaybe(PDFName.of('Height'), PDFNumber)?.asNumber() ?? 0;
  return width * height;
}

function normaliseRotation(angle: number): number {
  return (((Math.round(angle / 90) * 90) % 360) + 360) % 360;
}
