export type * from './types';
export type * from './journal/types';
export { digitizeFile, digitizeFiles } from './digitize';
export { memoryJournal } from './journal/memory';
export { buildReport, reportToCsv, reportToHtml, csvCell, REVIEW_THRESHOLD } from './report';
export type { BatchReport } from './report';
export type * from './review/types';
export { collectReviewItems } from './review/collect';
export { memoryReviewQueue } from './review/memory';
