import { copyMethods } from './copies';
import type { Vault, VaultOptions } from './types';
import { createVaultCore } from './internal/vault-core';
import { documentMethods } from './internal/vault-documents';
import { dossierMethods } from './internal/vault-dossiers';
import { factMethods } from './internal/vault-facts';
import { grantMethods } from './internal/vault-grants';
import { subjectMethods } from './internal/vault-subjects';

/**
 * Create a vault over a storage driver.
 *
 * Closed by default: every read (`profile`, `listFacts`, `listDocuments`, `exportSubject`, …) names
 * an actor and a purpose and needs a grant — stored with `grant()` or standing in `options.grants` —
 * and is written to the hash-chained audit log; a read without one throws `VAULT_GRANT_MISSING` and
 * is logged as denied. Writes (`putDocument`, `putDossier`) need no grant.
 *
 * Profile policy: facts superseded by a correction are out; among the rest for a key, prefer
 * documents that are not expired (nor revoked or superseded) as of `asOf`, then higher authority
 * (`METHOD_AUTHORITY`: registry > manual > QR > MRZ > PDF text > OCR > computed), then the more
 * recently issued document, then higher confidence. Documents issued after `asOf` are ignored. Other
 * distinct values are kept as `alternatives`.
 *
 * With a `masterKey`, each subject gets a random data key wrapped by it; documents, facts and
 * dossiers are sealed with AES-256-GCM, and `erase()` destroys the data key with the rows.
 *
 * @example
 * const vault = createVault({
 *   driver: sqliteDriver({ path: 'vault.db' }),
 *   masterKey: { id: '2026-01', key: await kms.getKey('sohoa') },
 *   actor: 'portal:dichvucong',
 * });
 * await vault.putDocument(record);
 * await vault.grant({ to: 'portal:dichvucong', subject: id, purpose: 'dang-ky-khai-sinh', keys: ['person.*'], expiresAt: '2026-02-01T00:00:00Z' });
 * const profile = await vault.profile(id, { purpose: 'dang-ky-khai-sinh', form: 'to-khai-dang-ky-khai-sinh' });
 */
export function createVault(options: VaultOptions): Vault {
  const core = createVaultCore(options);
  const { assertOpen, audit, driver, listAuditOf, log, now, rawRead } = core;
  const dossiers = dossierMethods(core);
  const copies = copyMethods({
    driver,
    now,
    assertOpen,
    async readOf(subjectId, documentId, o) {
      const { actor, purpose, grants } = await rawRead(subjectId, o, false);
      await audit({ actor, action: 'read', subjectId, purpose, keys: [], grantId: grants[0]!.id, documentId });
    },
  });

  return {
    encrypted: core.master !== undefined,
    ...copies,
    ...documentMethods(core),
    ...factMethods(core),
    ...grantMethods(core),
    ...dossiers,
    ...subjectMethods(core, dossiers.putDossier),
    async listAudit(subjectId) {
      assertOpen();
      return listAuditOf(subjectId);
    },
    async verifyAudit(o) {
      assertOpen();
      return log.verify(o?.head);
    },
    close: core.close,
  };
}
