import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { deflateSync } from 'node:zlib';
import {
  assertAgencyCode,
  fileNameDescription,
  type BlobStore,
  type CopyMetadata,
  type CopyPage,
  produceCopy,
  readJpegInfo,
  readP12,
  type SignOptions,
} from '@sohoa/archive';
import type { FileResult, PageWords } from '@sohoa/batch';
import { UNCLASSIFIED_DOC_CODE_KIND } from '@sohoa/extract';
import { type DocumentRecord, type PageImage, SohoaError } from '@sohoa/core';
import { type PdfScanImage, readImageFrame, readPages, readPdfScanImages, sniffFileType, toPng } from '@sohoa/ingest';
import type { OcrEngine } from '@sohoa/ocr';
import type { Vault } from '@sohoa/vault';
import { UsageError } from '../errors';

/** The copy writer (`writeArchivalCopy` and `copyFileName` of @sohoa/archive; tests pass their own). */
export type CopyWriterApi = Pick<typeof import('@sohoa/archive'), 'writeArchivalCopy'> & {
  copyFileName?: typeof import('@sohoa/archive')['copyFileName'];
};

/** What `digitize --copies` needs, checked before any file is read. */
export interface CopyRunSettings {
  copies: string;
  agency: string;
  sign?: SignOptions;
}

/**
 * Check `--copies`, `--agency` (or `SOHOA_AGENCY`) and `--sign` (password in `SOHOA_SIGN_PASSWORD`) up front, so a
 * typo fails before hours of OCR: the agency code has the QĐ 20/2020 shape, and the PKCS#12 opens.
 */
export function copySettings(options: {
  copies?: string;
  agency?: string;
  sign?: string;
  vault?: string;
}): CopyRunSettings | undefined {
  if (!options.copies) {
    if (options.agency || options.sign) throw new UsageError('`--agency` and `--sign` go with `--copies <dir>`');
    return undefined;
  }
  if (!options.vault) throw new UsageError('`--copies` needs `--vault`: the vault numbers and records the copies');
  const agencyText = options.agency ?? process.env.SOHOA_AGENCY;
  if (!agencyText)
    throw new UsageError(
      '`--copies` needs `--agency <code>` (or SOHOA_AGENCY): the agency electronic code, e.g. G09.01.02',
    );
  const agency = assertAgencyCode(agencyText);
  if (!options.sign) return { copies: options.copies, agency };
  const password = process.env.SOHOA_SIGN_PASSWORD;
  if (password === undefined)
    throw new UsageError('`--sign` needs the PKCS#12 password in SOHOA_SIGN_PASSWORD (never on the command line)');
  let p12: Uint8Array;
  try {
    p12 = readFileSync(options.sign);
  } catch (cause) {
    throw new SohoaError('ARCHIVE_SIGN_FAILED', `Cannot read the PKCS#12 file \`${basename(options.sign)}\`.`, {
      cause,
    });
  }
  readP12(p12, password);
  return { copies: options.copies, agency, sign: { p12, password } };
}

/** What happened to one file's copy. */
export interface CopyOutcome {
  file: string;
  status: 'written' | 'exists' | 'skipped' | 'failed';
  docCode?: string;
  location?: string;
  /** Wall milliseconds spent on this copy (reading the pages, any OCR, writing, signing, storing, recording). */
  ms?: number;
  /** The pages were OCRed again for the text layer (the run kept no words of this file, e.g. done before a `--resume`). */
  ocrAgain?: boolean;
  error?: { code: string; message: string };
}

export interface WriteCopiesContext {
  vault: Vault;
  store: BlobStore;
  settings: CopyRunSettings;
  writer: CopyWriterApi;
  /** OCR for the text layer of a file the batch kept no words of (`keepWords`; a file done in an earlier run). */
  engine: Pick<OcrEngine, 'recognize'>;
  /** The kind abbreviation of a document type (`docCodeKindOf` of @sohoa/extract). */
  kindOf: (type: string) => string | undefined;
  /** The Vietnamese name of a document type. */
  typeNameOf: (type: string) => string | undefined;
}

const COPYABLE_TYPES = new Set(['jpeg', 'png', 'tiff', 'pdf']);

/** A JPEG the copy can carry as it is for a page of `width`×`height` (8-bit grey or RGB, the page's size). */
function carriedJpeg(jpeg: Uint8Array, width: number, height: number, page: number): boolean {
  try {
    const info = readJpegInfo(jpeg, page);
    const plain = info.precision === 8 && (info.components === 1 || info.components === 3);
    return plain && info.width === width && info.height === height;
  } catch {
    return false; // Not a JPEG the copy can carry as it is: the decoded pixels go in losslessly.
  }
}

