// The text layer's font: a CIDFontType2 subset of the characters a copy shows, whose glyphs keep the source font's
// advance widths but have no outlines. The layer is drawn in text render mode 3 (invisible), so outlines are never
// painted; what selection, search and copy-paste use is kept: the widths (where each character sits in its word)
// and the ToUnicode map (what it means). A subset with outlines and the font's hinting programs cost ~6–8 KB
// per copy, most of a small scan's overhead; this one costs a few hundred bytes.
//
// ISO 19005-2 (PDF/A-2) 6.2.11.4.1 does not even require embedding a font used only in render mode 3; it is
// embedded anyway (readers and checkers that do not make the exception see an embedded font), with glyph widths
// in `W` equal to the font program's (6.2.11.5) and no character shown with glyph 0 (`.notdef`, 6.2.11.8).

import { type PDFDocument, PDFHexString, type PDFRef, PDFString } from 'pdf-lib';

/** What the writer needs of a parsed font (fontkit's). */
export interface SourceFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight?: number;
  italicAngle?: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
}

/** The font of one copy: every character it shows, numbered 1…n (CID = glyph index of the subset). */
export interface TextLayerFont {
  ref: PDFRef;
  /** Hex string of the CIDs of `text` (every character must be in the subset). */
  encode(text: string): PDFHexString;
  /** Advance width of `text` at `size` points. */
  widthOf(text: string, size: number): number;
}

function tag(text: string): number {
  return (
    ((text.charCodeAt(0) << 24) | (text.charCodeAt(1) << 16) | (text.charCodeAt(2) << 8) | text.charCodeAt(3)) >>> 0
  );
}

function checksum(data: Uint8Array): number {
  const padded = new Uint8Array((data.length + 3) & ~3);
  padded.set(data);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/**
 * A TrueType program of `widths.length` empty glyphs (glyph 0 is `.notdef`) with these advance widths (font units):
 * the tables a PDF embedded TrueType font needs (ISO 32000-1 9.9: glyf, head, hhea, hmtx, loca, maxp) and `post`.
 */
export function glyphlessTrueType(font: SourceFont, widths: readonly number[]): Uint8Array {
  const n = widths.length;
  const u16 = (view: DataView, at: number, v: number) => view.setUint16(at, v & 0xffff);
  const i16 = (view: DataView, at: number, v: number) => view.setInt16(at, Math.round(v));
  const table = (size: number, fill: (view: DataView) => void) => {
    const out = new Uint8Array(size);
    fill(new DataView(out.buffer));
    return out;
  };
  const maxWidth = Math.max(0, ...widths);
  const head = table(54, (v) => {
    v.setUint32(0, 0x00010000); // version 1.0
    v.setUint32(4, 0x00010000); // fontRevision
    // 8: checkSumAdjustment, set below
    v.setUint32(12, 0x5f0f3cf5); // magic
    u16(v, 16, 0b1011); // flags: baseline at 0, lsb at 0, integer ppem
    u16(v, 18, font.unitsPerEm);
    // 20–35: created and modified dates, zero (reproducible bytes)
    i16(v, 36, font.bbox.minX);
    i16(v, 38, font.bbox.minY);
    i16(v, 40, font.bbox.maxX);
    i16(v, 42, font.bbox.maxY);
    u16(v, 46, 8); // lowestRecPPEM
    i16(v, 48, 2); // fontDirectionHint
    i16(v, 50, 0); // indexToLocFormat: short
    i16(v, 52, 0); // glyphDataFormat
  });
  const hhea = table(36, (v) => {
    v.setUint32(0, 0x00010000);
    i16(v, 4, font.ascent);
    i16(v, 6, font.descent);
    u16(v, 10, maxWidth); // advanceWidthMax
    i16(v, 18, font.bbox.maxX); // xMaxExtent
    i16(v, 20, 1); // caretSlopeRise
    u16(v, 34, n); // numberOfHMetrics
  });
  const maxp = table(32, (v) => {
    v.setUint32(0, 0x00010000); // version 1.0 (TrueType outlines)
    u16(v, 4, n);
    u16(v, 14, 1); // maxZones
  });
  const hmtx = table(4 * n, (v) => {
    widths.forEach((w, i) => u16(v, 4 * i, w));
  });
  const loca = new Uint8Array(2 * (n + 1)); // every glyph empty: all offsets 0
  const glyf = new Uint8Array(0);
  const post = table(32, (v) => v.setUint32(0, 0x00030000)); // format 3: no glyph names
  const tables: Array<[string, Uint8Array]> = [
    ['glyf', glyf],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', loca],
    ['maxp', maxp],
    ['post', post],
  ];
  const count = tables.length;
  let offset = 12 + 16 * count;
  const size = tables.reduce((total, [, data]) => total + ((data.length + 3) & ~3), offset);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x00010000);
  let pow = 1;
  while (pow * 2 <= count) pow *= 2;
  u16(view, 4, count);
  u16(view, 6, pow * 16); // searchRange
  u16(view, 8, Math.log2(pow)); // entrySelector
  u16(view, 10, count * 16 - pow * 16); // rangeShift
  tables.forEach(([name, data], i) => {
    const at = 12 + 16 * i;
    view.setUint32(at, tag(name));
    view.setUint32(at + 4, checksum(data));
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, data.length);
    out.set(data, offset);
    offset += (data.length + 3) & ~3;
  });
  const headAt = view.getUint32(12 + 16 * 1 + 8);
  view.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** UTF-16BE code units of a code point in hex (a surrogate pair outside the BMP). */
