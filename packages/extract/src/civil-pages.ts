import type { Diagnostic } from '@sohoa/core';
import { readBareRegisterNumber, readSigner, readSigningDate } from './civil-document';
import { readFields, type ReaderSpec } from './field-reader';
import { mergeFieldSets } from './merge';
import type { ExtractContext, FieldSet, PageClass, PageReading } from './types';

/**
 * The fields of a civil-status certificate read page by page with its reader spec and merged: on each page
 * classified as the type, the labelled fields, the signer (found under one of `signers`, folded), the signing
 * date when no issue date was read, and a register number printed without its label near one of `titles`.
 */
export async function readCivilPages(
  readings: PageReading[],
  classes: PageClass[],
  spec: ReaderSpec,
  context: ExtractContext,
  marks: { titles: readonly string[]; signers: readonly string[] },
): Promise<{ fields: FieldSet; diagnostics: Diagnostic[] }> {
  const sets: FieldSet[] = [];
  const read: Diagnostic[] = [];
  for (const [i, r] of readings.entries()) {
    if (!r.ocr || classes[i]?.score === 0) continue;
    const { fields: set, diagnostics } = await readFields(r.page, r.ocr, spec, context);
    read.push(...diagnostics);
    const signer = readSigner(r, marks.signers);
    if (signer) set['document.signer'] = signer;
    if (!set['document.issueDate']) {
      const signed = readSigningDate(r);
      if (signed) set['document.issueDate'] = signed;
    }
    if (!set['document.number']) {
      const number = readBareRegisterNumber(r, marks.titles);
      if (number) set['document.number'] = number;
    }
    sets.push(set);
  }
  const merged = mergeFieldSets(sets);
  return { fields: merged.fields, diagnostics: [...merged.diagnostics, ...read] };
}
