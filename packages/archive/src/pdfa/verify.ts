// The structural check of a copy: the PDF/A-2b rules that can be checked by reading the file (identification,
// output intent, no encryption, no JavaScript or forbidden actions, fonts embedded, XMP and the information
// dictionary consistent), the guidance's metadata, the page count and the source hash against what the vault
// recorded. It is not a full PDF/A validator (no PDF/A validator installs here: see docs/architecture.md).

import { inflateSync } from 'node:zlib';
import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';
import { COPY_FIELDS, COPY_NS } from './fields';
import { readIccHeader } from './icc';
import { readXmp, type XmpReading } from './xmp';

export type CopyProblemCode =
  | 'PDF_UNREADABLE'
  | 'PDF_HEADER'
  | 'PDF_EOF'
  | 'ENCRYPTED'
  | 'TRAILER_ID_MISSING'
  | 'JAVASCRIPT'
  | 'FORBIDDEN_ACTION'
  | 'FORBIDDEN_FEATURE'
  | 'FONT_NOT_EMBEDDED'
  | 'XMP_MISSING'
  | 'PDFA_ID_MISSING'
  | 'PDFA_ID_UNEXPECTED'
  | 'XMP_EXTENSION_SCHEMA_MISSING'
  | 'XMP_FILTERED'
  | 'OUTPUT_INTENT_MISSING'
  | 'OUTPUT_INTENT_INVALID'
  | 'PAGE_COUNT_MISMATCH'
  | 'PAGE_SIZE'
  | 'METADATA_MISSING'
  | 'METADATA_INCONSISTENT'
  | 'SOURCE_HASH_MISMATCH'
  | 'DOC_CODE_MISMATCH'
  | 'SIGNATURE_INVALID';

export interface CopyProblem {
  code: CopyProblemCode;
  message: string;
  /** The metadata field concerned, when there is one. */
  field?: string;
}

/** What the vault recorded about the copy's source, to check the copy against. */
export interface ExpectedCopy {
  pageAmount?: number;
  sourceSha256?: string;
  docCode?: string;
}

export interface VerifyCopyOptions {
  /**
   * The signature check (the signing part of the package provides it): called with the file's bytes, returns
   * its problems (`SIGNATURE_INVALID`). Without it the report says the signature was not checked.
   */
  checkSignature?: (pdf: Uint8Array) => CopyProblem[] | Promise<CopyProblem[]>;
}

export interface CopyStructureReport {
  ok: boolean;
  problems: CopyProblem[];
  /** Pages in the file (absent when it could not be read). */
  pageCount?: number;
  /** `pdfaid:part` + `pdfaid:conformance`, e.g. `2B`. */
  pdfa?: string;
  /** The guidance's fields as read from XMP. */
  metadata: Record<string, string>;
  signature: 'checked' | 'not-checked';
}

const FORBIDDEN_ACTIONS = new Set([
  'Launch',
  'Sound',
  'Movie',
  'ResetForm',
  'ImportData',
  'Hide',
  'SetOCGState',
  'Rendition',
  'Trans',
  'GoTo3DView',
]);

function text(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFHexString || value instanceof PDFString) return value.decodeText();
  if (value instanceof PDFName) return value.decodeText();
  return undefined;
}

/** Decoded streams the check reads (XMP, ICC profile) are small; a larger one is refused, not inflated. */
const MAX_DECODED = 8 * 1024 * 1024;

function streamBytes(stream: PDFStream): Uint8Array | undefined {
  try {
    if (!(stream instanceof PDFRawStream)) return stream.getContents();
    const filter = stream.dict.get(PDFName.of('Filter'));
    if (filter === undefined) return stream.contents;
    // Flate with a ceiling (a small stream can inflate to gigabytes); other filters through pdf-lib.
    if (filter === PDFName.of('FlateDecode')) return inflateSync(stream.contents, { maxOutputLength: MAX_DECODED });
    const decoded = decodePDFRawStream(stream).decode();
    return decoded.length > MAX_DECODED ? undefined : decoded;
  } catch {
    return undefined;
  }
}

/** PDF date → epoch ms (`D:YYYYMMDDHHmmSSOHH'mm'`, later parts optional). */
export function parsePdfDate(value: string): number | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?$/.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset = (Number(oh) * 60 + Number(om)) * 60_000;
  return sign === '+' ? utc - offset : sign === '-' ? utc + offset : utc;
}

class Checker {
  readonly problems: CopyProblem[] = [];
  readonly fontsWithoutProgram = new Set<string>();
  readonly imageSpaces = new Set<string>();