function utf16Hex(codePoint: number): string {
  const text = String.fromCodePoint(codePoint);
  let out = '';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(4, '0');
  return out.toUpperCase();
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();

/**
 * The ToUnicode CMap of CIDs 1…n for `codePoints` (sorted ascending): runs of consecutive code points within one
 * 256-code block become one `bfrange`, the rest `bfchar` entries, at most 100 per block (ISO 32000-1 9.10.3).
 */
export function toUnicodeCMap(codePoints: readonly number[]): string {
  const ranges: string[] = [];
  const chars: string[] = [];
  let i = 0;
  while (i < codePoints.length) {
    let j = i;
    const cp = codePoints[i]!;
    // A range stays within one 256-CID block and keeps the destination's last byte from overflowing (BMP only).
    while (j + 1 < codePoints.length) {
      const next = codePoints[j + 1]!;
      const fits = next === codePoints[j]! + 1 && next <= 0xffff && next >> 8 === cp >> 8;
      if (!fits || (j + 2) >> 8 !== (i + 1) >> 8) break;
      j++;
    }
    if (j > i) ranges.push(`<${hex4(i + 1)}><${hex4(j + 1)}><${utf16Hex(cp)}>`);
    else chars.push(`<${hex4(i + 1)}><${utf16Hex(cp)}>`);
    i = j + 1;
  }
  const blocks = (name: string, entries: string[]) => {
    const out: string[] = [];
    for (let at = 0; at < entries.length; at += 100) {
      const part = entries.slice(at, at + 100);
      out.push(`${part.length} begin${name}\n${part.join('\n')}\nend${name}`);
    }
    return out.join('\n');
  };
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange\n<0000><FFFF>\nendcodespacerange',
    blocks('bfrange', ranges),
    blocks('bfchar', chars),
    'endcmap',
    'CMapName currentdict /CIDResource defineresource pop',
    'end',
    'end',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * Embed the text layer's font for the characters of `texts`: a Type0 font (`Identity-H`) over a CIDFontType2 whose
 * CID `i` is glyph `i` of a glyphless TrueType program with the source font's advance widths. `undefined` when
 * there is no character to show. Characters the source font lacks must have been dropped by the caller.
 */
export function embedTextLayerFont(
  doc: PDFDocument,
  font: SourceFont,
  baseFont: string,
  texts: Iterable<string>,
): TextLayerFont | undefined {
  const seen = new Set<number>();
  for (const text of texts) for (const ch of text) seen.add(ch.codePointAt(0) ?? 0);
  seen.delete(0);
  if (seen.size === 0) return undefined;
  if (seen.size > 0xfffe) throw new Error('too many characters for one text-layer font');
  const codePoints = [...seen].sort((a, b) => a - b);
  const cidOf = new Map<number, number>();
  const unitsWidths = [0]; // glyph 0: .notdef, never shown
  for (const [index, cp] of codePoints.entries()) {
    cidOf.set(cp, index + 1);
    unitsWidths.push(Math.max(0, Math.round(font.glyphForCodePoint(cp).advanceWidth)));
  }
  const scale = 1000 / font.unitsPerEm;
  // `W` widths are the program's widths in text space units, rounded: within 1 unit of the font program's, as
  // PDF/A checkers compare them.
  const pdfWidths = unitsWidths.map((w) => Math.round(w * scale));
  const program = glyphlessTrueType(font, unitsWidths);
  const context = doc.context;
  const fontFile = context.register(context.flateStream(program, { Length1: program.length }));
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: baseFont,
      Flags: 4, // symbolic: the glyphs are reached by CID, not by a standard encoding
      FontBBox: [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY].map((v) => Math.round(v * scale)),
      ItalicAngle: font.italicAngle ?? 0,
      Ascent: Math.round(font.ascent * scale),
      Descent: Math.round(font.descent * scale),
      CapHeight: Math.round((font.capHeight ?? font.ascent) * scale),
      StemV: 80,
      FontFile2: fontFile,
    }),
  );
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: baseFont,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [1, pdfWidths.slice(1)],
      CIDToGIDMap: 'Identity',
    }),
  );
  const toUnicode = context.register(context.flateStream(new TextEncoder().encode(toUnicodeCMap(codePoints))));
  const ref = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }),
  );
  return {
    ref,
    encode(text) {
      let hex = '';
      for (const ch of text) {
        const cid = cidOf.get(ch.codePointAt(0) ?? 0);
        if (cid === undefined) throw new Error(`character U+${hex4(ch.codePointAt(0) ?? 0)} is not in the subset`);
        hex += hex4(cid);
      }
      return PDFHexString.of(hex);
    },
    widthOf(text, size) {
      let units = 0;
      for (const ch of text) units += pdfWidths[cidOf.get(ch.codePointAt(0) ?? 0) ?? 0] ?? 0;
      return (units * size) / 1000;
    },
  };
}
