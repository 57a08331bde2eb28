import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import {
  type CopyMetadata,
  type CopyPage,
  copyFileName,
  directoryStore,
  pdfPageCount,
  verifyCopyStructure,
  writeArchivalCopy,
} from '@sohoa/archive';
import {
  bilevelTiffOf,
  greyPixelsOf,
  jpegOf,
  noisyPng,
  pdfOfPngs,
  pixelsOf,
  samplePdf,
  scannedPdf,
  throwawayP12,
  tiffOf,
} from '@sohoa/archive/test-support/fixtures';
import type { FileResult } from '@sohoa/batch';
import { isSohoaError } from '@sohoa/core';
import { readPdfScanImages, readPdfScanJpegs } from '@sohoa/ingest';
import { createFakeOcrEngine } from '@sohoa/ocr';
import { createVault } from '@sohoa/vault';
import { memoryDriver } from '@sohoa/vault/drivers/memory';
import { syntheticCccd } from '@sohoa/vault/internal/fixtures';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { canRun } from '../../../../test/fixtures/skip';
import { UsageError } from '../errors';
import { copySettings, type WriteCopiesContext, writeCopies } from './digitize-copies';

const dir = mkdtempSync(join(tmpdir(), 'sohoa-cli-copies-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.SOHOA_SIGN_PASSWORD;
  delete process.env.SOHOA_AGENCY;
});

const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('copySettings', () => {
  it('checks --copies, --agency and --sign before anything is read', () => {
    expect(copySettings({ vault: 'v.db' })).toBeUndefined();
    expect(thrown(() => copySettings({ agency: 'G09' }))).toBeInstanceOf(UsageError);
    expect(thrown(() => copySettings({ copies: 'c' }))).toBeInstanceOf(UsageError);
    expect(thrown(() => copySettings({ copies: 'c', vault: 'v.db' }))).toBeInstanceOf(UsageError);
    expect(
      isSohoaError(
        thrown(() => copySettings({ copies: 'c', vault: 'v.db', agency: 'g9' })),
        'ARCHIVE_DOCCODE_INVALID',
      ),
    ).toBe(true);
    process.env.SOHOA_AGENCY = 'H41.01';
    expect(copySettings({ copies: 'c', vault: 'v.db' })).toEqual({ copies: 'c', agency: 'H41.01' });
    const p12 = join(dir, 'unit.p12');
    writeFileSync(p12, throwawayP12('right'));
    expect(thrown(() => copySettings({ copies: 'c', vault: 'v.db', sign: p12 }))).toBeInstanceOf(UsageError);
    process.env.SOHOA_SIGN_PASSWORD = 'wrong';
    expect(
      isSohoaError(
        thrown(() => copySettings({ copies: 'c', vault: 'v.db', sign: p12 })),
        'ARCHIVE_SIGN_FAILED',
      ),
    ).toBe(true);
    process.env.SOHOA_SIGN_PASSWORD = 'right';
    expect(copySettings({ copies: 'c', vault: 'v.db', sign: p12 })?.sign?.password).toBe('right');
  });
});

