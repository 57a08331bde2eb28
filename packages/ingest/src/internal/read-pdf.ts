import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNull,
  PDFNumber,
  ParseSpeeds,
  type PDFPage,
  PDFRawStream,
} from 'pdf-lib';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';
import type { PageViewport } from 'pdfjs-dist/types/src/display/display_utils';
import {
  SohoaError,
  createDiagnostic,
  isSohoaError,
  type Diagnostic,
  type PageImage,
  type PdfImageStream,
  type TextSpan,
} from '@sohoa/core';
import { assessTextLayer } from '../text-layer-quality';
import type { ResolvedIngestOptions } from '../types';
import { type DecodedRaster, rasterPage } from './decode-image';
import { withPageDeadline, throwIfAborted } from './deadline';
import { inventoryPage, singleFilter, type PageInventory } from './pdf-content';
import { decodePdfImage } from './pdf-image';
import { openPdfjs, pdfjsOpenError, readTextSpans, renderPdfPage, viewportAt } from './pdfjs';
import { tooManyPages, tooManyPixels } from './sharp-errors';
import type { LoadedSource } from './source';

const POINTS_PER_INCH = 72;

/** Why pdf-lib could not give the page list; pdf.js then gets its turn, and only it decides what the file is. */
type PdfjsOnly = { pdfjsOnly: 'encrypted' | 'damaged-structure'; cause?: unknown };

async function loadPdf(source: LoadedSource): Promise<PDFPage[] | PdfjsOnly> {
  let doc: PDFDocument;
  try {
    // pdf-lib parses synchronously; `Fastest` avoids needless yielding on large files.
    doc = await PDFDocument.load(source.bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      parseSpeed: ParseSpeeds.Fastest,
    });
  } catch (cause) {
    return { pdfjsOnly: 'damaged-structure', cause };
  }
  // pdf-lib cannot decrypt: pdf.js opens a PDF with an owner password only (permissions), and refuses one with a user password.
  if (doc.isEncrypted) return { pdfjsOnly: 'encrypted' };
  try {
    return doc.getPages();
  } catch (cause) {
    return { pdfjsOnly: 'damaged-structure', cause };
  }
}

function corruptPage(source: LoadedSource, page: number, cause: unknown): SohoaError {
  return new SohoaError(
    'INGEST_CORRUPT_PDF',
    `Page ${page} of \`${source.label}\` has a structure that could not be read. Re-save the PDF from the scanner software or a PDF tool.`,
    { cause, details: { file: source.label, page } },
  );
}

const MIN_RENDER_DPI = 50;
/** An image is the page's scan when its aspect matches the page's within this share. */
const ASPECT_TOLERANCE = 0.04;

type Plan =
  | { kind: 'extract'; image: PDFRawStream; severalImages: number }
  /** `image`: the page's full-page scan, when it is one that is rendered only for its encoding (CCITT, JBIG2, …). */
  | { kind: 'render'; reason: string; image?: PDFRawStream; severalImages?: number };

/** Decide per page: extract the embedded scan where the page is one, rasterise otherwise. */
function planPage(inventory: PageInventory, pointsAcross: number, pointsDown: number, rotate: number): Plan {
  if (inventory.images.length === 0) return { kind: 'render', reason: inventory.hasText ? 'born-digital' : 'no-image' };
  const ranked = [...inventory.images].sort((a, b) => area(b.stream) - area(a.stream));
  const largest = ranked[0]!.stream;
  const width = num(largest, 'Width');
  const height = num(largest, 'Height');
  const [across, down] = rotate % 180 === 0 ? [width, height] : [height, width];
  const aspectMatches =
    pointsAcross > 0 && pointsDown > 0 && Math.abs(across / down / (pointsAcross / pointsDown) - 1) <= ASPECT_TOLERANCE;
  const visibleText = inventory.hasText && !inventory.invisibleText;
  if (!aspectMatches || visibleText) return { kind: 'render', reason: visibleText ? 'mixed' : 'not-a-full-page-scan' };
  if (!isExtractable(largest))
    return { kind: 'render', reason: 'image-encoding', image: largest, severalImages: ranked.length };
  return { kind: 'extract', image: largest, severalImages: ranked.length };
}

function num(stream: PDFRawStream, key: string): number {
  return stream.dict.lookupMaybe(PDFName.of(key), PDFNumber)?.asNumber() ?? 0;
}

