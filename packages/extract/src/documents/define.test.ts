import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveExtractOptions, safeExtractDocument } from '../extract';
import * as parse from '../field-reader/parsers';
import { DOCUMENT_TYPES, docCodeKindOf } from '../registry';
import { BLANK_PAGE, ocrPageFromLines } from '../test-helpers';
import { type DocumentTypeDeclaration, defineDocumentType } from './define';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

const valid: DocumentTypeDeclaration = {
  id: 'trich-luc-khai-tu',
  kind: 'civil-status',
  title: 'Trích lục khai tử',
  docCodeKind: 'GKT',
  labels: { titles: ['Trích lục khai tử'], markers: ['Ngày chết', 'Nơi chết'] },
  sections: [{ id: 'declarant', headings: ['Người đi khai tử'], qualifiers: ['người đi khai tử'] }],
  fields: [
    {
      key: 'person.fullName',
      labels: ['Họ, chữ đệm, tên', 'Họ và tên'],
      roles: ['subject', 'declarant'],
      parse: parse.name,
    },
    { key: 'person.deathDate', labels: ['Ngày chết', 'Chết vào lúc'], parse: parse.date },
  ],
  requiredKeys: ['person.fullName'],
};

const page = BLANK_PAGE;

describe('defineDocumentType', () => {
  it('accepts a declaration and keeps its id, kind, title and DocCode kind', () => {
    const t = defineDocumentType(valid);
    expect(t).toMatchObject({ id: 'trich-luc-khai-tu', kind: 'civil-status', docCodeKind: 'GKT' });
    expect(t.reader?.roles.map((r) => r.id)).toEqual(['declarant']);
    expect(t.requiredKeys).toEqual(['person.fullName']);
  });

  it.each<[string, Partial<DocumentTypeDeclaration>, RegExp]>([
    ['an id with capitals or spaces', { id: 'Trich Luc' }, /`id` must be lower-case/],
    ['an undeclarable kind', { kind: 'unclassified' }, /`kind` must be one of/],
    ['an empty title', { title: ' ' }, /`title`/],
    ['a lower-case DocCode kind', { docCodeKind: 'gkt' }, /`docCodeKind`/],
    ['a DocCode kind with a diacritic', { docCodeKind: 'QĐ' }, /`docCodeKind`/],
    ['a one-letter DocCode kind', { docCodeKind: 'G' }, /`docCodeKind`/],
    ['a nine-letter DocCode kind', { docCodeKind: 'ABCDEFGHI' }, /`docCodeKind`/],
    ['no labels and no classify', { labels: undefined }, /give `labels`/],
    ['no title wording', { labels: { titles: [] } }, /`labels.titles`/],
    ['no fields and no extract', { fields: undefined }, /give `fields`/],
    [
      'a field without labels',
      { fields: [{ key: 'person.fullName', labels: [], parse: parse.name }] },
      /at least one printed label/,
    ],
    ['a field key that is not dotted', { fields: [{ key: 'name', labels: ['Tên'], parse: parse.name }] }, /field key/],
    [
      'a field read for an undeclared role',
      { fields: [{ key: 'person.fullName', labels: ['Họ tên'], roles: ['spouse'], parse: parse.name }] },
      /role `spouse`/,
    ],
    [
      'a section declared twice',
      {
        sections: [
          { id: 'declarant', headings: [], qualifiers: [] },
          { id: 'declarant', headings: [], qualifiers: [] },
        ],
      },
      /declared twice/,
    ],
    [
      'a section paired with an undeclared one',
      { sections: [{ id: 'mother', headings: ['Mẹ'], qualifiers: [], pairedWith: 'father' }] },
      /paired with `father`/,
    ],
    ['a score threshold outside (0, 1]', { minScore: 0 }, /`minScore`/],
  ])('refuses %s with EXTRACT_FAILED', (_, change, message) => {
    expect(() => defineDocumentType({ ...valid, ...change } as DocumentTypeDeclaration)).toThrow(message);
    try {
      defineDocumentType({ ...valid, ...change } as DocumentTypeDeclaration);
    } catch (e) {
      expect(e).toMatchObject({ code: 'EXTRACT_FAILED' });
    }
  });

  it('reads a declared type end to end: classified by its title, fields by their labels, relations by sections', async () => {
    const deathCertificate = defineDocumentType(valid);
    const ocr = ocrPageFromLines([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TRÍCH LỤC KHAI TỬ',
      'Họ, chữ đệm, tên: NGUYỄN VĂN BÌNH',
      'Ngày chết: 03/04/2021',
      'Nơi chết: Bệnh viện Đa khoa tỉnh Quảng Nam',
      'Người đi khai tử',
      'Họ, chữ đệm, tên: NGUYỄN THỊ AN',
    ]);
    const result = await safeExtractDocument(
      { pages: [page], ocr: [ocr], qr: [undefined] },
      { documentTypes: [deathCertificate], asOf: '2025-01-01' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ type: 'trich-luc-khai-tu', kind: 'civil-status' });
    expect(result.value.fields['person.fullName']?.value).toBe('Nguyễn Văn Bình');
    expect(result.value.fields['person.deathDate']?.value).toBe('2021-04-03');
    expect(result.value.relations?.[0]).toMatchObject({ role: 'declarant' });
    expect(result.value.relations?.[0]?.fields['person.fullName']?.value).toBe('Nguyễn Thị An');
  });

  it('runs the declared checks on the fields read, and reads a role a label opens as a relation', async () => {
    const checked = defineDocumentType({
      ...valid,
      fields: [
        ...valid.fields!,
        { key: 'person.birthDate', labels: ['Ngày, tháng, năm sinh'], parse: parse.date },
        {
          key: 'person.fullName',
          labels: ['Người làm chứng'],
          roles: ['witness'],
          labelRole: 'witness',
          parse: parse.name,
        },
      ],
      checks: [
        (fields) =>
          String(fields['person.deathDate']?.value) < String(fields['person.birthDate']?.value)
            ? [
                {
                  code: 'EXTRACT_DATES_INCONSISTENT',
                  severity: 'warning',
                  origin: 'extract',
                  message: 'death before birth',
                },
              ]
            : [],
      ],
    });
    const ocr = ocrPageFromLines([
      'TRÍCH LỤC KHAI TỬ',
      'Họ, chữ đệm, tên: TRẦN VĂN CƯỜNG',
      'Ngày, tháng, năm sinh: 05/06/2000',
      'Ngày chết: 03/04/1990',
      'Nơi chết: Hà Nội',
      'Người làm chứng: PHẠM THỊ DUNG',
    ]);
    const record = await checked.extract(
      [{ page, ocr, qr: undefined }],
      [{ type: checked.id, part: 'full', score: 0.9 }],
      {
        options: resolveExtractOptions({ asOf: '2025-01-01' }),
      },
    );
    expect(record.diagnostics.map((d) => d.code)).toContain('EXTRACT_DATES_INCONSISTENT');
    expect(record.relations?.map((r) => [r.role, r.fields['person.fullName']?.value])).toEqual([
      ['witness', 'Phạm Thị Dung'],
    ]);
  });

  it('leaves a page that does not print its title to the other types', async () => {
    const deathCertificate = defineDocumentType(valid);
    const ocr = ocrPageFromLines(['Họ, chữ đệm, tên: NGUYỄN VĂN BÌNH']);
    expect(deathCertificate.classify({ page, ocr, qr: undefined })).toBeUndefined();
  });
});

