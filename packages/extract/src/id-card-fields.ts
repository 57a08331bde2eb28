import * as p from './field-parsers';
import type { ReaderField } from './field-reader';

/**
 * The identifying marks of a card back (CCCD 2016, CMND) under `labels`: wrapped lines indented or flush with
 * the label, complete when they read as marks, re-read by region, never taken for a cut value.
 */
export function identifyingMarksField(labels: string[]): ReaderField {
  return {
    key: 'person.identifyingMarks',
    labels,
    parse: p.parseIdentifyingMarks,
    wraps: true,
    wrapsFlush: true,
    complete: p.marksLookComplete,
    reread: true,
    mayBeCut: false,
  };
}
