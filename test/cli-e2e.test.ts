import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '@sohoa/vn';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'packages/cli/dist/bin.js');
const seedDir = join(root, 'seeds/data/cccd');
const birthForm = join(root, 'schemas/forms/to-khai-dang-ky-khai-sinh.schema.json');

interface Truth {
  person: { idNumber: string; fullName: string; birthDate: string; sex: string; permanentAddress: string };
  card: { issueDate: string; expiryDate: string | null };
  files: { front: string; back: string };
}

async function sohoa(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const cards = existsSync(seedDir)
  ? readdirSync(seedDir)
      .sort()
      .map((dir) => ({
        dir: join(seedDir, dir),
        truth: JSON.parse(readFileSync(join(seedDir, dir, 'truth.json'), 'utf8')) as Truth,
      }))
  : [];

let work: string;
let vault: string;
let digitized: {
  documents: Array<{
    file: string;
    type: string | null;
    subject: string | null;
    status: string;
    fields: Record<string, { value: unknown; confidence: number }>;
  }>;
};

beforeAll(async () => {
  if (!existsSync(bin))
    throw new Error('packages/cli/dist/bin.js is missing: run `pnpm build` first (`pnpm test` does).');
  expect(cards.length, 'committed seed cards in seeds/data/cccd').toBeGreaterThanOrEqual(4);
  work = mkdtempSync(join(tmpdir(), 'sohoa-e2e-'));
  vault = join(work, 'vault.db');
  const result = await sohoa(['digitize', 'seeds/data/cccd', '--vault', vault, '--json', '--quiet']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  digitized = JSON.parse(result.stdout);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('sohoa digitize on the committed seed cards (real OCR)', () => {
  it('digitises every scan', () => {
    expect(digitized.documents).toHaveLength(cards.length * 2);
    for (const doc of digitized.documents) {
      expect(doc.status, doc.file).toBe('stored');
      expect(doc.type, doc.file).toBe('cccd-2021');
    }
  });

  for (const side of ['front', 'back'] as const) {
    it(`reproduces ID number, full name and birth date on every ${side}, degraded ones included`, () => {
      for (const { dir, truth } of cards) {
        const doc = digitized.documents.find((d) => resolve(root, d.file) === join(dir, truth.files[side]));
        expect(doc, `${dir} ${side}`).toBeDefined();
        const value = (key: string) => doc!.fields[key]?.value;
        expect(value('person.idNumber'), `${dir} ${side} id`).toBe(truth.person.idNumber);
        expect(value('person.fullName'), `${dir} ${side} name`).toBe(normalizeText(truth.person.fullName));
        expect(value('person.birthDate'), `${dir} ${side} birth date`).toBe(truth.person.birthDate);
        expect(doc!.subject).toBe(truth.person.idNumber);
      }
    });
  }

  it('is idempotent: the same files again are `unchanged`', async () => {
    const again = await sohoa(['digitize', cards[0]!.dir, '--vault', vault, '--json', '--quiet']);
    expect(again.code).toBe(0);
    const docs = JSON.parse(again.stdout).documents as Array<{ status: string }>;
    expect(docs.map((d) => d.status)).toEqual(['unchanged', 'unchanged']);
  });
});

describe('a scanned PDF holding both sides of a card', () => {
  it('becomes one front+back record with QR, MRZ and OCR values', async () => {
    const require = createRequire(join(root, 'packages/ingest/package.json'));
    // pdf-lib is a dependency of @sohoa/ingest, not of the root: load it from there.
    interface PdfLib {
      PDFDocument: {
        create(): Promise<{
          embedJpg(b: Uint8Array): Promise<{ width: number; height: number }>;
          addPage(size: [number, number]): { drawImage(i: unknown, o: object): void };
          save(): Promise<Uint8Array>;
        }>;
      };
    }
    const { PDFDocument } = require('pdf-lib') as PdfLib;
    const { dir, truth } = cards[2]!;
    const pdf = await PDFDocument.create();
    for (const side of ['front', 'back'] as const) {
      const image = await pdf.embedJpg(readFileSync(join(dir, truth.files[side])));
      const page = pdf.addPage([image.width * 0.24, image.height * 0.24]);
      page.drawImage(image, { x: 0, y: 0, width: image.width * 0.24, height: image.height * 0.24 });
    }
    const file = join(work, 'card.pdf');
    writeFileSync(file, await pdf.save());
    const result = await sohoa(['digitize', file, '--vault', join(work, 'pdf.db'), '--json', '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    const [doc] = JSON.parse(result.stdout).documents;
    expect(doc).toMatchObject({
      type: 'cccd-2021',
      part: 'front+back',
      subject: truth.person.idNumber,
      status: 'stored',
    });
    expect(doc.fields['person.fullName']).toMatchObject({ value: normalizeText(truth.person.fullName), method: 'qr' });
    expect(doc.fields['person.hometown'].method).toBe('ocr');
  });
});

describe('sohoa fill and coverage', () => {
  it('fills the birth-registration form for every seed person above 20% with no wrong value', async () => {
    for (const { truth } of cards) {
      const pdf = join(work, `${truth.person.idNumber}.pdf`);
      const xml = join(work, `${truth.person.idNumber}.xml`);
      // The citizen registers the birth of their own child, so the mother's or father's section is theirs.
      const role = truth.person.sex === 'female' ? 'mother' : 'father';
      const result = await sohoa([
        'fill',
        birthForm,
        '--vault',
        vault,
        '--subject',
        truth.person.idNumber,
        '--as',
        role,
        '--json',
        '--pdf',
        pdf,
        '--xml',
        xml,
      ]);
      expect(result.code, result.stderr).toBe(0);
      const out = JSON.parse(result.stdout) as {
        data: unknown;
        fields: Array<{ pointer: string; key: string | null; status: string; value: unknown }>;
        coverage: { total: number; filled: number; ratio: number };
      };
      expect(out.coverage.ratio).toBeGreaterThan(0.2);
      expect(out.coverage.ratio).toBeCloseTo(out.coverage.filled / out.coverage.total, 10);
      const [y, m, d] = truth.person.birthDate.split('-');
      const expected: Record<string, unknown> = {
        'person.fullName': normalizeText(truth.person.fullName),
        'person.idDocument.number': truth.person.idNumber,
        'person.birthDate': `${d}/${m}/${y}`,
        'person.residence': normalizeText(truth.person.permanentAddress),
        'person.idDocument.issueDate': truth.card.issueDate.split('-').reverse().join('/'),
        [`person.${role}.fullName`]: normalizeText(truth.person.fullName),
        [`person.${role}.idDocument.number`]: truth.person.idNumber,
        [`person.${role}.residence`]: normalizeText(truth.person.permanentAddress),
      };
      const filled = out.fields.filter((f) => f.status === 'filled');
      // Every key with a known true value is filled, and filled right.
      for (const [key, value] of Object.entries(expected)) {
        const field = filled.find((f) => f.key === key);
        expect(field, `${key} filled`).toBeDefined();
        expect(field!.value, key).toBe(value);
      }
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      expect(readFileSync(xml, 'utf8')).toContain('<?xml');
    }
  });

  it('coverage --min gates: passes at 0.2 and fails at 1.0', async () => {
    const id = cards[0]!.truth.person.idNumber;
    const ok = await sohoa([
      'coverage',
      birthForm,
      '--vault',
      vault,
      '--subject',
      id,
      '--as',
      'mother',
      '--min',
      '0.2',
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/to-khai-dang-ky-khai-sinh/);
    const strict = await sohoa(['coverage', birthForm, '--vault', vault, '--subject', id, '--min', '1', '--json']);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout).forms[0].pass).toBe(false);
  });

  it('fill reads Form.io and SurveyJS forms (detected, or --format) and returns data in their own shape', async () => {
    const { truth } = cards[0]!;
    const formio = join(work, 'formio.json');
    writeFileSync(
      formio,
      JSON.stringify({
        title: 'Tờ khai',
        components: [
          {
            type: 'panel',
            key: 'p',
            input: false,
            components: [
              {
                type: 'textfield',
                key: 'fullname',
                label: 'Họ, chữ đệm và tên',
                input: true,
                validate: { required: true },
              },
              {
                type: 'textfield',
                key: 'identityNumber',
                label: 'Số định danh cá nhân',
                input: true,
                validate: { pattern: '\\d{12}' },
              },
            ],
          },
        ],
      }),
    );
    const survey = join(work, 'survey.json');
    writeFileSync(
      survey,
      JSON.stringify({
        pages: [
          {
            name: 'p1',
            elements: [
              {
                type: 'panel',
                name: 'x',
                elements: [
                  { type: 'text', name: 'hoTen', title: 'Họ và tên', isRequired: true },
                  { type: 'text', name: 'ngaySinh', title: 'Ngày, tháng, năm sinh', inputType: 'date' },
                ],
              },
            ],
          },
        ],
      }),
    );
    const id = truth.person.idNumber;
    const a = await sohoa(['fill', formio, '--vault', vault, '--subject', id, '--json']);
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout).data).toEqual({ fullname: normalizeText(truth.person.fullName), identityNumber: id });
    const b = await sohoa(['fill', survey, '--vault', vault, '--subject', id, '--json', '--format', 'surveyjs']);
    expect(b.code, b.stderr).toBe(0);
    expect(JSON.parse(b.stdout).data).toEqual({
      hoTen: normalizeText(truth.person.fullName),
      ngaySinh: truth.person.birthDate,
    });
    const forced = await sohoa(['fill', formio, '--vault', vault, '--subject', id, '--format', 'jsonschema']);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toMatch(/EFORM_SCHEMA_INVALID/);
    expect((await sohoa(['fill', formio, '--vault', vault, '--subject', id, '--format', 'xforms'])).code).toBe(2);
  });
});

describe('bad input gets one clear line and a non-zero exit, never a stack trace', () => {
  const cases: Array<[string, () => string[], RegExp]> = [
    [
      'a text file named .jpg',
      () => {
        const f = join(work, 'note.jpg');
        writeFileSync(f, 'this is not an image\n');
        return ['digitize', f, '--vault', vault, '--json', '--quiet'];
      },
      /INGEST_UNSUPPORTED_TYPE/,
    ],
    [
      'a truncated PNG',
      () => {
        const f = join(work, 'cut.png');
        const png = readFileSync(join(root, 'test/fixtures/tiny.png'));
        writeFileSync(f, png.subarray(0, Math.floor(png.length / 2)));
        return ['digitize', f, '--vault', vault, '--json', '--quiet'];
      },
      /INGEST_CORRUPT_IMAGE/,
    ],
    [
      'an empty PDF',
      () => {
        const f = join(work, 'empty.pdf');
        writeFileSync(f, '');
        return ['digitize', f, '--vault', vault, '--json', '--quiet'];
      },
      /INGEST_FILE_EMPTY/,
    ],
    [
      'an unknown subject',
      () => ['fill', birthForm, '--vault', vault, '--subject', '001099999999', '--json'],
      /VAULT_SUBJECT_NOT_FOUND/,
    ],
    [
      'a missing form file',
      () => ['fill', join(work, 'nope.schema.json'), '--vault', vault, '--subject', '001099999999'],
      /EFORM_SCHEMA_NOT_FOUND/,
    ],
  ];
  for (const [name, args, code] of cases) {
    it(name, async () => {
      const result = await sohoa(args());
      expect(result.code).toBe(1);
      const text = `${result.stdout}\n${result.stderr}`;
      expect(text).toMatch(code);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stderr).not.toMatch(/internal error/);
    });
  }
  it('a usage error exits 2', async () => {
    const result = await sohoa(['fill', birthForm, '--vault', vault]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--subject/);
  });
  it('digitize with nothing to read, or without a vault, is a usage error', async () => {
    const empty = await sohoa(['digitize', '--vault', vault]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/nothing to digitise/);
    const noVault = await sohoa(['digitize', join(root, 'test/fixtures/tiny.png')]);
    expect(noVault.code).toBe(2);
    expect(noVault.stderr).toMatch(/--vault/);
  });
});