/** DCT and Flate (and uncompressed) images are decoded here; CCITT, JBIG2, JPX and the rest go through pdf.js. */
function isExtractable(stream: PDFRawStream): boolean {
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const names =
    filter instanceof PDFName
      ? [filter.asString()]
      : filter instanceof PDFArray
        ? filter.asArray().map((_, i) => filter.lookupMaybe(i, PDFName)?.asString() ?? '?')
        : [];
  return names.every(
    (name, i) =>
      name === '/FlateDecode' ||
      name === '/Fl' ||
      ((name === '/DCTDecode' || name === '/DCT') && i === names.length - 1),
  );
}

/** Lazily opened pdf.js document, shared by the pages of one file. */
class PdfjsHandle {
  private doc: Promise<PDFDocumentProxy> | undefined;
  constructor(private readonly source: LoadedSource) {}
  open(): Promise<PDFDocumentProxy> {
    return (this.doc ??= openPdfjs(this.source.bytes, this.source.label));
  }
  async close(): Promise<void> {
    if (this.doc) await this.doc.then((d) => d.destroy()).catch(() => undefined);
  }
}

async function textLayerFor(
  handle: PdfjsHandle,
  pageNumber: number,
  scale: (viewport: PageViewport) => number,
  diagnostics: Diagnostic[],
  strict: boolean,
): Promise<TextSpan[] | undefined> {
  const doc = await handle.open();
  const page = await doc.getPage(pageNumber);
  const unit = page.getViewport({ scale: 1 });
  const spans = await readTextSpans(page, page.getViewport({ scale: scale(unit) }));
  const verdict = assessTextLayer(spans.map((span) => span.text).join('\n'));
  // Visible text on a page that is not a scan is the document itself: only a broken layer is refused, however short.
  if (verdict.usable || (!strict && verdict.reason === 'too-little-text' && spans.length > 0)) return spans;
  if (spans.length > 0) {
    diagnostics.push(
      createDiagnostic(
        'INGEST_PDF_TEXT_LAYER_IGNORED',
        'warning',
        `The page's text layer was ignored (${verdict.reason}); the page will be OCRed instead.`,
        {
          origin: 'ingest',
          page: pageNumber,
        },
      ),
    );
  }
  return undefined;
}

async function renderPage(
  handle: PdfjsHandle,
  source: LoadedSource,
  pageNumber: number,
  [pointsAcross, pointsDown]: [number, number],
  options: ResolvedIngestOptions,
  diagnostics: Diagnostic[],
  why: string,
): Promise<{ raster: DecodedRaster; dpi: number }> {
  let renderDpi = options.renderDpi;
  const pixelsAt = (d: number) => Math.ceil((pointsAcross * d) / 72) * Math.ceil((pointsDown * d) / 72);
  if (pixelsAt(renderDpi) > options.maxPixels)
    renderDpi = Math.floor(renderDpi * Math.sqrt(options.maxPixels / pixelsAt(renderDpi)) * 0.99);
  if (renderDpi < MIN_RENDER_DPI) {
    throw tooManyPixels(
      source.label,
      pageNumber,
      Math.ceil((pointsAcross * options.renderDpi) / 72),
      Math.ceil((pointsDown * options.renderDpi) / 72),
      options.maxPixels,
    );
  }
  if (renderDpi !== options.renderDpi) {
    diagnostics.push(
      createDiagnostic(
        'INGEST_PDF_RENDER_DPI_LOWERED',
        'warning',
        `The page is too large to rasterise at ${options.renderDpi} dpi within \`maxPixels\`; rendered at ${renderDpi} dpi.`,
        { origin: 'ingest', page: pageNumber },
      ),
    );
  }
  const doc = await handle.open();
  const controller = new AbortController();
  const deadline = { label: source.label, page: pageNumber, timeoutMs: options.pageTimeoutMs, signal: options.signal };
  const raster = await withPageDeadline(async () => {
    const page = await doc.getPage(pageNumber);
    return renderPdfPage(doc, page, viewportAt(page, renderDpi), controller.signal);
  }, deadline).catch((error: unknown) => {
    controller.abort();
    throw isSohoaError(error) ? error : corruptPage(source, pageNumber, error);
  });
  diagnostics.push(
    createDiagnostic('INGEST_PDF_PAGE_RENDERED', 'info', `The page was rasterised at ${renderDpi} dpi (${why}).`, {
      origin: 'ingest',
      page: pageNumber,
    }),
  );
  return { raster, dpi: renderDpi };
}

/**
 * A PDF that pdf-lib cannot walk (encrypted, or a structure only the more lenient pdf.js repairs): every
 * page is rasterised by pdf.js and text layers are judged strictly. The file is corrupt only if pdf.js
 * cannot open it either.
 */
