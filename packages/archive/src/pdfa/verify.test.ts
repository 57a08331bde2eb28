import { inflateSync } from 'node:zlib';
import { type PDFDict, PDFDocument, PDFHexString, PDFName, type PDFRawStream, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyMetadata, copyPage } from './test-fixtures';
import { type CopyProblemCode, verifyCopyStructure } from './verify';
import { writeArchivalCopy } from './write';

let copy: Uint8Array;
const HASH = 'ab'.repeat(32);

beforeAll(async () => {
  copy = await writeArchivalCopy({ pages: [await copyPage('jpeg'), await copyPage('png')], metadata: copyMetadata(2) });
});

/** The copy changed through pdf-lib and saved again (a full rewrite, as a careless tool would do). */
async function changed(change: (doc: PDFDocument) => unknown): Promise<Uint8Array> {
  const doc = await PDFDocument.load(copy, { updateMetadata: false });
  await change(doc);
  return doc.save({ useObjectStreams: false });
}

function xmpOf(doc: PDFDocument): string {
  return new TextDecoder().decode(inflateSync((doc.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream).contents));
}

function setXmp(doc: PDFDocument, xml: string): void {
  const stream = doc.context.stream(new TextEncoder().encode(xml), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
}

async function codes(pdf: Uint8Array, expected = {}): Promise<CopyProblemCode[]> {
  return (await verifyCopyStructure(pdf, expected)).problems.map((p) => p.code);
}

describe('verifyCopyStructure', () => {
  it('accepts the copy, rewritten or not, and what the vault recorded', async () => {
    const report = await verifyCopyStructure(copy, {
      pageAmount: 2,
      sourceSha256: HASH.toUpperCase(),
      docCode: 'G09.01.02_CC_000017_V1',
    });
    expect(report).toMatchObject({ ok: true, problems: [], pageCount: 2, pdfa: '2B', signature: 'not-checked' });
    expect(await codes(await changed(() => {}))).toEqual([]);
  });

  it('catches a copy that does not match the record', async () => {
    expect(await codes(copy, { pageAmount: 3 })).toEqual(['PAGE_COUNT_MISMATCH']);
    expect(await codes(copy, { sourceSha256: 'cd'.repeat(32) })).toEqual(['SOURCE_HASH_MISMATCH']);
    expect(await codes(copy, { docCode: 'G09.01.02_CC_000017_V2' })).toEqual(['DOC_CODE_MISMATCH']);
  });

  it('catches a dropped page (against the metadata and the record)', async () => {
    const pdf = await changed((doc) => doc.removePage(1));
    expect(await codes(pdf, { pageAmount: 2 })).toEqual(['PAGE_COUNT_MISMATCH', 'PAGE_COUNT_MISMATCH']);
  });

  it('catches metadata changed in one place only', async () => {
    const info = (doc: PDFDocument) => doc.context.lookup(doc.context.trailerInfo.Info) as PDFDict;
    const docCode = await changed((doc) =>
      info(doc).set(PDFName.of('DocCode'), PDFHexString.fromText('G09_CC_000001_V1')),
    );
    expect((await verifyCopyStructure(docCode)).problems).toEqual([
      expect.objectContaining({ code: 'METADATA_INCONSISTENT', field: 'DocCode' }),
    ]);
    const title = await changed((doc) => doc.setTitle('Something else'));
    expect((await verifyCopyStructure(title)).problems).toEqual([
      expect.objectContaining({ code: 'METADATA_INCONSISTENT', field: 'Title' }),
    ]);
    const date = await changed((doc) => doc.setModificationDate(new Date('2027-01-01T00:00:00Z')));
    expect(await codes(date)).toEqual(['METADATA_INCONSISTENT']);
    const hash = await changed((doc) => setXmp(doc, xmpOf(doc).replace(HASH, 'cd'.repeat(32))));
    expect(await codes(hash, { sourceSha256: HASH })).toEqual(['METADATA_INCONSISTENT', 'SOURCE_HASH_MISMATCH']);
  });

  it('catches a missing or wrong PDF/A identification and a missing extension schema', async () => {
    expect(await codes(await changed((doc) => doc.catalog.delete(PDFName.of('Metadata'))))).toEqual(['XMP_MISSING']);
    const part3 = await changed((doc) => setXmp(doc, xmpOf(doc).replace('<pdfaid:part>2<', '<pdfaid:part>3<')));
    expect(await codes(part3)).toEqual(['PDFA_ID_UNEXPECTED']);
    // The copy's own XMP is Flate-compressed, which PDF/A-2 allows and PDF/A-1 does not.
    const part1 = (flate: boolean) =>
      changed((doc) => {
        const xml = new TextEncoder().encode(xmpOf(doc).replace('<pdfaid:part>2<', '<pdfaid:part>1<'));
        const dict = { Type: 'Metadata', Subtype: 'XML' };
        const stream = flate ? doc.context.flateStream(xml, dict) : doc.context.stream(xml, dict);
        doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
      });
    expect(await codes(await part1(true))).toEqual(['XMP_FILTERED']);
    expect(await codes(await part1(false))).toEqual([]);
    const none = await changed((doc) =>
      setXmp(doc, xmpOf(doc).replace(/<pdfaid:conformance>B<\/pdfaid:conformance>/, '')),
    );
    expect(await codes(none)).toEqual(['PDFA_ID_MISSING']);
    const noSchema = await changed((doc) =>
      setXmp(doc, xmpOf(doc).replace(/<pdfaExtension:schemas>[\s\S]*<\/pdfaExtension:schemas>/, '')),
    );
    expect(await codes(noSchema)).toEqual(['XMP_EXTENSION_SCHEMA_MISSING']);
    const dropped = await changed((doc) =>
      setXmp(doc, xmpOf(doc).replace(/<sohoaCopy:TypeName>.*<\/sohoaCopy:TypeName>/, '')),
    );
    expect(await codes(dropped)).toEqual(['METADATA_MISSING']);
  });

  it('reads the attribute form of XMP properties too', async () => {
    const attr = await changed((doc) =>
      setXmp(
        doc,
        xmpOf(doc)
          .replace(
            /<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>\s*<\/rdf:Description>/,
            '</rdf:Description>',
          )
          .replace(
            'xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
            'xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" pdfaid:part="2" pdfaid:conformance="B">',
          ),
      ),
    );
    expect((await verifyCopyStructure(attr)).pdfa).toBe('2B');
    expect(await codes(attr)).toEqual([]);
  });

  it('does not inflate a metadata bomb (a small stream that decodes to 64 MB)', async () => {
    const bomb = await changed((doc) => {
      const stream = doc.context.flateStream(new Uint8Array(64 * 1024 * 1024), { Type: 'Metadata', Subtype: 'XML' });
      doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
    });
    expect(bomb.length).toBeLessThan(copy.length + 200_000);
    expect(await codes(bomb)).toEqual(['XMP_MISSING']);
  });

  it('catches a missing or broken output intent', async () => {
    expect(await codes(await changed((doc) => doc.catalog.delete(PDFName.of('OutputIntents'))))).toEqual([
      'OUTPUT_INTENT_MISSING',
    ]);
    const broken = await changed((doc) => {
      const intent = doc.context.obj({
        Type: 'OutputIntent',
        S: 'GTS_PDFA1',
        DestOutputProfile: doc.context.register(doc.context.stream(new Uint8Array(300), { N: 3 })),
      });
      doc.catalog.set(PDFName.of('OutputIntents'), doc.context.obj([intent]));
    });
    expect(await codes(broken)).toEqual(['OUTPUT_INTENT_INVALID']);
  });

  it('catches JavaScript, forbidden actions and features, encryption, a missing ID', async () => {
    const js = await changed((doc) =>
      doc.catalog.set(
        PDFName.of('OpenAction'),
        doc.context.obj({ S: 'JavaScript', JS: PDFHexString.fromText('app.alert(1)') }),
      ),
    );
    expect(await codes(js)).toEqual(['JAVASCRIPT']);
    const launch = await changed((doc) =>
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'Launch', F: PDFHexString.fromText('calc.exe') })),
    );
    expect(await codes(launch)).toEqual(['FORBIDDEN_ACTION']);
    const aa = await changed((doc) => doc.getPage(0).node.set(PDFName.of('AA'), doc.context.obj({})));
    expect(await codes(aa)).toEqual(['FORBIDDEN_ACTION']);
    const lzw = await changed((doc) => {
      doc
        .getPage(0)
        .node.set(
          PDFName.of('Extra'),
          doc.context.register(doc.context.stream(new Uint8Array(4), { Filter: 'LZWDecode' })),
        );
    });
    expect(await codes(lzw)).toEqual(['FORBIDDEN_FEATURE']);
    const encrypted = await changed((doc) => {
      doc.context.trailerInfo.Encrypt = doc.context.register(doc.context.obj({ Filter: 'Standard', V: 2, R: 3 }));
    });
    expect(await codes(encrypted)).toContain('ENCRYPTED');
    const noId = await changed((doc) => {
      doc.context.trailerInfo.ID = undefined;
    });
    expect(await codes(noId)).toEqual(['TRAILER_ID_MISSING']);
  });

  it('catches a page size PDF/A does not allow', async () => {
    expect(await codes(await changed((doc) => doc.getPage(1).setMediaBox(0, 0, 2, 2)))).toEqual(['PAGE_SIZE']);
  });

  it('catches a font that is not embedded', async () => {
    const pdf = await changed(async (doc) => {
      const helvetica = await doc.embedFont(StandardFonts.Helvetica);
      doc.getPage(0).drawText('added', { font: helvetica, size: 8 });
    });
    expect((await verifyCopyStructure(pdf)).problems).toEqual([
      { code: 'FONT_NOT_EMBEDDED', message: 'The font Helvetica is not embedded.' },
    ]);
  });

  it('says a file is unreadable or truncated instead of throwing', async () => {
    expect(await codes(new TextEncoder().encode('hello'))).toEqual(['PDF_HEADER', 'PDF_EOF', 'PDF_UNREADABLE']);
    const truncated = await codes(copy.subarray(0, Math.floor(copy.length / 2)));
    expect(truncated).toContain('PDF_EOF');
  });

  it('runs the signature hook and reports what it finds', async () => {
    let seen: Uint8Array | undefined;
    const report = await verifyCopyStructure(
      copy,
      {},
      {
        checkSignature: (pdf) => {
          seen = pdf;
          return [{ code: 'SIGNATURE_INVALID', message: 'The signature does not cover the file.' }];
        },
      },
    );
    expect(seen).toBe(copy);
    expect(report).toMatchObject({ ok: false, signature: 'checked', problems: [{ code: 'SIGNATURE_INVALID' }] });
  });
});