  add(code: CopyProblemCode, message: string, field?: string): void {
    if (this.problems.some((p) => p.code === code && p.message === message)) return;
    this.problems.push(field === undefined ? { code, message } : { code, message, field });
  }

  /** Look at every dictionary of the file for what PDF/A forbids. */
  walk(doc: PDFDocument, object: PDFObject, depth = 0): void {
    if (depth > 64) return;
    if (object instanceof PDFStream) {
      this.dictionary(doc, object.dict);
      this.walk(doc, object.dict, depth + 1);
    } else if (object instanceof PDFDict) {
      this.dictionary(doc, object);
      for (const [, value] of object.entries()) this.walk(doc, value, depth + 1);
    } else if (object instanceof PDFArray) {
      for (const value of object.asArray()) this.walk(doc, value, depth + 1);
    }
  }

  private dictionary(doc: PDFDocument, dict: PDFDict): void {
    const name = (key: string) => {
      const value = dict.get(PDFName.of(key));
      const resolved = value instanceof PDFRef ? doc.context.lookup(value) : value;
      return resolved instanceof PDFName ? resolved.decodeText() : undefined;
    };
    const has = (key: string) => dict.has(PDFName.of(key));
    const action = name('S');
    if (action === 'JavaScript' || has('JS')) this.add('JAVASCRIPT', 'The file holds JavaScript.');
    if (action && FORBIDDEN_ACTIONS.has(action))
      this.add('FORBIDDEN_ACTION', `The file holds a ${action} action, which PDF/A forbids.`);
    if (has('AA')) this.add('FORBIDDEN_ACTION', 'The file holds additional actions (AA), which PDF/A forbids.');
    if (has('XFA')) this.add('FORBIDDEN_FEATURE', 'The file holds an XFA form, which PDF/A forbids.');
    if (has('EmbeddedFiles')) this.add('FORBIDDEN_FEATURE', 'The file embeds files; a copy holds none.');
    const filter = dict.get(PDFName.of('Filter'));
    const filters = filter instanceof PDFArray ? filter.asArray() : [filter];
    if (filters.some((f) => f instanceof PDFName && f.decodeText() === 'LZWDecode'))
      this.add('FORBIDDEN_FEATURE', 'A stream uses LZWDecode, which PDF/A forbids.');
    if (dict.get(PDFName.of('Interpolate')) === PDFBool.True)
      this.add('FORBIDDEN_FEATURE', 'An image asks for interpolation, which PDF/A forbids.');
    if (name('Type') === 'Font') this.font(dict);
    if (name('Subtype') === 'Image') {
      const space = name('ColorSpace');
      if (space) this.imageSpaces.add(space);
    }
  }

  private font(dict: PDFDict): void {
    const subtype = dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
    const base = dict.lookupMaybe(PDFName.of('BaseFont'), PDFName)?.decodeText() ?? '(unnamed)';
    if (subtype === 'Type3') return;
    let target = dict;
    if (subtype === 'Type0') {
      const descendant = dict.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0);
      if (!(descendant instanceof PDFDict)) {
        this.fontsWithoutProgram.add(base);
        return;
      }
      target = descendant;
    }
    const descriptor = target.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    const program = ['FontFile', 'FontFile2', 'FontFile3'].some(
      (k) => descriptor?.lookup(PDFName.of(k)) instanceof PDFStream,
    );
    if (!program) this.fontsWithoutProgram.add(base);
  }
}

function checkHeader(pdf: Uint8Array, checker: Checker): void {
  const head = Buffer.from(pdf.subarray(0, 32)).toString('latin1');
  const m = /^%PDF-(1\.[0-7]|2\.0)\r?\n?\r?%(.{4})/s.exec(head);
  if (!m) checker.add('PDF_HEADER', 'The file does not start with a PDF header and a binary comment line.');
  else if ([...(m[2] ?? '')].some((c) => c.charCodeAt(0) < 128))
    checker.add('PDF_HEADER', 'The comment after the header must hold four bytes of 128 or more.');
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 32))).toString('latin1');
  if (!/%%EOF\s*$/.test(tail)) checker.add('PDF_EOF', 'The file does not end with %%EOF (truncated?).');
}

