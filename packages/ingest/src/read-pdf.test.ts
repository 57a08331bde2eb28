import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import {
  PDFDocument,
  PDFName,
  StandardFonts,
  concatTransformationMatrix,
  degrees,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFPage,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPages } from './read-pages';
import { expectCode, makeImage, makeRaster } from './test-fixtures';

function paint(page: PDFPage, name: string, width: number, height: number): void {
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(width, 0, 0, height, 0, 0),
    drawObject(name),
    popGraphicsState(),
  );
}

/** Add a raw image XObject with the given dictionary entries and stream bytes, painted over the whole page. */
function addImage(doc: PDFDocument, page: PDFPage, bytes: Uint8Array, dict: Record<string, unknown>): void {
  const stream = doc.context.stream(bytes, { Type: 'XObject', Subtype: 'Image', ...dict } as never);
  const ref = doc.context.register(stream);
  const name = page.node.newXObject('Scan', ref);
  paint(page, name.asString().slice(1), page.getWidth(), page.getHeight());
}

/** The single strip of a TIFF written by sharp (tags 273 StripOffsets, 279 StripByteCounts). */
function tiffStrip(tiff: Buffer): Uint8Array {
  const ifd = tiff.readUInt32LE(4);
  const count = tiff.readUInt16LE(ifd);
  let offset = 0;
  let length = 0;
  for (let i = 0; i < count; i++) {
    const at = ifd + 2 + i * 12;
    const tag = tiff.readUInt16LE(at);
    const value = tiff.readUInt16LE(at + 2) === 3 ? tiff.readUInt16LE(at + 8) : tiff.readUInt32LE(at + 8);
    if (tag === 273) offset = value;
    if (tag === 279) length = value;
  }
  return tiff.subarray(offset, offset + length);
}

const load = async (doc: PDFDocument, name = 'doc.pdf', options = {}) =>
  readPages({ bytes: await doc.save(), name }, options);

