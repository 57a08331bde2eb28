import { createHash } from 'node:crypto';
import type { FieldValue } from '@sohoa/core';
import { getKeyInfo, type FormSchema } from '@sohoa/eform/browser';
import { renderPdf } from '@sohoa/render';
import type { Grant, Vault } from '@sohoa/vault';
import { getAt, type AuditView, type FormView, type Submission, type SubmitResult } from '../shared/view';
import { buildFormView, checkForm, toFillProfile, type FormSource } from '../shared/form';
import { PORTAL_ACTOR, PROCEDURE } from './procedure';

const DATE_KEY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** A form value as the vault stores it (ISO dates). */
function toVaultValue(key: string, value: unknown): FieldValue | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const date = getKeyInfo(key)?.type === 'date' ? DATE_KEY.exec(value) : null;
  return date ? `${date[3]}-${date[2]}-${date[1]}` : value.trim();
}

/**
 * The portal's back end over the library: consent (grants), form filling from the vault with
 * provenance, validation with Vietnamese messages, write-back of the citizen's edits, PDF, audit view.
 */
export function createPortalService(options: { vault: Vault; schema: FormSchema; now?: () => Date }) {
  const { vault, schema } = options;
  const now = options.now ?? (() => new Date());
  const formId = String(schema.$id);
  const pdfs = new Map<string, { citizen: string; bytes: Uint8Array }>();

  const active = (g: Grant) =>
    g.to === PORTAL_ACTOR &&
    g.revokedAt === undefined &&
    (g.expiresAt === undefined || g.expiresAt > now().toISOString());

  /**
   * Read the citizen's profile under their grant (audited): what the page fills the form from, with
   * `@sohoa/eform/browser`.
   */
  const formSource = async (citizen: string): Promise<FormSource> => {
    const profile = await vault.profile(citizen, { purpose: PROCEDURE.purpose, form: formId, actor: PORTAL_ACTOR });
    const role = profile.values['person.sex']?.value === 'female' ? 'mother' : 'father';
    return { schema, role, profile: toFillProfile(profile.values), now: now().toISOString() };
  };

  return {
    formId,

    /** The portal's grants from this citizen that are still in force. */
    async grants(citizen: string): Promise<Grant[]> {
      return (await vault.listGrants(citizen)).filter(active);
    },

    /** The citizen grants the portal access for this procedure: read for the form, and write-back when they ask. */
    async consent(citizen: string): Promise<Grant[]> {
      const expiresAt = new Date(now().getTime() + PROCEDURE.grantMinutes * 60_000).toISOString();
      const base = {
        to: PORTAL_ACTOR,
        subject: citizen,
        keys: [...PROCEDURE.keys],
        expiresAt,
        grantedBy: 'citizen:self',
      };
      return [
        await vault.grant({ ...base, purpose: PROCEDURE.purpose, forms: [formId] }),
        await vault.grant({ ...base, purpose: 'correct' }),
      ];
    },

    formSource,

    /** Read the profile and fill the form as the page does (the server keeps this view to check the submission). */
    async openForm(citizen: string): Promise<FormView> {
      return buildFormView(await formSource(citizen));
    },

    /**
     * Validate the submitted form (Vietnamese messages); when valid, write the edits the citizen chose
     * to keep back to the vault as corrections by the citizen, and render the PDF. "This form only"
     * edits touch nothing but the PDF.
     */
    async submit(citizen: string, view: FormView, submission: Submission): Promise<SubmitResult> {
      const result = checkForm(schema, submission.data);
      if (!result.ok) return { ok: false, errors: result.errors };
      const vaultUpdates: string[] = [];
      for (const pointer of new Set(submission.updateVault)) {
        const field = view.fields.find((f) => f.pointer === pointer);
        if (!field?.vaultKey) continue;
        const value = toVaultValue(field.vaultKey, getAt(submission.data, pointer));
        const offered = toVaultValue(field.vaultKey, getAt(view.data, pointer));
        if (value === undefined || (value === offered && field.status === 'filled')) continue;
        await vault.correct(citizen, {
          key: field.vaultKey,
          value,
          reason: `Công dân cập nhật khi nộp tờ khai (${PROCEDURE.name})`,
          actor: PORTAL_ACTOR,
          by: 'citizen:self',
        });
        vaultUpdates.push(field.vaultKey);
      }
      const bytes = await renderPdf({ data: submission.data }, schema);
      const pdfId = createHash('sha256').update(bytes).digest('hex').slice(0, 24);
      pdfs.set(pdfId, { citizen, bytes });
      return { ok: true, pdfId, vaultUpdates };
    },

    /** A PDF this citizen submitted. */
    pdf(citizen: string, id: string): Uint8Array | undefined {
      const found = pdfs.get(id);
      return found?.citizen === citizen ? found.bytes : undefined;
    },

    /** "Who used my data": every read, grant and change about the citizen, newest first. */
    async audit(citizen: string): Promise<AuditView[]> {
      return (await vault.listAudit(citizen))
        .map(({ seq, at, actor, action, purpose, form, keys }) => ({
          seq,
          at,
          actor,
          action,
          keys,
          ...(purpose !== undefined && { purpose }),
          ...(form !== undefined && { form }),
        }))
        .reverse();
    },
  };
}

export type { AuditView, FormView, PortalField, Submission, SubmitResult } from '../shared/view';
export type { FormSource } from '../shared/form';

/** The portal's back end. */
export type PortalService = ReturnType<typeof createPortalService>;
