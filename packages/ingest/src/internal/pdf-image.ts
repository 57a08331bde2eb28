import { inflateSync } from 'node:zlib';
import sharp from 'sharp';
import { PDFArray, PDFBool, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFStream } from 'pdf-lib';
import { SohoaError } from '@sohoa/core';
import { decodeImage, type DecodedRaster } from './decode-image';
import { toImageError, tooManyPixels } from './sharp-errors';

export interface PdfImageContext {
  label: string;
  page: number;
  maxPixels: number;
  /** The page's `/Rotate`, clockwise degrees (multiple of 90). */
  rotate: number;
}

interface ColourSpace {
  components: 1 | 3 | 4;
  /** Palette for `/Indexed`: `components` bytes per entry. */
  palette?: Uint8Array;
}

function num(dict: PDFDict, key: string): number | undefined {
  return dict.lookupMaybe(PDFName.of(key), PDFNumber)?.asNumber();
}

function filterNames(dict: PDFDict): string[] {
  const filter = dict.lookup(PDFName.of('Filter'));
  if (filter instanceof PDFName) return [filter.asString()];
  if (filter instanceof PDFArray) {
    return filter.asArray().map((_, i) => filter.lookupMaybe(i, PDFName)?.asString() ?? '?');
  }
  return [];
}

function decodeParms(dict: PDFDict, index: number): PDFDict | undefined {
  const parms = dict.lookup(PDFName.of('DecodeParms'));
  if (parms instanceof PDFDict) return index === 0 ? parms : undefined;
  if (parms instanceof PDFArray) return parms.lookupMaybe(index, PDFDict);
  return undefined;
}

function unsupported(context: PdfImageContext, what: string): SohoaError {
  return new SohoaError(
    'INGEST_PDF_IMAGE_UNSUPPORTED',
    `Page ${context.page} of \`${context.label}\` holds an image with ${what}, which cannot be decoded yet (rasterising PDF pages is not implemented). Convert the file to JPEG/PNG/TIFF pages, or re-save the PDF with JPEG or Flate images.`,
    { details: { file: context.label, page: context.page, encoding: what } },
  );
}

function resolveColourSpace(value: unknown, context: PdfImageContext): ColourSpace {
  if (value instanceof PDFName) {
    switch (value.asString()) {
      case '/DeviceGray':
      case '/CalGray':
      case '/G':
        return { components: 1 };
      case '/DeviceRGB':
      case '/CalRGB':
      case '/RGB':
        return { components: 3 };
      case '/DeviceCMYK':
      case '/CMYK':
        return { components: 4 };
      default:
        throw unsupported(context, `colour space ${value.asString()}`);
    }
  }
  if (value instanceof PDFArray && value.size() > 0) {
    const kind = value.lookupMaybe(0, PDFName)?.asString();
    if (kind === '/ICCBased') {
      const profile = value.lookup(1);
      const n = profile instanceof PDFStream ? num(profile.dict, 'N') : undefined;
      if (n === 1 || n === 3 || n === 4) return { components: n };
      throw unsupported(context, 'an ICC colour space with an unexpected component count');
    }
    if (kind === '/CalGray' || kind === '/CalRGB') return { components: kind === '/CalGray' ? 1 : 3 };
    if (kind === '/Indexed' || kind === '/I') {
      const base = resolveColourSpace(value.lookup(1), context);
      if (base.palette) throw unsupported(context, 'a nested indexed colour space');
      const lookup = value.lookup(3);
      let palette: Uint8Array | undefined;
      if (lookup instanceof PDFRawStream) palette = inflateIfNeeded(lookup);
      else if (lookup && 'asBytes' in lookup && typeof lookup.asBytes === 'function')
        palette = lookup.asBytes() as Uint8Array;
      if (!palette) throw unsupported(context, 'an indexed colour space without a palette');
      return { components: base.components, palette };
    }
    throw unsupported(context, `colour space ${kind ?? 'array'}`);
  }
  return { components: 1 };
}

function inflateIfNeeded(stream: PDFRawStream, maxOutputLength = 1 << 20): Uint8Array {
  const filters = filterNames(stream.dict);
  let bytes: Uint8Array = stream.getContents();
  for (const filter of filters) {
    if (filter !== '/FlateDecode' && filter !== '/Fl') throw new Error(`unsupported palette filter ${filter}`);
    bytes = inflateSync(bytes, { maxOutputLength });
  }
  return bytes;
}

