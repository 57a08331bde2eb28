// The copy writer: a PDF/A-2b with one page per source page (the image as scanned) and an invisible OCR text
// layer, described by the guidance's metadata in XMP and in the document information dictionary.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { SohoaError } from '@sohoa/core';
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import type { CopyMetadata, CopyPage } from '../types';
import { COPY_FIELDS } from './fields';
import { srgbIccProfile } from './icc';
import { embedPageImage } from './images';
import { embedTextLayerFont, type SourceFont } from './font';
import { type FontMetrics, textLayerOperators, writableText } from './text-layer';
import { buildXmp, type StandardInfo } from './xmp';

export const COPY_PRODUCER = 'sohoa @sohoa/archive (pdf-lib)';
export const COPY_CREATOR_TOOL = 'sohoa';
const DEFAULT_DPI = 300;
const MAX_TEXT = 2000;
/** PDF/A-2 page size limits (ISO 19005-2, 6.1.13), in points. */
const MIN_PAGE = 3;
const MAX_PAGE = 14_400;
// DejaVu Sans Condensed: the same 5 918 characters as DejaVu Sans, lighter hinting, so its subsets are ~45% smaller
// (a full Vietnamese alphabet: 7.6 KB against 13.9 KB deflated). The glyphs are invisible; only coverage matters.
const FONT_FILE = 'DejaVuSansCondensed.ttf';

export interface WriteArchivalCopyInput {
  pages: CopyPage[];
  metadata: CopyMetadata;
  /** A TrueType/OpenType font for the text layer (default: DejaVu Sans from `dejavu-fonts-ttf`). */
  font?: Uint8Array;
}

function invalid(message: string, details: Record<string, string | number> = {}): SohoaError {
  return new SohoaError('ARCHIVE_INPUT_INVALID', message, { details });
}

interface LoadedFont {
  bytes: Uint8Array;
  metrics: FontMetrics;
}

interface FontkitFont extends SourceFont {
  characterSet: number[];
}

/**
 * Parsed fonts by their bytes, shared by every copy a process writes (parsing DejaVu Sans costs more than writing
 * a copy). Only metrics are read: each character's glyph and advance width, one to one, without OpenType shaping (a
 * text layer needs no ligatures or kerning; they would only blur what `ToUnicode` gives back).
 */
const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();

function parseFont(bytes: Uint8Array): FontkitFont {
  let font = parsedFonts.get(bytes);
  if (!font) {
    font = fontkit.create(bytes as unknown as Buffer) as unknown as FontkitFont;
    parsedFonts.set(bytes, font);
  }
  return font;
}

/** The font's PostScript name, safe for a PDF name (`DejaVuSansCondensed`). */
function fontName(bytes: Uint8Array): string {
  const name = (parseFont(bytes) as unknown as { postscriptName?: string }).postscriptName ?? 'Font';
  return name.replace(/[^A-Za-z0-9-]/g, '').slice(0, 60) || 'Font';
}

let defaultFont: Promise<LoadedFont> | undefined;

const loadedFonts = new WeakMap<Uint8Array, LoadedFont>();

function loadFont(bytes: Uint8Array): LoadedFont {
  let loaded = loadedFonts.get(bytes);
  if (!loaded) {
    const font = parseFont(bytes);
    const metrics = {
      ascent: font.ascent / font.unitsPerEm,
      descent: font.descent / font.unitsPerEm,
      characters: new Set(font.characterSet),
    };
    loaded = { bytes, metrics };
    loadedFonts.set(bytes, loaded);
  }
  return loaded;
}

async function readDefaultFont(): Promise<LoadedFont> {
  let path: string | undefined;
  try {
    path = createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${FONT_FILE}`);
    return loadFont(new Uint8Array(await readFile(path)));
  } catch (cause) {
    throw new SohoaError(
      'ARCHIVE_FONT_MISSING',
      `The text-layer font \`${FONT_FILE}\` could not be read; install \`dejavu-fonts-ttf\` or pass \`font\`.`,
      { cause, details: { file: FONT_FILE } },
    );
  }
}

/** `YYYY-MM-DDTHH:mm:ssZ` for a valid ISO date-time; a typed error otherwise. */
function utcSeconds(value: string): string {
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(time)) {
    throw invalid('`metadata.digitisedAt` must be an ISO 8601 date-time.', { field: 'digitisedAt' });
  }
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The PDF date (`D:YYYYMMDDHHmmss+00'00'`) of a UTC `YYYY-MM-DDTHH:mm:ssZ`. */
export function pdfDate(isoUtc: string): string {
  return `D:${isoUtc.replace(/[-:TZ]/g, '')}+00'00'`;
}

