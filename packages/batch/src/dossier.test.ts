import { basename, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeOcrEngine } from '@sohoa/ocr';
import { createVault, operatorAccess, type Procedure } from '@sohoa/vault';
import { memoryDriver } from '@sohoa/vault/drivers/memory';
import { digitizeFiles } from './digitize';
import { memoryJournal } from './journal/memory';
import { safeParseManifest } from './manifest';
import { splitNumberSymbol } from './metadata';
import { distinctScans } from './testing/distinct-scans';

const front = resolve(import.meta.dirname, '../../../seeds/data/cccd/01-tran-kim-giang/front.jpg');
const card = (id: string, name: string) =>
  [
    'CĂN CƯỚC CÔNG DÂN',
    `Số / No.: ${id}`,
    'Họ và tên / Full name:',
    name,
    'Ngày sinh / Date of birth: 25/11/1959',
  ].join('\n');
const OWNER = '046159365055';
const OTHER = '001090012345';
// A card of the owner for every file, except `other-*` files, which show someone else's card.
const engine = createFakeOcrEngine((page) =>
  page.width > 900
    ? basename(page.source.file).startsWith('other')
      ? card(OTHER, 'NGUYỄN VĂN AN')
      : card(OWNER, 'TRẦN KIM GIANG')
    : '',
);
const CODE = 'H29.001.07-260115-AB0042';

const scans = (names: string[]) => distinctScans(front, names);

function manifestFor(files: string[], rows: string[]) {
  const text = ['path,dossier,procedure,role,subject,result code', ...files.map((f, i) => `${f},${rows[i]}`)].join(
    '\n',
  );
  const parsed = safeParseManifest(text, '/');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  return new Map(parsed.value.map((r) => [r.path, r]));
}

