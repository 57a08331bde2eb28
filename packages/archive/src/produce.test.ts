import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentRecord } from '@sohoa/core';
import { isSohoaError } from '@sohoa/core';
import { createVault, type Vault } from '@sohoa/vault';
import { memoryDriver } from '@sohoa/vault/drivers/memory';
import { afterAll, describe, expect, it } from 'vitest';
import { type CopyReservation, produceCopy } from './produce';
import { verifySignature } from './sign';
import { directoryStore } from './store/directory';
import { samplePdf, throwawayP12 } from './test-support/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'sohoa-produce-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const record = (digit: string): DocumentRecord =>
  ({
    type: 'unclassified',
    kind: 'unclassified',
    fields: {},
    sources: [{ file: `scan-${digit}.jpg`, sha256: digit.repeat(64), page: 1, pageCount: 1 }],
    diagnostics: [],
    status: 'valid',
    ocrConfidence: 0.9,
  }) as unknown as DocumentRecord;

const name = (r: CopyReservation) => `${r.docCode}_${r.digitisedAt.slice(0, 10).replaceAll('-', '')}_TaiLieu.pdf`;
let renders = 0;
const render = async () => {
  renders++;
  return { pdf: await samplePdf(true), pageCount: 2, sourceSha256: 'a'.repeat(64) };
};

async function setup(slot: string): Promise<{ vault: Vault; root: string; ids: string[] }> {
  const vault = createVault({
    driver: memoryDriver(),
    now: () => new Date('2026-01-15T08:00:00Z'),
    actor: 'tester',
    grants: [{ to: 'tester', subject: '*', purpose: '*', keys: ['*'] }],
  });
  const ids = [];
  for (const d of ['1', '2']) ids.push((await vault.putDocument(record(d))).documentId);
  return { vault, root: join(dir, slot), ids };
}

describe('produceCopy', () => {
  it('makes one copy per document, named by its DocCode, recorded with its hash, and none again on a rerun', async () => {
    const { vault, root, ids } = await setup('once');
    const store = directoryStore({ root });
    const base = { vault, store, agency: 'G09.01.02', kind: 'TL', render, name };
    const first = await Promise.all(ids.map((documentId) => produceCopy({ ...base, documentId })));
    expect(first.map((r) => [r.created, r.record.docCode])).toEqual([
      [true, 'G09.01.02_TL_000001_V1'],
      [true, 'G09.01.02_TL_000002_V1'],
    ]);
    const file = join(root, 'G09.01.02_TL_000001_V1_20260115_TaiLieu.pdf');
    const bytes = readFileSync(file);
    expect(first[0]!.record).toMatchObject({
      status: 'stored',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      pageCount: 2,
      signed: false,
    });
    const before = renders;
    const again = await Promise.all(ids.map((documentId) => produceCopy({ ...base, documentId })));
    expect(again.map((r) => r.created)).toEqual([false, false]);
    expect(renders).toBe(before);
    expect(readdirSync(root).sort()).toEqual([
      'G09.01.02_TL_000001_V1_20260115_TaiLieu.pdf',
      'G09.01.02_TL_000002_V1_20260115_TaiLieu.pdf',
    ]);
  });

  it('finishes a copy whose run died between writing and recording, under the same name', async () => {
    const { vault, root, ids } = await setup('crash');
    const store = directoryStore({ root });
    const dying = {
      ...vault,
      reserveCopy: vault.reserveCopy,
      completeCopy: async () => {
        throw new Error('killed');
      },
    };
    await expect(
      produceCopy({ vault: dying, store, documentId: ids[0]!, agency: 'H41', kind: 'TL', render, name }),
    ).rejects.toThrow('killed');
    const resumed = await produceCopy({ vault, store, documentId: ids[0]!, agency: 'H41', kind: 'TL', render, name });
    expect(resumed).toMatchObject({ created: true, record: { docCode: 'H41_TL_000001_V1', status: 'stored' } });
    expect(readdirSync(root)).toEqual(['H41_TL_000001_V1_20260115_TaiLieu.pdf']);
  });

  it('signs when asked, and a correction gets the next version with the same number', async () => {
    const { vault, root, ids } = await setup('signed');
    const store = directoryStore({ root });
    const sign = { p12: throwawayP12('pw'), password: 'pw', location: 'Phường Thử' };
    const made = await produceCopy({
      vault,
      store,
      documentId: ids[1]!,
      agency: 'H41',
      kind: 'TL',
      render,
      name,
      sign,
    });
    expect(made.record.signed).toBe(true);
    expect(verifySignature((await store.get(made.record.location!))!)).toMatchObject({ ok: true });
    await vault.reviseCopy(ids[1]!);
    const v2 = await produceCopy({ vault, store, documentId: ids[1]!, agency: 'H41', kind: 'TL', render, name });
    expect(v2.record).toMatchObject({ docCode: 'H41_TL_000001_V2', version: 2, number: 1 });
    expect((await vault.getCopy('H41_TL_000001_V1'))?.replacedBy).toBe('H41_TL_000001_V2');
  });

  it('refuses a bad agency code or kind before reserving anything', async () => {
    const { vault, root, ids } = await setup('bad');
    const store = directoryStore({ root });
    for (const [agency, kind] of [
      ['g09', 'TL'],
      ['G09', 'tl'],
    ] as const) {
      const error = await produceCopy({ vault, store, documentId: ids[0]!, agency, kind, render, name }).catch(
        (e: unknown) => e,
      );
      expect(isSohoaError(error, 'ARCHIVE_DOCCODE_INVALID')).toBe(true);
    }
    expect(await vault.findCopies({ documentId: ids[0]! })).toEqual([]);
  });
});