/** Undo PNG (10–15) or TIFF (2, 8-bit) predictors applied before Flate compression. */
function unpredict(
  data: Uint8Array,
  parms: PDFDict | undefined,
  rowBytes: number,
  bytesPerPixel: number,
  height: number,
): Uint8Array {
  const predictor = parms ? (num(parms, 'Predictor') ?? 1) : 1;
  if (predictor <= 1) return data;
  if (predictor === 2) {
    const out = data.slice(0, rowBytes * height);
    for (let y = 0; y < height; y++) {
      const row = y * rowBytes;
      for (let x = bytesPerPixel; x < rowBytes; x++)
        out[row + x] = (out[row + x]! + out[row + x - bytesPerPixel]!) & 0xff;
    }
    return out;
  }
  const out = new Uint8Array(rowBytes * height);
  const stride = rowBytes + 1;
  for (let y = 0; y < height; y++) {
    const type = data[y * stride] ?? 0;
    const src = y * stride + 1;
    const dst = y * rowBytes;
    for (let x = 0; x < rowBytes; x++) {
      const raw = data[src + x] ?? 0;
      const left = x >= bytesPerPixel ? out[dst + x - bytesPerPixel]! : 0;
      const up = y > 0 ? out[dst - rowBytes + x]! : 0;
      const upLeft = y > 0 && x >= bytesPerPixel ? out[dst - rowBytes + x - bytesPerPixel]! : 0;
      let value: number;
      switch (type) {
        case 1:
          value = raw + left;
          break;
        case 2:
          value = raw + up;
          break;
        case 3:
          value = raw + ((left + up) >> 1);
          break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default:
          value = raw;
      }
      out[dst + x] = value & 0xff;
    }
  }
  return out;
}

/** Expand packed samples (1/2/4/8/16 bits) to one byte per component, applying `/Decode` inversion. */
function unpackSamples(
  data: Uint8Array,
  width: number,
  height: number,
  components: number,
  bits: number,
  invert: boolean,
  indexed: boolean,
): Uint8Array {
  const rowBytes = Math.ceil((width * components * bits) / 8);
  const out = new Uint8Array(width * height * components);
  const max = (1 << Math.min(bits, 8)) - 1;
  let o = 0;
  for (let y = 0; y < height; y++) {
    const row = y * rowBytes;
    for (let i = 0; i < width * components; i++) {
      let sample: number;
      if (bits === 8) sample = data[row + i] ?? 0;
      else if (bits === 16) sample = data[row + i * 2] ?? 0;
      else {
        const bit = i * bits;
        sample = ((data[row + (bit >> 3)] ?? 0) >> (8 - bits - (bit & 7))) & max;
      }
      let value = indexed ? sample : bits === 8 || bits === 16 ? sample : Math.round((sample * 255) / max);
      if (invert) value = indexed ? max - value : 255 - value;
      out[o++] = value;
    }
  }
  return out;
}

function toRgb(samples: Uint8Array, pixels: number, space: ColourSpace): { data: Uint8Array; channels: 1 | 3 } {
  if (space.palette) {
    const out = new Uint8Array(pixels * 3);
    const n = space.components;
    for (let i = 0; i < pixels; i++) {
      const entry = (samples[i] ?? 0) * n;
      if (n === 1) {
        const g = space.palette[entry] ?? 0;
        out[i * 3] = g;
        out[i * 3 + 1] = g;
        out[i * 3 + 2] = g;
      } else if (n === 3) {
        out[i * 3] = space.palette[entry] ?? 0;
        out[i * 3 + 1] = space.palette[entry + 1] ?? 0;
        out[i * 3 + 2] = space.palette[entry + 2] ?? 0;
      } else {
        const k = space.palette[entry + 3] ?? 0;
        for (let c = 0; c < 3; c++) out[i * 3 + c] = 255 - Math.min(255, (space.palette[entry + c] ?? 0) + k);
      }
    }
    return { data: out, channels: 3 };
  }
  if (space.components === 4) {
    // Naive CMYK → RGB; good enough for OCR of scans, which are rarely CMYK.
    const out = new Uint8Array(pixels * 3);
    for (let i = 0; i < pixels; i++) {
      const k = samples[i * 4 + 3] ?? 0;
      for (let c = 0; c < 3; c++) out[i * 3 + c] = 255 - Math.min(255, (samples[i * 4 + c] ?? 0) + k);
    }
    return { data: out, channels: 3 };
  }
  return { data: samples, channels: space.components };
}

