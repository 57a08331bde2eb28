import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFStream, decodePDFRawStream } from 'pdf-lib';
import { SohoaError } from '@sohoa/core';

/** An image XObject painted on a page, found by walking the content stream and its Form XObjects. */
export interface PaintedImage {
  stream: PDFRawStream;
  /** Resource name, e.g. `Im0` (for diagnostics only). */
  name: string;
}

export interface PageInventory {
  images: PaintedImage[];
  /** The content has text-showing operators (born-digital text, or an invisible OCR layer). */
  hasText: boolean;
  /** Text is drawn in render mode 3 (invisible): the usual sign of an OCR layer over a scan. */
  invisibleText: boolean;
}

/** Content streams of one page may inflate to at most this many bytes (deflate bombs). */
export const MAX_CONTENT_BYTES = 32 * 1024 * 1024;

/** Thrown when a page's content is larger than {@link MAX_CONTENT_BYTES} once inflated. */
export class ContentTooLargeError extends Error {}

const MAX_FORM_DEPTH = 4;
const DO_OPERATOR = /\/([^\s/[\]()<>{}%]+)\s+Do(?![A-Za-z0-9_])/g;
const TEXT_BLOCK = /(?:^|[\s\]>)])BT(?![A-Za-z0-9_])/;
const INVISIBLE_TEXT = /(?:^|\s)3\s+Tr(?![A-Za-z0-9_])/;

/** The stream's filter when it has exactly one (`/FlateDecode`, `/DCTDecode`...), else `undefined`. */
export function singleFilter(stream: PDFRawStream): string | undefined {
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  return filter instanceof PDFName
    ? filter.asString()
    : filter instanceof PDFArray && filter.size() === 1
      ? filter.lookupMaybe(0, PDFName)?.asString()
      : undefined;
}

function isFlate(stream: PDFRawStream): boolean {
  const name = singleFilter(stream);
  const parms = stream.dict.lookup(PDFName.of('DecodeParms'));
  return (name === '/FlateDecode' || name === '/Fl') && parms === undefined;
}

function streamText(stream: PDFStream, budget: { left: number }): string {
  let bytes: Uint8Array;
  if (stream instanceof PDFRawStream && isFlate(stream)) {
    // Bounded inflate: pdf-lib's decoder would inflate a bomb in full.
    try {
      bytes = inflateSync(stream.getContents(), { maxOutputLength: Math.max(1, budget.left) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw new ContentTooLargeError('content stream too large');
      throw error;
    }
  } else {
    if (stream instanceof PDFRawStream && stream.getContentsSize() > budget.left)
      throw new ContentTooLargeError('content stream too large');
    bytes = stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
  }
  budget.left -= bytes.byteLength;
  if (budget.left < 0) throw new ContentTooLargeError('content stream too large');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function contentsText(contents: PDFStream | PDFArray | undefined, budget: { left: number }): string {
  if (contents instanceof PDFStream) return streamText(contents, budget);
  if (contents instanceof PDFArray) {
    const parts: string[] = [];
    for (let i = 0; i < contents.size(); i++) {
      const part = contents.lookup(i);
      if (part instanceof PDFStream) parts.push(streamText(part, budget));
    }
    return parts.join('\n');
  }
  return '';
}

function walk(
  content: string,
  resources: PDFDict | undefined,
  depth: number,
  inventory: PageInventory,
  budget: { left: number },
  visited: Set<PDFRawStream>,
): void {
  if (TEXT_BLOCK.test(content)) inventory.hasText = true;
  if (INVISIBLE_TEXT.test(content)) inventory.invisibleText = true;
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xobjects) return;
  for (const match of content.matchAll(DO_OPERATOR)) {
    const name = match[1] ?? '';
    const xobject = xobjects.lookup(PDFName.of(name));
    if (!(xobject instanceof PDFRawStream)) continue;
    const subtype = xobject.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.asString();
    if (subtype === '/Image') {
      inventory.images.push({ stream: xobject, name });
    } else if (subtype === '/Form' && depth < MAX_FORM_DEPTH && !visited.has(xobject)) {
      // A form painted twice (or painting itself) is walked once: cyclic graphs stay linear.
      visited.add(xobject);
      const formResources = xobject.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources;
      walk(streamText(xobject, budget), formResources, depth + 1, inventory, budget, visited);
    }
  }
}

/** List the images a page paints and whether it shows text; throws `INGEST_PDF_TOO_COMPLEX` past the content budget. */
export function inventoryPage(
  contents: PDFStream | PDFArray | undefined,
  resources: PDFDict | undefined,
  context: { label: string; page: number },
): PageInventory {
  const inventory: PageInventory = { images: [], hasText: false, invisibleText: false };
  const budget = { left: MAX_CONTENT_BYTES };
  try {
    walk(contentsText(contents, budget), resources, 0, inventory, budget, new Set());
  } catch (error) {
    if (!(error instanceof ContentTooLargeError)) throw error;
    throw new SohoaError(
      'INGEST_PDF_TOO_COMPLEX',
      `Page ${context.page} of \`${context.label}\` has drawing instructions larger than ${MAX_CONTENT_BYTES} bytes once decompressed (a decompression bomb, or a page that is not a document scan). Print it to an image or split it.`,
      { details: { file: context.label, page: context.page, maxContentBytes: MAX_CONTENT_BYTES } },
    );
  }
  return inventory;
}
