import type { GrantInput } from './types';

/**
 * Options for a tool run by whoever holds the vault file and its key (the `sohoa` CLI, a batch
 * job, a migration): reads as `actor` under a standing grant on every subject, purpose and key.
 * Grants cannot protect data from its holder; this keeps the reads named and audited. Never use
 * it for a portal serving other people: give those actors stored grants instead.
 *
 * @example
 * const vault = createVault({ driver, masterKey, ...operatorAccess('sohoa-cli') });
 */
export function operatorAccess(actor = 'operator'): { actor: string; grants: GrantInput[] } {
  return { actor, grants: [{ to: actor, subject: '*', purpose: '*', keys: ['*'] }] };
}
