import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFRawStream,
  type PDFObject,
} from 'pdf-lib';

/** Text of a `ToUnicode` CMap as a glyph-code → text map (bfchar and bfrange). */
function parseToUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const hexText = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(code!.toUpperCase(), hexText(text!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, start] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const first = parseInt(from!, 16);
      for (let code = first; code <= parseInt(to!, 16); code++) {
        map.set(
          code.toString(16).toUpperCase().padStart(4, '0'),
          String.fromCodePoint(parseInt(start!, 16) + code - first),
        );
      }
    }
  }
  return map;
}

const decode = (stream: PDFObject | undefined) =>
  new TextDecoder().decode(decodePDFRawStream(stream as PDFRawStream).decode());

/**
 * Extract the text of a PDF written by `renderPdf` the way a text extractor would: glyph codes of
 * `Tj` strings through each font's `ToUnicode` CMap, runs at the same baseline joined into a line.
 * Test helper for machines without `pdftotext`; it understands only what pdf-lib writes.
 */
export async function extractText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const pages: string[] = [];
  for (const page of doc.getPages()) {
    const fonts = new Map<string, Map<string, string>>();
    const fontDict = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
    for (const [name, ref] of fontDict?.entries() ?? []) {
      const font = doc.context.lookup(ref, PDFDict);
      fonts.set(name.asString(), parseToUnicode(decode(font.lookup(PDFName.of('ToUnicode')))));
    }
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    const lines: Array<{ y: number; text: string }> = [];
    let font: Map<string, string> | undefined;
    let y = NaN;
    for (const stream of streams) {
      for (const line of decode(stream).split('\n')) {
        const tf = /^(\/\S+) [\d.]+ Tf$/.exec(line);
        if (tf) font = fonts.get(tf[1]!);
        const tm = /^1 0 0 1 [-\d.]+ ([-\d.]+) Tm$/.exec(line);
        if (tm) y = Number(tm[1]);
        const tj = /^<([0-9A-Fa-f]*)> Tj$/.exec(line);
        if (!tj) continue;
        const text = (tj[1]!.match(/.{4}/g) ?? []).map((code) => font?.get(code.toUpperCase()) ?? '\uFFFD').join('');
        const last = lines[lines.length - 1];
        if (last && last.y === y) last.text += text;
        else lines.push({ y, text });
      }
    }
    pages.push(lines.map((l) => l.text).join('\n'));
  }
  return pages.join('\n\f');
}
