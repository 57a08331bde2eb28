import type { Coverage, FieldSource, FormSchema, FormValidationError, UiSchema } from '@sohoa/eform/browser';
import type { AuditEntry } from '@sohoa/vault';

/** One field of the form as the page shows it. */
export interface PortalField {
  pointer: string;
  key?: string;
  status: 'filled' | 'needs-review' | 'empty';
  reason?: string;
  /** The value the vault offered (also for `needs-review`). */
  value?: unknown;
  source?: FieldSource;
  /** The citizen's own vault key this field may update, when an edit can be written back. */
  vaultKey?: string;
}

/** The form opened for a citizen. */
export interface FormView {
  schema: FormSchema;
  /** The citizen's role on the form: they register their own child's birth. */
  role: 'mother' | 'father';
  /** Values filled, plus the values offered for review. */
  data: Record<string, unknown>;
  fields: PortalField[];
  coverage: Coverage;
  /** The RJSF ui schema `toUiSchema` made: autofill tokens, each value's source, read-only registry values. */
  uiSchema: UiSchema;
}

/** What the citizen submits. */
export interface Submission {
  data: Record<string, unknown>;
  /** Pointers of edited fields the citizen chose to write back to their vault ("update my vault"). */
  updateVault: string[];
}

/** The server's answer to a submission. */
export type SubmitResult =
  | { ok: false; errors: FormValidationError[] }
  | { ok: true; pdfId: string; vaultUpdates: string[] };

/** An audit entry as the citizen sees it ("who used my data"). */
export type AuditView = Pick<AuditEntry, 'seq' | 'at' | 'actor' | 'action' | 'purpose' | 'form' | 'keys'>;

/** Value at a JSON Pointer, `undefined` when the path does not exist. */
export function getAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const part of pointer.split('/').slice(1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}
