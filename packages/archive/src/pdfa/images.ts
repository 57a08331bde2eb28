// Page images into the copy as scanned: JPEG bytes kept as they are (DCTDecode), PNG data passed through when it
// can be (its zlib stream with the PNG predictors, no re-encoding), other images decoded and stored losslessly
// (Flate), alpha flattened onto white. Never a lossy re-encode.

import { SohoaError } from '@sohoa/core';
import { PDFName, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { PdfImageStream } from '../types';

export interface EmbeddedImage {
  ref: PDFRef;
  width: number;
  height: number;
  /** How the image went in: kept as is, PNG data passed through, or decoded and stored losslessly. */
  mode: 'jpeg-kept' | 'png-passthrough' | 'pdf-stream-kept' | 'lossless';
}

function unsupported(page: number, why: string): SohoaError {
  return new SohoaError('ARCHIVE_IMAGE_UNSUPPORTED', `Page ${page}: ${why}`, { details: { page } });
}

interface JpegInfo {
  width: number;
  height: number;
  components: number;
  precision: number;
  adobe: boolean;
}

/** The frame header of a JPEG; DCTDecode takes baseline and progressive Huffman frames of 8-bit samples. */
export function readJpegInfo(bytes: Uint8Array, page: number): JpegInfo {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw unsupported(page, 'the image is not a JPEG.');
  let adobe = false;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw unsupported(page, 'the JPEG is corrupt (no marker where one is expected).');
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (length < 2 || at + 2 + length > bytes.length) break;
    if (marker === 0xee && String.fromCharCode(...bytes.subarray(at + 4, at + 9)) === 'Adobe') adobe = true;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (marker !== 0xc0 && marker !== 0xc1 && marker !== 0xc2) {
        throw unsupported(page, 'the JPEG is lossless, hierarchical or arithmetic-coded, which PDF cannot carry.');
      }
      const b = (i: number) => bytes[at + 4 + i] ?? 0;
      return {
        precision: b(0),
        height: (b(1) << 8) | b(2),
        width: (b(3) << 8) | b(4),
        components: b(5),
        adobe,
      };
    }
    at += 2 + length;
  }
  throw unsupported(page, 'the JPEG has no frame header.');
}

interface ImageStream {
  width: number;
  height: number;
  bits: number;
  colorSpace: unknown;
  filter: 'DCTDecode' | 'FlateDecode';
  decodeParms?: Record<string, number>;
}

/** Register an image XObject whose data is already encoded (`data` goes in as it is). */
function registerImage(doc: PDFDocument, data: Uint8Array, image: ImageStream): PDFRef {
  return doc.context.register(
    doc.context.stream(data, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: image.width,
      Height: image.height,
      BitsPerComponent: image.bits,
      // biome-ignore lint/suspicious/noExplicitAny: pdf-lib's literal converter takes PDF objects in arrays.
      ColorSpace: image.colorSpace as any,
      Filter: image.filter,
      ...(image.decodeParms ? { DecodeParms: image.decodeParms } : {}),
    }),
  );
}

function embedJpeg(doc: PDFDocument, bytes: Uint8Array, page: number): EmbeddedImage {
  const info = readJpegInfo(bytes, page);
  if (info.precision !== 8) throw unsupported(page, `the JPEG has ${info.precision}-bit samples; PDF takes 8.`);
  if (info.components !== 1 && info.components !== 3) {
    throw unsupported(
      page,
      `the JPEG has ${info.components} colour components (CMYK?); a PDF/A copy with an sRGB output intent takes grey or RGB. Convert the scan to RGB first.`,
    );
  }
  const ref = registerImage(doc, bytes, {
    width: info.width,
    height: info.height,
    bits: 8,
    colorSpace: info.components === 1 ? 'DeviceGray' : 'DeviceRGB',
    filter: 'DCTDecode',
  });
  return { ref, width: info.width, height: info.height, mode: 'jpeg-kept' };
}

interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  palette?: Uint8Array;
  transparency: boolean;
  idat: Uint8Array[];
}

function readPng(bytes: Uint8Array, page: number): PngInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const info: PngInfo = { width: 0, height: 0, bitDepth: 0, colorType: 0, interlace: 0, transparency: false, idat: [] };
  let at = 8;
  while (at + 8 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (data.length !== length) throw unsupported(page, 'the PNG is truncated.');
    if (type === 'IHDR') {
      info.width = view.getUint32(at + 8);
      info.height = view.getUint32(at + 12);
      info.bitDepth = data[8] ?? 0;
      info.colorType = data[9] ?? 0;
      info.interlace = data[12] ?? 0;
    } else if (type === 'PLTE') info.palette = data;
    else if (type === 'tRNS') info.transparency = true;
    else if (type === 'IDAT') info.idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (info.width === 0 || info.idat.length === 0) throw unsupported(page, 'the PNG has no image data.');
  return info;
}

/** PNG data as a PDF image without decoding: grey, RGB or palette, no alpha, not interlaced. */
function embedPngPassthrough(doc: PDFDocument, png: PngInfo): EmbeddedImage {
  const colors = png.colorType === 2 ? 3 : 1;
  let colorSpace: unknown = png.colorType === 2 ? 'DeviceRGB' : 'DeviceGray';
  if (png.colorType === 3) {
    const palette = png.palette ?? new Uint8Array();
    colorSpace = [
      PDFName.of('Indexed'),
      PDFName.of('DeviceRGB'),
      palette.length / 3 - 1,
      doc.context.register(doc.context.stream(palette)),
    ];
  }
  const total = png.idat.reduce((n, c) => n + c.length, 0);
  const data = new Uint8Array(total);
  let offset = 0;
  for (const chunk of png.idat) {
    data.set(chunk, offset);
    offset += chunk.length;
  }
  const ref = registerImage(doc, data, {
    width: png.width,
    height: png.height,
    bits: png.bitDepth,
    colorSpace,
    filter: 'FlateDecode',
    decodeParms: { Predictor: 15, Colors: colors, BitsPerComponent: png.bitDepth, Columns: png.width },
  });
  return { ref, width: png.width, height: png.height, mode: 'png-passthrough' };
}

/** Any image sharp reads: decoded, alpha flattened onto white, stored with Flate at its own bit depth. */
async function embedDecoded(doc: PDFDocument, bytes: Uint8Array, page: number): Promise<EmbeddedImage> {
  const { default: sharp } = await import('sharp');
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(bytes).metadata();
  } catch (cause) {
    throw new SohoaError('ARCHIVE_IMAGE_UNSUPPORTED', `Page ${page}: the image could not be read.`, {
      cause,
      details: { page },
    });
  }
  if (meta.space === 'cmyk') throw unsupported(page, 'the image is CMYK; convert the scan to RGB first.');
  if ((meta.pages ?? 1) > 1) throw unsupported(page, 'the image has several frames; give one page per image.');
  const sixteen = meta.depth === 'ushort' || meta.depth === 'short';
  const grey = meta.space === 'b-w' || meta.space === 'grey16' || (meta.channels ?? 3) <= 2;
  const space = grey ? (sixteen ? 'grey16' : 'b-w') : sixteen ? 'rgb16' : 'srgb';
  // Flattened and re-encoded as a PNG (lossless, adaptive row filters), whose data then goes in like any plain
  // PNG's: the filters are what keep a decoded scan near its source size (plain Flate of raw pixels was up to 13×).
  let encoded: Buffer;
  try {
    encoded = await sharp(bytes)
      .flatten({ background: '#ffffff' })
      .toColourspace(space)
      .png({ compressionLevel: 6, adaptiveFiltering: true, palette: false })
      .toBuffer();
  } catch (cause) {
    throw new SohoaError('ARCHIVE_IMAGE_UNSUPPORTED', `Page ${page}: the image could not be decoded.`, {
      cause,
      details: { page },
    });
  }
  const png = readPng(new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.byteLength), page);
  const wanted = grey ? 0 : 2;
  if (png.colorType !== wanted || png.transparency || png.interlace !== 0)
    throw unsupported(page, `the image decoded to PNG colour type ${png.colorType}, not ${wanted}.`);
  return { ...embedPngPassthrough(doc, png), mode: 'lossless' };
}