describe('writeCopies', () => {
  it('writes one copy per document, unknown pages as unclassified with their text, and none again on a rerun', async () => {
    const vault = createVault({
      driver: memoryDriver(),
      now: () => new Date('2026-01-15T08:00:00Z'),
      actor: 'tester',
      grants: [{ to: 'tester', subject: '*', purpose: '*', keys: ['*'] }],
    });
    const card = join(dir, 'card.png');
    const unknown = join(dir, 'letter.png');
    const pdfSource = join(dir, 'scan.pdf');
    writeFileSync(card, noisyPng(120, 80));
    writeFileSync(unknown, noisyPng(100, 140));
    writeFileSync(pdfSource, await samplePdf(true));
    const stored = await vault.putDocument(syntheticCccd());
    const results: FileResult[] = [
      {
        file: card,
        status: 'stored',
        documentId: stored.documentId,
        record: syntheticCccd(),
        sha256: 'a'.repeat(64),
        diagnostics: [],
        pages: 1,
        ms: 1,
      },
      {
        file: unknown,
        status: 'failed',
        error: { code: 'EXTRACT_UNKNOWN_DOCUMENT', message: 'x' },
        sha256: 'b'.repeat(64),
        diagnostics: [],
        pages: 1,
        ms: 1,
      },
      {
        file: pdfSource,
        status: 'failed',
        error: { code: 'EXTRACT_UNKNOWN_DOCUMENT', message: 'x' },
        sha256: 'c'.repeat(64),
        diagnostics: [],
        pages: 1,
        ms: 1,
      },
      {
        file: join(dir, 'broken.png'),
        status: 'failed',
        error: { code: 'INGEST_CORRUPT_IMAGE', message: 'x' },
        diagnostics: [],
        pages: 0,
        ms: 1,
      },
    ];
    const written: Array<{ pages: CopyPage[]; metadata: CopyMetadata }> = [];
    const writer = {
      // Stands in for the copy writer (built apart): records its input and returns a one-page PDF per page.
      async writeArchivalCopy(input: { pages: CopyPage[]; metadata: CopyMetadata }) {
        written.push(input);
        return pdfOfPngs(input.pages);
      },
    };
    const engine = createFakeOcrEngine(() => 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐơn đề nghị');
    const root = join(dir, 'copies');
    const ctx = {
      vault,
      store: directoryStore({ root }),
      settings: { copies: root, agency: 'G09.01.02' },
      writer,
      engine,
      kindOf: (type: string) => (type === 'cccd-2021' ? 'CCCD' : undefined),
      typeNameOf: (type: string) => (type === 'cccd-2021' ? 'Căn cước công dân' : undefined),
    };
    const first = await writeCopies(results, ctx);
    expect(first.map((o) => [o.status, o.docCode ?? o.error?.code])).toEqual([
      ['written', 'G09.01.02_CCCD_000001_V1'],
      ['written', 'G09.01.02_KPL_000001_V1'],
      ['written', 'G09.01.02_KPL_000002_V1'],
      ['skipped', undefined],
    ]);
    expect(readdirSync(root).sort()).toEqual([
      'G09.01.02_CCCD_000001_V1_20260115_CanCuocCongDan.pdf',
      'G09.01.02_KPL_000001_V1_20260115_TaiLieu.pdf',
      'G09.01.02_KPL_000002_V1_20260115_TaiLieu.pdf',
    ]);
    // The PDF (a page image under visible text: rendered) has both its pages, stored losslessly.
    expect(written[2]!.pages.map((p) => [p.mediaType, p.width > 0])).toEqual([
      ['image/png', true],
      ['image/png', true],
    ]);
    expect(written[2]!.metadata.pageAmount).toBe(2);
    expect(written[0]!.metadata).toMatchObject({
      docCode: 'G09.01.02_CCCD_000001_V1',
      typeName: 'Căn cước công dân',
      pageAmount: 1,
      sourceSha256: 'a'.repeat(64),
      language: 'vi',
    });
    expect(written[0]!.pages[0]).toMatchObject({ mediaType: 'image/png', width: 120, height: 80 });
    expect(written[0]!.pages[0]!.words.map((w) => w.text)).toContain('CỘNG');
    // The unknown page is in the vault as `unclassified`, with its text.
    const unclassified = await vault.findCopies({ sha256: (await vault.getCopy('G09.01.02_KPL_000001_V1'))!.sha256! });
    const doc = await vault.getDocument(unclassified[0]!.documentId);
    expect(doc).toMatchObject({ type: 'unclassified', kind: 'unclassified' });
    expect(String(doc!.record.fields['document.text']!.value)).toContain('Đơn đề nghị');

    // A rerun, as `--resume` gives it: files done before come back `unchanged` with their document id only.
    const resumed: FileResult[] = [
      {
        file: card,
        status: 'unchanged',
        documentId: stored.documentId,
        sha256: 'a'.repeat(64),
        diagnostics: [],
        pages: 0,
        ms: 0,
      },
      ...results.slice(1),
    ];
    const again = await writeCopies(resumed, ctx);
    expect(again.map((o) => o.status)).toEqual(['exists', 'exists', 'exists', 'skipped']);
    expect(written).toHaveLength(3);
    expect(readdirSync(root)).toHaveLength(3);
  });
});

const newVault = () =>
  createVault({
    driver: memoryDriver(),
    now: () => new Date('2026-01-15T08:00:00Z'),
    actor: 'tester',
    grants: [{ to: 'tester', subject: '*', purpose: '*', keys: ['*'] }],
  });

/** A context whose writer records its input (and returns an empty PDF), with no known document types. */
function recordingContext(root: string, engine: WriteCopiesContext['engine'], written: Array<{ pages: CopyPage[] }>) {
  return {
    vault: newVault(),
    store: directoryStore({ root }),
    settings: { copies: root, agency: 'G09.01.02' },
    writer: {
      async writeArchivalCopy(input: { pages: CopyPage[] }) {
        written.push(input);
        return pdfOfPngs([]);
      },
    },
    engine,
    kindOf: () => undefined,
    typeNameOf: () => undefined,
  };
}

const unknownResult = (file: string, sha: string, extra: Partial<FileResult> = {}): FileResult => ({
  file,
  status: 'failed',
  error: { code: 'EXTRACT_UNKNOWN_DOCUMENT', message: 'x' },
  sha256: sha.repeat(64),
  diagnostics: [],
  pages: 1,
  ms: 1,
  ...extra,
});

describe('writeCopies of PDF and TIFF sources', () => {
  it("keeps a scanned PDF page's JPEG and Flate image as they are, stores TIFF pages losslessly", async () => {
    const jpeg = await jpegOf(noisyPng(480, 320));
    const pdf = join(dir, 'scanned.pdf');
    const tiff = join(dir, 'scan.tiff');
    const pdfBytes = await scannedPdf(jpeg, [240, 160]);
    writeFileSync(pdf, pdfBytes);
    writeFileSync(tiff, await tiffOf(noisyPng(200, 300)));
    const written: Array<{ pages: CopyPage[] }> = [];
    const root = join(dir, 'copies-pdf');
    const outcomes = await writeCopies(
      [unknownResult(pdf, 'd'), unknownResult(tiff, 'e')],
      recordingContext(
        root,
        createFakeOcrEngine(() => 'Công văn số 12'),
        written,
      ),
    );
    expect(outcomes.map((o) => [o.status, o.ocrAgain])).toEqual([
      ['written', true],
      ['written', true],
    ]);
    const [first, second] = written[0]!.pages;
    expect(first).toMatchObject({ mediaType: 'image/jpeg', width: 480, height: 320 });
    expect(Buffer.from(first!.image).equals(Buffer.from(jpeg))).toBe(true);
    // The second page is a full-page Flate image (pdf-lib's embedding of a PNG): its stream goes in as it is, at
    // its own pixel size, with its decoding parameters; nothing is decoded or re-encoded.
    expect(second).toMatchObject({
      mediaType: 'image/x-pdf-FlateDecode',
      width: 160,
      height: 240,
      pdfImage: { filter: 'FlateDecode', colorSpace: 'DeviceRGB', bitsPerComponent: 8 },
    });
    const scans = await readPdfScanImages(pdfBytes, 'scanned.pdf');
    expect(scans.map((scan) => scan?.kind)).toEqual(['jpeg', 'stream']);
    expect(Buffer.from(second!.image).equals(Buffer.from((scans[1] as { data: Uint8Array }).data))).toBe(true);
    expect(written[1]!.pages).toHaveLength(1);
    expect(written[1]!.pages[0]).toMatchObject({ mediaType: 'image/png', width: 200, height: 300 });
    // Lossless: the same pixels as the TIFF's.
    expect((await pixelsOf(written[1]!.pages[0]!.image)).equals(await pixelsOf(tiff))).toBe(true);
    expect(written[1]!.pages[0]!.words.map((w) => w.text)).toContain('Công');
  });

  it('stores a bilevel TIFF (CCITT G4) as 1-bit samples, pixel for pixel, and the copy reads back', async () => {
    const tiff = join(dir, 'bilevel.tif');
    writeFileSync(tiff, await bilevelTiffOf(noisyPng(203, 97)));
    const written: Array<{ pages: CopyPage[] }> = [];
    const [outcome] = await writeCopies(
      [unknownResult(tiff, 'b')],
      recordingContext(
        join(dir, 'copies-bilevel'),
        createFakeOcrEngine(() => 'Số 7'),
        written,
      ),
    );
    expect(outcome).toMatchObject({ status: 'written' });
    const [page] = written[0]!.pages;
    expect(page).toMatchObject({
      width: 203,
      height: 97,
      pdfImage: { filter: 'FlateDecode', bitsPerComponent: 1, colorSpace: 'DeviceGray' },
    });
    // 1 bit per pixel, each row padded to a byte: the same black and white pixels as the TIFF's.
    const packed = inflateSync(page!.image);
    const stride = Math.ceil(203 / 8);
    expect(packed.length).toBe(stride * 97);
    const grey = await greyPixelsOf(tiff);
    const unpacked = Buffer.alloc(203 * 97);
    for (let y = 0; y < 97; y++)
      for (let x = 0; x < 203; x++)
        unpacked[y * 203 + x] = packed[y * stride + (x >> 3)]! & (0x80 >> (x & 7)) ? 255 : 0;
    expect(unpacked.equals(grey)).toBe(true);
    // The writer takes it (1-bit grey, Flate) and poppler reads it back as a 1-bit image.
    const pdf = await writeArchivalCopy({ pages: [page!], metadata: copyMetadataOf(1) });
    expect((await verifyCopyStructure(pdf, { pageAmount: 1 })).problems).toEqual([]);
  });

  it("takes the words from the digitize run's own OCR (no second pass), scaled to the stored image", async () => {
    const png = join(dir, 'kept.png');
    writeFileSync(png, noisyPng(200, 100));
    const written: Array<{ pages: CopyPage[] }> = [];
    const root = join(dir, 'copies-kept');
    let recognized = 0;
    const engine = createFakeOcrEngine(() => {
      recognized++;
      return 'again';
    });
    const pageWords = [
      {
        page: 1,
        width: 100,
        height: 50,
        text: 'Số 12/UBND',
        words: [{ text: 'Số', box: { x: 10, y: 5, width: 20, height: 10 } }],
      },
    ];
    const ctx = recordingContext(root, engine, written);
    const [kept] = await writeCopies([unknownResult(png, 'f', { pageWords })], ctx);
    expect(kept).toMatchObject({ status: 'written' });
    expect(kept!.ocrAgain).toBeUndefined();
    expect(recognized).toBe(0);
    expect(written[0]!.pages[0]!.words).toEqual([{ text: 'Số', box: { x: 20, y: 10, width: 40, height: 20 } }]);
    // Words at the scan's own size: the header gives the frame (nothing decoded), the words go in as they are.
    writeFileSync(join(dir, 'kept-same.png'), noisyPng(200, 100));
    const same = [{ ...pageWords[0]!, width: 200, height: 100 }];
    const [direct0] = await writeCopies([unknownResult(join(dir, 'kept-same.png'), 'a', { pageWords: same })], ctx);
    expect(direct0).toMatchObject({ status: 'written' });
    expect(direct0!.ocrAgain).toBeUndefined();
    expect(written.at(-1)!.pages[0]).toMatchObject({ mediaType: 'image/png', width: 200, height: 100 });
    expect(written.at(-1)!.pages[0]!.words).toEqual(same[0]!.words);
    written.pop();
    // Words for another number of pages than the file has: not trusted, the page is OCRed again.
    writeFileSync(join(dir, 'kept2.png'), noisyPng(200, 100));
    const [again] = await writeCopies(
      [unknownResult(join(dir, 'kept2.png'), '0', { pageWords: [...pageWords, ...pageWords] })],
      ctx,
    );
    expect(again).toMatchObject({ status: 'written', ocrAgain: true });
    expect(recognized).toBe(1);
    // A PDF of JPEG scans with the run's words: nothing is decoded, the JPEG goes in with the page's dpi.
    const jpeg = await jpegOf(noisyPng(300, 200));
    const pdf = join(dir, 'kept.pdf');
    writeFileSync(pdf, await scannedPdf(jpeg, [72, 48], true));
    const words = [{ ...pageWords[0]!, width: 300, height: 200 }];
    const [direct] = await writeCopies([unknownResult(pdf, '9', { pageWords: words })], ctx);
    expect(direct).toMatchObject({ status: 'written' });
    expect(recognized).toBe(1);
    const [page] = written[2]!.pages;
    expect(written[2]!.pages).toHaveLength(1);
    expect(Buffer.from(page!.image).equals(Buffer.from(jpeg))).toBe(true);
    expect(page).toMatchObject({ mediaType: 'image/jpeg', width: 300, height: 200, dpi: 300, words: words[0]!.words });
  });
});

const hasPoppler = spawnSync('pdfimages', ['-v']).status === 0;

function copyMetadataOf(pageAmount: number): CopyMetadata {
  return {
    docCode: 'G09.01.02_KPL_000001_V1',
    typeName: 'Tài liệu',
    language: 'vi',
    pageAmount,
    sourceSha256: 'ab'.repeat(32),
    digitisedAt: '2026-12-08T00:00:00Z',
  };
}

const danang = resolve(import.meta.dirname, '../../../../../shared/data/scans/vietadmin-danang/data');
const haveScans = existsSync(join(danang, '2.pdf')) && existsSync(join(danang, '1.pdf'));

describe.skipIf(!canRun('digitize-copies real PDFs', haveScans, `${danang} is absent`))(
  'writeCopies of real scanned PDFs',
  () => {
    it('copies every page: JPEG scans byte for byte, CCITT scans losslessly, and the copy checks out', async () => {
      const root = join(dir, 'copies-real');
      const vault = newVault();
      const files = ['2.pdf', '1.pdf'].map((f) => join(danang, f));
      const outcomes = await writeCopies(
        files.map((f, i) => unknownResult(f, String(i + 1))),
        {
          vault,
          store: directoryStore({ root }),
          settings: { copies: root, agency: 'G09.01.02' },
          writer: { writeArchivalCopy, copyFileName },
          engine: createFakeOcrEngine(() => 'UỶ BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG'),
          kindOf: () => undefined,
          typeNameOf: () => undefined,
        },
      );
      expect(outcomes.map((o) => o.status)).toEqual(['written', 'written']);
      for (const [i, outcome] of outcomes.entries()) {
        const copy = readFileSync(join(root, outcome.location!));
        const source = readFileSync(files[i]!);
        const report = await verifyCopyStructure(copy, { pageAmount: 2 });
        expect(report.problems).toEqual([]);
        expect(await pdfPageCount(copy)).toBe(2);
        if (i === 0) {
          // Each page's JPEG is in the copy as it is in the source, and the copy is hardly larger than them.
          const jpegs = await readPdfScanJpegs(source, '2.pdf');
          expect(jpegs.every((j) => j && copy.indexOf(Buffer.from(j.bytes)) > 0)).toBe(true);
          expect(jpegs.map((j) => j?.dpi)).toEqual([300, 300]);
          const images = jpegs.reduce((n, j) => n + j!.bytes.length, 0);
          expect(copy.length / images).toBeLessThan(1.1);
        } else {
          // CCITT G4 pages: each stream is in the copy as it is in the source (no decoding, no re-encoding), with
          // its decoding parameters, and the copy is smaller than the source file.
          const scans = await readPdfScanImages(source, '1.pdf');
          expect(scans.map((scan) => scan?.kind === 'stream' && scan.filter)).toEqual([
            'CCITTFaxDecode',
            'CCITTFaxDecode',
          ]);
          expect(scans.every((scan) => scan?.kind === 'stream' && copy.indexOf(Buffer.from(scan.data)) > 0)).toBe(true);
          expect(copy.length).toBeLessThan(source.length);
          if (canRun('pdfimages', hasPoppler, 'poppler-utils are not installed')) {
            const list = execFileSync('pdfimages', ['-list', join(root, outcome.location!)], { encoding: 'utf8' });
            expect(
              list
                .trim()
                .split('\n')
                .slice(2)
                .map((row) => row.split(/\s+/).filter(Boolean).slice(3, 10)),
            ).toEqual([
              ['1660', '2342', 'gray', '1', '1', 'ccitt', 'no'],
              ['1663', '2339', 'gray', '1', '1', 'ccitt', 'no'],
            ]);
          }
        }
      }
    }, 120_000);
  },
);