describe('dossiers from the manifest', () => {
  it('attaches results and components to their dossier, idempotently across runs and resumes', async () => {
    const files = scans(['result.jpg', 'component.jpg', 'other-parent.jpg']);
    const manifest = manifestFor(files, [
      `${CODE},1.001193,kết quả,${OWNER},KQ-0001`,
      `${CODE},1.001193,thành phần,${OWNER},`,
      `${CODE},1.001193,component,,`,
    ]);
    const vault = createVault({ driver: memoryDriver(), ...operatorAccess('batch-test') });
    const journal = memoryJournal();
    const first = await digitizeFiles(files, { engine, vault, journal, manifest, concurrency: 3 });
    expect(first.counts.stored).toBe(3);
    const [result, component, other] = first.results;
    expect(first.results.map((r) => r.dossier)).toEqual([
      { code: CODE, role: 'result', attached: true },
      { code: CODE, role: 'component', attached: true, requirementId: 'x-cccd-2021' },
      { code: CODE, role: 'component', attached: true, requirementId: 'x-cccd-2021' },
    ]);
    const dossier = await vault.getDossier(CODE);
    expect(dossier).toMatchObject({
      subject: { kind: 'person', id: OWNER },
      status: 'completed',
      receivedOn: '2026-01-15',
      receivingAgency: 'H29.001.07',
      procedure: { code: '1.001193' },
    });
    expect(dossier?.results).toEqual([result!.documentId]);
    // The other person's card is not the owner's document: it is listed by its file hash.
    expect(dossier?.components).toEqual(
      expect.arrayContaining([
        { requirementId: 'x-cccd-2021', documentId: component!.documentId },
        { requirementId: 'x-cccd-2021', sha256: other!.sha256 },
      ]),
    );
    expect(dossier?.components).toHaveLength(2);

    // Again without the journal (every file redone, as after a kill between the vault write and the journal) and on resume.
    const again = await digitizeFiles(files, { engine, vault, manifest, concurrency: 3 });
    expect(again.counts.unchanged).toBe(3);
    const resumed = await digitizeFiles(files, { engine, vault, journal, manifest, resume: true });
    expect(resumed.counts.unchanged).toBe(3);
    const after = await vault.getDossier(CODE);
    expect(after?.results).toEqual(dossier?.results);
    expect(after?.components).toEqual(dossier?.components);
  });

  it("takes the dossier owner from the manifest even when another person's component is processed first", async () => {
    // The parent's card (no subject on its row) comes first: the dossier must still be the owner's.
    const files = scans(['other-first.jpg', 'result-second.jpg']);
    const manifest = manifestFor(files, [`${CODE},1.001193,component,,`, `${CODE},1.001193,result,${OWNER},`]);
    const vault = createVault({ driver: memoryDriver(), ...operatorAccess('batch-test') });
    const summary = await digitizeFiles(files, { engine, vault, manifest, concurrency: 1 });
    expect(summary.results.map((r) => r.dossier?.attached)).toEqual([true, true]);
    expect(await vault.getDossier(CODE)).toMatchObject({
      subject: { kind: 'person', id: OWNER },
      results: [summary.results[1]?.documentId],
      components: [{ requirementId: 'x-cccd-2021', sha256: summary.results[0]?.sha256 }],
    });
  });

  it('uses the procedure catalogue to name the requirement a component answers', async () => {
    const files = scans(['card.jpg']);
    const manifest = manifestFor(files, [`${CODE},1.000001,component,${OWNER},`]);
    const procedure: Procedure = {
      code: '1.000001',
      name: 'Thủ tục thử',
      requirements: [
        { id: 'r1', name: 'Căn cước', originals: 0, copies: 1, documentTypes: ['cccd-2021'] },
        { id: 'r2', name: 'Tờ khai', originals: 1, copies: 0 },
      ],
    };
    const vault = createVault({ driver: memoryDriver(), ...operatorAccess('batch-test') });
    const summary = await digitizeFiles(files, {
      engine,
      vault,
      manifest,
      procedures: new Map([[procedure.code, procedure]]),
    });
    expect(summary.results[0]?.dossier).toMatchObject({ attached: true, requirementId: 'r1' });
    expect(await vault.getDossier(CODE)).toMatchObject({
      status: 'received',
      missing: ['r2'],
      components: [{ requirementId: 'r1', documentId: summary.results[0]?.documentId }],
    });
  });

  it('reports, without failing the file, a result that belongs to someone else than the dossier owner', async () => {
    const files = scans(['other-result.jpg']);
    const manifest = manifestFor(files, [`${CODE},1.001193,result,${OWNER},`]);
    const vault = createVault({ driver: memoryDriver(), ...operatorAccess('batch-test') });
    const summary = await digitizeFiles(files, { engine, vault, manifest });
    expect(summary.results[0]).toMatchObject({ status: 'stored', dossier: { attached: false } });
    expect(summary.results[0]?.diagnostics.map((d) => d.code)).toContain('BATCH_DOSSIER_NOT_ATTACHED');
    expect(await vault.getDossier(CODE)).toBeUndefined();
  });

  it('refuses a manifest row whose dossier code is malformed, pointing at the cell', () => {
    const parsed = safeParseManifest('path,dossier\na.jpg,not-a-code\n', '/');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.diagnostics[0]?.pointer).toBe('/1/dossier');
  });
});

describe('digitisation metadata', () => {
  it('is stored with the document: type, result code, subject ids, source hash, pages and their quality figures', async () => {
    const files = scans(['result.jpg']);
    const manifest = manifestFor(files, [`${CODE},1.001193,result,${OWNER},KQ-0001`]);
    const vault = createVault({ driver: memoryDriver(), ...operatorAccess('batch-test') });
    const summary = await digitizeFiles(files, { engine, vault, manifest });
    const stored = await vault.getDocument(summary.results[0]!.documentId!);
    expect(stored?.record.digitisation).toMatchObject({
      resultCode: 'KQ-0001',
      documentType: 'cccd-2021',
      subjectIds: [OWNER],
      sha256: summary.results[0]!.sha256,
      pageCount: 1,
      pages: [{ page: 1, width: 1200, height: 820, ocrConfidence: 1 }],
      ocrConfidence: 1,
      dossier: { code: CODE, role: 'result', procedure: '1.001193' },
    });
    expect(summary.results[0]?.timings?.ocrMs).toBeGreaterThanOrEqual(0);
  });

  it('splits số and ký hiệu, and leaves an ID card number whole', () => {
    expect(splitNumberSymbol('12/QĐ-UBND')).toEqual({ number: '12', symbol: 'QĐ-UBND' });
    expect(splitNumberSymbol('05/2020/NĐ-CP')).toEqual({ number: '05', symbol: '2020/NĐ-CP' });
    expect(splitNumberSymbol('046159365055')).toEqual({ number: '046159365055' });
    expect(splitNumberSymbol('123/2020')).toEqual({ number: '123/2020' });
  });
});