async function readWithPdfjsOnly(
  source: LoadedSource,
  options: ResolvedIngestOptions,
  why: PdfjsOnly,
): Promise<PageImage[]> {
  const handle = new PdfjsHandle(source);
  try {
    const doc = await handle.open().catch((error: unknown) => {
      // Keep pdf-lib's complaint too: both readers failed.
      if (isSohoaError(error) && why.cause !== undefined)
        throw new SohoaError(error.code, error.message, {
          cause: new AggregateError([error.cause, why.cause], 'pdf.js and pdf-lib both failed'),
          details: error.details,
        });
      throw error;
    });
    const pageCount = doc.numPages;
    if (pageCount > options.maxPages) throw tooManyPages(source.label, pageCount, options.maxPages);
    const pages: PageImage[] = [];
    for (let pageNumber = 1; pageNumber <= pageCount; pageNumber++) {
      throwIfAborted(options.signal, source.label);
      // A page tree pdf.js cannot walk either (a cycle) is reported by its verdict, not as a bare reader error.
      const unit = (
        await doc.getPage(pageNumber).catch((error: unknown) => Promise.reject(pdfjsOpenError(error, source.label)))
      ).getViewport({ scale: 1 });
      const diagnostics: Diagnostic[] = [];
      const { raster, dpi } = await renderPage(
        handle,
        source,
        pageNumber,
        [unit.width, unit.height],
        options,
        diagnostics,
        why.pdfjsOnly === 'encrypted' ? 'encrypted PDF' : 'PDF structure repaired by pdf.js',
      );
      const deadline = {
        label: source.label,
        page: pageNumber,
        timeoutMs: options.pageTimeoutMs,
        signal: options.signal,
      };
      const textLayer =
        options.textLayer === 'auto'
          ? await withPageDeadline(
              () => textLayerFor(handle, pageNumber, (u) => raster.width / u.width, diagnostics, true),
              deadline,
            )
          : undefined;
      const page = rasterPage(source, pageNumber, pageCount, raster, diagnostics, dpi);
      if (textLayer) page.textLayer = textLayer;
      pages.push(page);
    }
    return pages;
  } finally {
    await handle.close();
  }
}

/**
 * Turn every page of a PDF into a page image: a plain scan gives its embedded image (DCT/Flate,
 * bytes as scanned), anything else is rasterised at `renderDpi` with pdf.js; a usable text layer
 * (born-digital, or a good OCR layer) is attached as `textLayer` in page pixels.
 */