// Characters XML 1.0 cannot carry (the XMP packet is XML).
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkMetadata(metadata: CopyMetadata, pages: CopyPage[]): CopyMetadata {
  const out: CopyMetadata = { ...metadata };
  const text = (name: keyof CopyMetadata, max: number, required: boolean) => {
    const value = metadata[name];
    if (value === undefined && !required) return;
    if (typeof value !== 'string' || value.trim() === '' || value.length > max || NOT_XML.test(value))
      throw invalid(
        `\`metadata.${name}\` must be a non-empty string of at most ${max} characters, without control characters.`,
        { field: name },
      );
    (out as unknown as Record<string, string>)[name] = value.trim();
  };
  // DocCode is ours (MCQ_LV_STT_PB, String 30 in the guidance). The other lengths of the guidance's table
  // (CodeNumber 11, TypeName 100, …) are not enforced: a 12-digit personal ID number printed as a card's number
  // would not fit, and cutting a value would make it wrong. A sanity cap keeps the metadata small.
  text('docCode', 30, true);
  for (const name of ['typeName', 'language'] as const) text(name, MAX_TEXT, true);
  for (const name of ['codeNumber', 'codeNotation', 'organName', 'subject', 'description'] as const)
    text(name, MAX_TEXT, false);
  if (metadata.issuedDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(metadata.issuedDate))
    throw invalid('`metadata.issuedDate` must be YYYY-MM-DD.', { field: 'issuedDate' });
  if (!/^[0-9a-f]{64}$/i.test(metadata.sourceSha256 ?? ''))
    throw invalid('`metadata.sourceSha256` must be 64 hex digits.', { field: 'sourceSha256' });
  if (metadata.pageAmount !== pages.length)
    throw invalid(
      `\`metadata.pageAmount\` (${metadata.pageAmount}) differs from the number of pages given (${pages.length}); every page is copied, in order.`,
      { field: 'pageAmount', pages: pages.length },
    );
  out.sourceSha256 = metadata.sourceSha256.toLowerCase();
  out.digitisedAt = utcSeconds(metadata.digitisedAt);
  return out;
}

/** A title for `dc:title` and `Title`: type name, then number/notation when printed. */
export function copyTitle(m: CopyMetadata): string {
  const number = [m.codeNumber, m.codeNotation].filter(Boolean).join('/');
  return number ? `${m.typeName} ${number}` : m.typeName;
}

function identifiers(m: CopyMetadata): { id: Uint8Array; documentId: string; instanceId: string } {
  const id = createHash('sha256').update(`${m.docCode}\n${m.sourceSha256}\n${m.digitisedAt}`).digest().subarray(0, 16);
  const hex = id.toString('hex');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { id, documentId: `uuid:${uuid}`, instanceId: `uuid:${uuid}` };
}

