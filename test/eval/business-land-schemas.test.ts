/// <reference path="../../seeds/src/internal/opentype.d.ts" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord, OcrLine, OcrPage, PageImage } from '@sohoa/core';
import { validateForm, type FormSchema } from '@sohoa/eform';
import { safeExtractDocument } from '@sohoa/extract';
import { normalizeText } from '@sohoa/vn';
import {
  businessDocumentText,
  generateBusinessDocuments,
  generateLandCertificates,
  landCertificateText,
  type SyntheticBusinessDocument,
  type SyntheticLandCertificate,
} from '../../seeds/src/index';
import type { PageText } from '../../seeds/src/types';

const root = join(import.meta.dirname, '..', '..');
const schema = (type: string) =>
  JSON.parse(readFileSync(join(root, 'schemas', 'documents', `${type}.schema.json`), 'utf8')) as FormSchema;

/** What a perfect OCR reads from the drawn page: runs on one baseline make a line, split into words with proportional boxes. */
function perfectOcr(page: PageText, pageNo: number, pageCount: number): { image: PageImage; ocr: OcrPage } {
  const source = { file: 'doc.tif', sha256: 'c'.repeat(64), page: pageNo, pageCount };
  const rows: Array<typeof page.runs> = [];
  for (const run of [...page.runs].sort((a, b) => a.box.y + a.box.height - (b.box.y + b.box.height))) {
    const base = run.box.y + run.box.height;
    const row = rows.find((r) => Math.abs(r[0]!.box.y + r[0]!.box.height - base) < 8);
    if (row) row.push(run);
    else rows.push([run]);
  }
  const lines: OcrLine[] = rows.map((row) => {
    const words = row
      .sort((a, b) => a.box.x - b.box.x)
      .flatMap((run) => {
        const parts = run.text.split(' ').filter(Boolean);
        const per = run.box.width / Math.max(1, run.text.length);
        let x = run.box.x;
        return parts.map((w) => {
          const word = {
            text: w,
            confidence: 0.93,
            box: {
              x: Math.round(x),
              y: run.box.y,
              width: Math.max(1, Math.round(w.length * per)),
              height: run.box.height,
            },
          };
          x += (w.length + 1) * per;
          return word;
        });
      });
    const x = Math.min(...words.map((w) => w.box.x));
    const y = Math.min(...words.map((w) => w.box.y));
    const box = {
      x,
      y,
      width: Math.max(...words.map((w) => w.box.x + w.box.width)) - x,
      height: Math.max(...words.map((w) => w.box.y + w.box.height)) - y,
    };
    return { text: words.map((w) => w.text).join(' '), confidence: 0.93, box, words };
  });
  const image: PageImage = {
    source,
    width: page.width,
    height: page.height,
    channels: 1,
    pixels: new Uint8Array(page.width * page.height).fill(255),
    diagnostics: [],
  };
  return {
    image,
    ocr: {
      source,
      width: page.width,
      height: page.height,
      text: lines.map((l) => l.text).join('\n'),
      confidence: 0.93,
      lines,
      engine: 'fake',
      diagnostics: [],
    },
  };
}

async function extract(pages: PageText[]): Promise<DocumentRecord> {
  const read = pages.map((p, i) => perfectOcr(p, i + 1, pages.length));
  const result = await safeExtractDocument(
    { pages: read.map((r) => r.image), ocr: read.map((r) => r.ocr) },
    { asOf: '2025-12-01' },
  );
  if (!result.ok) throw new Error(result.diagnostics[0]?.message);
  return result.value;
}

function expectTruth(record: DocumentRecord, doc: SyntheticBusinessDocument | SyntheticLandCertificate): void {
  for (const [key, value] of Object.entries(doc.fields))
    expect([key, record.fields[key]?.value]).toEqual([key, normalizeText(value)]);
  for (const rel of doc.relations) {
    const got = record.relations?.find((r) => r.role === rel.role);
    for (const [key, value] of Object.entries(rel.fields))
      expect([rel.role, key, got?.fields[key]?.value]).toEqual([rel.role, key, normalizeText(value)]);
  }
  expect(record.relations?.length ?? 0).toBe(doc.relations.length);
}

