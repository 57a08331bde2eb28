import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '@sohoa/core';
import { readPages, safeReadPages } from './read-pages';
import { expectCode, makeImage, makeRaster, pngHeaderClaiming } from './test-fixtures';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sohoa-ingest-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readPages on images', () => {
  it('round-trips a PNG to identical RGB pixels with a source', async () => {
    const png = await makeImage('png', 120, 80);
    const pages = await readPages({ bytes: png, name: 'synthetic.png' }, { preprocess: false, quality: false });
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect(page!.width).toBe(120);
    expect(page!.height).toBe(80);
    expect(page!.channels).toBe(3);
    expect(page!.pixels).toHaveLength(120 * 80 * 3);
    expect(Buffer.from(page!.pixels).equals(await makeRaster(120, 80))).toBe(true);
    expect(page!.source).toEqual({ file: 'synthetic.png', sha256: sha256Hex(png), page: 1, pageCount: 1 });
    expect(page!.diagnostics).toEqual([]);
  });

  it('round-trips a JPEG from a path to nearly the same pixels and records its DPI', async () => {
    const raw = await makeRaster(120, 80);
    const jpeg = await sharp(raw, { raw: { width: 120, height: 80, channels: 3 } })
      .jpeg({ quality: 95 })
      .withMetadata({ density: 300 })
      .toBuffer();
    const path = join(dir, 'scan.jpg');
    await writeFile(path, jpeg);
    const [page] = await readPages(path);
    expect(page!.source.file).toBe(path);
    expect([page!.width, page!.height, page!.channels]).toEqual([120, 80, 3]);
    expect(page!.dpi).toBe(300);
    let total = 0;
    for (let i = 0; i < raw.length; i++) total += Math.abs(raw[i]! - page!.pixels[i]!);
    expect(total / raw.length).toBeLessThan(6);
  });

  it('applies EXIF orientation', async () => {
    const jpeg = await sharp(await makeRaster(120, 80), { raw: { width: 120, height: 80, channels: 3 } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const [page] = await readPages({ bytes: jpeg, name: 'rotated.jpg' });
    expect([page!.width, page!.height]).toEqual([80, 120]);
  });

  it('flattens transparency onto white and reads WebP and TIFF', async () => {
    const [png] = await readPages({ bytes: await makeImage('png', 40, 20, 4), name: 'alpha.png' });
    expect(png!.channels).toBe(3);
    const lastPixel = png!.pixels.subarray(png!.pixels.length - 3);
    expect([...lastPixel]).toEqual([255, 255, 255]);
    const [webp] = await readPages({ bytes: await makeImage('webp', 40, 20), name: 'x.webp' });
    expect(webp!.width).toBe(40);
    const [tiff] = await readPages({ bytes: await makeImage('tiff', 40, 20), name: 'x.tif' });
    expect(tiff!.height).toBe(20);
  });

  it('reads every page of a multi-page TIFF', async () => {
    const raw = await makeRaster(30, 60);
    const tiff = await sharp(raw, { raw: { width: 30, height: 60, channels: 3, pageHeight: 20 } as never })
      .tiff()
      .toBuffer();
    const meta = await sharp(tiff).metadata();
    const pages = await readPages({ bytes: tiff, name: 'multi.tif' });
    expect(pages).toHaveLength(meta.pages ?? 1);
    expect(pages.at(-1)!.source.page).toBe(pages.length);
    expect(pages.every((p) => p.source.pageCount === pages.length)).toBe(true);
  });
});

/** Compression (tag 259) and bits per sample (tag 258) of every page of a little-endian TIFF. */
function tiffPageFormats(tiff: Buffer): Array<{ compression: number; bits: number }> {
  const formats: Array<{ compression: number; bits: number }> = [];
  for (let ifd = tiff.readUInt32LE(4); ifd !== 0; ) {
    const count = tiff.readUInt16LE(ifd);
    const format = { compression: 1, bits: 1 };
    for (let i = 0; i < count; i++) {
      const at = ifd + 2 + i * 12;
      const tag = tiff.readUInt16LE(at);
      if (tag === 259) format.compression = tiff.readUInt16LE(at + 8);
      if (tag === 258) format.bits = tiff.readUInt16LE(at + 8);
    }
    formats.push(format);
    ifd = tiff.readUInt32LE(ifd + 2 + count * 12);
  }
  return formats;
}

describe('readPages on bilevel CCITT G4 TIFFs (office scanners)', () => {
  it('reads every page of a 3-page G4 TIFF built at test time', async () => {
    const [width, height, count] = [200, 100, 3];
    const raw = Buffer.alloc(width * height * count, 255);
    // A different stripe phase per page, so a page read twice or out of order is caught.
    for (let p = 0; p < count; p++)
      for (let y = 20; y < 80; y++)
        for (let x = 30; x < 170; x++) if (((x >> 3) + p) % 2 === 0) raw[(p * height + y) * width + x] = 0;
    const tiff = await sharp(raw, { raw: { width, height: height * count, channels: 1, pageHeight: height } as never })
      .toColourspace('b-w')
      .tiff({ compression: 'ccittfax4', bitdepth: 1 })
      .toBuffer();
    expect(tiffPageFormats(tiff)).toEqual(Array.from({ length: count }, () => ({ compression: 4, bits: 1 })));
    const pages = await readPages({ bytes: tiff, name: 'office-scan.tif' }, { preprocess: false, quality: false });
    expect(pages.map((p) => [p.source.page, p.source.pageCount, p.width, p.height])).toEqual(
      [1, 2, 3].map((n) => [n, 3, width, height]),
    );
    for (const [p, page] of pages.entries()) {
      let agree = 0;
      for (let i = 0; i < width * height; i++)
        if (page.pixels[i * 3]! < 128 === raw[p * width * height + i]! < 128) agree++;
      expect(agree).toBe(width * height);
    }
    const defaults = await readPages({ bytes: tiff, name: 'office-scan.tif' });
    expect(defaults.map((p) => p.quality?.verdict !== undefined)).toEqual([true, true, true]);
  });
});