describe('readPages on PDFs', () => {
  it('extracts an embedded JPEG scan at its own size and computes the DPI', async () => {
    const jpeg = await makeImage('jpeg', 300, 200);
    const doc = await PDFDocument.create();
    const image = await doc.embedJpg(jpeg);
    for (let i = 0; i < 2; i++) {
      const page = doc.addPage([72, 48]); // 1 × 2/3 inch → 300 dpi
      page.drawImage(image, { x: 0, y: 0, width: 72, height: 48 });
    }
    const pages = await load(doc, 'scan.pdf');
    expect(pages).toHaveLength(2);
    expect(pages[1]).toMatchObject({ width: 300, height: 200, channels: 3, dpi: 300 });
    expect(pages[1]!.source).toMatchObject({ file: 'scan.pdf', page: 2, pageCount: 2 });
    const direct = await sharp(jpeg).raw().toBuffer();
    expect(Buffer.from(pages[0]!.pixels).equals(direct)).toBe(true);
  });

  it('decodes a Flate RGB image (pdf-lib PNG embedding) to the original pixels', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([120, 80]);
    page.drawImage(await doc.embedPng(await makeImage('png', 120, 80)), { x: 0, y: 0, width: 120, height: 80 });
    const [out] = await load(doc);
    expect(out).toMatchObject({ width: 120, height: 80, dpi: 72 });
    expect(Buffer.from(out!.pixels).equals(await makeRaster(120, 80))).toBe(true);
  });

  it('undoes PNG predictors on an 8-bit grey Flate image', async () => {
    const width = 16;
    const height = 6;
    const grey = Uint8Array.from({ length: width * height }, (_, i) => (i * 37) % 256);
    const rows: number[] = [];
    for (let y = 0; y < height; y++) {
      const type = y % 3 === 0 ? 1 : 2; // Sub, Up
      rows.push(type);
      for (let x = 0; x < width; x++) {
        const value = grey[y * width + x]!;
        const ref = type === 1 ? (x > 0 ? grey[y * width + x - 1]! : 0) : y > 0 ? grey[(y - 1) * width + x]! : 0;
        rows.push((value - ref + 256) % 256);
      }
    }
    const doc = await PDFDocument.create();
    const page = doc.addPage([width, height]);
    addImage(doc, page, deflateSync(Uint8Array.from(rows)), {
      Width: width,
      Height: height,
      BitsPerComponent: 8,
      ColorSpace: 'DeviceGray',
      Filter: 'FlateDecode',
      DecodeParms: { Predictor: 15, Colors: 1, BitsPerComponent: 8, Columns: width },
    });
    const [out] = await load(doc);
    const firstChannel = out!.pixels.filter((_, i) => i % 3 === 0);
    expect([...firstChannel]).toEqual([...grey]);
  });

  it('unpacks 1-bit images and image masks (0 = black)', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([8, 2]);
    addImage(doc, page, deflateSync(Uint8Array.from([0b10100000, 0b11111111])), {
      Width: 8,
      Height: 2,
      ImageMask: true,
      Filter: 'FlateDecode',
    });
    const [out] = await load(doc);
    const firstChannel = [...out!.pixels.filter((_, i) => i % 3 === 0)];
    expect(firstChannel).toEqual([255, 0, 255, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255]);
  });

  it('applies the page /Rotate', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([120, 80]);
    page.drawImage(await doc.embedJpg(await makeImage('jpeg', 120, 80)), { x: 0, y: 0, width: 120, height: 80 });
    page.setRotation(degrees(90));
    const [out] = await load(doc);
    expect([out!.width, out!.height]).toEqual([80, 120]);
  });

  it('rasterises a born-digital page at renderDpi and attaches its text layer in page pixels', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([200, 100]).drawText('born digital', { x: 10, y: 50, font, size: 12 });
    const scanned = doc.addPage([120, 80]);
    scanned.drawImage(await doc.embedJpg(await makeImage('jpeg', 120, 80)), { x: 0, y: 0, width: 120, height: 80 });
    const pages = await readPages({ bytes: await doc.save(), name: 'mixed.pdf' }, { renderDpi: 144 });
    expect(pages.map((p) => [p.width, p.height, p.dpi])).toEqual([
      [400, 200, 144],
      [120, 80, 72],
    ]);
    const [span] = pages[0]!.textLayer ?? [];
    expect(span?.text).toBe('born digital');
    // x = 10 pt → 20 px at 144 dpi; the baseline at y = 50 pt from the bottom → 100 px from the top.
    expect(span!.box.x).toBeCloseTo(20, 0);
    expect(span!.box.y).toBeLessThan(100);
    expect(span!.box.y + span!.box.height).toBeGreaterThan(100);
    expect(pages[0]!.diagnostics.map((d) => d.code)).toContain('INGEST_PDF_PAGE_RENDERED');
    // The page really was drawn: dark pixels under the text, white elsewhere.
    const rowDark = (y: number) => {
      let n = 0;
      for (let x = 0; x < 400; x++) if (pages[0]!.pixels[(y * 400 + x) * 3]! < 128) n++;
      return n;
    };
    expect(rowDark(95)).toBeGreaterThan(10);
    expect(rowDark(20)).toBe(0);
    expect(pages[1]!.textLayer).toBeUndefined();
    const ignored = await readPages(
      { bytes: await doc.save(), name: 'mixed.pdf' },
      { renderDpi: 72, textLayer: 'ignore' },
    );
    expect(ignored[0]!.textLayer).toBeUndefined();
  });

  it('rasterises a CCITT G4 scan (the usual office-scanner encoding) through pdf.js', async () => {
    const width = 200;
    const height = 100;
    const raw = Buffer.alloc(width * height, 255);
    for (let y = 20; y < 80; y++) for (let x = 30; x < 170; x++) if ((x >> 3) % 2 === 0) raw[y * width + x] = 0;
    const tiff = await sharp(raw, { raw: { width, height, channels: 1 } })
      .toColourspace('b-w')
      .tiff({ compression: 'ccittfax4', bitdepth: 1 })
      .toBuffer();
    const strip = tiffStrip(tiff);
    const doc = await PDFDocument.create();
    addImage(doc, doc.addPage([width * 0.72, height * 0.72]), strip, {
      Width: width,
      Height: height,
      BitsPerComponent: 1,
      ColorSpace: 'DeviceGray',
      Filter: 'CCITTFaxDecode',
      // sharp writes G4 TIFFs as WhiteIsZero, i.e. black pixels are 1 bits.
      DecodeParms: { K: -1, Columns: width, Rows: height, BlackIs1: true },
    });
    const [page] = await load(doc, 'g4.pdf', { renderDpi: 100 });
    expect([page!.width, page!.height]).toEqual([width, height]);
    expect(page!.diagnostics.map((d) => d.code)).toContain('INGEST_PDF_PAGE_RENDERED');
    let agree = 0;
    for (let i = 0; i < width * height; i++) if (page!.pixels[i * 3]! < 128 === raw[i]! < 128) agree++;
    expect(agree / (width * height)).toBeGreaterThan(0.95);
  });

  it('rejects broken-encryption, empty, corrupt and oversized PDFs with typed errors', async () => {
    // An encryption dictionary without its /O and /U keys: pdf.js fails in an unforeseen way, which is not relabelled as a password.
    const encrypted = await PDFDocument.create();
    encrypted.addPage([10, 10]);
    encrypted.context.trailerInfo.Encrypt = encrypted.context.register(
      encrypted.context.obj({ Filter: PDFName.of('Standard'), V: 2, R: 3 }),
    );
    const failed = await expectCode(load(encrypted), 'INGEST_PDF_READER_FAILED');
    expect((failed.cause as Error).message).toMatch(/stringToBytes/);

    const empty = await (await PDFDocument.create()).save({ addDefaultPage: false });
    await expectCode(readPages({ bytes: empty, name: 'empty.pdf' }), 'INGEST_PDF_NO_PAGES');

    const garbage = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n%%EOF');
    await expectCode(readPages({ bytes: garbage, name: 'broken.pdf' }), 'INGEST_CORRUPT_PDF');

    const many = await PDFDocument.create();
    for (let i = 0; i < 3; i++) many.addPage([10, 10]);
    await expectCode(load(many, 'many.pdf', { maxPages: 2 }), 'INGEST_TOO_MANY_PAGES');

    const big = await PDFDocument.create();
    addImage(big, big.addPage([10, 10]), new Uint8Array([0]), {
      Width: 50_000,
      Height: 50_000,
      BitsPerComponent: 8,
      ColorSpace: 'DeviceGray',
      Filter: 'FlateDecode',
    });
    await expectCode(load(big), 'INGEST_TOO_MANY_PIXELS');
  });

  it('rejects an image stream that inflates beyond its declared size', async () => {
    const doc = await PDFDocument.create();
    addImage(doc, doc.addPage([10, 10]), deflateSync(new Uint8Array(10 * 1024 * 1024)), {
      Width: 10,
      Height: 10,
      BitsPerComponent: 8,
      ColorSpace: 'DeviceGray',
      Filter: 'FlateDecode',
    });
    await expectCode(load(doc), 'INGEST_CORRUPT_PDF');
  });
});