const STREAM_FILTERS = new Set(['CCITTFaxDecode', 'FlateDecode', 'RunLengthDecode', 'JBIG2Decode']);
const BITS = new Set([1, 2, 4, 8, 16]);

/**
 * A PDF source's image stream as it is (CCITT G4 stays G4): the data and its decoding parameters are copied, the
 * sizes come from the caller (the source's dictionary), which the data cannot be checked against without decoding.
 */
function embedPdfStream(
  doc: PDFDocument,
  data: Uint8Array,
  stream: PdfImageStream,
  width: number,
  height: number,
  page: number,
): EmbeddedImage {
  const components = stream.colorSpace === 'DeviceRGB' ? 3 : stream.colorSpace === 'DeviceGray' ? 1 : 0;
  if (!STREAM_FILTERS.has(stream.filter)) throw unsupported(page, `the image filter ${stream.filter} is not carried.`);
  if (components === 0) throw unsupported(page, `the colour space ${stream.colorSpace} is not carried.`);
  if (!BITS.has(stream.bitsPerComponent)) throw unsupported(page, `${stream.bitsPerComponent}-bit samples.`);
  if ((stream.filter === 'CCITTFaxDecode' || stream.filter === 'JBIG2Decode') && stream.bitsPerComponent !== 1)
    throw unsupported(page, `${stream.filter} images are 1-bit.`);
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0))
    throw unsupported(page, 'the image stream has no valid size.');
  const parms = stream.decodeParms ?? {};
  if (!Object.values(parms).every((v) => typeof v === 'boolean' || Number.isFinite(v)))
    throw unsupported(page, 'the image stream has decoding parameters that are not numbers or booleans.');
  if (stream.decode && (stream.decode.length !== 2 * components || !stream.decode.every(Number.isFinite)))
    throw unsupported(page, 'the image stream has an invalid Decode array.');
  const decodeParms: Record<string, unknown> = { ...parms };
  if (stream.jbig2Globals) {
    if (stream.filter !== 'JBIG2Decode') throw unsupported(page, 'JBIG2 globals on a stream that is not JBIG2.');
    decodeParms.JBIG2Globals = doc.context.register(doc.context.stream(stream.jbig2Globals));
  }
  const ref = doc.context.register(
    doc.context.stream(data, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      BitsPerComponent: stream.bitsPerComponent,
      ColorSpace: stream.colorSpace,
      Filter: stream.filter,
      ...(Object.keys(decodeParms).length > 0 && {
        // biome-ignore lint/suspicious/noExplicitAny: pdf-lib's literal converter takes refs and literals alike.
        DecodeParms: decodeParms as any,
      }),
      ...(stream.decode && { Decode: stream.decode }),
    }),
  );
  return { ref, width, height, mode: 'pdf-stream-kept' };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Put one page image into the document (not yet on a page). `page` is 1-based, for messages. With `stream`, `bytes`
 * are a PDF source's image stream data, carried as they are at `size`.
 */
export async function embedPageImage(
  doc: PDFDocument,
  bytes: Uint8Array,
  page: number,
  stream?: { image: PdfImageStream; width: number; height: number },
): Promise<EmbeddedImage> {
  if (stream) return embedPdfStream(doc, bytes, stream.image, stream.width, stream.height, page);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return embedJpeg(doc, bytes, page);
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
    const png = readPng(bytes, page);
    const plain = png.colorType === 0 || png.colorType === 2 || png.colorType === 3;
    if (plain && !png.transparency && png.interlace === 0) return embedPngPassthrough(doc, png);
  }
  return embedDecoded(doc, bytes, page);
}
