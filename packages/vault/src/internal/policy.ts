import { createDiagnostic, type Diagnostic } from '@sohoa/core';
import type { Fact, ProfileValue } from '../types';

// The number, issue date and issuer of a former ID card (CMND) stay true after the card expires: papers
// issued with it remain valid (Luật Căn cước 2023 Điều 46) and forms ask for them as history.
const HISTORICAL_KEY = /^person\.oldId(Number$|Document\.)/;

/** True when the fact's document is no longer valid as of `asOf` (ISO date); facts about a former ID card never expire. */
export function isExpired(fact: Fact, asOf: string): boolean {
  if (HISTORICAL_KEY.test(fact.key) && fact.documentStatus !== 'revoked') return false;
  if (fact.documentStatus === 'expired' || fact.documentStatus === 'revoked' || fact.documentStatus === 'superseded') {
    return true;
  }
  return fact.validTo !== undefined && fact.validTo.slice(0, 10) < asOf;
}

/**
 * Order facts best first: non-expired, then higher authority, then later issue date, then higher
 * confidence, then later recording (and document id, for a stable order).
 */
export function compareFacts(a: Fact, b: Fact, asOf: string): number {
  const expired = Number(isExpired(a, asOf)) - Number(isExpired(b, asOf));
  if (expired !== 0) return expired;
  if (a.authority !== b.authority) return b.authority - a.authority;
  const issued = (b.validFrom ?? '').localeCompare(a.validFrom ?? '');
  if (issued !== 0) return issued;
  if (a.confidence !== b.confidence) return b.confidence - a.confidence;
  const recorded = b.recordedAt.localeCompare(a.recordedAt);
  return recorded !== 0 ? recorded : a.documentId.localeCompare(b.documentId);
}

/** Choose one value per key from a subject's facts; see {@link compareFacts} for the policy. */
export function chooseValues(
  facts: readonly Fact[],
  asOf: string,
): { values: Record<string, ProfileValue>; diagnostics: Diagnostic[] } {
  const byKey = new Map<string, Fact[]>();
  // A superseded fact stays in the history but is never chosen (nor offered) again.
  const superseded = new Set(facts.flatMap((f) => f.supersedes ?? []));
  for (const fact of facts) {
    if (superseded.has(fact.id)) continue;
    // A document issued after `asOf` did not exist yet at that date.
    if (fact.validFrom !== undefined && fact.validFrom.slice(0, 10) > asOf) continue;
    const list = byKey.get(fact.key) ?? [];
    list.push(fact);
    byKey.set(fact.key, list);
  }
  const values: Record<string, ProfileValue> = {};
  const diagnostics: Diagnostic[] = [];
  for (const key of [...byKey.keys()].sort()) {
    const ranked = [...(byKey.get(key) ?? [])].sort((a, b) => compareFacts(a, b, asOf));
    const best = ranked[0];
    if (!best) continue;
    const seen = new Set([sameness(best.value)]);
    const alternatives: ProfileValue['alternatives'] = [];
    for (const fact of ranked.slice(1)) {
      const id = sameness(fact.value);
      if (seen.has(id)) continue;
      seen.add(id);
      alternatives.push({
        value: fact.value,
        method: fact.method,
        confidence: fact.confidence,
        documentId: fact.documentId,
      });
    }
    const expired = isExpired(best, asOf);
    values[key] = {
      key,
      value: best.value,
      confidence: best.confidence,
      method: best.method,
      documentId: best.documentId,
      documentType: best.documentType,
      ...(best.sha256 !== undefined && { sha256: best.sha256 }),
      ...(best.page !== undefined && { page: best.page }),
      ...(best.box !== undefined && { box: best.box }),
      ...(best.validTo !== undefined && { validUntil: best.validTo }),
      expired,
      alternatives,
    };
    if (alternatives.length > 0) {
      diagnostics.push(
        createDiagnostic(
          'VAULT_FACT_CONFLICT',
          'info',
          `Documents disagree on \`${key}\`: ${alternatives.length + 1} distinct values; the best by validity, authority, issue date and confidence was chosen, the others are in \`alternatives\`.`,
          { origin: 'vault', key },
        ),
      );
    }
    if (expired) {
      diagnostics.push(
        createDiagnostic(
          'VAULT_VALUE_EXPIRED',
          'warning',
          `The value of \`${key}\` comes only from an expired, revoked or superseded document; digitise a current document to refresh it.`,
          { origin: 'vault', key },
        ),
      );
    }
  }
  return { values, diagnostics };
}

function sameness(value: unknown): string {
  return typeof value === 'string' ? `s:${value.normalize('NFC').trim()}` : `${typeof value}:${String(value)}`;
}
