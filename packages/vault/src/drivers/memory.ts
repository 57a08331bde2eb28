import type { StoredAudit, StoredDocument, StoredDossier, StoredFact, StoredSubject, VaultDriver } from '../driver';
import type { Grant, StoredCopy } from '../types';

/**
 * In-memory vault driver: fast, not persistent; for tests and short-lived processes.
 *
 * @example
 * const vault = createVault({ driver: memoryDriver() });
 */
export function memoryDriver(): VaultDriver {
  const meta = new Map<string, string>();
  const subjects = new Map<string, StoredSubject>();
  const documents = new Map<string, StoredDocument>();
  const byFingerprint = new Map<string, string>();
  let facts: StoredFact[] = [];
  const dossiers = new Map<string, StoredDossier>();
  const grants = new Map<string, Grant>();
  const audit: StoredAudit[] = [];
  const tags = new Map<string, string>();
  const counters = new Map<string, number>();
  const copies = new Map<string, StoredCopy>();
  // Copies in and out, so callers can never mutate stored history.
  const copy = <T>(value: T): T => structuredClone(value);

  return {
    name: 'memory',
    capabilities: { persistent: false },
    meta: (async (key: string, init?: () => string) => {
      if (!meta.has(key) && init) meta.set(key, init());
      return meta.get(key);
    }) as VaultDriver['meta'],
    async setMeta(key, value) {
      if (value === undefined) meta.delete(key);
      else meta.set(key, value);
    },
    async subjectTag(subjectId, init) {
      if (!tags.has(subjectId) && init) tags.set(subjectId, init());
      return tags.get(subjectId);
    },
    async reindexSubject(fromId, to) {
      // A subject named only by grants or its pseudonym (no document yet) has no row: those move alone.
      if (subjects.has(fromId)) {
        subjects.delete(fromId);
        subjects.set(to.subject.id, copy(to.subject));
      }
      for (const d of documents.values()) if (d.subjectId === fromId) d.subjectId = to.subject.id;
      for (const f of facts) if (f.subjectId === fromId) f.subjectId = to.subject.id;
      for (const d of dossiers.values()) if (d.subjectId === fromId) d.subjectId = to.subject.id;
      for (const g of grants.values())
        if (g.subject === fromId) Object.assign(g, { subject: to.subject.id, subjectSealed: to.grantSubject });
      const tag = to.tag ?? tags.get(fromId);
      tags.delete(fromId);
      if (tag !== undefined) tags.set(to.subject.id, tag);
    },
    async listOrphanSubjectIds() {
      const named = new Set([...[...grants.values()].map((g) => g.subject).filter((id) => id !== '*'), ...tags.keys()]);
      return [...named].filter((id) => !subjects.has(id)).sort();
    },
    async ensureSubject(subject) {
      if (!subjects.has(subject.id)) subjects.set(subject.id, copy(subject));
      return copy(subjects.get(subject.id)!);
    },
    async getSubject(id) {
      const s = subjects.get(id);
      return s && copy(s);
    },
    async listSubjects() {
      return [...subjects.values()].map(copy);
    },
    async setWrappedKey(id, wrappedKey) {
      const s = subjects.get(id);
      if (s) s.wrappedKey = wrappedKey;
    },
    async insertDocument({ document, facts: newFacts }) {
      const existing = byFingerprint.get(document.fingerprint);
      if (existing !== undefined) return { created: false, documentId: existing };
      if (!subjects.has(document.subjectId)) throw new Error('subject missing: call ensureSubject first');
      documents.set(document.id, copy(document));
      byFingerprint.set(document.fingerprint, document.id);
      facts.push(...copy(newFacts));
      return { created: true, documentId: document.id };
    },
    async replaceBodies(subjectId, rows) {
      for (const d of rows.documents) {
        const held = documents.get(d.id);
        if (held?.subjectId === subjectId) held.body = d.body;
      }
      for (const f of rows.facts) {
        const held = facts.find((x) => x.subjectId === subjectId && x.documentId === f.documentId && x.key === f.key);
        if (held) held.body = f.body;
      }
      for (const d of rows.dossiers) {
        const held = dossiers.get(d.code);
        if (held?.subjectId === subjectId) held.body = d.body;
      }
    },
    async moveDocument({ document, facts: newFacts }) {
      if (!documents.has(document.id)) return false;
      if (!subjects.has(document.subjectId)) throw new Error('subject missing: call ensureSubject first');
      documents.set(document.id, copy(document));
      facts = [...facts.filter((f) => f.documentId !== document.id), ...copy(newFacts)];
      return true;
    },
    async getDocument(id) {
      const d = documents.get(id);
      return d && copy(d);
    },
    async listDocuments(subjectId) {
      return [...documents.values()].filter((d) => d.subjectId === subjectId).map(copy);
    },
    async listFacts(subjectId) {
      return facts.filter((f) => f.subjectId === subjectId).map(copy);
    },
    async putDossier(dossier, expected) {
      const current = dossiers.get(dossier.code);
      if (expected === null && current) return false;
      if (expected && current?.body !== expected.body) return false;
      dossiers.set(dossier.code, copy(dossier));
      return true;
    },
    async getDossier(code) {
      const d = dossiers.get(code);
      return d && copy(d);
    },
    async listDossiers(subjectId) {
      return [...dossiers.values()].filter((d) => d.subjectId === subjectId).map(copy);
    },
    async insertGrant(grant) {
      grants.set(grant.id, copy(grant));
    },
    async getGrant(id) {
      const g = grants.get(id);
      return g && copy(g);
    },
    async listGrants(subjectId) {
      return [...grants.values()].filter((g) => g.subject === subjectId || g.subject === '*').map(copy);
    },
    async setGrantRevoked(id, at) {
      const g = grants.get(id);
      if (g) g.revokedAt = at;
    },
    async appendAudit(build, options) {
      const last = audit.at(-1);
      const subject = options?.subject;
      if (subject && !tags.has(subject.id)) tags.set(subject.id, subject.initTag());
      const row = build(last && { seq: last.seq, hash: last.hash }, subject && tags.get(subject.id));
      audit.push(copy(row));
      return row;
    },
    async listAudit(subjectTag) {
      return audit.filter((r) => subjectTag === undefined || r.subjectTag === subjectTag).map(copy);
    },
    async eraseSubject(id) {
      const docIds = [...documents.values()].filter((d) => d.subjectId === id).map((d) => d.id);
      for (const docId of docIds) {
        byFingerprint.delete(documents.get(docId)!.fingerprint);
        documents.delete(docId);
      }
      const before = facts.length;
      facts = facts.filter((f) => f.subjectId !== id);
      const codes = [...dossiers.values()].filter((d) => d.subjectId === id).map((d) => d.code);
      for (const code of codes) dossiers.delete(code);
      for (const g of [...grants.values()]) if (g.subject === id) grants.delete(g.id);
      subjects.delete(id);
      tags.delete(id);
      let erasedCopies = 0;
      for (const c of [...copies.values()])
        if (docIds.includes(c.documentId)) {
          copies.delete(c.docCode);
          erasedCopies++;
        }
      return { documents: docIds.length, facts: before - facts.length, dossiers: codes.length, copies: erasedCopies };
    },
    async nextSequence(scope) {
      const next = (counters.get(scope) ?? 0) + 1;
      counters.set(scope, next);
      return next;
    },
    async insertCopy(row) {
      if (!documents.has(row.documentId)) throw new Error('document missing: insert it first');
      const taken = [...copies.values()].some(
        (c) =>
          c.docCode === row.docCode ||
          (c.documentId === row.documentId && c.version === row.version) ||
          (c.agency === row.agency && c.kind === row.kind && c.number === row.number && c.version === row.version),
      );
      if (taken) return false;
      copies.set(row.docCode, copy(row));
      return true;
    },
    async storeCopy(row, replaces) {
      const held = copies.get(row.docCode);
      if (held?.status !== 'reserved') return false;
      copies.set(row.docCode, copy({ ...row, status: 'stored' }));
      const previous = replaces === undefined ? undefined : copies.get(replaces);
      if (previous) previous.replacedBy = row.docCode;
      return true;
    },
    async getCopy(docCode) {
      const c = copies.get(docCode);
      return c && copy(c);
    },
    async listCopies(query) {
      return [...copies.values()]
        .filter((c) => ('documentId' in query ? c.documentId === query.documentId : c.sha256 === query.sha256))
        .sort((a, b) => a.version - b.version)
        .map(copy);
    },
    async listSubjectCopies(subjectId) {
      return [...copies.values()].filter((c) => documents.get(c.documentId)?.subjectId === subjectId).map(copy);
    },
    async close() {},
  };
}
