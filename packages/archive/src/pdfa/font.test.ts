import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFRawStream, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedTextLayerFont, glyphlessTrueType, type SourceFont, toUnicodeCMap } from './font';

const dejavu = readFileSync(
  createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf'),
) as unknown as Buffer;
const source = fontkit.create(dejavu) as unknown as SourceFont & { glyphForCodePoint(cp: number): { id: number } };

describe('the text-layer font', () => {
  it('is a TrueType program of empty glyphs with the source font’s advance widths', () => {
    const widths = [0, 1300, 700, 1251];
    const program = glyphlessTrueType(source, widths);
    const parsed = fontkit.create(Buffer.from(program)) as unknown as {
      numGlyphs: number;
      unitsPerEm: number;
      getGlyph(id: number): { advanceWidth: number; path: { commands: unknown[] } };
    };
    expect(parsed.numGlyphs).toBe(4);
    expect(parsed.unitsPerEm).toBe(source.unitsPerEm);
    expect([0, 1, 2, 3].map((id) => parsed.getGlyph(id).advanceWidth)).toEqual(widths);
    expect([1, 2, 3].every((id) => parsed.getGlyph(id).path.commands.length === 0)).toBe(true);
    expect(program.length).toBeLessThan(400);
  });

  it('maps CIDs back to text: ranges of consecutive code points within a 256 block, single characters otherwise', () => {
    const cmap = toUnicodeCMap([0x41, 0x42, 0x43, 0x61, 0x1ea1, 0x1f600]);
    expect(cmap).toContain('1 beginbfrange\n<0001><0003><0041>\nendbfrange');
    expect(cmap).toContain('<0004><0061>');
    expect(cmap).toContain('<0005><1EA1>');
    // Outside the BMP: the UTF-16 surrogate pair.
    expect(cmap).toContain('<0006><D83DDE00>');
    // A run crossing a 256-code boundary of the destination is split (the last byte would overflow).
    expect(toUnicodeCMap([0xfe, 0xff, 0x100, 0x101])).toContain('<0001><0002><00FE>\n<0003><0004><0100>');
  });

  it('embeds only the characters shown, with W widths equal to the program’s and a ToUnicode map', async () => {
    const doc = await PDFDocument.create();
    const font = embedTextLayerFont(doc, source, 'ABCDEF+DejaVuSansCondensed', ['Họ tên', 'Nguyễn']);
    if (!font) throw new Error('no font');
    const type0 = doc.context.lookup(font.ref, PDFDict);
    const cid = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    const widths = cid.lookup(PDFName.of('W'), PDFArray);
    expect(widths.lookup(0, PDFNumber).asNumber()).toBe(1);
    const characters = [...new Set('Họ tênNguyễn')].filter((c) => c !== ' ').length + 1; // and the space
    const list = widths.lookup(1, PDFArray);
    expect(list.size()).toBe(characters);
    // The program's hmtx says the same widths (1000/em units, rounded).
    const descriptor = cid.lookup(PDFName.of('FontDescriptor'), PDFDict);
    const file = descriptor.lookup(PDFName.of('FontFile2')) as PDFRawStream;
    const program = fontkit.create(inflateSync(file.contents)) as unknown as {
      getGlyph(id: number): { advanceWidth: number };
    };
    for (let i = 0; i < characters; i++) {
      const w = list.lookup(i, PDFNumber).asNumber();
      expect(Math.abs(w - (program.getGlyph(i + 1).advanceWidth * 1000) / source.unitsPerEm)).toBeLessThanOrEqual(0.5);
    }
    // Widths and encoding follow the source font's glyphs for each character.
    const h = source.glyphForCodePoint('H'.codePointAt(0)!) as unknown as { advanceWidth: number };
    expect(font.widthOf('H', 10)).toBeCloseTo((Math.round((h.advanceWidth * 1000) / source.unitsPerEm) * 10) / 1000, 6);
    expect(font.encode('H').toString()).toMatch(/^<[0-9A-F]{4}>$/);
    expect(() => font.encode('Z')).toThrow(/not in the subset/);
    const toUnicode = type0.lookup(PDFName.of('ToUnicode')) as PDFRawStream;
    expect(inflateSync(toUnicode.contents).toString('latin1')).toContain('begincmap');
    expect(embedTextLayerFont(doc, source, 'X', ['', ''])).toBeUndefined();
    expect((font.ref as PDFRef).objectNumber).toBeGreaterThan(0);
  });
});
