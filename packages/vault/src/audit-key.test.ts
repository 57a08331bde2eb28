import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TEST_MASTER_KEY, TESTER_GRANT } from './driver-contract';
import { memoryDriver } from './drivers/memory';
import { SYNTHETIC_ID, syntheticCccd } from './internal/fixtures';
import { toAuditRow } from './internal/audit-chain';
import { createVault } from './vault';

const tester = { actor: 'tester', grants: [TESTER_GRANT] };
const read = { purpose: 'test', form: 'f' };

describe('the keyed audit chain', () => {
  it('verifies an old unkeyed chain as before and says so, then upgrades it one way on the first keyed use', async () => {
    const driver = memoryDriver();
    const old = createVault({ driver, ...tester });
    await old.putDocument(syntheticCccd());
    await old.profile(SYNTHETIC_ID, read);
    await old.profile(SYNTHETIC_ID, read);
    expect(await old.verifyAudit()).toMatchObject({ ok: true, entries: 2, mac: 'unkeyed', unkeyedEntries: 2 });
    const keyed = createVault({ driver, masterKey: TEST_MASTER_KEY, ...tester });
    expect(await keyed.verifyAudit()).toMatchObject({ ok: true, mac: 'unkeyed', unkeyedEntries: 2 });
    await keyed.encryptPlaintext();
    // Opening with the key also migrated the subject ids to their blind index (a `migrate` entry).
    expect(await keyed.verifyAudit()).toMatchObject({
      ok: true,
      entries: 4,
      mac: 'mixed',
      unkeyedEntries: 2,
      checkpoint: 4,
    });
    // Back to an unkeyed writer (a blind-indexed vault no longer opens without its key, so the entry is
    // appended straight to the driver, as an attacker with the database would): it is refused.
    await driver.appendAudit((last) =>
      toAuditRow({
        seq: (last?.seq ?? 0) + 1,
        at: new Date().toISOString(),
        actor: 'x',
        action: 'read',
        keys: [],
        prevHash: last?.hash ?? '',
      }),
    );
    expect(await keyed.verifyAudit()).toMatchObject({ ok: false, brokenAt: { seq: 5, reason: 'unkeyed-entry' } });
  });

  it('keys a vault without a master key with `auditKey`, and tells a wrong one', async () => {
    const driver = memoryDriver();
    const auditKey = randomBytes(32);
    const vault = createVault({ driver, auditKey, ...tester });
    await vault.putDocument(syntheticCccd());
    await vault.profile(SYNTHETIC_ID, read);
    expect(await vault.verifyAudit()).toMatchObject({ ok: true, entries: 1, mac: 'hmac-sha256', checkpoint: 1 });
    const wrong = createVault({ driver, auditKey: randomBytes(32), ...tester });
    await expect(wrong.verifyAudit()).rejects.toMatchObject({ code: 'VAULT_AUDIT_KEY_MISSING' });
    const none = createVault({ driver, ...tester });
    expect(await none.verifyAudit()).toMatchObject({ ok: false, brokenAt: { seq: 1, reason: 'key-missing' } });
  });

  it('checks the checkpoint store it is given, and catches a truncated log with it', async () => {
    const held: { value?: { seq: number; head: string; mac?: string } } = {};
    const store = {
      read: async () => held.value,
      write: async (c: { seq: number; head: string; mac?: string }) => void (held.value = c),
    };
    const driver = memoryDriver();
    const vault = createVault({ driver, masterKey: TEST_MASTER_KEY, auditCheckpoint: store, ...tester });
    await vault.putDocument(syntheticCccd());
    await vault.profile(SYNTHETIC_ID, read);
    await vault.profile(SYNTHETIC_ID, read);
    expect(held.value).toMatchObject({ seq: 2, mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    held.value = { ...held.value!, seq: 3 };
    expect(await vault.verifyAudit()).toMatchObject({ ok: false, brokenAt: { reason: 'truncated' } });
    held.value = { ...held.value, seq: 2, mac: '0'.repeat(64) };
    expect(await vault.verifyAudit()).toMatchObject({ ok: false, brokenAt: { reason: 'checkpoint-mismatch' } });
  });
});
