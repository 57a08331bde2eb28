import { isSohoaError } from '@sohoa/core';
import { afterEach, describe, expect, it } from 'vitest';
import { SYNTHETIC_ID, syntheticCccd } from './internal/fixtures';
import type { Vault, VaultDriver } from './types';
import { createVault } from './vault';

/**
 * The shared test suite every vault driver must pass. `makeDriver(slot)` returns a driver; called
 * twice with the same slot it must open the same storage (persistent drivers) so reopening is tested.
 */
export function runVaultContract(name: string, makeDriver: (slot: string) => VaultDriver): void {
  describe(`vault contract: ${name}`, () => {
    const open: Vault[] = [];
    let slots = 0;
    const make = (slot = `s${++slots}`, now = () => new Date('2026-01-15T08:00:00Z')) => {
      const vault = createVault({ driver: makeDriver(slot), now });
      open.push(vault);
      return { vault, slot };
    };
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
      // Same files in another order and another OCR pass: still the same document.
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
      await vault.putDocument(syntheticCccd());
      const facts = await vault.listFacts(SYNTHETIC_ID);
      const name = facts.find((f) => f.key === 'person.fullName');
      expect(name).toMatchObject({
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
      await vault.putDocument(syntheticCccd({ sha256: '1'.repeat(64), method: 'ocr', confidence: 0.99, fullName: 'Nguyen Thi Thu' }));
      await vault.putDocument(syntheticCccd({ sha256: '2'.repeat(64), method: 'qr', confidence: 0.9 }));
      let profile = await vault.profile(SYNTHETIC_ID, { purpose: 'test', asOf: '2026-01-01' });
      expect(profile.values['person.fullName']).toMatchObject({ value: 'Nguyễn Thị Thử', method: 'qr', expired: false });
      expect(profile.values['person.fullName']?.alternatives).toEqual([
        expect.objectContaining({ value: 'Nguyen Thi Thu', method: 'ocr' }),
      ]);
      expect(profile.diagnostics).toContainEqual(
        expect.objectContaining({ code: 'VAULT_FACT_CONFLICT', severity: 'info', key: 'person.fullName' }),
      );
      for (const d of profile.diagnostics) expect(d.message).not.toContain('Nguyen Thi Thu');

      // A newer card (OCR only) beats an expired card read by QR.
      await vault.putDocument(
        syntheticCccd({ sha256: '3'.repeat(64), method: 'qr', fullName: 'Tên Cũ', issued: '2010-01-01', validUntil: '2020-01-01' }),
      );
      const fresh = syntheticCccd({ sha256: '4'.repeat(64), method: 'ocr', confidence: 0.8, fullName: 'Tên Mới', issued: '2025-03-01' });
      fresh.fields['document.issueDate'] = { value: '2025-03-01', confidence: 0.8, evidence: [{ method: 'ocr' }] };
      await vault.putDocument(fresh);
      profile = await vault.profile(SYNTHETIC_ID, { purpose: 'test', asOf: '2026-01-01' });
      expect(profile.values['person.fullName']?.value).toBe('Nguyễn Thị Thử');
      // Same authority (OCR): the more recently issued document wins over higher confidence.
      const ocrOnly = profile.values['person.fullName']?.alternatives.map((a) => a.value);
      expect(ocrOnly).toEqual(['Tên Mới', 'Nguyen Thi Thu', 'Tên Cũ']);

      // As of 2015, only the old card existed and was valid.
      profile = await vault.profile(SYNTHETIC_ID, { purpose: 'test', asOf: '2015-06-01' });
      expect(profile.values['person.fullName']).toMatchObject({ value: 'Tên Cũ', expired: false });
    });

    it('marks values from expired documents', async () => {
      const { vault } = make();
      await vault.putDocument(syntheticCccd({ validUntil: '2024-01-01' }));
      const profile = await vault.profile(SYNTHETIC_ID, { purpose: 'test', asOf: '2026-01-01' });
      expect(profile.values['person.birthDate']).toMatchObject({ value: '1999-07-14', expired: true, validUntil: '2024-01-01' });
      expect(profile.diagnostics.some((d) => d.code === 'VAULT_VALUE_EXPIRED')).toBe(true);
    });

    it('throws VAULT_SUBJECT_NOT_FOUND without the id in the message', async () => {
      const { vault } = make();
      await vault.putDocument(syntheticCccd());
      const error = await vault.profile('079123456789', { purpose: 'test' }).catch((e: unknown) => e);
      expect(isSohoaError(error, 'VAULT_SUBJECT_NOT_FOUND')).toBe(true);
      expect((error as Error).message).not.toContain('079123456789');
    });

    it('records every profile read in the audit list', async () => {
      const { vault } = make();
      await vault.putDocument(syntheticCccd());
      await vault.profile(SYNTHETIC_ID, { purpose: 'dang-ky-khai-sinh', form: 'to-khai-dang-ky-khai-sinh' });
      await vault.profile(SYNTHETIC_ID, { purpose: 'cu-tru' });
      const audit = await vault.listAudit(SYNTHETIC_ID);
      expect(audit.map((a) => [a.purpose, a.form])).toEqual([
        ['dang-ky-khai-sinh', 'to-khai-dang-ky-khai-sinh'],
        ['cu-tru', undefined],
      ]);
      expect(audit[0]?.keys).toContain('person.fullName');
    });

    it('stores relations under role keys', async () => {
      const { vault } = make();
      await vault.putDocument(
        syntheticCccd({
          type: 'giay-khai-sinh',
          sources: [{ file: 'gks.pdf', sha256: 'c'.repeat(64), page: 1, pageCount: 1 }],
          relations: [
            { role: 'mother', subject: { kind: 'person', id: '001177000001' }, fields: { 'person.fullName': { value: 'Trần Thị Mẫu', confidence: 0.95, evidence: [{ method: 'ocr' }] } } },
          ],
        }),
      );
      const profile = await vault.profile(SYNTHETIC_ID, { purpose: 'test' });
      expect(profile.values['person.mother.fullName']?.value).toBe('Trần Thị Mẫu');
      expect(profile.values['person.mother.idNumber']?.value).toBe('001177000001');
      expect(profile.values['person.idDocument.number']).toBeUndefined();
    });

    it('rejects records without a subject and use after close', async () => {
      const { vault } = make();
      const { subject: _subject, ...noSubject } = syntheticCccd();
      await expect(vault.putDocument(noSubject)).rejects.toMatchObject({ code: 'VAULT_DOCUMENT_INVALID' });
      await expect(vault.profile(SYNTHETIC_ID, { purpose: '' })).rejects.toMatchObject({ code: 'VAULT_GRANT_MISSING' });
      await vault.close();
      await expect(vault.listSubjects()).rejects.toMatchObject({ code: 'VAULT_CLOSED' });
    });

    it('never puts field values in diagnostics or errors', async () => {
      const { vault } = make();
      const canary = 'CANARY-0042';
      const first = syntheticCccd({ sha256: '5'.repeat(64), validUntil: '2020-01-01' });
      const second = syntheticCccd({ sha256: '6'.repeat(64), validUntil: '2020-01-01', method: 'ocr' });
      for (const field of Object.values(first.fields)) field.value = `${canary}-a`;
      for (const field of Object.values(second.fields)) field.value = `${canary}-b`;
      await vault.putDocument(first);
      await vault.putDocument(second);
      const profile = await vault.profile(SYNTHETIC_ID, { purpose: 'test', asOf: '2026-01-01' });
      expect(profile.diagnostics.length).toBeGreaterThan(10);
      expect(JSON.stringify(profile.diagnostics)).not.toContain(canary);
      const missing = await vault.profile(canary, { purpose: 'test' }).catch((e: unknown) => e);
      expect(JSON.stringify({ message: (missing as Error).message, ...(missing as object) })).not.toContain(canary);
    });

    it('lists documents in insertion order', async () => {
      const { vault } = make();
      const ids: string[] = [];
      for (const digit of ['9', '1', '5']) ids.push((await vault.putDocument(syntheticCccd({ sha256: digit.repeat(64) }))).documentId);
      expect((await vault.listDocuments(SYNTHETIC_ID)).map((d) => d.id)).toEqual(ids);
    });

    it('keeps everything when reopened', async () => {
      const { vault, slot } = make();
      const put = await vault.putDocument(syntheticCccd());
      await vault.profile(SYNTHETIC_ID, { purpose: 'first' });
      const before = await vault.listFacts(SYNTHETIC_ID);
      await vault.close();
      const driver = makeDriver(slot);
      if (!driver.capabilities.persistent) {
        await driver.close();
        return;
      }
      const { vault: reopened } = make(slot);
      expect(await reopened.getDocument(put.documentId)).toMatchObject({ id: put.documentId, type: 'cccd-2021' });
      expect(await reopened.listFacts(SYNTHETIC_ID)).toEqual(before);
      expect((await reopened.listAudit(SYNTHETIC_ID)).map((a) => a.purpose)).toEqual(['first']);
      expect((await reopened.putDocument(syntheticCccd())).created).toBe(false);
      await driver.close();
    });
  });
}
