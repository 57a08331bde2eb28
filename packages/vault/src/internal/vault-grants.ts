import { randomUUID } from 'node:crypto';
import { SohoaError } from '@sohoa/core';
import { assertGrantInput } from './grants';
import type { Grant, GrantInput, Vault } from '../types';

import type { VaultCore } from './vault-core';

/** Grants: giving, revoking and listing who may read what, for which purpose. */
export function grantMethods(core: VaultCore): Pick<Vault, 'grant' | 'revokeGrant' | 'listGrants'> {
  const { now, defaultActor, driver, assertOpen, audit, grantsFor } = core;
  async function grant(input: GrantInput): Promise<Grant> {
    assertOpen();
    assertGrantInput(input, 'stored');
    const stored: Grant = {
      ...structuredClone(input),
      grantedBy: input.grantedBy ?? defaultActor,
      id: `grant_${randomUUID()}`,
      createdAt: now().toISOString(),
      source: 'stored',
    };
    await driver.insertGrant(stored);
    await audit({
      actor: stored.grantedBy!,
      action: 'grant',
      subjectId: stored.subject,
      purpose: stored.purpose,
      keys: stored.keys,
      grantId: stored.id,
    });
    return stored;
  }

  async function revokeGrant(id: string, o?: { actor?: string }): Promise<Grant> {
    assertOpen();
    const stored = await driver.getGrant(id);
    if (!stored) {
      throw new SohoaError(
        'VAULT_GRANT_NOT_FOUND',
        `No stored grant \`${id}\`: list a subject's grants with \`listGrants()\`; standing grants from \`createVault({ grants })\` are changed in configuration.`,
      );
    }
    if (stored.revokedAt) return stored;
    const at = now().toISOString();
    await driver.setGrantRevoked(id, at);
    await audit({
      actor: o?.actor ?? defaultActor,
      action: 'revoke',
      subjectId: stored.subject,
      purpose: stored.purpose,
      keys: stored.keys,
      grantId: id,
    });
    return { ...stored, revokedAt: at };
  }

  return {
    grant,
    revokeGrant,
    async listGrants(subjectId) {
      assertOpen();
      return (await grantsFor(subjectId)).filter((g) => g.subject === subjectId || g.subject === '*');
    },
  };
}