/** The words of a page as decoded (`from`), moved onto an image of `width`×`height` pixels of the same page. */
function wordsOnto(
  from: { width: number; height: number },
  words: CopyPage['words'],
  width: number,
  height: number,
): CopyPage['words'] {
  const sx = width / from.width;
  const sy = height / from.height;
  if (sx === 1 && sy === 1) return words;
  return words.map(({ text, box }) => ({
    text,
    box: { x: box.x * sx, y: box.y * sy, width: box.width * sx, height: box.height * sy },
  }));
}

/**
 * The copy page of a PDF page whose scan the copy keeps as stored (a JPEG of the page's size, or a CCITT, JBIG2,
 * Flate or RunLength stream), with `words` read on the page as decoded (`decoded` pixels): `undefined` when the
 * page's scan cannot be kept.
 */
function keptScanPage(
  scan: PdfScanImage | undefined,
  decoded: { width: number; height: number },
  words: CopyPage['words'],
  page: number,
): CopyPage | undefined {
  if (!scan) return undefined;
  if (scan.kind === 'jpeg') {
    if (!carriedJpeg(scan.bytes, decoded.width, decoded.height, page)) return undefined;
    return {
      image: scan.bytes,
      mediaType: 'image/jpeg',
      width: decoded.width,
      height: decoded.height,
      dpi: scan.dpi,
      words,
    };
  }
  // A stream the ingest renders (CCITT, JBIG2) was OCRed at the render's size: the words are scaled onto the
  // stream's own pixels (the page is that image, checked by the same full-page test as a JPEG's).
  const { kind: _kind, data, dpi, width, height, ...pdfImage } = scan;
  return {
    image: data,
    pdfImage,
    mediaType: `image/x-pdf-${pdfImage.filter}`,
    width,
    height,
    dpi,
    words: wordsOnto(decoded, words, width, height),
  };
}

/**
 * A page of black and white only (a bilevel scan, e.g. a CCITT TIFF, decoded to 8-bit grey or RGB) as 1-bit grey
 * samples with Flate: lossless, 8× (24×) fewer samples than a grey (RGB) PNG. `undefined` for any other page.
 */
function bilevelImage(page: PageImage): Pick<CopyPage, 'image' | 'pdfImage'> | undefined {
  const { pixels, width, height, channels } = page;
  // Grey, or RGB with equal channels (a 1-bit TIFF comes out of the decoder as sRGB).
  if (channels !== 1 && channels !== 3) return undefined;
  for (let i = 0; i < pixels.length; i += channels) {
    const v = pixels[i];
    if (v !== 0 && v !== 255) return undefined;
    if (channels === 3 && (pixels[i + 1] !== v || pixels[i + 2] !== v)) return undefined;
  }
  const stride = (width + 7) >> 3;
  const packed = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const out = y * stride;
    for (let x = 0; x < width; x++) if (pixels[(row + x) * channels]) packed[out + (x >> 3)]! |= 0x80 >> (x & 7);
  }
  return {
    image: new Uint8Array(deflateSync(packed, { level: 9 })),
    pdfImage: { filter: 'FlateDecode', bitsPerComponent: 1, colorSpace: 'DeviceGray' },
  };
}

/** The image a copy keeps for one page: the scan as stored where the copy can keep it, else its pixels as PNG. */
async function pageImageOf(
  page: PageImage,
  scan: PdfScanImage | undefined,
  words: CopyPage['words'],
): Promise<CopyPage> {
  const kept = keptScanPage(scan, page, words, page.source.page);
  if (kept) return kept;
  const bilevel = bilevelImage(page);
  return {
    ...(bilevel
      ? { ...bilevel, mediaType: 'image/x-pdf-FlateDecode' }
      : { image: await toPng(page), mediaType: 'image/png' }),
    width: page.width,
    height: page.height,
    ...(page.dpi !== undefined && { dpi: page.dpi }),
    words,
  };
}

/**
 * A PDF whose every page is a scan the copy keeps as stored, with the run's words for each: the copy needs no
 * decoding at all. `undefined` when any page needs the decoded pixels.
 */
function keptScanPages(
  scans: readonly (PdfScanImage | undefined)[],
  kept: readonly PageWords[] | undefined,
): CopyPage[] | undefined {
  if (!kept || scans.length === 0 || kept.length !== scans.length) return undefined;
  const pages: CopyPage[] = [];
  for (const [index, scan] of scans.entries()) {
    const words = kept[index]!;
    const page = keptScanPage(scan, words, words.words, index + 1);
    if (!page) return undefined;
    pages.push(page);
  }
  return pages;
}