describe('readPages on bad input', () => {
  it('rejects a text file named .jpg as unsupported', async () => {
    const path = join(dir, 'notes.jpg');
    await writeFile(path, 'just some text, not an image');
    const error = await expectCode(readPages(path), 'INGEST_UNSUPPORTED_TYPE');
    expect(error.message).toContain('notes.jpg');
    expect(error.message).not.toContain('just some text');
  });

  it('rejects GIF with advice to convert', async () => {
    const gif = await sharp(await makeRaster(10, 10), { raw: { width: 10, height: 10, channels: 3 } })
      .gif()
      .toBuffer();
    const error = await expectCode(readPages({ bytes: gif, name: 'a.gif' }), 'INGEST_UNSUPPORTED_TYPE');
    expect(error.message).toMatch(/GIF.*Convert/);
  });

  it('rejects a zero-byte file', async () => {
    const path = join(dir, 'empty.png');
    await writeFile(path, '');
    await expectCode(readPages(path), 'INGEST_FILE_EMPTY');
    await expectCode(readPages({ bytes: new Uint8Array(), name: 'empty.png' }), 'INGEST_FILE_EMPTY');
  });

  it('rejects a missing path', async () => {
    const error = await expectCode(readPages(join(dir, 'nope', 'missing.jpg')), 'INGEST_FILE_NOT_FOUND');
    expect(error.message).toContain('missing.jpg');
    await expectCode(readPages(dir), 'INGEST_FILE_NOT_FOUND');
  });

  it('rejects truncated PNG and JPEG files', async () => {
    const png = await makeImage('png', 200, 200);
    await expectCode(
      readPages({ bytes: png.subarray(0, Math.floor(png.length / 2)), name: 'cut.png' }),
      'INGEST_CORRUPT_IMAGE',
    );
    const jpeg = await makeImage('jpeg', 200, 200);
    await expectCode(
      readPages({ bytes: jpeg.subarray(0, Math.floor(jpeg.length / 2)), name: 'cut.jpg' }),
      'INGEST_CORRUPT_IMAGE',
    );
    await expectCode(readPages({ bytes: jpeg.subarray(0, 40), name: 'header-only.jpg' }), 'INGEST_CORRUPT_IMAGE');
  });

  it('rejects a decompression-bomb header before decoding, fast', async () => {
    const started = performance.now();
    const error = await expectCode(
      readPages({ bytes: pngHeaderClaiming(50_000, 50_000), name: 'bomb.png' }),
      'INGEST_TOO_MANY_PIXELS',
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.message).toContain('50000×50000');
  });

  it('enforces maxPixels, maxBytes and maxPages', async () => {
    const png = await makeImage('png', 120, 80);
    await expectCode(readPages({ bytes: png, name: 'a.png' }, { maxPixels: 120 * 80 - 1 }), 'INGEST_TOO_MANY_PIXELS');
    await expect(readPages({ bytes: png, name: 'a.png' }, { maxPixels: 120 * 80 })).resolves.toHaveLength(1);
    await expectCode(readPages({ bytes: png, name: 'a.png' }, { maxBytes: png.length - 1 }), 'INGEST_FILE_TOO_LARGE');
    const path = join(dir, 'big.png');
    await writeFile(path, png);
    await expectCode(readPages(path, { maxBytes: 10 }), 'INGEST_FILE_TOO_LARGE');
    const tiff = await sharp(await makeRaster(30, 60), {
      raw: { width: 30, height: 60, channels: 3, pageHeight: 20 } as never,
    })
      .tiff()
      .toBuffer();
    const pages = (await sharp(tiff).metadata()).pages ?? 1;
    if (pages > 1)
      await expectCode(readPages({ bytes: tiff, name: 'm.tif' }, { maxPages: pages - 1 }), 'INGEST_TOO_MANY_PAGES');
  });

  it('rejects invalid options and honours an aborted signal', async () => {
    const png = await makeImage('png', 20, 20);
    await expectCode(readPages({ bytes: png, name: 'a.png' }, { maxPixels: -1 }), 'INGEST_INVALID_OPTION');
    await expectCode(readPages({ bytes: png, name: 'a.png' }, { signal: AbortSignal.abort() }), 'ABORTED');
  });

  it('gives up on a page that decodes for longer than pageTimeoutMs', async () => {
    const png = await makeImage('png', 2500, 2500);
    const error = await expectCode(readPages({ bytes: png, name: 'slow.png' }, { pageTimeoutMs: 1 }), 'INGEST_TIMEOUT');
    expect(error.message).toContain('page 1 of `slow.png`');
  });

  it('safeReadPages returns diagnostics instead of throwing', async () => {
    const result = await safeReadPages({ bytes: new TextEncoder().encode('hello'), name: 'x.png' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.diagnostics[0]).toMatchObject({
        code: 'INGEST_UNSUPPORTED_TYPE',
        severity: 'error',
        origin: 'ingest',
      });
    }
    const ok = await safeReadPages({ bytes: await makeImage('png', 10, 10), name: 'x.png' });
    expect(ok.ok && ok.value).toHaveLength(1);
  });
});
