import {
  fillForm,
  getKeyInfo,
  sourceDocumentsOf,
  toUiSchema,
  validateForm,
  type FillProfile,
  type FormSchema,
} from '@sohoa/eform/browser';
import type { FormView, PortalField } from './view';

/**
 * What the page needs to fill the form itself: the form, the citizen's role on it, and the profile the
 * server read from the vault under the citizen's grant (values with their sources, nothing else).
 */
export interface FormSource {
  schema: FormSchema;
  role: 'mother' | 'father';
  profile: FillProfile;
  /** The server's clock, ISO: the signing date is the same on both sides. */
  now: string;
}

/** The subject's own vault key behind a form key, when the citizen may update it from this form. */
export function ownVaultKey(key: string | undefined, role: string): string | undefined {
  if (key === undefined || !key.startsWith('person.')) return undefined;
  const info = getKeyInfo(key);
  if (!info || info.computed || info.values) return undefined; // derived or coded values are not typed back
  if (info.role === undefined) return key;
  return info.role === role || info.role === 'self' ? info.base : undefined;
}

/** Set a value at a JSON Pointer, creating objects on the way. */
function setAt(data: Record<string, unknown>, pointer: string, value: unknown): void {
  const parts = pointer.split('/').slice(1);
  let node = data;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts.at(-1)!] = value;
}

/**
 * Fill the form from the profile with `@sohoa/eform/browser` (the same code in the page and on the
 * server): data with the values offered for review, each field's origin, and the RJSF ui schema
 * (autofill tokens, the source of each value, read-only registry values).
 */
export function buildFormView(source: FormSource): FormView {
  const { schema, role, profile } = source;
  const roleMap = { [role]: 'self' };
  const filled = fillForm(schema, profile, { roleMap, now: new Date(source.now) });
  const data = structuredClone(filled.data);
  for (const f of filled.fields) if (f.status === 'needs-review') setAt(data, f.pointer, f.value);
  const fields = filled.fields.map((f): PortalField => {
    const vaultKey = ownVaultKey(f.key, role);
    return {
      pointer: f.pointer,
      status: f.status,
      ...(f.key !== undefined && { key: f.key }),
      ...(f.reason !== undefined && { reason: f.reason }),
      ...(f.value !== undefined && { value: f.value }),
      ...(f.source !== undefined && { source: f.source }),
      ...(vaultKey !== undefined && { vaultKey }),
    };
  });
  const uiSchema = toUiSchema(schema, filled, { roleMap, documents: sourceDocumentsOf(profile) });
  return { schema, role, data, fields, coverage: filled.coverage, uiSchema };
}

/** Validate the submitted data with Vietnamese messages (in the page before sending, on the server again). */
export function checkForm(schema: FormSchema, data: unknown) {
  return validateForm(schema, data, { locale: 'vi' });
}

/** Only what filling needs from a vault profile value (no alternatives, no other documents' values). */
export function toFillProfile(values: Record<string, FillProfile['values'][string] & { alternatives?: unknown }>) {
  const out: FillProfile = { values: {} };
  for (const [key, { alternatives: _alternatives, ...value }] of Object.entries(values)) out.values[key] = value;
  return out;
}
