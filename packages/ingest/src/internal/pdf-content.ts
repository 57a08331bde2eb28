import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFStream, decodePDFRawStream } from 'pdf-lib';

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
}

const MAX_FORM_DEPTH = 4;
const DO_OPERATOR = /\/([^\s/[\]()<>{}%]+)\s+Do(?![A-Za-z0-9_])/g;
const TEXT_BLOCK = /(?:^|[\s\]>)])BT(?![A-Za-z0-9_])/;

function streamText(stream: PDFStream): string {
  const bytes = stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function contentsText(contents: PDFStream | PDFArray | undefined): string {
  if (contents instanceof PDFStream) return streamText(contents);
  if (contents instanceof PDFArray) {
    const parts: string[] = [];
    for (let i = 0; i < contents.size(); i++) {
      const part = contents.lookup(i);
      if (part instanceof PDFStream) parts.push(streamText(part));
    }
    return parts.join('\n');
  }
  return '';
}

function walk(content: string, resources: PDFDict | undefined, depth: number, inventory: PageInventory): void {
  if (TEXT_BLOCK.test(content)) inventory.hasText = true;
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xobjects) return;
  for (const match of content.matchAll(DO_OPERATOR)) {
    const name = match[1] ?? '';
    const xobject = xobjects.lookup(PDFName.of(name));
    if (!(xobject instanceof PDFRawStream)) continue;
    const subtype = xobject.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.asString();
    if (subtype === '/Image') {
      inventory.images.push({ stream: xobject, name });
    } else if (subtype === '/Form' && depth < MAX_FORM_DEPTH) {
      const formResources = xobject.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources;
      walk(streamText(xobject), formResources, depth + 1, inventory);
    }
  }
}

/** List the images a page paints and whether it shows text. */
export function inventoryPage(contents: PDFStream | PDFArray | undefined, resources: PDFDict | undefined): PageInventory {
  const inventory: PageInventory = { images: [], hasText: false };
  walk(contentsText(contents), resources, 0, inventory);
  return inventory;
}
