import { randomUUID } from 'node:crypto';
import {
  createDiagnostic,
  SohoaError,
  sha256Hex,
  type Diagnostic,
  type DocumentRecord,
  type FieldValue,
  type SubjectRef,
} from '@sohoa/core';
import { factId } from './facts';
import { documentIdFor } from './fingerprint';
import { grantApplies, keyMatches } from './grants';
import { birthDatesAgree, provenOldNumber } from './link-policy';
import { isUnlinkedHolder } from './linking';
import { chooseValues } from './policy';
import type { CorrectionInput, Fact, Profile, ProfileOptions, ProfileRelation, Vault, VaultDocument } from '../types';

import { RELATION_KEY, type VaultCore } from './vault-core';

/** Facts and subjects: the profile a form is filled from, corrections, and the reads of facts and subjects. */
export function factMethods(
  core: VaultCore,
): Pick<Vault, 'profile' | 'correct' | 'listFacts' | 'listSubjects' | 'hasSubject'> {
  const { now, defaultActor, driver, assertOpen, audit, grantsFor, authorize, assertReadNames } = core;
  const { storeDocument, readFacts, rawRead } = core;
  const notFound: () => never = core.notFound;
  async function profile(subjectId: string, opts: ProfileOptions): Promise<Profile> {
    assertOpen();
    assertReadNames(opts?.purpose, opts?.form, true);
    const actor = opts.actor ?? defaultActor;
    const { grants, patterns } = await authorize({ actor, subjectId, purpose: opts.purpose, form: opts.form });
    const held = await readFacts(subjectId);
    if (!held) notFound();
    const asOf = (opts.asOf ?? now().toISOString()).slice(0, 10);
    const found = await oldCardOf(held.subject, held.facts, { actor, purpose: opts.purpose, form: opts.form });
    const link = found?.linked;
    const allowed = [...held.facts, ...(link?.facts ?? [])].filter((f) => patterns.some((p) => keyMatches(p, f.key)));
    const { values, diagnostics } = chooseValues(allowed, asOf);
    if (found) diagnostics.unshift(found.diagnostic);
    const relations: ProfileRelation[] = Object.values(values)
      .map((v) => RELATION_KEY.exec(v.key))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ role: m[1]!, subjectId: String(values[m[0]]!.value) }));
    await audit({
      actor,
      action: 'read',
      subjectId,
      purpose: opts.purpose,
      form: opts.form,
      keys: Object.keys(values),
      grantId: grants[0]!.id,
    });
    if (link) {
      // The old card's own log shows the read too, so the citizen sees it under either number.
      const keys = Object.values(values)
        .filter((v) => link.documentIds.has(v.documentId))
        .map((v) => v.key);
      await audit({
        actor,
        action: 'read',
        subjectId: link.subject.id,
        purpose: opts.purpose,
        form: opts.form,
        keys,
        grantId: link.grantId,
      });
    }
    return {
      subject: held.subject,
      asOf,
      values,
      relations,
      grantIds: grants.map((g) => g.id),
      diagnostics,
      ...(link ? { linkedSubjects: [link.subject] } : {}),
    };
  }

  /**
   * The subject filed under the person's former 9-digit CMND number, when the person's own documents
   * prove it is theirs (see `provenOldNumber`: never a manual correction) and the two subjects' birth
   * dates, where both are known, agree. Its facts (except its own ID number) join the profile only for
   * keys that a grant on the old number itself gives this reader for this purpose and form: a link
   * never widens what the reader may see. Nothing here says whether the old number is in the vault.
   */
  async function oldCardOf(
    subject: SubjectRef,
    facts: Fact[],
    read: { actor: string; purpose: string; form: string },
  ): Promise<
    | {
        linked: { subject: SubjectRef; facts: Fact[]; documentIds: Set<string>; grantId: string };
        diagnostic: Diagnostic;
      }
    | { linked?: undefined; diagnostic: Diagnostic }
    | undefined
  > {
    if (subject.kind !== 'person' || !/^\d{12}$/.test(subject.id)) return undefined;
    const proven = provenOldNumber(facts);
    if (!proven) return undefined;
    const at = now().toISOString();
    const grants = (await grantsFor(proven.number)).filter((g) =>
      grantApplies(g, { ...read, subjectId: proven.number, at }),
    );
    if (grants.length === 0) {
      return {
        diagnostic: createDiagnostic(
          'VAULT_SUBJECT_NOT_LINKED',
          'info',
          "A card gives this person's former ID number; facts filed under that number are read only under a grant on that number for this purpose and form, and this read has none.",
          { origin: 'vault', key: 'person.oldIdNumber' },
        ),
      };
    }
    const other = await readFacts(proven.number);
    if (other?.subject.kind !== 'person') return undefined;
    if (!birthDatesAgree(facts, other.facts)) {
      // Not the same person, or one number misread: an officer should look (no values in the message).
      return {
        diagnostic: createDiagnostic(
          'VAULT_SUBJECT_NOT_LINKED',
          'warning',
          "A card gives this person's former ID number, but the subject filed under that number has another birth date; its facts were left out. Check both records.",
          { origin: 'vault', key: 'person.oldIdNumber' },
        ),
      };
    }
    const patterns = [...new Set(grants.flatMap((g) => g.keys))];
    const joined = other.facts.filter((f) => f.key !== 'person.idNumber' && patterns.some((p) => keyMatches(p, f.key)));
    return {
      linked: {
        subject: other.subject,
        facts: joined,
        documentIds: new Set(joined.map((f) => f.documentId)),
        grantId: grants[0]!.id,
      },
      diagnostic: createDiagnostic(
        'VAULT_SUBJECT_LINKED',
        'info',
        `Facts filed under the former ID card number were included: a card's ${proven.viaQr ? 'QR code' : 'printed text'} gives it as this person's old number.`,
        { origin: 'vault' },
      ),
    };
  }

  async function correct(subjectId: string, input: CorrectionInput): Promise<Fact> {
    assertOpen();
    const actor = input?.actor ?? defaultActor;
    const by = input?.by ?? actor;
    const bad = (why: string): never => {
      throw new SohoaError('VAULT_CORRECTION_INVALID', `The correction cannot be stored: ${why}`);
    };
    if (typeof input?.key !== 'string' || input.key === '') bad('`key` is missing; name the semantic key to correct.');
    if (!['string', 'number', 'boolean'].includes(typeof input.value))
      bad('`value` must be a string, number or boolean.');
    if (typeof input.reason !== 'string' || input.reason.trim() === '')
      bad('`reason` is missing; say why (e.g. the decision that corrects it).');
    const { grants, patterns } = await authorize({ actor, subjectId, purpose: 'correct' });
    if (!patterns.some((p) => keyMatches(p, input.key))) {
      await audit({ actor, action: 'read-denied', subjectId, purpose: 'correct', keys: [input.key] });
      throw new SohoaError(
        'VAULT_GRANT_MISSING',
        `The grants of this actor for purpose \`correct\` do not cover key \`${input.key}\`; the attempt was logged. Ask for a grant that names the key.`,
      );
    }
    const held = await readFacts(subjectId);
    if (!held) notFound();
    const current = held.facts.filter((f) => f.key === input.key).map((f) => f.id);
    const supersedes = input.supersedes ?? current;
    const unknown = supersedes.filter((id) => !held.facts.some((f) => f.id === id && f.key === input.key));
    if (unknown.length > 0)
      bad(
        `${unknown.length} of the fact ids in \`supersedes\` are not facts of this subject under \`${input.key}\`; list them with \`listFacts()\`.`,
      );
    const recordedAt = now().toISOString();
    const fingerprint = sha256Hex(`correction|${subjectId}|${input.key}|${recordedAt}|${randomUUID()}`);
    const documentId = documentIdFor(fingerprint);
    const value: FieldValue = input.value;
    const record: DocumentRecord = {
      type: 'correction',
      kind: 'correction',
      subject: held.subject,
      issued: recordedAt.slice(0, 10),
      status: 'valid',
      fields: { [input.key]: { value, confidence: 1, evidence: [{ method: 'manual' }] } },
      sources: [],
      diagnostics: [],
    };
    const document: VaultDocument = {
      id: documentId,
      fingerprint,
      subject: held.subject,
      type: 'correction',
      kind: 'correction',
      issued: record.issued!,
      status: 'valid',
      sources: [],
      recordedAt,
      record,
      correction: { by, reason: input.reason, supersedes },
    };
    const fact: Fact = {
      id: factId(documentId, input.key),
      subjectId,
      documentId,
      documentType: 'correction',
      key: input.key,
      value,
      confidence: 1,
      method: 'manual',
      authority: 90,
      validFrom: record.issued!,
      documentStatus: 'valid',
      recordedAt,
      supersedes,
      correctedBy: by,
    };
    await storeDocument(document, [fact]);
    await audit({
      actor,
      action: 'correct',
      subjectId,
      purpose: 'correct',
      keys: [input.key],
      grantId: grants[0]!.id,
      documentId,
    });
    return fact;
  }

  return {
    profile,
    correct,
    async listFacts(subjectId, o) {
      const { actor, purpose, grants, patterns } = await rawRead(subjectId, o, false);
      const facts = ((await readFacts(subjectId))?.facts ?? []).filter((f) =>
        patterns.some((p) => keyMatches(p, f.key)),
      );
      await audit({
        actor,
        action: 'read',
        subjectId,
        purpose,
        keys: [...new Set(facts.map((f) => f.key))],
        grantId: grants[0]!.id,
      });
      return facts;
    },
    async listSubjects(o) {
      const { actor, purpose, grants } = await rawRead('*', o, false);
      const rows = (await driver.listSubjects()).filter((r) => !isUnlinkedHolder(r.id));
      await audit({ actor, action: 'read', purpose, keys: [], grantId: grants[0]!.id });
      return rows.map((r) => ({ kind: r.kind, id: r.id }));
    },
    async hasSubject(id, o) {
      await rawRead(id, o, false);
      return (await driver.getSubject(id)) !== undefined;
    },
  };
}