async function rasterFromRaw(
  data: Uint8Array,
  width: number,
  height: number,
  channels: 1 | 3,
  context: PdfImageContext,
): Promise<DecodedRaster> {
  try {
    let pipeline = sharp(data, { raw: { width, height, channels } });
    if (context.rotate) pipeline = pipeline.rotate(context.rotate);
    const { data: out, info } = await pipeline
      .toColourspace('srgb')
      .removeAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    return {
      width: info.width,
      height: info.height,
      channels: 3,
      pixels: new Uint8Array(out.buffer, out.byteOffset, out.byteLength),
      diagnostics: [],
    };
  } catch (error) {
    throw toImageError(error, context.label, context.page, context.maxPixels);
  }
}

/**
 * Decode one PDF image XObject to RGB: DCT (JPEG) streams go to sharp as they are, Flate and
 * uncompressed samples are unpacked here. Other encodings (CCITT, JBIG2, JPX, ...) are refused.
 */
export async function decodePdfImage(stream: PDFRawStream, context: PdfImageContext): Promise<DecodedRaster> {
  const dict = stream.dict;
  const width = num(dict, 'Width') ?? 0;
  const height = num(dict, 'Height') ?? 0;
  if (!(width > 0 && height > 0)) {
    throw new SohoaError(
      'INGEST_CORRUPT_PDF',
      `Page ${context.page} of \`${context.label}\` has an image without a valid size. Re-save the PDF.`,
      {
        details: { file: context.label, page: context.page },
      },
    );
  }
  if (width * height > context.maxPixels)
    throw tooManyPixels(context.label, context.page, width, height, context.maxPixels);

  const filters = filterNames(dict);
  const last = filters.at(-1);
  const inflateCount = last === '/DCTDecode' || last === '/DCT' ? filters.length - 1 : filters.length;
  for (let i = 0; i < inflateCount; i++) {
    if (filters[i] !== '/FlateDecode' && filters[i] !== '/Fl')
      throw unsupported(context, `the ${filters[i]?.slice(1)} encoding`);
  }

  const isMask = dict.lookupMaybe(PDFName.of('ImageMask'), PDFBool)?.asBoolean() === true;
  const space = isMask
    ? { components: 1 as const }
    : resolveColourSpace(dict.lookup(PDFName.of('ColorSpace')), context);
  const bits = isMask ? 1 : (num(dict, 'BitsPerComponent') ?? 8);
  if (![1, 2, 4, 8, 16].includes(bits)) throw unsupported(context, `${bits} bits per component`);
  const rowBytes = Math.ceil((width * space.components * bits) / 8);
  // Bound inflation to the size the header promises (plus PNG predictor bytes): no deflate bombs.
  const expected = rowBytes * height + height;

  let bytes: Uint8Array = stream.getContents();
  try {
    for (let i = 0; i < inflateCount; i++)
      bytes = inflateSync(bytes, { maxOutputLength: Math.max(expected, 1 << 16) * (i === inflateCount - 1 ? 1 : 4) });
  } catch (error) {
    throw new SohoaError(
      'INGEST_CORRUPT_PDF',
      `Page ${context.page} of \`${context.label}\` has an image stream that does not inflate to its declared size. Re-save the PDF.`,
      {
        cause: error,
        details: { file: context.label, page: context.page },
      },
    );
  }

  if (inflateCount < filters.length) {
    return decodeImage(bytes, {
      label: context.label,
      page: context.page,
      maxPixels: context.maxPixels,
      autoOrient: false,
      rotate: context.rotate,
    });
  }

  const bytesPerPixel = Math.max(1, Math.ceil((space.components * bits) / 8));
  const samples = unpredict(bytes, decodeParms(dict, inflateCount - 1), rowBytes, bytesPerPixel, height);
  if (samples.length < rowBytes * height) {
    throw new SohoaError(
      'INGEST_CORRUPT_PDF',
      `Page ${context.page} of \`${context.label}\` has an image stream shorter than its declared size. Re-save the PDF.`,
      {
        details: { file: context.label, page: context.page },
      },
    );
  }
  const decode = dict.lookupMaybe(PDFName.of('Decode'), PDFArray);
  const invert =
    decode !== undefined &&
    (decode.lookupMaybe(0, PDFNumber)?.asNumber() ?? 0) > (decode.lookupMaybe(1, PDFNumber)?.asNumber() ?? 1);
  const unpacked = unpackSamples(
    samples,
    width,
    height,
    space.palette ? 1 : space.components,
    bits,
    invert,
    space.palette !== undefined,
  );
  const rgb = toRgb(unpacked, width * height, space);
  return rasterFromRaw(rgb.data, width, height, rgb.channels, context);
}
