import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { digitizeFiles } from '@sohoa/batch';
import type { DocumentRecord, ExtractedField } from '@sohoa/core';
import { createTesseractEngine } from '@sohoa/ocr';
import { createVault, type Vault } from '@sohoa/vault';
import { sqliteDriver } from '@sohoa/vault/drivers/sqlite';
import { ADMIN_ACTOR, PORTAL_ACTOR } from './procedure';

/** Options of {@link createDemoVault}. */
export interface DemoVaultOptions {
  /** Folders of committed seed cards (`seeds/data/cccd/<slug>`) to digitise with real OCR. */
  cards: string[];
  /** Records digitised earlier (`DemoVault.records` of another demo vault): stored as they are, no OCR. */
  records?: DocumentRecord[];
  /** Where the SQLite vault goes. @default a fresh temporary folder, removed by `close()` */
  dir?: string;
  /** Progress lines for the console. */
  log?: (line: string) => void;
}

/** A vault holding digitised documents of synthetic citizens, and who can log in. */
export interface DemoVault {
  vault: Vault;
  /** Subjects holding an ID card: the citizens who can log in. */
  citizens: string[];
  /** The ID card records as digitised. */
  records: DocumentRecord[];
  close(): Promise<void>;
}

/**
 * Build the demo vault: digitise the seed ID cards (front and back, real OCR, ~5 s a card), then add one
 * synthetic residence confirmation (CT07) read from a poor phone photo, so that one value the form needs
 * arrives with low confidence and must be reviewed by the citizen.
 */
export async function createDemoVault(options: DemoVaultOptions): Promise<DemoVault> {
  const own = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'sohoa-portal-'));
  const vault = createVault({
    driver: sqliteDriver({ path: join(dir, 'vault.db') }),
    masterKey: { id: 'portal-demo', key: randomBytes(32) },
    actor: PORTAL_ACTOR,
    // The portal's own back office: checks at log-in that a citizen is held. Every use is audited.
    grants: [{ to: ADMIN_ACTOR, subject: '*', purpose: 'dang-nhap', keys: ['*'] }],
  });
  const records = options.records ?? (await digitizeCards(options.cards, vault, options.log));
  if (options.records) for (const record of records) await vault.putDocument(record);
  const citizens = [...new Set(records.flatMap((r) => (r.subject ? [r.subject.id] : [])))];
  for (const id of citizens) await vault.putDocument(residenceConfirmation(id));
  return {
    vault,
    citizens,
    records,
    async close() {
      await vault.close();
      if (own) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function digitizeCards(cards: string[], vault: Vault, log?: (line: string) => void): Promise<DocumentRecord[]> {
  const files = cards.flatMap((card) => [join(card, 'front.jpg'), join(card, 'back.jpg')]);
  const engine = createTesseractEngine({ workers: 1 });
  const started = Date.now();
  let summary;
  try {
    summary = await digitizeFiles(files, { engine, vault, concurrency: 1 });
  } finally {
    await engine.dispose();
  }
  const records = summary.results.flatMap((r) => (r.record ? [r.record] : []));
  const failed = summary.results.filter((r) => r.status === 'failed').map((r) => r.error?.code ?? 'unknown');
  // Codes only: a message about a citizen's scan never carries their data.
  if (failed.length > 0) log?.(`${failed.length} seed scan(s) failed to digitise: ${failed.join(', ')}`);
  if (records.length === 0)
    throw new Error(
      `No seed scan could be digitised (${failed.join(', ')}); check the files under \`seeds/data/cccd\`.`,
    );
  log?.(
    `digitised ${records.length} of ${files.length} seed scan(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return records;
}

/**
 * A synthetic CT07 (giấy xác nhận thông tin về cư trú) as the extractor would return it from a creased
 * phone photo: the ethnicity line was misread (a tone mark too many) with low confidence. Only this record is made up; the
 * ID card records come from real OCR of the seed scans.
 */
function residenceConfirmation(subjectId: string): DocumentRecord {
  const sha256 = createHash('sha256').update(`synthetic-ct07|${subjectId}`).digest('hex');
  const field = (value: string, confidence: number, y: number): ExtractedField => ({
    value,
    raw: value,
    confidence,
    evidence: [{ method: 'ocr', sha256, page: 1, box: { x: 212, y, width: 420, height: 30 } }],
  });
  return {
    type: 'ct07-xac-nhan-cu-tru',
    subject: { kind: 'person', id: subjectId },
    issued: '2025-03-04',
    status: 'valid',
    fields: {
      'person.idNumber': field(subjectId, 0.93, 318),
      'person.ethnicity': field('Kính', 0.58, 402),
    },
    sources: [{ file: 'ct07-anh-chup-dien-thoai.jpg', sha256, page: 1, pageCount: 1 }],
    diagnostics: [],
  };
}