describe('ExtractOptions.documentTypes', () => {
  it('refuses a type defined twice or one without a classifier', () => {
    const t = defineDocumentType(valid);
    expect(() => resolveExtractOptions({ documentTypes: [t, t] })).toThrow(/defined twice/);
    expect(() => resolveExtractOptions({ documentTypes: [{ ...DOCUMENT_TYPES[0]!, id: 'giay-khai-sinh' }] })).toThrow(
      /`giay-khai-sinh` is defined twice/,
    );
    expect(() => resolveExtractOptions({ documentTypes: [{ id: 'x' } as never] })).toThrow(/`classify`/);
  });
});

describe('built-in document types', () => {
  it('each lives in documents/<id>/ and declares a DocCode kind and its schema', () => {
    for (const t of DOCUMENT_TYPES) {
      expect(existsSync(new URL(`./${t.id}/definition.ts`, import.meta.url)), t.id).toBe(true);
      expect(t.docCodeKind, t.id).toMatch(/^[A-Z]{2,8}$/);
      expect(t.schema, t.id).toBe(`https://sohoa.dev/schemas/documents/${t.id}.schema.json`);
      const schema = JSON.parse(readFileSync(`${root}schemas/documents/${t.id}.schema.json`, 'utf8')) as {
        $id: string;
      };
      expect(schema.$id).toBe(t.schema);
    }
  });

  it('docCodeKindOf gives the declared abbreviation, KPL for an unclassified page or an unknown type', () => {
    expect(
      Object.fromEntries(
        ['cccd-2021', 'cmnd-9', 'giay-khai-sinh', 'van-ban-hanh-chinh'].map((id) => [id, docCodeKindOf(id)]),
      ),
    ).toEqual({ 'cccd-2021': 'CCCD', 'cmnd-9': 'CMND', 'giay-khai-sinh': 'GKS', 'van-ban-hanh-chinh': 'CV' });
    expect(docCodeKindOf(undefined)).toBe('KPL');
    expect(docCodeKindOf('trich-luc-khai-tu')).toBe('KPL');
    expect(docCodeKindOf('trich-luc-khai-tu', [...DOCUMENT_TYPES, defineDocumentType(valid)])).toBe('GKT');
  });
});
