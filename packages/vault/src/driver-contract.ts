import { randomBytes } from 'node:crypto';
import { isSohoaError } from '@sohoa/core';
import { afterEach, describe, expect, it } from 'vitest';
import { SYNTHETIC_ID, syntheticBirthCertificate, syntheticCccd } from './internal/fixtures';
import type { GrantInput, MasterKey, Procedure, Vault, VaultDriver, VaultOptions } from './types';
import { createVault } from './vault';

/** A master key for tests; fixed per run so reopened vaults can read. */
export const TEST_MASTER_KEY: MasterKey = { id: 'test-1', key: randomBytes(32) };
/** The standing grant the contract suite reads with: actor `tester`, every subject, purpose and key. */
export const TESTER_GRANT: GrantInput = { to: 'tester', subject: '*', purpose: '*', keys: ['*'] };

const PROCEDURE: Procedure = {
  code: '1.000001',
  name: 'Thủ tục mẫu',
  requirements: [
    { id: 'r1', name: 'Tờ khai', originals: 1, copies: 0 },
    { id: 'r2', name: 'Giấy tờ tùy thân', originals: 0, copies: 1, documentTypes: ['cccd-2021'] },
  ],
};

/**
 * The shared test suite every vault driver must pass. `makeDriver(slot)` returns a driver; called
 * twice with the same slot it must open the same storage (persistent drivers) so reopening is tested.
 */