/** Six capital letters naming the font subset (PDF's `ABCDEF+Name` convention), fixed by the copy's identity. */
function subsetTag(id: Uint8Array): string {
  return Array.from(id.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

function checkPage(page: CopyPage, index: number): number {
  const n = index + 1;
  if (!(page.image instanceof Uint8Array) || page.image.length === 0)
    throw invalid(`Page ${n} has no image bytes.`, { page: n });
  const dpi = page.dpi ?? DEFAULT_DPI;
  if (!(dpi > 0) || !Number.isFinite(dpi)) throw invalid(`Page ${n}: dpi must be a positive number.`, { page: n });
  if (!Array.isArray(page.words)) throw invalid(`Page ${n}: words must be an array.`, { page: n });
  return dpi;
}

/**
 * Write the archival copy of a document: PDF/A-2b, one page per source page in order, each page the image as
 * scanned with the OCR words under it as invisible text.
 *
 * @throws SohoaError `ARCHIVE_INPUT_INVALID` (metadata or pages), `ARCHIVE_IMAGE_UNSUPPORTED` (CMYK, 12-bit or
 * lossless JPEG, unreadable image), `ARCHIVE_FONT_MISSING`.
 * @example
 * const pdf = await writeArchivalCopy({ pages, metadata });
 * await writeFile(copyFileName(metadata), pdf);
 */
export async function writeArchivalCopy(input: WriteArchivalCopyInput): Promise<Uint8Array> {
  const { pages } = input;
  if (!Array.isArray(pages) || pages.length === 0) throw invalid('A copy needs at least one page.');
  const metadata = checkMetadata(input.metadata, pages);
  const dpis = pages.map(checkPage);
  let font: LoadedFont;
  if (input.font) {
    try {
      font = loadFont(input.font);
    } catch (cause) {
      throw new SohoaError(
        'ARCHIVE_FONT_MISSING',
        'The font given for the text layer is not a TrueType/OpenType font.',
        {
          cause,
        },
      );
    }
  } else {
    defaultFont ??= readDefaultFont();
    defaultFont.catch(() => {
      defaultFont = undefined;
    });
    font = await defaultFont;
  }

  const doc = await PDFDocument.create({ updateMetadata: false });
  const { id, documentId, instanceId } = identifiers(metadata);
  // One font for the copy, with exactly the characters its words show (see font.ts: widths, no outlines).
  const shown = pages.flatMap((p) => p.words.map((w) => writableText(w.text, font.metrics)));
  const pdfFont = embedTextLayerFont(doc, parseFont(font.bytes), `${subsetTag(id)}+${fontName(font.bytes)}`, shown);

  for (const [index, source] of pages.entries()) {
    const image = await embedPageImage(
      doc,
      source.image,
      index + 1,
      source.pdfImage && { image: source.pdfImage, width: source.width, height: source.height },
    );
    if (image.width !== source.width || image.height !== source.height) {
      throw invalid(
        `Page ${index + 1}: the image is ${image.width}×${image.height} pixels but the page says ${source.width}×${source.height}; the OCR boxes would not match.`,
        { page: index + 1 },
      );
    }
    const scale = 72 / (dpis[index] ?? DEFAULT_DPI);
    const width = image.width * scale;
    const height = image.height * scale;
    if (Math.min(width, height) < MIN_PAGE || Math.max(width, height) > MAX_PAGE) {
      throw invalid(
        `Page ${index + 1}: ${image.width}×${image.height} pixels at ${dpis[index]} dpi make a page outside the ${MIN_PAGE}–${MAX_PAGE} pt PDF/A allows; check the dpi.`,
        { page: index + 1 },
      );
    }
    const page = doc.addPage([width, height]);
    // Short fixed resource names (pdf-lib's own add a random suffix, repeated at every font change).
    const imageKey = PDFName.of('Im');
    page.node.setXObject(imageKey, image.ref);
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(width, 0, 0, height, 0, 0),
      drawObject(imageKey),
      popGraphicsState(),
    );
    if (pdfFont && source.words.length > 0) {
      const fontKey = PDFName.of('F');
      page.node.setFontDictionary(fontKey, pdfFont.ref);
      const layer = textLayerOperators(source.words, pdfFont, fontKey, font.metrics, { pageHeight: height, scale });
      page.pushOperators(...layer.operators);
    }
  }

  const info: StandardInfo = {
    title: copyTitle(metadata),
    author: metadata.organName,
    subject: metadata.subject,
    creatorTool: COPY_CREATOR_TOOL,
    producer: COPY_PRODUCER,
    date: metadata.digitisedAt,
    documentId,
    instanceId,
  };
  writeInfo(doc, metadata, info);
  // Flate-compressed: PDF/A-2 (unlike PDF/A-1, 6.7.2) does not forbid a filter on the catalog's metadata stream, and
  // the packet with its extension schema is ~5.7 KB as text, ~1.3 KB compressed (a small scan's copy is judged by
  // its size against the scan's).
  const xmp = doc.context.flateStream(new TextEncoder().encode(buildXmp(metadata, info)), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(metadata.language));
  const profile = doc.context.register(doc.context.flateStream(srgbIccProfile(), { N: 3 }));
  const intent = doc.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: profile,
  });
  doc.catalog.set(PDFName.of('OutputIntents'), doc.context.obj([doc.context.register(intent)]));
  const idString = PDFHexString.of(Buffer.from(id).toString('hex'));
  doc.context.trailerInfo.ID = doc.context.obj([idString, idString]);
  return doc.save({ useObjectStreams: true, updateFieldAppearances: false });
}

/** The document information dictionary: standard keys mirroring XMP, and the guidance's fields as custom keys. */
function writeInfo(doc: PDFDocument, metadata: CopyMetadata, info: StandardInfo): void {
  const entries: Record<string, string | undefined> = {
    Title: info.title,
    Author: info.author,
    Creator: info.creatorTool,
    Producer: info.producer,
  };
  for (const field of COPY_FIELDS) entries[field.name] = field.read(metadata);
  // The standard Subject key is dc:description, which is the guidance's Subject too (same value, one key).
  const dict = doc.context.obj({});
  for (const [key, value] of Object.entries(entries)) {
    if (value !== undefined) dict.set(PDFName.of(key), PDFHexString.fromText(value));
  }
  dict.set(PDFName.of('CreationDate'), PDFString.of(pdfDate(info.date)));
  dict.set(PDFName.of('ModDate'), PDFString.of(pdfDate(info.date)));
  doc.context.trailerInfo.Info = doc.context.register(dict);
}