export async function readPdfPages(source: LoadedSource, options: ResolvedIngestOptions): Promise<PageImage[]> {
  const loaded = await loadPdf(source);
  if (!Array.isArray(loaded)) return readWithPdfjsOnly(source, options, loaded);
  const pdfPages = loaded;
  const pageCount = pdfPages.length;
  if (pageCount === 0) {
    throw new SohoaError(
      'INGEST_PDF_NO_PAGES',
      `File \`${source.label}\` is a PDF with no pages. Check the export that produced it.`,
      {
        details: { file: source.label },
      },
    );
  }
  if (pageCount > options.maxPages) throw tooManyPages(source.label, pageCount, options.maxPages);

  const handle = new PdfjsHandle(source);
  const pages: PageImage[] = [];
  try {
    for (let index = 0; index < pageCount; index++) {
      throwIfAborted(options.signal, source.label);
      const pageNumber = index + 1;
      const pdfPage = pdfPages[index]!;
      try {
        const rotate = normaliseRotation(pdfPage.getRotation().angle);
        const { width: pointsWide, height: pointsHigh } = pdfPage.getSize();
        const [pointsAcross, pointsDown] = rotate % 180 === 0 ? [pointsWide, pointsHigh] : [pointsHigh, pointsWide];
        const inventory = inventoryPage(pdfPage.node.Contents(), pdfPage.node.Resources(), {
          label: source.label,
          page: pageNumber,
        });
        for (const image of inventory.images) {
          const w = num(image.stream, 'Width');
          const h = num(image.stream, 'Height');
          if (!(w > 0 && h > 0)) throw corruptPage(source, pageNumber, new Error('image without a valid size'));
          if (w * h > options.maxPixels) throw tooManyPixels(source.label, pageNumber, w, h, options.maxPixels);
        }
        const plan = planPage(inventory, pointsAcross, pointsDown, rotate);
        const diagnostics: Diagnostic[] = [];
        const deadline = {
          label: source.label,
          page: pageNumber,
          timeoutMs: options.pageTimeoutMs,
          signal: options.signal,
        };
        let raster: DecodedRaster;
        let dpi: number | undefined;
        if (plan.kind === 'extract') {
          if (plan.severalImages > 1) {
            diagnostics.push(
              createDiagnostic(
                'INGEST_PDF_SEVERAL_IMAGES',
                'warning',
                `Page paints ${plan.severalImages} images; only the largest was used.`,
                { origin: 'ingest', page: pageNumber },
              ),
            );
          }
          raster = await withPageDeadline(
            () =>
              decodePdfImage(plan.image, {
                label: source.label,
                page: pageNumber,
                maxPixels: options.maxPixels,
                rotate,
              }),
            deadline,
          );
          if (pointsAcross > 0) dpi = Math.round((raster.width * POINTS_PER_INCH) / pointsAcross);
        } else {
          ({ raster, dpi } = await renderPage(
            handle,
            source,
            pageNumber,
            [pointsAcross, pointsDown],
            options,
            diagnostics,
            plan.reason,
          ));
        }
        let textLayer: TextSpan[] | undefined;
        if (inventory.hasText && options.textLayer === 'auto') {
          textLayer = await withPageDeadline(
            () =>
              textLayerFor(
                handle,
                pageNumber,
                (unit) => raster.width / unit.width,
                diagnostics,
                plan.kind === 'extract' || inventory.invisibleText,
              ),
            deadline,
          ).catch((error: unknown) => {
            if (isSohoaError(error) && error.code !== 'INGEST_CORRUPT_PDF') throw error;
            diagnostics.push(
              createDiagnostic(
                'INGEST_PDF_TEXT_LAYER_IGNORED',
                'warning',
                "The page's text layer could not be read; the page will be OCRed instead.",
                { origin: 'ingest', page: pageNumber },
              ),
            );
            return undefined;
          });
        }
        const page = rasterPage(source, pageNumber, pageCount, raster, [...diagnostics, ...raster.diagnostics], dpi);
        if (textLayer) page.textLayer = textLayer;
        pages.push(page);
      } catch (caught) {
        const error = isSohoaError(caught) ? caught : corruptPage(source, pageNumber, caught);
        const skippable = error.code === 'INGEST_PDF_PAGE_NOT_SCANNED' || error.code === 'INGEST_PDF_IMAGE_UNSUPPORTED';
        if (!skippable || options.unsupportedPages === 'error') throw error;
        options.report(createDiagnostic(error.code, 'warning', error.message, { origin: 'ingest', page: pageNumber }));
      }
    }
  } finally {
    await handle.close();
  }
  return pages;
}

function area(stream: PDFRawStream): number {
  return num(stream, 'Width') * num(stream, 'Height');
}

function normaliseRotation(angle: number): number {
  return (((Math.round(angle / 90) * 90) % 360) + 360) % 360;
}

/** A page's scan as stored in the PDF, for a copy that keeps it without decoding (see {@link readPdfScanImages}). */
export type PdfScanImage =
  | { kind: 'jpeg'; bytes: Uint8Array; dpi: number }
  | ({
      kind: 'stream';
      /** The stream's encoded data, as it is in the file. */
      data: Uint8Array;
      dpi: number;
      width: number;
      height: number;
    } & PdfImageStream);

const STREAM_FILTERS: Record<string, PdfImageStream['filter']> = {
  '/CCITTFaxDecode': 'CCITTFaxDecode',
  '/CCF': 'CCITTFaxDecode',
  '/FlateDecode': 'FlateDecode',
  '/Fl': 'FlateDecode',
  '/RunLengthDecode': 'RunLengthDecode',
  '/RL': 'RunLengthDecode',
  '/JBIG2Decode': 'JBIG2Decode',
};

/** Numbers and booleans of a direct `DecodeParms` dictionary (or an array of one); `undefined` if anything else. */
function plainParms(
  image: PDFRawStream,
): { parms?: Record<string, number | boolean>; globals?: Uint8Array } | undefined {
  let value = image.dict.lookup(PDFName.of('DecodeParms'));
  if (value instanceof PDFArray) value = value.size() === 1 ? value.lookup(0) : undefined;
  if (value === undefined || value === PDFNull) return {};
  if (!(value instanceof PDFDict)) return undefined;
  const parms: Record<string, number | boolean> = {};
  let globals: Uint8Array | undefined;
  for (const [key, raw] of value.entries()) {
    const name = key.decodeText();
    const entry = value.lookup(key);
    if (name === 'JBIG2Globals') {
      // Only an unfiltered globals stream is carried (its bytes go in as they are).
      if (!(entry instanceof PDFRawStream) || entry.dict.has(PDFName.of('Filter'))) return undefined;
      globals = entry.getContents();
    } else if (entry instanceof PDFNumber) parms[name] = entry.asNumber();
    else if (entry instanceof PDFBool) parms[name] = entry.asBoolean();
    else if (raw !== PDFNull) return undefined;
  }
  return { parms: Object.keys(parms).length > 0 ? parms : undefined, globals };
}