describe.each(['enterprise-registration', 'household-business-registration'] as const)(
  '%s records from the drawn layout',
  (type) => {
    it('carry every printed value, name the organisation as subject and validate against schemas/documents', async () => {
      for (const doc of generateBusinessDocuments(type, 5, 6)) {
        const record = await extract(businessDocumentText(doc));
        expect(record.type).toBe(type);
        expect(record.subject).toEqual({ kind: 'org', id: doc.fields['org.taxCode'] });
        expect(record.relations?.[0]?.subject).toEqual({
          kind: 'person',
          id: doc.relations[0]!.fields['person.idNumber'],
        });
        expectTruth(record, doc);
        expect(record.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
        expect(validateForm(schema(type), JSON.parse(JSON.stringify(record))).errors).toEqual([]);
      }
    });
    it('the schema rejects a record with a malformed tax code', async () => {
      const record = JSON.parse(
        JSON.stringify(await extract(businessDocumentText(generateBusinessDocuments(type, 5, 1)[0]!))),
      );
      record.fields['org.taxCode'].value = '12345';
      expect(validateForm(schema(type), record).errors.map((e) => e.pointer)).toContain('/fields/org.taxCode/value');
    });
  },
);

describe('land-use-certificate records from the drawn layout', () => {
  it('carry every printed value of both models and validate against schemas/documents', async () => {
    const all = generateLandCertificates(5, 40);
    const model2024 = (d: SyntheticLandCertificate) => d.fields['document.issueDate']! >= '2024-08-01';
    const docs = [...all.filter((d) => !model2024(d)).slice(0, 4), ...all.filter(model2024).slice(0, 2)];
    expect(docs).toHaveLength(6);
    for (const doc of docs) {
      const record = await extract(landCertificateText(doc));
      expect(record.type).toBe('land-use-certificate');
      expect(record.subject).toEqual({ kind: 'person', id: doc.fields['person.idNumber'] });
      expectTruth(record, doc);
      expect(record.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      expect(validateForm(schema('land-use-certificate'), JSON.parse(JSON.stringify(record))).errors).toEqual([]);
    }
  });
});

describe('real OCR on generated scans', () => {
  it('reads a clean enterprise certificate and a clean 2024 land certificate: key fields right, nothing wrong above 0.9', async () => {
    const { readPages } = await import('@sohoa/ingest');
    const { createTesseractEngine } = await import('@sohoa/ocr');
    const { renderBusinessDocument, renderLandCertificate } = await import('../../seeds/src/index');
    const engine = createTesseractEngine({ workers: 1 });
    try {
      const enterprise = generateBusinessDocuments('enterprise-registration', 9, 1)[0]!;
      const land = generateLandCertificates(9, 40).find((d) => d.fields['document.issueDate']! >= '2024-08-01')!;
      const cases = [
        {
          doc: enterprise,
          scan: await renderBusinessDocument(enterprise, { seed: 1, degrade: false }),
          keys: ['org.taxCode', 'org.capital', 'org.foundingDate'],
        },
        {
          doc: land,
          scan: await renderLandCertificate(land, { seed: 1, degrade: false }),
          keys: ['land.parcelNumber', 'land.mapSheetNumber', 'land.area', 'person.idNumber'],
        },
      ];
      for (const { doc, scan, keys } of cases) {
        const pages = await readPages({ name: 'scan.jpg', bytes: new Uint8Array(scan.image) });
        const ocr = await Promise.all(pages.map((p) => engine.recognize(p)));
        const result = await safeExtractDocument({ pages, ocr }, { recognizer: engine, asOf: '2025-12-01' });
        if (!result.ok) throw new Error(result.diagnostics[0]?.message);
        expect(result.value.type).toBe(doc.type);
        for (const key of keys) expect([key, result.value.fields[key]?.value]).toEqual([key, doc.fields[key]]);
        const wrongAndConfident = Object.entries(doc.fields).filter(([key, value]) => {
          const got = result.value.fields[key];
          return (
            got !== undefined && normalizeText(String(got.value)) !== normalizeText(value) && got.confidence >= 0.9
          );
        });
        expect(wrongAndConfident.map(([key]) => key)).toEqual([]);
      }
    } finally {
      await engine.dispose();
    }
  }, 120_000);
});

describe('records become vault facts under vocabulary keys', () => {
  it('an enterprise certificate: facts of the company, its representative as a relation; a land certificate: parcel facts of the holder', async () => {
    const { createVault } = await import('@sohoa/vault');
    const { memoryDriver } = await import('@sohoa/vault/drivers/memory');
    const { getKeyInfo } = await import('@sohoa/eform');
    const vault = createVault({
      driver: memoryDriver(),
      actor: 'tester',
      grants: [{ to: 'tester', subject: '*', purpose: '*', keys: ['*'] }],
    });
    const enterprise = generateBusinessDocuments('enterprise-registration', 5, 1)[0]!;
    const land = generateLandCertificates(5, 12).find((d) => d.relations.length > 0)!;
    for (const [doc, pages] of [
      [enterprise, businessDocumentText(enterprise)],
      [land, landCertificateText(land)],
    ] as const) {
      const record = await extract(pages);
      const stored = await vault.putDocument(record);
      expect(stored.subject).toEqual(record.subject);
      const facts = await vault.listFacts(record.subject!.id);
      const keys = facts.map((f) => f.key);
      expect(keys.filter((k) => getKeyInfo(k) === undefined)).toEqual([]);
      if (doc.type === 'enterprise-registration') {
        expect(keys).toEqual(
          expect.arrayContaining([
            'org.taxCode',
            'org.name',
            'org.address',
            'org.capital',
            'org.representative',
            'person.representative.fullName',
            'person.representative.idNumber',
          ]),
        );
        const profile = await vault.profile(record.subject!.id, { purpose: 'test', form: 'test' });
        expect(profile.relations).toEqual([
          { role: 'representative', subjectId: doc.relations[0]!.fields['person.idNumber'] },
        ]);
      } else {
        expect(keys).toEqual(
          expect.arrayContaining([
            'land.parcelNumber',
            'land.mapSheetNumber',
            'land.area',
            'land.address',
            'person.spouse.fullName',
          ]),
        );
      }
    }
    await vault.close();
  });
});
