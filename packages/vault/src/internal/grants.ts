import { SohoaError } from '@sohoa/core';
import type { Grant, GrantInput } from '../types';

/** What a read asks for. */
export interface Access {
  actor: string;
  subjectId: string;
  purpose: string;
  form?: string;
  /** ISO timestamp of the read. */
  at: string;
}

/** `*`, an exact key, or a prefix pattern `person.*`. */
export function keyMatches(pattern: string, key: string): boolean {
  if (pattern === '*' || pattern === key) return true;
  return pattern.endsWith('.*') && key.startsWith(pattern.slice(0, -1));
}

/** Whether a grant lets `access` happen (keys are checked separately). */
export function grantApplies(grant: Grant, access: Access): boolean {
  if (grant.revokedAt !== undefined && grant.revokedAt <= access.at) return false;
  if (grant.expiresAt !== undefined && grant.expiresAt <= access.at) return false;
  if (grant.to !== access.actor) return false;
  if (grant.subject !== '*' && grant.subject !== access.subjectId) return false;
  if (grant.purpose !== '*' && grant.purpose !== access.purpose) return false;
  if (grant.forms !== undefined && (access.form === undefined || !grant.forms.includes(access.form))) return false;
  return true;
}

/** Throws `VAULT_GRANT_INVALID` for a malformed grant; stored grants must expire and name one subject. */
export function assertGrantInput(input: GrantInput, kind: 'stored' | 'config'): void {
  const invalid = (why: string): never => {
    throw new SohoaError(
      'VAULT_GRANT_INVALID',
      `The grant cannot be ${kind === 'stored' ? 'stored' : 'configured'}: ${why}`,
    );
  };
  if (typeof input !== 'object' || input === null)
    invalid('it is not an object; pass `{ to, subject, purpose, keys, expiresAt }`.');
  for (const field of ['to', 'subject', 'purpose'] as const) {
    if (typeof input[field] !== 'string' || input[field].trim() === '') invalid(`\`${field}\` is missing or empty.`);
  }
  if (
    !Array.isArray(input.keys) ||
    input.keys.length === 0 ||
    input.keys.some((k) => typeof k !== 'string' || k === '')
  ) {
    invalid('`keys` must list key patterns such as `person.fullName`, `person.*` or `*`.');
  }
  if (input.forms !== undefined && (!Array.isArray(input.forms) || input.forms.some((f) => typeof f !== 'string'))) {
    invalid('`forms` must be a list of form ids.');
  }
  if (input.expiresAt !== undefined && Number.isNaN(Date.parse(input.expiresAt)))
    invalid('`expiresAt` is not an ISO timestamp.');
  if (kind === 'stored') {
    if (input.expiresAt === undefined)
      invalid('`expiresAt` is required: a stored grant must end; renew it when needed.');
    if (input.subject === '*')
      invalid(
        '`subject` is `*`: stored grants name one subject; configure standing grants with `createVault({ grants })`.',
      );
  }
}