/** The page's scan as a stream a copy can carry as it is, or `undefined`. */
function carriedStream(image: PDFRawStream, dpi: number): PdfScanImage | undefined {
  const dict = image.dict;
  const filter = STREAM_FILTERS[singleFilter(image) ?? ''];
  if (!filter) return undefined;
  if (['SMask', 'Mask', 'ImageMask', 'Alternates', 'OC'].some((key) => dict.has(PDFName.of(key)))) return undefined;
  const space = dict.lookup(PDFName.of('ColorSpace'));
  const colorSpace =
    space === PDFName.of('DeviceGray') ? 'DeviceGray' : space === PDFName.of('DeviceRGB') ? 'DeviceRGB' : undefined;
  const bitsPerComponent = num(image, 'BitsPerComponent');
  const width = num(image, 'Width');
  const height = num(image, 'Height');
  const parms = plainParms(image);
  if (!colorSpace || !parms || !(width > 0 && height > 0)) return undefined;
  let decode: number[] | undefined;
  const decodeArray = dict.lookup(PDFName.of('Decode'));
  if (decodeArray instanceof PDFArray) {
    decode = decodeArray.asArray().map((_, i) => decodeArray.lookupMaybe(i, PDFNumber)?.asNumber() ?? Number.NaN);
    if (!decode.every(Number.isFinite)) return undefined;
  } else if (decodeArray !== undefined) return undefined;
  return {
    kind: 'stream',
    data: image.getContents(),
    dpi,
    width,
    height,
    filter,
    bitsPerComponent,
    colorSpace,
    ...(parms.parms && { decodeParms: parms.parms }),
    ...(decode && { decode }),
    ...(parms.globals && { jbig2Globals: parms.globals }),
  };
}

/**
 * The scan of each page of a PDF as stored in it, where a copy can keep it without decoding: the page is one
 * full-page image (the same test `readPages` uses to extract rather than render), painted unrotated, without a
 * mask or soft mask, and either a JPEG (DCT-encoded with no other filter and no `Decode` array: kept byte for byte)
 * or a CCITT, JBIG2, Flate or RunLength stream of grey or RGB samples (kept as it is, with its decoding
 * parameters); with its dpi on the page. `undefined` for any other page (render it and store its pixels
 * losslessly); `[]` when pdf-lib cannot walk the file.
 */
export async function readPdfScanImages(bytes: Uint8Array, label: string): Promise<(PdfScanImage | undefined)[]> {
  const loaded = await loadPdf({ file: label, label, bytes, sha256: '' });
  if (!Array.isArray(loaded)) return [];
  return loaded.map((pdfPage, index) => {
    try {
      const rotate = normaliseRotation(pdfPage.getRotation().angle);
      if (rotate !== 0) return undefined;
      const { width, height } = pdfPage.getSize();
      const inventory = inventoryPage(pdfPage.node.Contents(), pdfPage.node.Resources(), { label, page: index + 1 });
      const plan = planPage(inventory, width, height, rotate);
      if (!plan.image || (plan.severalImages ?? 0) > 1) return undefined;
      // The dpi as `readPages` gives it for the extracted page.
      const dpi = Math.round((num(plan.image, 'Width') * POINTS_PER_INCH) / width);
      const dict = plan.image.dict;
      const only = singleFilter(plan.image);
      if (only === '/DCTDecode' || only === '/DCT') {
        if (plan.kind !== 'extract') return undefined;
        if (['Decode', 'SMask', 'Mask', 'ImageMask'].some((key) => dict.has(PDFName.of(key)))) return undefined;
        return { kind: 'jpeg', bytes: plan.image.getContents(), dpi };
      }
      return carriedStream(plan.image, dpi);
    } catch {
      return undefined;
    }
  });
}

/** The JPEG scans of {@link readPdfScanImages}: each page's JPEG kept byte for byte, `undefined` for other pages. */
export async function readPdfScanJpegs(
  bytes: Uint8Array,
  label: string,
): Promise<({ bytes: Uint8Array; dpi: number } | undefined)[]> {
  return (await readPdfScanImages(bytes, label)).map((scan) =>
    scan?.kind === 'jpeg' ? { bytes: scan.bytes, dpi: scan.dpi } : undefined,
  );
}