export function runVaultContract(name: string, makeDriver: (slot: string) => VaultDriver): void {
  describe(`vault contract: ${name}`, () => {
    const open: Vault[] = [];
    let slots = 0;
    const make = (options: Partial<VaultOptions> & { slot?: string } = {}) => {
      const { slot = `s${++slots}`, ...rest } = options;
      const driver = makeDriver(slot);
      const vault = createVault({
        driver,
        now: () => new Date('2026-01-15T08:00:00Z'),
        masterKey: TEST_MASTER_KEY,
        actor: 'tester',
        grants: [TESTER_GRANT],
        ...rest,
      });
      open.push(vault);
      return { vault, slot, driver };
    };
    const form = 'to-khai-mau';
    afterEach(async () => {
      await Promise.all(open.splice(0).map((v) => v.close()));
    });

    it('stores a document and reads it back', async () => {
      const { vault } = make();
      const put = await vault.putDocument(syntheticCccd());
      expect(put).toMatchObject({ subject: { kind: 'person', id: SYNTHETIC_ID }, created: true });
      expect(put.factsAdded).toBeGreaterThanOrEqual(11);
      const doc = await vault.getDocument(put.documentId);
      expect(doc?.type).toBe('cccd-2021');
      expect(doc?.record.fields['person.fullName']?.value).toBe('Nguyễn Thị Thử');
      expect(await vault.listDocuments(SYNTHETIC_ID)).toHaveLength(1);
      expect(await vault.listSubjects()).toEqual([{ kind: 'person', id: SYNTHETIC_ID }]);
      expect(await vault.hasSubject(SYNTHETIC_ID)).toBe(true);
      expect(await vault.hasSubject('000000000000')).toBe(false);
      expect(await vault.getDocument('doc_missing')).toBeUndefined();
    });

    it('is idempotent by sources, type and part', async () => {
      const { vault } = make();
      const first = await vault.putDocument(syntheticCccd());
      const factCount = (await vault.listFacts(SYNTHETIC_ID)).length;
      const again = syntheticCccd({ confidence: 0.5 });
      again.sources.reverse();
      const second = await vault.putDocument(again);
      expect(second).toEqual({ ...first, created: false, factsAdded: 0 });
      expect((await vault.listFacts(SYNTHETIC_ID)).length).toBe(factCount);
      const otherPart = await vault.putDocument(syntheticCccd({ part: 'front' }));
      expect(otherPart.created).toBe(true);
      expect(otherPart.documentId).not.toBe(first.documentId);
    });

    it('stores facts with provenance, authority and validity', async () => {
      const { vault } = make();
      const put = await vault.putDocument(syntheticCccd());
      const facts = await vault.listFacts(SYNTHETIC_ID);
      const name = facts.find((f) => f.key === 'person.fullName');
      expect(name).toMatchObject({
        id: `${put.documentId}/person.fullName`,
        value: 'Nguyễn Thị Thử',
        method: 'qr',
        authority: 80,
        page: 1,
        sha256: 'a'.repeat(64),
        validFrom: '2021-05-10',
        validTo: '2039-07-14',
        recordedAt: '2026-01-15T08:00:00.000Z',
      });
      expect(facts.find((f) => f.key === 'document.type')).toMatchObject({ value: 'cccd-2021', method: 'computed' });
      expect(facts.find((f) => f.key === 'document.issuer')?.value).toContain('Cục Cảnh sát');
      expect(facts.find((f) => f.key === 'person.idDocument.number')?.value).toBe(SYNTHETIC_ID);
    });

    it('chooses values by validity, authority, issue date, confidence', async () => {
      const { vault } = make();
      await vault.putDocument(
        syntheticCccd({ sha256: '1'.repeat(64), method: 'ocr', confidence: 0.99, fullName: 'Nguyen Thi Thu' }),
      );
      await vault.putDocument(syntheticCccd({ sha256: '2'.repeat(64), method: 'qr', confidence: 0.9 }));
      let profile = await vault.profile(SYNTHETIC_ID, { purpose: 'test', form, asOf: '2026-01-01' });
      expect(profile.values['person.fullName']).toMatchObject({
        value: 'Nguyễn Thị Thử',
        method: 'qr',
        expired: false,
      });
      expect(profile.values['person.fullName']?.alternatives).toEqual([
        expect.objectContaining({ value: 'Nguyen Thi Thu', method: 'ocr' }),
      ]);
      expect(profile.diagnostics).toContainEqual(
        expect.objectContaining({ code: 'VAULT_FACT_CONFLICT', severity: 'info', key: 'person.fullName' }),
      );
      for (const d of profile.diagnostics) expect(d.message).not.toContain('Nguyen Thi Thu');

      await vault.putDocument(
        syntheticCccd({
          sha256: '3'.repeat(64),
          method: 'qr',
          fullName: 'Tên Cũ',
          issued: '2010-01-01',
          validUntil: '2020-01-01',
        }),
      );
      const fresh = syntheticCccd({
        sha256: '4'.repeat(64),
        method: 'ocr',
        confidence: 0.8,
        fullName: 'Tên Mới',
        issued: '2025-03-01',
      });
      fresh.fields['document.issueDate'] = { value: '2025-03-01', confidence: 0.8, evidence: [{ method: 'ocr' }] };
      await vault.putDocument(fresh);
      profile = await vault.profile(SYNTHETIC_ID, { purpose: 'test', form, asOf: '2026-01-01' });
      expect(profile.values['person.fullName']?.value).toBe('Nguyễn Thị Thử');
      expect(profile.values['person.fullName']?.alternatives.map((a) => a.value)).toEqual([
        'Tên Mới',
        'Nguyen Thi Thu',
        'Tên Cũ',
      ]);
      profile = await vault.profile(SYNTHETIC_ID, { purpose: 'test', form, asOf: '2015-06-01' });
      expect(profile.values['person.fullName']).toMatchObject({ value: 'Tên Cũ', expired: false });
    });

    it('marks values from expired documents', async () => {
      const { vault } = make();
      await vault.putDocument(syntheticCccd({ validUntil: '2024-01-01' }));
      const profile = await vault.profile(SYNTHETIC_ID, { purpose: 'test', form, asOf: '2026-01-01' });
      expect(profile.values['person.birthDate']).toMatchObject({
        value: '1999-07-14',
        expired: true,
        validUntil: '2024-01-01',
      });
      expect(profile.diagnostics.some((d) => d.code === 'VAULT_VALUE_EXPIRED')).toBe(true);
    });

    it('throws VAULT_SUBJECT_NOT_FOUND without the id in the message', async () => {
      const { vault } = make();
      await vault.putDocument(syntheticCccd());
      const error = await vault.profile('079123456789', { purpose: 'test', form }).catch((e: unknown) => e);
      expect(isSohoaError(error, 'VAULT_SUBJECT_NOT_FOUND')).toBe(true);
      expect((error as Error).message).not.toContain('079123456789');
    });

    it('is closed by default: a read without a grant fails, is logged, and names no person', async () => {
      const { vault } = make({ grants: [], actor: 'portal' });
      await vault.putDocument(syntheticCccd());
      const error = await vault.profile(SYNTHETIC_ID, { purpose: 'dang-ky-khai-sinh', form }).catch((e: unknown) => e);
      expect(isSohoaError(error, 'VAULT_GRANT_MISSING')).toBe(true);
      expect(JSON.stringify({ m: (error as Error).message, ...(error as object) })).not.toContain(SYNTHETIC_ID);
      await expect(vault.listFacts(SYNTHETIC_ID)).rejects.toMatchObject({ code: 'VAULT_GRANT_MISSING' });
      await expect(vault.listSubjects()).rejects.toMatchObject({ code: 'VAULT_GRANT_MISSING' });
      await expect(vault.exportSubject(SYNTHETIC_ID)).rejects.toMatchObject({ code: 'VAULT_GRANT_MISSING' });
      const audit = await vault.listAudit(SYNTHETIC_ID);
      expect(audit.map((a) => [a.action, a.actor, a.purpose])).toEqual([
        ['read-denied', 'portal', 'dang-ky-khai-sinh'],
        ['read-denied', 'portal', 'vault-admin'],
        ['read-denied', 'portal', 'export'],
      ]);
    });

    it('reads only the granted keys, for the granted purpose and form, until expiry or revocation', async () => {
      let clock = new Date('2026-01-15T08:00:00Z');
      const { vault } = make({ grants: [], actor: 'portal', now: () => clock });
      await vault.putDocument(syntheticCccd());
      const grant = await vault.grant({
        to: 'portal',
        subject: SYNTHETIC_ID,
        purpose: 'dang-ky-khai-sinh',
        keys: ['person.fullName', 'person.birth*', 'document.*'],
        forms: [form],
        expiresAt: '2026-02-01T00:00:00Z',
        grantedBy: `citizen`,
      });
      const profile = await vault.profile(SYNTHETIC_ID, { purpose: 'dang-ky-khai-sinh', form });
      expect(Object.keys(profile.values).sort()).toEqual([
        'document.expiryDate',
        'document.issueDate',
        'document.issuer',
        'document.number',
        'document.type',
        'person.fullName',
      ]);
      expect(profile.grantIds).toEqual([grant.id]);
      await expect(vault.profile(SYNTHETIC_ID, { purpose: 'other', form })).rejects.toMatchObject({
        code: 'VAULT_GRANT_MISSING',
      });
      await expect(
        vault.profile(SYNTHETIC_ID, { purpose: 'dang-ky-khai-sinh', form: 'other-form' }),
      ).rejects.toMatchObject({ code: 'VAULT_GRANT_MISSING' });
      await expect(
        vault.profile(SYNTHETIC_ID, { purpose: 'dang-ky-khai-sinh', form, actor: 'someone-else' }),
      ).rejects.toMatchObject({ code: 'VAULT_GRANT_MISSING' });
      clock = new Date('2026-02-01T00:00:01Z');
      await expect(vault.profile(SYNTHETIC_ID, { purpose: 'dang-ky-khai-sinh', form })).rejects.toMatchObject({
        code: 'VAULT_GRANT_MISSING',
      });
      clock = new Date('2026-01-20T00:00:00Z');
      await vault.profile(SYNTHETIC_ID, { purpose: 'dang-ky-khai-sinh', form });
      const revoked = await vault.revokeGrant(grant.id, { actor: 'citizen' });
      expect(revoked.revokedAt).toBe('2026-01-20T00:00:00.000Z');
      await expect(vault.profile(SYNTHETIC_ID, { purpose: 'dang-ky-khai-sinh', form })).rejects.toMatchObject({
        code: 'VAULT_GRANT_MISSING',
      });
      expect((await vault.listGrants(SYNTHETIC_ID))[0]).toMatchObject({
        id: grant.id,
        revokedAt: '2026-01-20T00:00:00.000Z',
        source: 'stored',
      });
      await expect(
        vault.grant({ to: 'portal', subject: SYNTHETIC_ID, purpose: 'x', keys: ['*'] }),
      ).rejects.toMatchObject({ code: 'VAULT_GRANT_INVALID' });
      await expect(vault.revokeGrant('grant_missing')).rejects.toMatchObject({ code: 'VAULT_GRANT_NOT_FOUND' });
    });

    it('keeps a hash-chained audit log the citizen can read', async () => {
      const { vault } = make();
      await vault.putDocument(syntheticCccd());
      await vault.profile(SYNTHETIC_ID, { purpose: 'dang-ky-khai-sinh', form: 'to-khai-dang-ky-khai-sinh' });
      await vault.profile(SYNTHETIC_ID, { purpose: 'cu-tru', form: 'ct01' });
      const audit = await vault.listAudit(SYNTHETIC_ID);
      expect(audit.map((a) => [a.seq, a.action, a.actor, a.purpose, a.form])).toEqual([
        [1, 'read', 'tester', 'dang-ky-khai-sinh', 'to-khai-dang-ky-khai-sinh'],
        [2, 'read', 'tester', 'cu-tru', 'ct01'],
      ]);
      expect(audit[0]?.keys).toContain('person.fullName');
      expect(audit[1]?.prevHash).toBe(audit[0]?.hash);
      expect(audit[0]).toMatchObject({ subjectId: SYNTHETIC_ID, grantId: 'config:1' });
      expect(JSON.stringify(audit)).not.toContain('Nguyễn');
      const verified = await vault.verifyAudit();
      expect(verified).toMatchObject({
        ok: true,
        entries: 2,
        head: audit[1]!.hash,
        mac: 'hmac-sha256',
        unkeyedEntries: 0,
      });
      expect([2, 'none']).toContain(verified.checkpoint);
      expect(await vault.verifyAudit({ head: audit[0]!.hash })).toMatchObject({ ok: true });
      expect(await vault.verifyAudit({ head: 'f'.repeat(64) })).toMatchObject({
        ok: false,
        brokenAt: { reason: 'head-not-found' },
      });
    });

    it('records corrections as new facts that supersede, with who and why', async () => {
      const { vault } = make();
      await vault.putDocument(syntheticCccd());
      await vault.grant({
        to: 'officer:001',
        subject: SYNTHETIC_ID,
        purpose: 'correct',
        keys: ['person.*'],
        expiresAt: '2026-01-16T00:00:00Z',
      });
      await expect(
        vault.correct(SYNTHETIC_ID, { key: 'document.number', value: '1', reason: 'r', actor: 'officer:001' }),
      ).rejects.toMatchObject({ code: 'VAULT_GRANT_MISSING' });
      const fact = await vault.correct(SYNTHETIC_ID, {
        key: 'person.permanentAddress',
        value: 'Số 2 Đường Mẫu',
        reason: 'chuyển hộ khẩu',
        actor: 'officer:001',
      });
      expect(fact).toMatchObject({ method: 'manual', correctedBy: 'officer:001', documentType: 'correction' });
      expect(fact.supersedes).toHaveLength(1);
      const profile = await vault.profile(SYNTHETIC_ID, { purpose: 'test', form });
      expect(profile.values['person.permanentAddress']).toMatchObject({
        value: 'Số 2 Đường Mẫu',
        method: 'manual',
        alternatives: [],
      });
      const history = (await vault.listFacts(SYNTHETIC_ID)).filter((f) => f.key === 'person.permanentAddress');
      expect(history.map((f) => f.value)).toEqual(['Số 1 Đường Mẫu, Phường Thử, Tỉnh Mẫu', 'Số 2 Đường Mẫu']);
      const doc = await vault.getDocument(fact.documentId);
      expect(doc?.correction).toEqual({ by: 'officer:001', reason: 'chuyển hộ khẩu', supersedes: fact.supersedes });
      expect(
        (await vault.listAudit(SYNTHETIC_ID)).some((a) => a.action === 'correct' && a.actor === 'officer:001'),
      ).toBe(true);
      // The operator records a decision an officer made on paper: authorised and audited as the operator.
      const recorded = await vault.correct(SYNTHETIC_ID, {
        key: 'person.sex',
        value: 'male',
        reason: 'review',
        by: 'officer:002',
      });
      expect(recorded.correctedBy).toBe('officer:002');
      expect((await vault.listAudit(SYNTHETIC_ID)).at(-1)).toMatchObject({
        action: 'correct',
        actor: 'tester',
        keys: ['person.sex'],
      });
      await expect(
        vault.correct(SYNTHETIC_ID, { key: 'person.fullName', value: 'x', reason: '' }),
      ).rejects.toMatchObject({ code: 'VAULT_CORRECTION_INVALID' });
      await expect(
        vault.correct(SYNTHETIC_ID, { key: 'person.fullName', value: 'x', reason: 'r', supersedes: ['nope'] }),
      ).rejects.toMatchObject({ code: 'VAULT_CORRECTION_INVALID' });
    });

    it('exports everything about a subject as JSON and imports it into another vault', async () => {
      const { vault } = make();
      const put = await vault.putDocument(
        syntheticCccd({
          relations: [{ role: 'mother', subject: { kind: 'person', id: '001177000001' }, fields: {} }],
        }),
      );
      await vault.correct(SYNTHETIC_ID, { key: 'person.ethnicity', value: 'Tày', reason: 'đính chính' });
      await vault.profile(SYNTHETIC_ID, { purpose: 'test', form });
      const exported = await vault.exportSubject(SYNTHETIC_ID);
      expect(exported).toMatchObject({ format: 'sohoa-vault-export/1', subject: { id: SYNTHETIC_ID } });
      expect(exported.documents.map((d) => d.type)).toEqual(['cccd-2021', 'correction']);
      expect(exported.relations).toEqual([{ role: 'mother', subjectId: '001177000001' }]);
      expect(exported.audit.map((a) => a.action)).toEqual(['correct', 'read', 'export']);
      const json = JSON.parse(JSON.stringify(exported)) as typeof exported;

      const { vault: other } = make();
      const imported = await other.importSubject(json);
      expect(imported.documents).toEqual({ created: 2, unchanged: 0 });
      expect((await other.profile(SYNTHETIC_ID, { purpose: 'test', form })).values['person.ethnicity']?.value).toBe(
        'Tày',
      );
      expect((await other.getDocument(put.documentId))?.record.fields['person.fullName']?.value).toBe('Nguyễn Thị Thử');
      expect((await other.importSubject(json)).documents).toEqual({ created: 0, unchanged: 2 });
      await expect(other.importSubject({ format: 'nope' } as never)).rejects.toMatchObject({
        code: 'VAULT_IMPORT_INVALID',
      });
    });

    it('encrypts what it stores and erases by destroying the data key', async () => {
      const { vault, driver } = make();
      const marker = 'MARKER-7Q2Z';
      await vault.putDocument(syntheticCccd({ fullName: marker }));
      // The driver stores subjects under a blind index: read every row it holds.
      const rows = await driver.listSubjects();
      expect(rows.map((r) => r.id)).not.toContain(SYNTHETIC_ID);
      const raw = JSON.stringify(
        await Promise.all(rows.map(async (r) => [await driver.listFacts(r.id), await driver.listDocuments(r.id)])),
      );
      expect(raw).toContain('e1:');
      expect(raw).not.toContain(marker);
      expect(raw).not.toContain('Nguyễn');
      expect(vault.encrypted).toBe(true);
      const wrapped = rows[0]?.wrappedKey;
      expect(wrapped).toMatch(/^test-1:/);
      const result = await vault.erase(SYNTHETIC_ID);
      expect(result).toMatchObject({ erased: true, documents: 1 });
      expect(result.facts).toBeGreaterThan(10);
      expect(await driver.listSubjects()).toEqual([]);
      expect(await driver.listFacts(rows[0]!.id)).toEqual([]);
      expect(await vault.hasSubject(SYNTHETIC_ID)).toBe(false);
      // The erased subject's pseudonym is gone: its entries stay in the log but name no one.
      expect(await vault.listAudit(SYNTHETIC_ID)).toEqual([]);
      const log = await vault.verifyAudit();
      expect(log.entries).toBeGreaterThan(0);
      expect((await vault.verifyAudit()).ok).toBe(true);
      // The same document can come back later: a new subject with a new data key.
      expect((await vault.putDocument(syntheticCccd())).created).toBe(true);
      expect((await driver.listSubjects())[0]?.wrappedKey).not.toBe(wrapped);
    });

    it('rotates the master key by rewrapping the data keys', async () => {
      const { vault, slot } = make();
      await vault.putDocument(syntheticCccd());
      await vault.putDocument(
        syntheticCccd({ subject: { kind: 'person', id: '001099054321' }, sha256: '8'.repeat(64) }),
      );
      await vault.close();
      const next: MasterKey = { id: 'test-2', key: randomBytes(32) };
      const { vault: rotated, driver } = make({ slot, masterKey: next, previousMasterKeys: [TEST_MASTER_KEY] });
      if (!driver.capabilities.persistent) return;
      expect(await rotated.rotateMasterKey()).toEqual({ rewrapped: 2 });
      expect((await driver.listSubjects()).map((r) => r.wrappedKey)).toEqual([
        expect.stringMatching(/^test-2:/),
        expect.stringMatching(/^test-2:/),
      ]);
      await rotated.close();
      const { vault: fresh } = make({ slot, masterKey: next });
      expect((await fresh.profile(SYNTHETIC_ID, { purpose: 'test', form })).values['person.fullName']?.value).toBe(
        'Nguyễn Thị Thử',
      );
      // The audit key was rewrapped too: the chain still verifies with the new master key alone.
      expect(await fresh.verifyAudit()).toMatchObject({ ok: true, mac: 'hmac-sha256' });
      const { vault: stale } = make({ slot, masterKey: TEST_MASTER_KEY });
      await expect(stale.profile(SYNTHETIC_ID, { purpose: 'test', form })).rejects.toMatchObject({
        code: 'VAULT_KEY_MISSING',
      });
    });

    it('keeps dossiers that reuse vault documents', async () => {
      const { vault } = make();
      const card = await vault.putDocument(syntheticCccd());
      const dossier = await vault.putDossier({
        code: 'H29.001.07-260115-AB0042',
        subject: { kind: 'person', id: SYNTHETIC_ID },
        procedure: PROCEDURE,
        receivingAgency: 'UBND Phường Thử',
        receivedOn: '2026-01-15',
        status: 'received',
        components: [{ requirementId: 'r2', documentId: card.documentId }],
      });
      expect(dossier.missing).toEqual(['r1']);
      expect(await vault.getDossier('H29.001.07-260115-AB0042')).toMatchObject({
        status: 'received',
        components: [{ documentId: card.documentId }],
      });
      await vault.putDossier({
        ...dossier,
        status: 'completed',
        components: [...dossier.components, { requirementId: 'r1', sha256: 'd'.repeat(64) }],
      });
      expect((await vault.listDossiers(SYNTHETIC_ID)).map((d) => [d.status, d.missing])).toEqual([['completed', []]]);
      const bad = (patch: object) => vault.putDossier({ ...dossier, ...patch });
      await expect(bad({ code: 'H29-1' })).rejects.toMatchObject({ code: 'VAULT_DOSSIER_INVALID' });
      await expect(bad({ components: [{ requirementId: 'r9', sha256: 'd' }] })).rejects.toMatchObject({
        code: 'VAULT_DOSSIER_INVALID',
      });
      await expect(bad({ components: [{ requirementId: 'r2', documentId: 'doc_elsewhere' }] })).rejects.toMatchObject({
        code: 'VAULT_DOSSIER_INVALID',
      });
    });

    it('updates a dossier safely when many writers add components at once', async () => {
      const { vault, driver } = make();
      const card = await vault.putDocument(syntheticCccd());
      const code = 'H29.001.07-260115-AB0043';
      const base = {
        code,
        subject: { kind: 'person' as const, id: SYNTHETIC_ID },
        procedure: PROCEDURE,
        receivingAgency: 'UBND Phường Thử',
        receivedOn: '2026-01-15',
        status: 'received' as const,
      };
      // Ten writers, none of which knows of the others: each read-modify-write must survive.
      const uploads = Array.from({ length: 10 }, (_, i) => i.toString(16).repeat(64));
      await Promise.all(
        uploads.map((sha256) =>
          vault.updateDossier(code, (current) => ({
            ...(current ?? { ...base, components: [{ requirementId: 'r2', documentId: card.documentId }] }),
            components: [
              ...(current?.components ?? [{ requirementId: 'r2', documentId: card.documentId }]),
              { requirementId: 'r1', sha256 },
            ],
          })),
        ),
      );
      const stored = await vault.getDossier(code);
      expect(stored?.components.map((c) => c.sha256 ?? c.documentId).sort()).toEqual(
        [card.documentId, ...uploads].sort(),
      );
      expect(stored?.missing).toEqual([]);
      // Returning undefined leaves it alone; another code is refused.
      expect((await vault.updateDossier(code, () => undefined))?.components).toHaveLength(11);
      await expect(
        vault.updateDossier(code, (d) => d && { ...d, code: 'H29.001.07-260115-AB0044' }),
      ).rejects.toMatchObject({ code: 'VAULT_DOSSIER_INVALID' });
      // The driver's compare-and-set itself: a stale body or an existing code does not write.
      const row = (await driver.getDossier(code))!;
      expect(await driver.putDossier({ ...row, body: row.body }, { body: 'stale' })).toBe(false);
      expect(await driver.putDossier({ ...row }, null)).toBe(false);
      expect(await driver.putDossier({ ...row }, { body: row.body })).toBe(true);
    });

    it('stores relations under role keys and lists them on the profile', async () => {
      const { vault } = make();
      await vault.putDocument(
        syntheticCccd({
          type: 'giay-khai-sinh',
          sources: [{ file: 'gks.pdf', sha256: 'c'.repeat(64), page: 1, pageCount: 1 }],
          relations: [
            {
              role: 'mother',
              subject: { kind: 'person', id: '001177000001' },
              fields: { 'person.fullName': { value: 'Trần Thị Mẫu', confidence: 0.95, evidence: [{ method: 'ocr' }] } },
            },
          ],
        }),
      );
      const profile = await vault.profile(SYNTHETIC_ID, { purpose: 'test', form });
      expect(profile.values['person.mother.fullName']?.value).toBe('Trần Thị Mẫu');
      expect(profile.values['person.mother.idNumber']?.value).toBe('001177000001');
      expect(profile.values['person.idDocument.number']).toBeUndefined();
      expect(profile.relations).toEqual([{ role: 'mother', subjectId: '001177000001' }]);
    });

    it('rejects records with an empty subject, reads without purpose or form, and use after close', async () => {
      const { vault } = make();
      await expect(vault.putDocument(syntheticCccd({ subject: { kind: 'person', id: '' } }))).rejects.toMatchObject({
        code: 'VAULT_DOCUMENT_INVALID',
      });
      await expect(
        vault.putDocument(syntheticCccd({ subject: { kind: 'person', id: 'unlinked:x' } })),
      ).rejects.toMatchObject({ code: 'VAULT_DOCUMENT_INVALID' });
      await expect(vault.profile(SYNTHETIC_ID, { purpose: '', form })).rejects.toMatchObject({
        code: 'VAULT_GRANT_MISSING',
      });
      await expect(vault.profile(SYNTHETIC_ID, { purpose: 'x' } as never)).rejects.toMatchObject({
        code: 'VAULT_READ_INVALID',
      });
      await vault.close();
      await expect(vault.listSubjects()).rejects.toMatchObject({ code: 'VAULT_CLOSED' });
    });

    it("stores a document without a subject unlinked, with the person matching name and birth date as candidate, and links it on an officer's word", async () => {
      const { vault } = make();
      await vault.putDocument(syntheticCccd());
      const put = await vault.putDocument(syntheticBirthCertificate());
      expect(put.subject).toBeUndefined();
      expect(put.link).toMatchObject({
        reason: 'no-id',
        evidence: [],
        candidates: [
          {
            subject: { kind: 'person', id: SYNTHETIC_ID },
            rule: 'name-birth-date',
            matched: ['person.fullName', 'person.birthDate'],
          },
        ],
      });
      expect(await vault.putDocument(syntheticBirthCertificate())).toMatchObject({
        documentId: put.documentId,
        created: false,
      });
      expect(await vault.listSubjects()).toEqual([{ kind: 'person', id: SYNTHETIC_ID }]);
      const before = await vault.profile(SYNTHETIC_ID, { purpose: 'test', form });
      expect(before.values['person.mother.fullName']).toBeUndefined();
      expect((await vault.listUnlinked()).map((u) => [u.documentId, u.kind, u.link.reason])).toEqual([
        [put.documentId, 'civil-status', 'no-id'],
      ]);
      await expect(
        vault.linkDocument(put.documentId, { kind: 'person', id: SYNTHETIC_ID }, { actor: 'officer-1', reason: '' }),
      ).rejects.toMatchObject({ code: 'VAULT_LINK_INVALID' });
      const linked = await vault.linkDocument(
        put.documentId,
        { kind: 'person', id: SYNTHETIC_ID },
        { actor: 'officer-1', reason: 'checked against the register' },
      );
      expect(linked.link).toMatchObject({
        subject: { id: SYNTHETIC_ID },
        reason: 'officer',
        evidence: [{ method: 'officer', actor: 'officer-1', reason: 'checked against the register' }],
      });
      expect(await vault.listUnlinked()).toEqual([]);
      expect(
        (await vault.profile(SYNTHETIC_ID, { purpose: 'test', form })).values['person.mother.fullName']?.value,
      ).toBe('Trần Thị Mẫu');
      expect((await vault.getDocument(put.documentId))?.record.subject).toEqual({ kind: 'person', id: SYNTHETIC_ID });
      expect(
        (await vault.listAudit(SYNTHETIC_ID)).some(
          (e) => e.action === 'link' && e.documentId === put.documentId && e.actor === 'officer-1',
        ),
      ).toBe(true);
      const unlinked = await vault.unlinkDocument(put.documentId, { actor: 'officer-1', reason: 'wrong person' });
      expect(unlinked.link?.reason).toBe('unlinked-by-officer');
      expect(
        (await vault.profile(SYNTHETIC_ID, { purpose: 'test', form })).values['person.mother.fullName'],
      ).toBeUndefined();
      expect((await vault.listUnlinked()).map((u) => u.documentId)).toEqual([put.documentId]);
    });

    it('links by the matching rule only when one person matches and a parent agrees; a differing parent is no candidate', async () => {
      const { vault } = make();
      await vault.putDocument(syntheticCccd());
      // Without a parent's name on the person's side, the rule only proposes.
      expect((await vault.putDocument(syntheticBirthCertificate({ sha256: '1'.repeat(64) }))).subject).toBeUndefined();
      await vault.putDocument({
        ...syntheticBirthCertificate({ sha256: '2'.repeat(64) }),
        subject: { kind: 'person', id: SYNTHETIC_ID },
      });
      const auto = await vault.putDocument(syntheticBirthCertificate({ sha256: '3'.repeat(64) }));
      expect(auto.subject).toEqual({ kind: 'person', id: SYNTHETIC_ID });
      expect(auto.link).toMatchObject({
        reason: 'match-rule',
        evidence: [{ method: 'match-rule', agreed: ['person.fullName', 'person.birthDate', 'person.mother.fullName'] }],
      });
      const other = await vault.putDocument(
        syntheticBirthCertificate({ sha256: '4'.repeat(64), mother: 'Lê Thị Khác' }),
      );
      expect(other.subject).toBeUndefined();
      expect(other.link.candidates).toBeUndefined();
      const unsure = await vault.putDocument(syntheticBirthCertificate({ sha256: '5'.repeat(64), confidence: 0.6 }));
      expect(unsure.subject).toBeUndefined();
      expect(unsure.link.candidates).toBeUndefined();
    });

    it('joins a card side stored unlinked with the other side of the same card, in either order', async () => {
      const { vault } = make();
      const back = (sha: string) => ({
        ...syntheticCccd({
          sha256: sha,
          part: 'back',
          method: 'ocr',
          confidence: 0.95,
          sources: [{ file: 'back.jpg', sha256: sha, page: 1, pageCount: 1 }],
        }),
        subject: undefined,
      });
      const early = await vault.putDocument(back('7'.repeat(64)));
      expect(early.subject).toBeUndefined();
      const front = await vault.putDocument(syntheticCccd({ part: 'front' }));
      expect(await vault.listUnlinked()).toEqual([]);
      expect((await vault.getDocument(early.documentId))?.link).toMatchObject({
        subject: { id: SYNTHETIC_ID },
        reason: 'card-join',
        evidence: [{ method: 'card-join', documentId: front.documentId }],
      });
      const late = await vault.putDocument(back('8'.repeat(64)));
      expect(late.link).toMatchObject({ subject: { id: SYNTHETIC_ID }, reason: 'card-join' });
    });

    it('never puts field values or ids in diagnostics, errors or the audit log', async () => {
      const { vault } = make();
      const canary = 'CANARY-0042';
      const first = syntheticCccd({ sha256: '5'.repeat(64), validUntil: '2020-01-01' });
      const second = syntheticCccd({ sha256: '6'.repeat(64), validUntil: '2020-01-01', method: 'ocr' });
      for (const field of Object.values(first.fields)) field.value = `${canary}-a`;
      for (const field of Object.values(second.fields)) field.value = `${canary}-b`;
      await vault.putDocument(first);
      await vault.putDocument(second);
      const profile = await vault.profile(SYNTHETIC_ID, { purpose: 'test', form, asOf: '2026-01-01' });
      expect(profile.diagnostics.length).toBeGreaterThan(10);
      expect(JSON.stringify(profile.diagnostics)).not.toContain(canary);
      await vault.correct(SYNTHETIC_ID, { key: 'person.fullName', value: `${canary}-c`, reason: `${canary} reason` });
      const errors = await Promise.all([
        vault.profile(canary, { purpose: 'test', form }).catch((e: unknown) => e),
        vault
          .correct(SYNTHETIC_ID, { key: 'person.fullName', value: canary, reason: canary, supersedes: [canary] })
          .catch((e: unknown) => e),
        vault.putDossier({ code: canary } as never).catch((e: unknown) => e),
        vault.profile(SYNTHETIC_ID, { purpose: 'test', form, actor: 'nobody' }).catch((e: unknown) => e),
      ]);
      for (const e of errors)
        expect(JSON.stringify({ message: (e as Error).message, ...(e as object) })).not.toContain(canary);
      const all = JSON.stringify(await vault.listAudit(SYNTHETIC_ID));
      expect(all).not.toContain(canary);
      expect(all.replaceAll(`"subjectId":"${SYNTHETIC_ID}"`, '')).not.toContain(SYNTHETIC_ID);
      // An actor id may be personal (a careless `citizen:<id>`): errors never repeat it.
      const denied = await vault
        .profile(SYNTHETIC_ID, { purpose: 'test', form, actor: `citizen:${canary}` })
        .catch((e: unknown) => e);
      expect(isSohoaError(denied, 'VAULT_GRANT_MISSING')).toBe(true);
      expect(JSON.stringify({ message: (denied as Error).message, ...(denied as object) })).not.toContain(canary);
    });

    it('lists documents in insertion order', async () => {
      const { vault } = make();
      const ids: string[] = [];
      for (const digit of ['9', '1', '5'])
        ids.push((await vault.putDocument(syntheticCccd({ sha256: digit.repeat(64) }))).documentId);
      expect((await vault.listDocuments(SYNTHETIC_ID)).map((d) => d.id)).toEqual(ids);
    });

    it('keeps everything when reopened', async () => {
      const { vault, slot } = make();
      const put = await vault.putDocument(syntheticCccd());
      await vault.profile(SYNTHETIC_ID, { purpose: 'first', form });
      const before = await vault.listFacts(SYNTHETIC_ID);
      await vault.close();
      const { vault: reopened, driver } = make({ slot });
      if (!driver.capabilities.persistent) return;
      expect(await reopened.getDocument(put.documentId)).toMatchObject({ id: put.documentId, type: 'cccd-2021' });
      expect(await reopened.listFacts(SYNTHETIC_ID)).toEqual(before);
      expect((await reopened.listAudit(SYNTHETIC_ID)).map((a) => a.purpose)).toEqual([
        'first',
        'vault-admin',
        'vault-admin',
        'vault-admin',
      ]);
      expect((await reopened.verifyAudit()).ok).toBe(true);
      expect((await reopened.putDocument(syntheticCccd())).created).toBe(false);
    });

    it('numbers copies per (agency, kind) without repeats, keeps one copy per document, bumps the version on correction', async () => {
      const { vault, slot } = make();
      const a = (await vault.putDocument(syntheticCccd({ sha256: 'a'.repeat(64) }))).documentId;
      const b = (await vault.putDocument(syntheticCccd({ sha256: 'b'.repeat(64) }))).documentId;
      const first = await vault.reserveCopy({ documentId: a, agency: 'G09.01.02', kind: 'CCCD' });
      expect(first).toMatchObject({ docCode: 'G09.01.02_CCCD_000001_V1', number: 1, version: 1, status: 'reserved' });
      // The same document again (a resumed batch): the same reservation, no new number.
      expect(await vault.reserveCopy({ documentId: a, agency: 'G09.01.02', kind: 'CCCD' })).toEqual(first);
      const second = await vault.reserveCopy({ documentId: b, agency: 'G09.01.02', kind: 'CCCD' });
      expect(second.docCode).toBe('G09.01.02_CCCD_000002_V1');
      // Another kind has its own series.
      const c = (await vault.putDocument(syntheticBirthCertificate())).documentId;
      expect((await vault.reserveCopy({ documentId: c, agency: 'G09.01.02', kind: 'GKS' })).number).toBe(1);
      const stored = { sha256: '1'.repeat(64), size: 1234, location: 'x/G09.01.02_CCCD_000001_V1.pdf', pageCount: 2 };
      const done = await vault.completeCopy(first.docCode, { ...stored, sourceSha256: 'a'.repeat(64), signed: true });
      expect(done).toMatchObject({ status: 'stored', sha256: stored.sha256, size: 1234, pageCount: 2, signed: true });
      // Recording the same bytes again is a no-op; other bytes for a stored copy are refused.
      expect(await vault.completeCopy(first.docCode, stored)).toMatchObject({ status: 'stored', size: 1234 });
      const refused = await vault.completeCopy(first.docCode, { ...stored, sha256: '2'.repeat(64) }).catch((e) => e);
      expect(isSohoaError(refused, 'VAULT_COPY_INVALID')).toBe(true);
      const v2 = await vault.reviseCopy(a);
      expect(v2).toMatchObject({ docCode: 'G09.01.02_CCCD_000001_V2', number: 1, version: 2, status: 'reserved' });
      await vault.completeCopy(v2.docCode, { ...stored, sha256: '3'.repeat(64), location: 'x/v2.pdf' });
      expect((await vault.getCopy(first.docCode))?.replacedBy).toBe(v2.docCode);
      expect((await vault.findCopies({ documentId: a })).map((x) => x.version)).toEqual([1, 2]);
      expect((await vault.findCopies({ sha256: '3'.repeat(64) })).map((x) => x.docCode)).toEqual([v2.docCode]);
      expect(await vault.reserveCopy({ documentId: a, agency: 'G09.01.02', kind: 'CCCD' })).toMatchObject({
        docCode: v2.docCode,
      });
      const reading = await vault.getCopy(v2.docCode, { actor: 'stranger' }).catch((e) => e);
      expect(isSohoaError(reading, 'VAULT_GRANT_MISSING')).toBe(true);
      const bad = await vault.reserveCopy({ documentId: 'nope', agency: 'G09', kind: 'CV' }).catch((e) => e);
      expect(isSohoaError(bad, 'VAULT_COPY_INVALID')).toBe(true);
      const badKind = await vault.reserveCopy({ documentId: b, agency: 'G09', kind: 'c_v' }).catch((e) => e);
      expect(isSohoaError(badKind, 'VAULT_COPY_INVALID')).toBe(true);
      await vault.close();
      const { vault: reopened, driver } = make({ slot });
      if (!driver.capabilities.persistent) return;
      // Numbers survive reopening: the next one continues the series.
      const d = (await reopened.putDocument(syntheticCccd({ sha256: 'd'.repeat(64) }))).documentId;
      expect((await reopened.reserveCopy({ documentId: d, agency: 'G09.01.02', kind: 'CCCD' })).number).toBe(3);
    });

    it('erases a subject with its copies: records, and bytes through the copy store', async () => {
      const deleted: string[] = [];
      const { vault } = make({ copyStore: { delete: async (location) => void deleted.push(location) } });
      const a = (await vault.putDocument(syntheticCccd())).documentId;
      const copy = await vault.reserveCopy({ documentId: a, agency: 'H41', kind: 'CCCD' });
      await vault.completeCopy(copy.docCode, { sha256: 'e'.repeat(64), size: 10, location: 'k/1.pdf', pageCount: 1 });
      const result = await vault.erase(SYNTHETIC_ID);
      expect(result).toMatchObject({ erased: true, copies: 1, copyLocationsLeft: [] });
      expect(deleted).toEqual(['k/1.pdf']);
      expect(await vault.findCopies({ sha256: 'e'.repeat(64) })).toEqual([]);
      // Numbers are never reused, even after erasure.
      const b = (await vault.putDocument(syntheticCccd({ sha256: 'f'.repeat(64) }))).documentId;
      expect((await vault.reserveCopy({ documentId: b, agency: 'H41', kind: 'CCCD' })).number).toBe(2);
    });
  });
}
