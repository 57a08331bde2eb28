// Attack 1: reading another person's data through the old-card (CMND) link.
// A portal user holding a grant on their own subject only corrects their "old ID number" (and birth
// date) to a victim's 9-digit CMND number, or uploads a card whose QR names it, then reads the
// victim's address through their own profile.
import { describe, expect, it } from 'vitest';
import { createVault, type Vault } from '@sohoa/vault';
import { card, field, oldCard, storageDrivers } from './helpers';

const VICTIM_OLD = '087654321';
const VICTIM_ADDRESS = 'Số 9 Ngõ Nạn Nhân, Phường Thử, Tỉnh Mẫu';
const VICTIM_BIRTH = '1970-02-03';
const ATTACKER = '001199000111';
const PORTAL = 'portal:dichvucong';
const expiresAt = '2099-01-01T00:00:00Z';

async function setUp(
  vault: Vault,
  attackerCard = card(ATTACKER, {
    name: 'Kẻ Tấn Công',
    birthDate: '1990-01-01',
    address: 'Địa chỉ của kẻ tấn công',
    sha: 'b',
  }),
) {
  await vault.putDocument(
    oldCard(VICTIM_OLD, { name: 'Nạn Nhân', birthDate: VICTIM_BIRTH, address: VICTIM_ADDRESS, sha: 'c' }),
  );
  await vault.putDocument(attackerCard);
  // What the portal's "my vault" page gives the logged-in attacker: their own subject, read and correct.
  for (const purpose of ['portal', 'correct'])
    await vault.grant({ to: PORTAL, subject: ATTACKER, purpose, keys: ['person.*'], expiresAt });
}

for (const { name, make } of storageDrivers()) {
  describe(`attack 1, old-card link (${name})`, () => {
    it("a manual correction of the old number (and birth date) does not open the victim's facts", async () => {
      const vault = createVault({
        driver: make('manual'),
        masterKey: { id: 'k1', key: Buffer.alloc(32, 7) },
        actor: PORTAL,
      });
      await setUp(vault);
      await vault.correct(ATTACKER, {
        key: 'person.oldIdNumber',
        value: VICTIM_OLD,
        reason: 'my old card',
        actor: PORTAL,
      });
      await vault.correct(ATTACKER, { key: 'person.birthDate', value: VICTIM_BIRTH, reason: 'typo', actor: PORTAL });
      const profile = await vault.profile(ATTACKER, { purpose: 'portal', form: 'my-vault', actor: PORTAL });
      expect(JSON.stringify(profile)).not.toContain(VICTIM_ADDRESS);
      expect(profile.linkedSubjects).toBeUndefined();
      await vault.close();
    });

    it("a forged QR naming the victim's old number does not either, without a grant on the victim", async () => {
      const vault = createVault({
        driver: make('qr'),
        masterKey: { id: 'k1', key: Buffer.alloc(32, 7) },
        actor: PORTAL,
      });
      await setUp(
        vault,
        card(ATTACKER, {
          name: 'Kẻ Tấn Công',
          birthDate: VICTIM_BIRTH,
          address: 'Địa chỉ của kẻ tấn công',
          sha: 'd',
          extra: { 'person.oldIdNumber': field(VICTIM_OLD, 'qr') },
        }),
      );
      const profile = await vault.profile(ATTACKER, { purpose: 'portal', form: 'my-vault', actor: PORTAL });
      expect(JSON.stringify(profile)).not.toContain(VICTIM_ADDRESS);
      expect(profile.linkedSubjects).toBeUndefined();
      await vault.close();
    });

    it('the legitimate case still works: a QR-proved link read under a grant on both subjects, audited under both', async () => {
      const vault = createVault({
        driver: make('legit'),
        masterKey: { id: 'k1', key: Buffer.alloc(32, 7) },
        actor: PORTAL,
      });
      await setUp(
        vault,
        card(ATTACKER, {
          name: 'Nạn Nhân',
          birthDate: VICTIM_BIRTH,
          address: 'Địa chỉ mới',
          sha: 'e',
          extra: { 'person.oldIdNumber': field(VICTIM_OLD, 'qr') },
        }),
      );
      await vault.grant({ to: PORTAL, subject: VICTIM_OLD, purpose: 'portal', keys: ['person.*'], expiresAt });
      const profile = await vault.profile(ATTACKER, { purpose: 'portal', form: 'my-vault', actor: PORTAL });
      expect(profile.linkedSubjects).toEqual([{ kind: 'person', id: VICTIM_OLD }]);
      expect(profile.values['person.oldIdDocument.issueDate']?.value).toBe('2014-03-02');
      const oldLog = await vault.listAudit(VICTIM_OLD);
      expect(oldLog.at(-1)).toMatchObject({ action: 'read', actor: PORTAL, purpose: 'portal', form: 'my-vault' });
      expect((await vault.listAudit(ATTACKER)).at(-1)).toMatchObject({
        action: 'read',
        actor: PORTAL,
        purpose: 'portal',
      });
      await vault.close();
    });

    it("a relation never pulls in the relative's facts", async () => {
      const vault = createVault({
        driver: make('relation'),
        masterKey: { id: 'k1', key: Buffer.alloc(32, 7) },
        actor: PORTAL,
      });
      const victim = '001170000222';
      await vault.putDocument(
        card(victim, { name: 'Mẹ Nạn Nhân', birthDate: VICTIM_BIRTH, address: VICTIM_ADDRESS, sha: 'f' }),
      );
      await vault.putDocument(
        card(ATTACKER, {
          name: 'Kẻ Tấn Công',
          birthDate: '1990-01-01',
          address: 'Địa chỉ của kẻ tấn công',
          sha: '1',
          extra: { 'person.mother.idNumber': field(victim, 'manual', 1) },
        }),
      );
      await vault.grant({ to: PORTAL, subject: ATTACKER, purpose: 'portal', keys: ['*'], expiresAt });
      const profile = await vault.profile(ATTACKER, { purpose: 'portal', form: 'my-vault', actor: PORTAL });
      expect(profile.relations).toEqual([{ role: 'mother', subjectId: victim }]);
      expect(JSON.stringify(profile)).not.toContain(VICTIM_ADDRESS);
      await vault.close();
    });
  });
}