function checkOutputIntent(doc: PDFDocument, checker: Checker): void {
  const intents = doc.catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray);
  const pdfa = (intents?.asArray() ?? [])
    .map((i) => doc.context.lookup(i))
    .filter((i): i is PDFDict => i instanceof PDFDict)
    .filter((i) => i.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText() === 'GTS_PDFA1');
  if (pdfa.length === 0) {
    checker.add('OUTPUT_INTENT_MISSING', 'The file has no PDF/A output intent (GTS_PDFA1).');
    return;
  }
  const profiles = new Set(pdfa.map((i) => i.get(PDFName.of('DestOutputProfile'))));
  if (profiles.size > 1) checker.add('OUTPUT_INTENT_INVALID', 'The output intents name different profiles.');
  const profile = pdfa[0]?.lookup(PDFName.of('DestOutputProfile'));
  if (!(profile instanceof PDFStream)) {
    checker.add('OUTPUT_INTENT_INVALID', 'The output intent has no embedded ICC profile.');
    return;
  }
  const bytes = streamBytes(profile);
  const header = bytes ? readIccHeader(bytes) : undefined;
  const n = profile.dict.lookupMaybe(PDFName.of('N'), PDFNumber)?.asNumber();
  const channels: Record<string, number> = { 'RGB ': 3, GRAY: 1, CMYK: 4 };
  if (!header || header.size !== bytes?.length) {
    checker.add('OUTPUT_INTENT_INVALID', 'The output intent profile is not a valid ICC profile.');
  } else if (!['mntr', 'prtr', 'scnr', 'spac'].includes(header.deviceClass)) {
    checker.add('OUTPUT_INTENT_INVALID', `The output intent profile is of class ${header.deviceClass}.`);
  } else if (channels[header.colorSpace] !== n) {
    checker.add('OUTPUT_INTENT_INVALID', 'The output intent profile and its N entry disagree.');
  } else if (header.colorSpace !== 'RGB ' && checker.imageSpaces.has('DeviceRGB')) {
    checker.add('OUTPUT_INTENT_INVALID', 'RGB images with a non-RGB output intent.');
  }
}

function readCatalogXmp(doc: PDFDocument, checker: Checker): XmpReading | undefined {
  const stream = doc.catalog.lookup(PDFName.of('Metadata'));
  const bytes = stream instanceof PDFStream ? streamBytes(stream) : undefined;
  if (!bytes) {
    checker.add('XMP_MISSING', 'The file has no readable XMP metadata stream.');
    return undefined;
  }
  const xmp = readXmp(new TextDecoder().decode(bytes));
  if (xmp.pdfaPart === undefined || xmp.pdfaConformance === undefined) {
    checker.add('PDFA_ID_MISSING', 'The XMP metadata has no PDF/A identification (pdfaid:part, pdfaid:conformance).');
  } else if (!['1', '2'].includes(xmp.pdfaPart) || !['A', 'B', 'U'].includes(xmp.pdfaConformance)) {
    checker.add(
      'PDFA_ID_UNEXPECTED',
      `The file says PDF/A-${xmp.pdfaPart}${xmp.pdfaConformance}; the guidance asks for PDF/A-1 or PDF/A-2.`,
    );
  }
  // PDF/A-1 (6.7.2, Technical Corrigendum 2) keeps the catalog's metadata stream unfiltered; PDF/A-2 lets it be.
  if (xmp.pdfaPart === '1' && stream instanceof PDFStream && stream.dict.has(PDFName.of('Filter')))
    checker.add(
      'XMP_FILTERED',
      'The file says PDF/A-1 but its XMP metadata stream is filtered, which PDF/A-1 forbids.',
    );
  if (xmp.fields.size > 0 && !xmp.extensionNamespaces.has(COPY_NS))
    checker.add('XMP_EXTENSION_SCHEMA_MISSING', 'The copy metadata namespace has no PDF/A extension schema.');
  return xmp;
}

/** Standard information keys and their XMP twins (ISO 19005-2, 6.6.2.3). */
const TWINS: Array<[info: string, xmp: string, kind: 'text' | 'date']> = [
  ['Title', 'dc:title', 'text'],
  ['Author', 'dc:creator', 'text'],
  ['Subject', 'dc:description', 'text'],
  ['Keywords', 'pdf:Keywords', 'text'],
  ['Creator', 'xmp:CreatorTool', 'text'],
  ['Producer', 'pdf:Producer', 'text'],
  ['CreationDate', 'xmp:CreateDate', 'date'],
  ['ModDate', 'xmp:ModifyDate', 'date'],
];