/**
 * Pages of a source with their OCR words, in the pixels of the image as stored in the copy: a JPEG or PNG scan as
 * it is; a PDF page's embedded scan as stored where the page is one (a JPEG byte for byte, a CCITT, JBIG2, Flate
 * or RunLength stream as it is), any other PDF page rendered and stored losslessly (PNG); TIFF pages losslessly
 * (PNG).
 */
async function copyPagesOf(
  file: string,
  engine: WriteCopiesContext['engine'],
  kept: readonly PageWords[] | undefined,
): Promise<{ pages: CopyPage[]; text: string; reread: boolean }> {
  const bytes = readFileSync(file);
  const fileType = sniffFileType(bytes);
  if (!COPYABLE_TYPES.has(fileType))
    throw new SohoaError(
      'INGEST_UNSUPPORTED_TYPE',
      `Copies are made from JPEG, PNG, TIFF and PDF sources; \`${basename(file)}\` is ${fileType}.`,
    );
  // A JPEG or PNG scan with the run's words: its header gives the frame, nothing is decoded.
  if ((fileType === 'jpeg' || fileType === 'png') && kept?.length === 1) {
    const frame = await readImageFrame(bytes, basename(file));
    const words = kept[0]!;
    if (frame && frame.width === words.width && frame.height === words.height)
      return {
        pages: [{ image: bytes, mediaType: `image/${fileType}`, ...frame, words: words.words }],
        text: words.text,
        reread: false,
      };
  }
  const scans = fileType === 'pdf' ? await readPdfScanImages(bytes, basename(file)) : [];
  const direct = keptScanPages(scans, kept);
  if (direct) return { pages: direct, text: kept!.map((k) => k.text).join('\n\f'), reread: false };
  // As decoded, not preprocessed: the words must sit on the image as stored in the copy. Every page, or no copy.
  const pages = await readPages(file, { preprocess: false, textLayer: 'ignore', unsupportedPages: 'error' });
  const pageCount = pages[0]?.source.pageCount ?? 0;
  if (pages.length === 0 || pages.length !== pageCount)
    throw new SohoaError(
      'ARCHIVE_IMAGE_UNSUPPORTED',
      `\`${basename(file)}\` gave ${pages.length} of its ${pageCount} page(s); a copy has every page of the original.`,
    );
  // The digitize run's own OCR when it is there for every page (a file done in an earlier run has none: OCR again).
  const reuse = kept !== undefined && kept.length === pages.length;
  const out: CopyPage[] = [];
  const text: string[] = [];
  for (const [index, page] of pages.entries()) {
    const ocr = reuse ? scaledWords(kept[index]!, page) : await ocrWords(engine, page);
    text.push(ocr.text);
    out.push(
      fileType === 'jpeg' || fileType === 'png'
        ? {
            image: bytes,
            mediaType: `image/${fileType}`,
            width: page.width,
            height: page.height,
            ...(page.dpi !== undefined && { dpi: page.dpi }),
            words: ocr.words,
          }
        : await pageImageOf(page, scans[index], ocr.words),
    );
  }
  return { pages: out, text: text.join('\n\f'), reread: !reuse };
}

async function ocrWords(engine: WriteCopiesContext['engine'], page: PageImage): Promise<Omit<PageWords, 'page'>> {
  const ocr = await engine.recognize(page);
  return {
    width: page.width,
    height: page.height,
    text: ocr.text,
    words: ocr.lines.flatMap((l) => l.words.map((w) => ({ text: w.text, box: w.box }))),
  };
}

/** Kept words onto the page as the copy stores it (the same pixels unless the two reads decoded at other sizes). */
function scaledWords(kept: PageWords, page: PageImage): Omit<PageWords, 'page'> {
  const sx = page.width / kept.width;
  const sy = page.height / kept.height;
  if (sx === 1 && sy === 1) return kept;
  return {
    ...kept,
    words: kept.words.map(({ text, box }) => ({
      text,
      box: { x: box.x * sx, y: box.y * sy, width: box.width * sx, height: box.height * sy },
    })),
  };
}

