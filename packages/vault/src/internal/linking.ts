import {
  documentKindOf,
  type DocumentRecord,
  type LinkEvidence,
  type SubjectCandidate,
  type SubjectKind,
  type SubjectRef,
} from '@sohoa/core';
import { normalizeText } from '@sohoa/vn';
import type { Fact } from '../types';

/** Subject ids of the holders of unlinked documents start with this; one holder per document. */
export const UNLINKED_PREFIX = 'unlinked:';

/** Values take part in the matching rule and the card join only when read at or above this confidence. */
export const MATCH_CONFIDENCE = 0.9;

const RELATIVES = ['mother', 'father', 'spouse'] as const;
type Relative = (typeof RELATIVES)[number];

/** True for the holder of an unlinked document (never a person or an organisation). */
export function isUnlinkedHolder(id: string): boolean {
  return id.startsWith(UNLINKED_PREFIX);
}

/** The holder an unlinked document is stored under: its own subject row, so its data key dies with it when it is linked. */
export function holderFor(documentId: string, record: DocumentRecord): SubjectRef {
  const kind: SubjectKind =
    record.link?.candidates?.[0]?.subject.kind ?? (documentKindOf(record) === 'business' ? 'org' : 'person');
  return { kind, id: `${UNLINKED_PREFIX}${documentId}` };
}

/** Names compared for the rule: NFC, modern tone marks, whitespace collapsed, upper case. Diacritics count. */
export function comparableName(name: string): string {
  return normalizeText(name).toLocaleUpperCase('vi');
}

interface Described {
  name: string;
  birthDate: string;
  relatives: Map<Relative, string>;
}

/** What the document itself says about its person, read at matching confidence. */
function describe(record: DocumentRecord): Described | undefined {
  const sure = (v: { value: unknown; confidence: number } | undefined) =>
    v && typeof v.value === 'string' && v.confidence >= MATCH_CONFIDENCE ? v.value : undefined;
  const name = sure(record.fields['person.fullName']);
  const birthDate = sure(record.fields['person.birthDate']);
  if (!name || !birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return undefined;
  const relatives = new Map<Relative, string>();
  for (const relation of record.relations ?? []) {
    const relative = RELATIVES.find((r) => r === relation.role);
    const relName = sure(relation.fields['person.fullName']);
    if (relative && relName) relatives.set(relative, comparableName(relName));
  }
  return { name: comparableName(name), birthDate, relatives };
}

/** A person in the vault with the facts they hold (corrected-away facts are left out by the caller or here). */
export interface PersonFacts {
  subject: SubjectRef;
  facts: Fact[];
}

function current(facts: Fact[]): Fact[] {
  const superseded = new Set(facts.flatMap((f) => f.supersedes ?? []));
  return facts.filter((f) => !superseded.has(f.id));
}

function valuesOf(facts: Fact[], key: string, normalise: (s: string) => string = (s) => s): Set<string> {
  return new Set(
    facts.filter((f) => f.key === key && typeof f.value === 'string').map((f) => normalise(f.value as string)),
  );
}

/**
 * The matching rule for a document without identity-grade evidence. A person of the vault is a
 * candidate when one of their current facts gives the document's full name and one its birth date,
 * both exact after normalisation (the document's values read at {@link MATCH_CONFIDENCE} or above),
 * and no mother's, father's or spouse's name given by both the document and the person differs. The
 * document is linked automatically (`auto`) only when exactly one person has that name and birth date,
 * and at least one relative's name is given by both and agrees; otherwise candidates are listed for an
 * officer and nothing is linked.
 */
export function matchPeople(
  record: DocumentRecord,
  people: readonly PersonFacts[],
): { candidates: SubjectCandidate[]; auto?: SubjectRef } {
  const doc = describe(record);
  if (!doc) return { candidates: [] };
  const sameNameAndBirth: Array<{
    subject: SubjectRef;
    matched: string[];
    conflict: boolean;
    relativesAgreed: number;
  }> = [];
  for (const person of people) {
    if (person.subject.kind !== 'person' || isUnlinkedHolder(person.subject.id)) continue;
    const facts = current(person.facts);
    if (
      !valuesOf(facts, 'person.fullName', comparableName).has(doc.name) ||
      !valuesOf(facts, 'person.birthDate').has(doc.birthDate)
    )
      continue;
    const matched = ['person.fullName', 'person.birthDate'];
    let conflict = false;
    let relativesAgreed = 0;
    for (const [role, name] of doc.relatives) {
      const held = valuesOf(facts, `person.${role}.fullName`, comparableName);
      if (held.size === 0) continue;
      if (held.has(name)) {
        matched.push(`person.${role}.fullName`);
        relativesAgreed++;
      } else conflict = true;
    }
    sameNameAndBirth.push({ subject: person.subject, matched, conflict, relativesAgreed });
  }
  const candidates = sameNameAndBirth
    .filter((m) => !m.conflict)
    .map((m): SubjectCandidate => ({ subject: m.subject, rule: 'name-birth-date', matched: m.matched }));
  const only = sameNameAndBirth.length === 1 ? sameNameAndBirth[0]! : undefined;
  return { candidates, ...(only && !only.conflict && only.relativesAgreed > 0 && { auto: only.subject }) };
}

/** `type|card number` of an identity document whose card number was read at matching confidence (or from a QR/MRZ). */
export function cardKey(record: DocumentRecord): string | undefined {
  if (documentKindOf(record) !== 'identity') return undefined;
  const field = record.fields['document.number'];
  const number = typeof field?.value === 'string' ? field.value : undefined;
  if (!number || !field) return undefined;
  const sure =
    field.confidence >= MATCH_CONFIDENCE || field.evidence.some((e) => e.method === 'qr' || e.method === 'mrz');
  return sure ? `${record.type}|${number}` : undefined;
}

/** The card key of a linked person's card, from its facts. */
export function cardKeysOf(facts: readonly Fact[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const f of facts) {
    if (f.key !== 'document.number' || typeof f.value !== 'string') continue;
    if (f.confidence >= MATCH_CONFIDENCE || f.method === 'qr' || f.method === 'mrz')
      keys.set(`${f.documentType}|${f.value}`, f.documentId);
  }
  return keys;
}

/** Evidence of a link made after extraction. */
export function laterEvidence(
  method: LinkEvidence['method'],
  at: string,
  extra: Partial<LinkEvidence> = {},
): LinkEvidence {
  return { method, at, ...extra };
}
