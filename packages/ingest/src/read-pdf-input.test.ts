import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { isSohoaError, type SohoaErrorCode } from '@sohoa/core';
import { readPages } from './read-pages';
import type { IngestInput } from './types';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../test/fixtures/pdf/${name}`, import.meta.url)));
const fast = { preprocess: false, quality: false, renderDpi: 72 } as const;

async function failure(input: IngestInput, code: SohoaErrorCode): Promise<Error> {
  const error = await readPages(input, fast).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isSohoaError(error, code), `expected ${code}, got ${String(error)}`).toBe(true);
  return error as Error;
}

/** A born-digital page pdf.js must rasterise: the path the CLI took when it failed on a `Buffer`. */
async function bornDigital(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([144, 72]);
  page.drawText('Synthetic page', { x: 8, y: 30, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

describe('readPages takes PDF bytes of any kind', () => {
  it('reads a Buffer, a sliced Uint8Array, an ArrayBuffer, a DataView and bare bytes alike, leaving them intact', async () => {
    const pdf = await bornDigital();
    const padded = new Uint8Array(pdf.byteLength + 64).fill(0x25);
    padded.set(pdf, 32);
    const sliced = padded.subarray(32, 32 + pdf.byteLength);
    expect(sliced.byteOffset).toBe(32);
    const buffer = Buffer.from(pdf);
    const arrayBuffer = pdf.slice().buffer;
    const inputs: Array<[string, IngestInput]> = [
      ['Buffer', { bytes: buffer, name: 'a.pdf' }],
      ['sliced Uint8Array', { bytes: sliced, name: 'a.pdf' }],
      ['ArrayBuffer', { bytes: arrayBuffer, name: 'a.pdf' }],
      ['DataView', { bytes: new DataView(padded.buffer, 32, pdf.byteLength), name: 'a.pdf' }],
      ['bare Buffer', buffer],
    ];
    const reference = await readPages({ bytes: pdf, name: 'a.pdf' }, fast);
    for (const [kind, input] of inputs) {
      const pages = await readPages(input, fast);
      expect(pages, kind).toHaveLength(1);
      expect(pages[0]!.source.sha256, kind).toBe(reference[0]!.source.sha256);
      expect(Buffer.from(pages[0]!.pixels).equals(Buffer.from(reference[0]!.pixels)), kind).toBe(true);
    }
    // Nothing was detached or overwritten by the reader.
    expect(arrayBuffer.byteLength).toBe(pdf.byteLength);
    expect(Buffer.from(sliced).equals(Buffer.from(pdf))).toBe(true);
    expect(padded[31]).toBe(0x25);
    expect(padded[32 + pdf.byteLength]).toBe(0x25);
    expect(buffer.equals(Buffer.from(pdf))).toBe(true);
  });

  it('names bare bytes `input` in the page source', async () => {
    const pages = await readPages(await bornDigital(), fast);
    expect(pages[0]!.source.file).toBe('input');
  });

  it('refuses a value that is not bytes with a typed error', async () => {
    await failure({ bytes: 'not bytes' as never, name: 'a.pdf' }, 'INGEST_INVALID_OPTION');
  });
});

describe('readPages names the real cause of a PDF it cannot open', () => {
  it('opens PDFs with an owner password only (permissions), AES-256 and RC4, from a Buffer', async () => {
    for (const name of ['owner-password-aes256.pdf', 'owner-password-rc4.pdf']) {
      const bytes = fixture(name);
      expect(bytes.includes('/Encrypt')).toBe(true);
      const pages = await readPages({ bytes, name }, fast);
      expect(pages, name).toHaveLength(1);
      expect(pages[0]!.width, name).toBe(200);
      expect(
        pages[0]!.diagnostics.map((d) => d.code),
        name,
      ).toContain('INGEST_PDF_PAGE_RENDERED');
      // The page is not blank: the text and the bar were drawn.
      expect(
        pages[0]!.pixels.some((v) => v < 100),
        name,
      ).toBe(true);
    }
  });

  it('refuses a PDF with a user password as INGEST_ENCRYPTED_PDF, from a path, a Buffer and an ArrayBuffer', async () => {
    const path = fileURLToPath(new URL('../../../test/fixtures/pdf/user-password-aes256.pdf', import.meta.url));
    const bytes = fixture('user-password-aes256.pdf');
    for (const input of [
      path,
      { bytes, name: 'locked.pdf' },
      { bytes: new Uint8Array(bytes).buffer, name: 'locked.pdf' },
    ]) {
      const error = await failure(input, 'INGEST_ENCRYPTED_PDF');
      expect(error.message).toMatch(/user password/);
      expect((error.cause as Error).name).toBe('PasswordException');
    }
  });

  it("calls a PDF corrupt only when neither reader opens it, keeping both readers' errors", async () => {
    const error = await failure(
      { bytes: Buffer.from('%PDF-1.7\nnot a pdf at all\n'), name: 'junk.pdf' },
      'INGEST_CORRUPT_PDF',
    );
    expect(error.message).toMatch(/either PDF reader/);
    expect((error.cause as AggregateError).errors).toHaveLength(2);
  });
});