/** The record of a page of no known type: its text, so nothing in a box goes undigitised. */
function unclassifiedRecord(result: FileResult, text: string, pageCount: number): DocumentRecord {
  const sha256 = result.sha256 ?? '';
  return {
    type: 'unclassified',
    kind: 'unclassified',
    status: 'unknown',
    fields: {
      'document.text': { value: text, confidence: 0.5, evidence: [{ method: 'ocr', sha256, page: 1 }] },
    },
    sources: Array.from({ length: pageCount }, (_, i) => ({
      file: basename(result.file),
      sha256,
      page: i + 1,
      pageCount,
    })),
    diagnostics: [],
  };
}

/**
 * After `digitize`: one copy per document (including pages of no known type, stored as `unclassified` with their
 * text), made by the copy writer, signed when asked, stored and recorded through {@link produceCopy}: a rerun or
 * `--resume` makes none twice.
 */
export async function writeCopies(results: readonly FileResult[], ctx: WriteCopiesContext): Promise<CopyOutcome[]> {
  const outcomes: CopyOutcome[] = [];
  for (const result of results) {
    const unknown = result.status === 'failed' && result.error?.code === 'EXTRACT_UNKNOWN_DOCUMENT';
    if (!unknown && (!result.documentId || !['stored', 'unchanged'].includes(result.status))) {
      outcomes.push({ file: result.file, status: 'skipped' });
      continue;
    }
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
      let read: Awaited<ReturnType<typeof copyPagesOf>> | undefined;
      const pagesOf = async () => (read ??= await copyPagesOf(result.file, ctx.engine, result.pageWords));
      let documentId = result.documentId;
      let type = result.record?.type ?? result.documentType;
      if (unknown) {
        const { pages, text } = await pagesOf();
        documentId = (await ctx.vault.putDocument(unclassifiedRecord(result, text, pages.length))).documentId;
        type = 'unclassified';
      }
      // A file done in an earlier run (`--resume`) comes back with its document id only: its type is in the vault.
      const doc = documentId ? await ctx.vault.getDocument(documentId, { purpose: 'digitised-copy' }) : undefined;
      type ??= doc?.type;
      const kind = type === 'unclassified' ? UNCLASSIFIED_DOC_CODE_KIND : type ? ctx.kindOf(type) : undefined;
      if (!kind || !documentId)
        throw new SohoaError(
          'ARCHIVE_DOCCODE_INVALID',
          `The document type \`${type ?? '?'}\` declares no DocCode kind abbreviation (docCodeKind).`,
        );
      const typeName = (type && ctx.typeNameOf(type)) ?? 'Tài liệu';
      const metadataOf = (docCode: string, digitisedAt: string, pageAmount: number): CopyMetadata => ({
        docCode,
        typeName,
        ...(doc?.number !== undefined && { codeNumber: doc.number }),
        ...(doc?.issued !== undefined && { issuedDate: doc.issued }),
        ...(doc?.issuer !== undefined && { organName: doc.issuer }),
        subject: typeName,
        language: 'vi',
        pageAmount,
        sourceSha256: result.sha256 ?? '',
        digitisedAt,
      });
      // The file name's description: the type's name without its bracketed gloss
      // ("Văn bản hành chính (quyết định, công văn, …)" → VanBanHanhChinh).
      const desc = typeName.replace(/\s*\(.*$/s, '') || typeName;
      const made = await produceCopy({
        vault: ctx.vault,
        store: ctx.store,
        documentId,
        agency: ctx.settings.agency,
        kind,
        name: (r) =>
          ctx.writer.copyFileName?.(metadataOf(r.docCode, r.digitisedAt, 0), desc) ??
          `${r.docCode}_${r.digitisedAt.slice(0, 10).replaceAll('-', '')}_${fileNameDescription(desc) || 'Copy'}.pdf`,
        render: async (r) => {
          const { pages } = await pagesOf();
          const pdf = await ctx.writer.writeArchivalCopy({
            pages,
            metadata: metadataOf(r.docCode, r.digitisedAt, pages.length),
          });
          return { pdf, pageCount: pages.length, ...(result.sha256 && { sourceSha256: result.sha256 }) };
        },
        ...(ctx.settings.sign && { sign: ctx.settings.sign }),
      });
      outcomes.push({
        file: result.file,
        status: made.created ? 'written' : 'exists',
        ms: ms(),
        ...(read?.reread && { ocrAgain: true }),
        docCode: made.record.docCode,
        ...(made.record.location !== undefined && { location: made.record.location }),
      });
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'COPY_FAILED';
      outcomes.push({
        file: result.file,
        status: 'failed',
        ms: ms(),
        error: { code, message: error instanceof Error ? error.message : String(error) },
      });
    }
  }
  return outcomes;
}