function checkMetadata(doc: PDFDocument, xmp: XmpReading, checker: Checker): void {
  const infoRef = doc.context.trailerInfo.Info;
  const info = infoRef ? doc.context.lookup(infoRef) : undefined;
  const infoValue = (key: string) => (info instanceof PDFDict ? text(info.lookup(PDFName.of(key))) : undefined);
  for (const [key, twin, kind] of TWINS) {
    const a = infoValue(key);
    if (a === undefined) continue;
    const b = xmp.standard.get(twin);
    const same = kind === 'date' ? b !== undefined && parsePdfDate(a) === Date.parse(b) : a === b;
    if (!same) checker.add('METADATA_INCONSISTENT', `The information entry ${key} and XMP ${twin} differ.`, key);
  }
  for (const field of COPY_FIELDS) {
    const inXmp = xmp.fields.get(field.name);
    const inInfo = infoValue(field.name);
    if (inXmp === undefined && field.required) {
      checker.add('METADATA_MISSING', `The copy metadata lacks ${field.name}.`, field.name);
    } else if (inXmp !== inInfo) {
      checker.add(
        'METADATA_INCONSISTENT',
        `${field.name} differs between XMP and the information dictionary.`,
        field.name,
      );
    }
  }
  const code = xmp.fields.get('DocCode');
  const identifier = xmp.standard.get('dc:identifier');
  if (code !== undefined && identifier !== undefined && identifier !== code)
    checker.add('METADATA_INCONSISTENT', 'dc:identifier differs from DocCode.', 'DocCode');
}

/**
 * Check a copy's structure and metadata, and compare it with what the vault recorded. Never throws for a bad
 * file: an unreadable one gives `PDF_UNREADABLE`.
 *
 * @example
 * const report = await verifyCopyStructure(bytes, { pageAmount: 2, sourceSha256 });
 * if (!report.ok) for (const p of report.problems) console.error(p.code, p.message);
 */
export async function verifyCopyStructure(
  pdf: Uint8Array,
  expected: ExpectedCopy = {},
  options: VerifyCopyOptions = {},
): Promise<CopyStructureReport> {
  const checker = new Checker();
  const report = (extra: Partial<CopyStructureReport>): CopyStructureReport => ({
    ok: checker.problems.length === 0,
    problems: checker.problems,
    metadata: {},
    signature: 'not-checked',
    ...extra,
  });
  checkHeader(pdf, checker);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
  } catch (cause) {
    checker.add('PDF_UNREADABLE', `The file cannot be read as a PDF (${(cause as Error).message ?? 'parse error'}).`);
    return report({});
  }
  if (doc.context.trailerInfo.Encrypt) checker.add('ENCRYPTED', 'The file is encrypted, which PDF/A forbids.');
  if (!doc.context.trailerInfo.ID) checker.add('TRAILER_ID_MISSING', 'The trailer has no document ID.');
  for (const [, object] of doc.context.enumerateIndirectObjects()) checker.walk(doc, object);
  checker.walk(doc, doc.catalog);
  for (const font of checker.fontsWithoutProgram) checker.add('FONT_NOT_EMBEDDED', `The font ${font} is not embedded.`);
  checkOutputIntent(doc, checker);
  const xmp = readCatalogXmp(doc, checker);
  const pageCount = doc.getPageCount();
  doc.getPages().forEach((page, i) => {
    const { width, height } = page.getMediaBox();
    if (Math.min(width, height) < 3 || Math.max(width, height) > 14_400)
      checker.add('PAGE_SIZE', `Page ${i + 1} is ${width}×${height} pt; PDF/A allows 3 to 14400.`);
  });
  const fields = Object.fromEntries(xmp?.fields ?? []);
  if (xmp) checkMetadata(doc, xmp, checker);
  const recorded = fields.PageAmount;
  if (recorded !== undefined && Number(recorded) !== pageCount)
    checker.add('PAGE_COUNT_MISMATCH', `The file has ${pageCount} pages; its metadata says ${recorded}.`, 'PageAmount');
  if (expected.pageAmount !== undefined && expected.pageAmount !== pageCount)
    checker.add('PAGE_COUNT_MISMATCH', `The file has ${pageCount} pages; the source had ${expected.pageAmount}.`);
  if (expected.sourceSha256 !== undefined && fields.SourceSHA256?.toLowerCase() !== expected.sourceSha256.toLowerCase())
    checker.add('SOURCE_HASH_MISMATCH', 'The source hash in the copy differs from the recorded one.', 'SourceSHA256');
  if (expected.docCode !== undefined && fields.DocCode !== expected.docCode)
    checker.add('DOC_CODE_MISMATCH', 'The DocCode in the copy differs from the recorded one.', 'DocCode');
  let signature: CopyStructureReport['signature'] = 'not-checked';
  if (options.checkSignature) {
    for (const p of await options.checkSignature(pdf)) checker.add(p.code, p.message, p.field);
    signature = 'checked';
  }
  return report({
    pageCount,
    pdfa: xmp?.pdfaPart && xmp.pdfaConformance ? `${xmp.pdfaPart}${xmp.pdfaConformance}` : undefined,
    metadata: fields,
    signature,
  });
}
