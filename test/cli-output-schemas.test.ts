import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileResult } from '@sohoa/batch';
import { DIGITIZE_OUTPUT_VERSION, toJsonDocument } from '../packages/cli/src/commands/digitize';
import { sohoa, tempDir } from './attacks/helpers';
import { canRun } from './fixtures/skip';

// `sohoa digitize --json` and `--ndjson` carry `"version": 1` and validate against schemas/output/ (ajv, 2020-12).
const root = resolve(import.meta.dirname, '..');
const requireFromEform = createRequire(join(root, 'packages/eform/package.json'));
const Ajv2020 = requireFromEform('ajv/dist/2020').default as new (
  o: object,
) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };
const addFormats = requireFromEform('ajv-formats').default as (ajv: object) => void;
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const schema = (name: string) => JSON.parse(readFileSync(join(root, 'schemas/output', name), 'utf8')) as object;
const validateJson = ajv.compile(schema('digitize.schema.json'));
const validateEvent = ajv.compile(schema('digitize-event.schema.json'));

const box = { x: 10, y: 20, width: 300, height: 40 };
const stored: FileResult = {
  file: 'cccd/back.jpg',
  status: 'stored',
  pages: 1,
  documentId: 'doc-1',
  diagnostics: [],
  record: {
    type: 'cccd-2021',
    part: 'back',
    subject: { kind: 'person', id: '001099012345' },
    status: 'valid',
    fields: {
      'person.idNumber': { value: '001099012345', confidence: 0.99, evidence: [{ method: 'qr', page: 1, box }] },
    },
    sources: [],
    diagnostics: [],
  },
} as unknown as FileResult;
const failed = {
  file: 'broken.pdf',
  status: 'failed',
  pages: 0,
  diagnostics: [],
  error: { code: 'INGEST_CORRUPT_PDF', message: 'not a PDF' },
} as unknown as FileResult;

describe('digitize output schemas (schemas/output)', () => {
  it('--json: a stored and a failed file validate; each field has its page and box', () => {
    const output = { version: DIGITIZE_OUTPUT_VERSION, documents: [toJsonDocument(stored), toJsonDocument(failed)] };
    expect(validateJson(output), JSON.stringify(validateJson.errors)).toBe(true);
    expect(output.documents[0]!.fields['person.idNumber']).toEqual({
      value: '001099012345',
      confidence: 0.99,
      method: 'qr',
      page: 1,
      box,
    });
  });

  it('--json with --copies: each copy outcome validates; a bad DocCode or an unknown key does not', () => {
    const copies = [
      {
        file: 'cccd/back.jpg',
        status: 'written',
        docCode: 'G09.01.02_CCCD_000001_V1',
        location: 'G09.01.02_CCCD_000001_V1_20210825_CanCuocCongDan.pdf',
        ms: 212,
      },
      { file: 'old.pdf', status: 'exists', docCode: 'H41.01_KPL_000002_V2', ms: 3100, ocrAgain: true },
      { file: 'broken.pdf', status: 'skipped' },
      { file: 'odd.tif', status: 'failed', error: { code: 'ARCHIVE_IMAGE_UNSUPPORTED', message: 'CMYK' } },
    ];
    const output = { version: DIGITIZE_OUTPUT_VERSION, documents: [toJsonDocument(stored)], copies };
    expect(validateJson(output), JSON.stringify(validateJson.errors)).toBe(true);
    const withCopy = (copy: object) => ({ ...output, copies: [copy] });
    expect(validateJson(withCopy({ ...copies[0], docCode: 'G09.01.02_CCCD_1_V1' }))).toBe(false);
    expect(validateJson(withCopy({ ...copies[0], path: '/tmp/x.pdf' }))).toBe(false);
    expect(validateJson(withCopy({ file: 'a.jpg', status: 'lost' }))).toBe(false);
  });

  it('the schemas can fail: no version, an unknown key, a file event without its type', () => {
    expect(validateJson({ documents: [] })).toBe(false);
    expect(validateJson({ version: 1, documents: [{ ...toJsonDocument(stored), surprise: 1 }] })).toBe(false);
    expect(
      validateEvent({
        version: 1,
        event: 'file',
        done: 1,
        total: 1,
        file: 'a.jpg',
        status: 'stored',
        pages: 1,
        documentId: null,
        fields: 0,
      }),
    ).toBe(false);
  });
});

const cards = join(root, 'seeds/data/cccd');
const built = existsSync(join(root, 'packages/cli/dist/bin.js'));
describe.skipIf(
  !canRun(
    'cli-output-schemas',
    built && existsSync(cards),
    'packages/cli/dist or seeds/data/cccd is missing: run `pnpm build`',
  ),
)('sohoa digitize on a seed card, real OCR', () => {
  const work = tempDir();
  const back = join(cards, readdirSync(cards).sort()[0]!, 'back.jpg');

  it('--ndjson: every line is a versioned event with the document type, id and field count', async () => {
    const result = await sohoa([
      'digitize',
      back,
      '--vault',
      join(work, 'v.db'),
      '--ndjson',
      '--quiet',
      '--no-isolate',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const events = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const event of events) expect(validateEvent(event), JSON.stringify(validateEvent.errors)).toBe(true);
    expect(events.map((e) => e.event)).toEqual(['file', 'summary']);
    expect(events[0]).toMatchObject({
      version: 1,
      type: 'cccd-2021',
      documentId: expect.any(String),
      fields: expect.any(Number),
    });
    expect(events[0]!.fields as number).toBeGreaterThan(3);
  }, 120_000);

  it('--json: validates, version 1', async () => {
    const result = await sohoa(['digitize', back, '--vault', join(work, 'w.db'), '--json', '--quiet', '--no-isolate']);
    expect(result.code, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout) as {
      version: number;
      documents: Array<{ fields: Record<string, { method: string | null; page: number | null; box: unknown }> }>;
    };
    expect(validateJson(output), JSON.stringify(validateJson.errors)).toBe(true);
    expect(output.version).toBe(1);
    // Values read from the page (QR, MRZ, OCR) point at it; a computed value (nationality from the card type) has no place.
    const fields = Object.values(output.documents[0]!.fields);
    expect(fields.filter((f) => f.method !== 'computed').length).toBeGreaterThan(3);
    for (const f of fields)
      expect(f.method === 'computed' ? [f.page, f.box] : [f.page, typeof f.box]).toEqual(
        f.method === 'computed' ? [null, null] : [1, 'object'],
      );
  }, 120_000);
});
