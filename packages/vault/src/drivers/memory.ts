import type { AuditEntry, Fact, InsertResult, NewDocument, VaultDocument, VaultDriver } from '../types';
import type { SubjectRef } from '@sohoa/core';

/**
 * In-memory vault driver: fast, not persistent; for tests and short-lived processes.
 *
 * @example
 * const vault = createVault({ driver: memoryDriver() });
 */
export function memoryDriver(): VaultDriver {
  const documents = new Map<string, VaultDocument>();
  const byFingerprint = new Map<string, string>();
  const subjects = new Map<string, SubjectRef>();
  const facts: Fact[] = [];
  const audit: AuditEntry[] = [];
  // Copies in and out, so callers can never mutate stored history.
  const copy = <T>(value: T): T => structuredClone(value);

  return {
    name: 'memory',
    capabilities: { persistent: false },
    async insertDocument({ document, facts: newFacts }: NewDocument): Promise<InsertResult> {
      const existing = byFingerprint.get(document.fingerprint);
      if (existing !== undefined) return { created: false, documentId: existing };
      documents.set(document.id, copy(document));
      byFingerprint.set(document.fingerprint, document.id);
      if (!subjects.has(document.subject.id)) subjects.set(document.subject.id, copy(document.subject));
      facts.push(...copy(newFacts));
      return { created: true, documentId: document.id };
    },
    async getDocument(id) {
      const doc = documents.get(id);
      return doc && copy(doc);
    },
    async listDocuments(subjectId) {
      return [...documents.values()].filter((d) => d.subject.id === subjectId).map(copy);
    },
    async listSubjects() {
      return [...subjects.values()].map(copy);
    },
    async getSubject(id) {
      const subject = subjects.get(id);
      return subject && copy(subject);
    },
    async hasSubject(id) {
      return subjects.has(id);
    },
    async listFacts(subjectId) {
      return facts.filter((f) => f.subjectId === subjectId).map(copy);
    },
    async appendAudit(entry) {
      audit.push(copy(entry));
    },
    async listAudit(subjectId) {
      return audit.filter((e) => e.subjectId === subjectId).map(copy);
    },
    async close() {},
  };
}
