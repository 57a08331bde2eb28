import { describe, expect, it } from 'vitest';
import type { DocumentRecord, ExtractedField, ExtractionMethod, FieldValue } from '@sohoa/core';
import { memoryDriver } from './drivers/memory';
import { SYNTHETIC_ID, syntheticCccd } from './internal/fixtures';
import { operatorAccess } from './operator';
import { createVault } from './vault';

const OLD = '012345678';
const f = (value: FieldValue, method: ExtractionMethod = 'ocr', confidence = 0.95): ExtractedField => ({
  value,
  confidence,
  evidence: [{ method, page: 1 }],
});

/** A 9-digit CMND of the synthetic person, filed under its own number, and a paper issued with it. */
function cmnd(birthDate = '1999-07-14'): DocumentRecord {
  return {
    type: 'cmnd-9',
    part: 'front+back',
    subject: { kind: 'person', id: OLD },
    issued: '2014-03-02',
    status: 'expired',
    fields: {
      'person.oldIdNumber': f(OLD),
      'person.fullName': f('Nguyễn Thị Thử'),
      'person.birthDate': f(birthDate),
      'person.oldIdDocument.issueDate': f('2014-03-02'),
      'person.oldIdDocument.issuer': f('CA tỉnh Mẫu'),
      'person.permanentAddress': f('Xóm Cũ, Xã Thử, Tỉnh Mẫu'),
    },
    sources: [{ file: 'cmnd.jpg', sha256: 'c'.repeat(64), page: 1, pageCount: 1 }],
    diagnostics: [],
  };
}

const cccdWithOld = (method: ExtractionMethod, confidence = 0.99) => {
  const record = syntheticCccd();
  return { ...record, fields: { ...record.fields, 'person.oldIdNumber': f(OLD, method, confidence) } };
};

async function vaultWith(...records: DocumentRecord[]) {
  const vault = createVault({ driver: memoryDriver(), ...operatorAccess('tester') });
  for (const r of records) await vault.putDocument(r);
  return vault;
}

describe('profile joins the facts filed under the former CMND number', () => {
  it("when the card QR names the old number: the old card's history fills, the current card still wins, both logs show the read", async () => {
    const vault = await vaultWith(cmnd(), cccdWithOld('qr'));
    const profile = await vault.profile(SYNTHETIC_ID, { purpose: 'test', form: 'to-khai' });
    expect(profile.linkedSubjects).toEqual([{ kind: 'person', id: OLD }]);
    expect(profile.diagnostics.map((d) => d.code)).toContain('VAULT_SUBJECT_LINKED');
    expect(profile.values['person.oldIdDocument.issueDate']).toMatchObject({
      value: '2014-03-02',
      documentType: 'cmnd-9',
      expired: false,
    });
    // The current card's address (valid) beats the expired CMND's; the old one is offered as an alternative.
    expect(profile.values['person.permanentAddress']).toMatchObject({
      value: 'Số 1 Đường Mẫu, Phường Thử, Tỉnh Mẫu',
      documentType: 'cccd-2021',
    });
    expect(profile.values['person.permanentAddress']!.alternatives.map((a) => a.value)).toEqual([
      'Xóm Cũ, Xã Thử, Tỉnh Mẫu',
    ]);
    expect(profile.values['person.idNumber']!.value).toBe(SYNTHETIC_ID);
    const oldLog = await vault.listAudit(OLD);
    expect(oldLog.at(-1)).toMatchObject({
      action: 'read',
      purpose: 'test',
      keys: expect.arrayContaining(['person.oldIdDocument.issueDate', 'person.oldIdDocument.issuer']),
    });
  });

  it('not when the old number was only read by OCR below the ID threshold', async () => {
    const vault = await vaultWith(cmnd(), cccdWithOld('ocr', 0.8));
    const profile = await vault.profile(SYNTHETIC_ID, { purpose: 'test', form: 'to-khai' });
    expect(profile.linkedSubjects).toBeUndefined();
    expect(profile.values['person.oldIdDocument.issueDate']).toBeUndefined();
  });

  it('not when the birth dates disagree (a misread number pointing at someone else)', async () => {
    const vault = await vaultWith(cmnd('1980-01-01'), cccdWithOld('qr'));
    const profile = await vault.profile(SYNTHETIC_ID, { purpose: 'test', form: 'to-khai' });
    expect(profile.linkedSubjects).toBeUndefined();
    expect(profile.values['person.oldIdDocument.issuer']).toBeUndefined();
    // Said, not silent: an officer should look at both records.
    expect(profile.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'VAULT_SUBJECT_NOT_LINKED', severity: 'warning', key: 'person.oldIdNumber' }),
    );
  });

  it("never by a manual correction: an officer's corrected number is recorded but proves no link (a portal user can correct too)", async () => {
    const misread = syntheticCccd();
    const vault = await vaultWith(cmnd(), {
      ...misread,
      fields: { ...misread.fields, 'person.oldIdNumber': f('012345878', 'ocr', 0.95) },
    });
    await vault.correct(SYNTHETIC_ID, {
      key: 'person.oldIdNumber',
      value: OLD,
      reason: 'số CMND đọc sai',
      by: 'officer',
    });
    const profile = await vault.profile(SYNTHETIC_ID, { purpose: 'test', form: 'to-khai' });
    expect(profile.linkedSubjects).toBeUndefined();
    expect(profile.values['person.oldIdNumber']?.value).toBe(OLD);
    expect(profile.values['person.oldIdDocument.issueDate']).toBeUndefined();
  });

  it('only for the keys a grant on the old number gives the same reader, purpose and form', async () => {
    const vault = createVault({ driver: memoryDriver(), actor: 'portal' });
    await vault.putDocument(cmnd());
    await vault.putDocument(cccdWithOld('qr'));
    const expiresAt = '2099-01-01T00:00:00Z';
    await vault.grant({ to: 'portal', subject: SYNTHETIC_ID, purpose: 'test', keys: ['person.*'], expiresAt });
    const alone = await vault.profile(SYNTHETIC_ID, { purpose: 'test', form: 'to-khai' });
    expect(alone.linkedSubjects).toBeUndefined();
    expect(alone.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'VAULT_SUBJECT_NOT_LINKED', severity: 'info' }),
    );
    await vault.grant({ to: 'portal', subject: OLD, purpose: 'other', keys: ['*'], expiresAt });
    expect((await vault.profile(SYNTHETIC_ID, { purpose: 'test', form: 'to-khai' })).linkedSubjects).toBeUndefined();
    await vault.grant({ to: 'portal', subject: OLD, purpose: 'test', keys: ['person.oldIdDocument.*'], expiresAt });
    const both = await vault.profile(SYNTHETIC_ID, { purpose: 'test', form: 'to-khai' });
    expect(both.linkedSubjects).toEqual([{ kind: 'person', id: OLD }]);
    expect(both.values['person.oldIdDocument.issueDate']?.value).toBe('2014-03-02');
    expect(both.values['person.permanentAddress']!.alternatives).toEqual([]);
  });

  it("not from the old number's side: the CMND subject does not pull in the new card", async () => {
    const vault = await vaultWith(cmnd(), cccdWithOld('qr'));
    const profile = await vault.profile(OLD, { purpose: 'test', form: 'to-khai' });
    expect(profile.linkedSubjects).toBeUndefined();
    expect(profile.values['person.idNumber']).toBeUndefined();
  });
});
