import type { FormSource } from '../../shared/form';
import type { AuditView, SubmitResult } from '../../shared/view';

export type { AuditView, FormView, PortalField } from '../../shared/view';
export { getAt } from '../../shared/view';

export interface SessionInfo {
  citizen: string | null;
  citizens: Array<{ id: string; label: string }>;
  procedure: { purpose: string; name: string; grantMinutes: number; keys: string[] };
  formTitle: string;
  formId: string;
  grants: Array<{ id: string; purpose: string; expiresAt?: string }>;
}

/** A Vietnamese validation message from the server. */
export interface ValidationError {
  pointer: string;
  message: string;
}

/** The submission as it arrives in the page: with the PDF's address when accepted. */
export type SubmitResponse = Exclude<SubmitResult, { ok: true }> | { ok: true; pdf: string; vaultUpdates: string[] };

async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export const api = {
  session: () => call<SessionInfo>('GET', '/api/session'),
  login: (id: string) => call<{ citizen: string }>('POST', '/api/login', { id }),
  logout: () => call<object>('POST', '/api/logout', {}),
  consent: () => call<{ grants: unknown[] }>('POST', '/api/consent', {}),
  form: () => call<FormSource>('GET', '/api/form'),
  submit: (data: unknown, updateVault: string[]) => call<SubmitResponse>('POST', '/api/submit', { data, updateVault }),
  audit: () => call<{ entries: AuditView[] }>('GET', '/api/audit'),
};
