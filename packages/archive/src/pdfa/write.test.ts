import { inflateSync } from 'node:zlib';
import { isSohoaError } from '@sohoa/core';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { copyMetadata, copyPage, makePageImage } from './test-fixtures';
import { verifyCopyStructure } from './verify';
import { writeArchivalCopy } from './write';

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  try {
    await promise;
    expect.unreachable(`expected ${code}`);
  } catch (e) {
    expect(isSohoaError(e) ? e.code : e).toBe(code);
  }
}

describe('writeArchivalCopy', () => {
  it('writes one page per source page, in order, and passes its own structural check', async () => {
    const pages = [await copyPage('jpeg'), await copyPage('png', [], 200), await copyPage('tiff', [])];
    const pdf = await writeArchivalCopy({ pages, metadata: copyMetadata(3) });
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())])).toEqual([
      [144, 96],
      [216, 144],
      [144, 96],
    ]);
    const report = await verifyCopyStructure(pdf, { pageAmount: 3, sourceSha256: 'ab'.repeat(32) });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.pdfa).toBe('2B');
    expect(report.metadata.DocCode).toBe('G09.01.02_CC_000017_V1');
  });

  it('is reproducible: the same input gives the same bytes', async () => {
    const pages = [await copyPage('jpeg')];
    const a = await writeArchivalCopy({ pages, metadata: copyMetadata(1) });
    const b = await writeArchivalCopy({ pages, metadata: copyMetadata(1) });
    expect(Buffer.compare(a, b)).toBe(0);
    const c = await writeArchivalCopy({ pages, metadata: copyMetadata(1, { docCode: 'G09.01.02_CC_000018_V1' }) });
    expect(Buffer.compare(a, c)).not.toBe(0);
  });

  it('keeps the JPEG stream byte for byte (DCTDecode, no re-encoding)', async () => {
    const page = await copyPage('jpeg');
    const doc = await PDFDocument.load(await writeArchivalCopy({ pages: [page], metadata: copyMetadata(1) }));
    const images = doc.context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .filter(
        (o): o is PDFRawStream =>
          o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'),
      );
    expect(images).toHaveLength(1);
    expect(images[0]?.dict.get(PDFName.of('Filter'))).toBe(PDFName.of('DCTDecode'));
    expect(Buffer.compare(Buffer.from(images[0]?.contents ?? []), Buffer.from(page.image))).toBe(0);
  });

  it('needs no font when no page has words', async () => {
    const pdf = await writeArchivalCopy({ pages: [await copyPage('jpeg', [])], metadata: copyMetadata(1) });
    expect(Buffer.from(pdf).includes('FontFile2')).toBe(false);
    expect((await verifyCopyStructure(pdf)).ok).toBe(true);
  });

  it('skips words it cannot place (empty, no box, characters the font lacks) and keeps the rest', async () => {
    const words = [
      { text: '   ', box: { x: 1, y: 1, width: 10, height: 10 } },
      { text: 'zero', box: { x: 1, y: 1, width: 0, height: 10 } },
      { text: '漢字', box: { x: 1, y: 1, width: 10, height: 10 } },
      { text: 'Hà漢字Nội', box: { x: 10, y: 10, width: 100, height: 20 } },
    ];
    const pdf = await writeArchivalCopy({ pages: [await copyPage('jpeg', words)], metadata: copyMetadata(1) });
    expect((await verifyCopyStructure(pdf)).ok).toBe(true);
    const doc = await PDFDocument.load(pdf);
    const contents = doc.getPage(0).node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    const ops = streams.map((s) => new TextDecoder().decode(decodePDFRawStream(s as PDFRawStream).decode())).join('\n');
    // One word placed (`HàNội`, the CJK characters dropped), invisibly.
    expect(ops.match(/\bTj\b/g)).toHaveLength(1);
    expect(ops).toMatch(/\b3 Tr\b/);
  });

  it('refuses a CMYK JPEG with a typed error (an sRGB output intent takes grey or RGB)', async () => {
    const page = { ...(await copyPage('jpeg')), image: await makePageImage('jpeg-cmyk') };
    await expectCode(writeArchivalCopy({ pages: [page], metadata: copyMetadata(1) }), 'ARCHIVE_IMAGE_UNSUPPORTED');
  });

  it('refuses a font that is not a font, with a typed error', async () => {
    const input = { pages: [await copyPage('jpeg')], metadata: copyMetadata(1), font: new Uint8Array(64) };
    await expectCode(writeArchivalCopy(input), 'ARCHIVE_FONT_MISSING');
  });

  it('refuses bytes that are no image', async () => {
    const page = { ...(await copyPage('jpeg')), image: new TextEncoder().encode('not an image at all') };
    await expectCode(writeArchivalCopy({ pages: [page], metadata: copyMetadata(1) }), 'ARCHIVE_IMAGE_UNSUPPORTED');
    const truncated = { ...(await copyPage('jpeg')), image: (await makePageImage('jpeg')).subarray(0, 40) };
    await expectCode(writeArchivalCopy({ pages: [truncated], metadata: copyMetadata(1) }), 'ARCHIVE_IMAGE_UNSUPPORTED');
  });

  it('refuses input that would make a wrong copy', async () => {
    const page = await copyPage('jpeg');
    const cases: Array<[string, Parameters<typeof writeArchivalCopy>[0]]> = [
      ['no pages', { pages: [], metadata: copyMetadata(0) }],
      ['page count', { pages: [page], metadata: copyMetadata(2) }],
      ['hash', { pages: [page], metadata: copyMetadata(1, { sourceSha256: 'abc' }) }],
      ['date', { pages: [page], metadata: copyMetadata(1, { digitisedAt: 'today' }) }],
      ['issued', { pages: [page], metadata: copyMetadata(1, { issuedDate: '15/07/2024' }) }],
      ['doc code', { pages: [page], metadata: copyMetadata(1, { docCode: 'x'.repeat(31) }) }],
      ['type name', { pages: [page], metadata: copyMetadata(1, { typeName: ' ' }) }],
      ['size', { pages: [{ ...page, width: 601 }], metadata: copyMetadata(1) }],
      ['dpi', { pages: [{ ...page, dpi: 0 }], metadata: copyMetadata(1) }],
      ['bytes', { pages: [{ ...page, image: new Uint8Array() }], metadata: copyMetadata(1) }],
      ['control character', { pages: [page], metadata: copyMetadata(1, { subject: 'a\u0001b' }) }],
      ['lone surrogate', { pages: [page], metadata: copyMetadata(1, { organName: 'a\uD800' }) }],
      ['page too small', { pages: [{ ...page, dpi: 100_000 }], metadata: copyMetadata(1) }],
      ['page too large', { pages: [{ ...page, dpi: 2 }], metadata: copyMetadata(1) }],
    ];
    for (const [, input] of cases) await expectCode(writeArchivalCopy(input), 'ARCHIVE_INPUT_INVALID');
  });

  it('keeps values with line breaks, markup and quotes intact in XMP and Info', async () => {
    const description = 'Dòng 1\n  Dòng 2 <b>&amp;</b> "x" \'y\'\tz';
    const pdf = await writeArchivalCopy({
      pages: [await copyPage('jpeg')],
      metadata: copyMetadata(1, { description }),
    });
    const report = await verifyCopyStructure(pdf);
    expect(report.problems).toEqual([]);
    expect(report.metadata.Description).toBe(description);
  });

  it('writes the XMP metadata stream Flate-compressed (PDF/A-2), and dates identical in XMP and Info', async () => {
    const pdf = await writeArchivalCopy({ pages: [await copyPage('jpeg')], metadata: copyMetadata(1) });
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const xmp = doc.catalog.lookup(PDFName.of('Metadata'));
    expect(xmp).toBeInstanceOf(PDFRawStream);
    expect((xmp as PDFRawStream).dict.get(PDFName.of('Filter'))).toBe(PDFName.of('FlateDecode'));
    const text = new TextDecoder().decode(inflateSync((xmp as PDFRawStream).contents));
    expect(text).toContain('<xmp:CreateDate>2026-12-07T09:30:00Z</xmp:CreateDate>');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-12-07T09:30:00.000Z');
  });
});
