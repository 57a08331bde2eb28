import type { ExtractionMethod } from '@sohoa/core';
import type { Fact } from '../types';

// Read off the card by a machine; a `manual` correction (anyone with a `correct` grant can make one)
// or a `computed` value never proves whose old card it was.
const MACHINE_READ: ReadonlySet<ExtractionMethod> = new Set(['registry', 'qr', 'mrz']);
const READ_AS_SURELY_AS_AN_ID = 0.9;

/**
 * The former 9-digit CMND number the person's own documents prove, or `undefined`: read from a card
 * by machine (QR, MRZ, a registry) or by OCR/PDF text as surely as an ID must be, not corrected away,
 * and only one such number. Proving the number says whose old card it is; it never grants reading it.
 */
export function provenOldNumber(facts: readonly Fact[]): { number: string; viaQr: boolean } | undefined {
  const corrected = new Set(facts.flatMap((f) => f.supersedes ?? []));
  const proofs = facts.filter(
    (f) =>
      f.key === 'person.oldIdNumber' &&
      !corrected.has(f.id) &&
      typeof f.value === 'string' &&
      /^\d{9}$/.test(f.value) &&
      (MACHINE_READ.has(f.method) ||
        ((f.method === 'ocr' || f.method === 'pdf-text') && f.confidence >= READ_AS_SURELY_AS_AN_ID)),
  );
  const numbers = [...new Set(proofs.map((f) => f.value as string))];
  if (numbers.length !== 1) return undefined;
  return { number: numbers[0]!, viaQr: proofs.some((f) => f.method === 'qr') };
}

/** Whether two subjects' current birth dates agree (or either has none). */
export function birthDatesAgree(mine: readonly Fact[], theirs: readonly Fact[]): boolean {
  const births = (list: readonly Fact[]) => {
    const superseded = new Set(list.flatMap((f) => f.supersedes ?? []));
    return new Set(
      list.filter((f) => f.key === 'person.birthDate' && !superseded.has(f.id)).map((f) => String(f.value)),
    );
  };
  const a = births(mine);
  const b = births(theirs);
  return a.size === 0 || b.size === 0 || [...b].some((x) => a.has(x));
}
