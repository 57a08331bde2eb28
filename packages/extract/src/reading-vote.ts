import type { Box, ExtractedField, PageImage } from '@sohoa/core';
import type { ExtractContext } from './types';

/** How readings of one value are voted on. */
export interface VoteOptions {
  /**
   * Highest confidence when the readings do not all agree. Names use it: a tone mark that one pass
   * reads differently is the commonest wrong value, and a wrong name must not be filled unreviewed.
   * @default none
   */
  disagreementCap?: number;
}

/** Keys whose readings must agree to be filled without review. */
export function voteOptionsFor(key: string): VoteOptions {
  return /(^|[.:])fullName$/.test(key) ? { disagreementCap: NAME_DISAGREEMENT_CAP } : {};
}

// Below the 0.9 fill threshold of high-criticality keys.
const NAME_DISAGREEMENT_CAP = 0.85;

/**
 * Picks among readings of one value: a value read the same way twice or more wins, with its
 * confidence raised; otherwise the most confident reading, lowered when the readings disagree.
 * (Same rule as the CCCD front reader.)
 */
export function chooseReading(readings: ExtractedField[], options: VoteOptions = {}): ExtractedField | undefined {
  const chosen = chooseReadingUncapped(readings);
  return chosen && options.disagreementCap !== undefined && new Set(readings.map((r) => String(r.value))).size > 1
    ? { ...chosen, confidence: Math.min(chosen.confidence, options.disagreementCap) }
    : chosen;
}

function chooseReadingUncapped(readings: ExtractedField[]): ExtractedField | undefined {
  if (readings.length === 0) return undefined;
  const groups = new Map<string, ExtractedField[]>();
  for (const r of readings) groups.set(String(r.value), [...(groups.get(String(r.value)) ?? []), r]);
  const ranked = [...groups.values()].sort(
    (a, b) => b.length - a.length || Math.max(...b.map((r) => r.confidence)) - Math.max(...a.map((r) => r.confidence)),
  );
  const best = ranked[0]!;
  const top = best.reduce((a, b) => (b.confidence > a.confidence ? b : a));
  // A tie between two different values says nothing: keep the value but below any fill threshold.
  if (ranked.length > 1 && ranked[1]!.length === best.length)
    return { ...top, confidence: Math.min(top.confidence, 0.6) };
  if (best.length >= 2) {
    const agreeing = 1 - best.reduce((p, r) => p * (1 - r.confidence), 1);
    return { ...top, confidence: Math.min(0.97, groups.size > 1 ? agreeing * 0.95 : agreeing) };
  }
  return { ...top, confidence: top.confidence * (groups.size > 1 ? 0.7 : 1) };
}

/**
 * Word-by-word majority over three or more readings with the same number of words: the usual
 * disagreement between OCR passes is one word's tone mark, and each pass slips on a different word.
 * Returns undefined when there are too few comparable readings.
 */
export function voteWords(readings: ExtractedField[], options: VoteOptions = {}): ExtractedField | undefined {
  const byLength = new Map<number, ExtractedField[]>();
  for (const r of readings) {
    const n = String(r.value).split(' ').length;
    byLength.set(n, [...(byLength.get(n) ?? []), r]);
  }
  const group = [...byLength.values()].sort((a, b) => b.length - a.length)[0];
  if (!group || group.length < 3 || group.length * 2 <= readings.length) return undefined;
  const split = group.map((r) => String(r.value).split(' '));
  let agreement = 1;
  const words = split[0]!.map((_, i) => {
    const tally = new Map<string, { votes: number; confidence: number }>();
    split.forEach((ws, j) => {
      const t = tally.get(ws[i]!) ?? { votes: 0, confidence: 0 };
      tally.set(ws[i]!, { votes: t.votes + 1, confidence: t.confidence + group[j]!.confidence });
    });
    const [word, best] = [...tally.entries()].sort(
      (a, b) => b[1].votes - a[1].votes || b[1].confidence - a[1].confidence,
    )[0]!;
    agreement = Math.min(agreement, best.votes / readings.length);
    return word;
  });
  const value = words.join(' ');
  const supporting = group.filter((r) => r.value === value);
  const base = supporting.length > 0 ? supporting.reduce((a, b) => (b.confidence > a.confidence ? b : a)) : group[0]!;
  const mean = group.reduce((sum, r) => sum + r.confidence, 0) / group.length;
  const confidence = Math.min(0.97, agreement >= 0.75 ? Math.max(mean, 0.9) : mean * agreement);
  return {
    ...base,
    value,
    raw: base.raw ?? value,
    confidence:
      agreement < 1 && options.disagreementCap !== undefined
        ? Math.min(confidence, options.disagreementCap)
        : confidence,
  };
}

/**
 * A first reading at least this confident is kept without a region re-read when it holds at most one word
 * of letters (issue 15: the re-reads cost as much as the page's OCR pass). Numbers, dates and codes are
 * checked by their parsers; words — names, places, addresses — are always read again: a tone mark one
 * pass reads differently is their commonest error, and it comes with a confident first reading.
 */
export const REREAD_BELOW = 0.93;

/** Two or more words with letters in them (a name, a place, an address). */
function hasWords(text: string): boolean {
  return text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length >= 2;
}

/**
 * Whether a value marked for re-reading is read again, by `ExtractOptions.rereads`: with `uncertain`,
 * not when a QR code or MRZ of the page carries the key (`context.machineRead`), nor when the first
 * reading (as parsed) reaches {@link REREAD_BELOW} and is not words.
 */
export function needsReread(key: string, first: ExtractedField | undefined, context: ExtractContext): boolean {
  if (!context.recognizer) return false;
  if (context.options.rereads === 'all') return true;
  if (context.machineRead?.has(key)) return false;
  // The value as parsed: a date read from a line with a garbled label is a date, not words.
  return (
    first === undefined ||
    first.confidence < REREAD_BELOW ||
    hasWords(String(first.value)) ||
    /(^|[.:])fullName$/.test(key)
  );
}

function pad(box: Box, page: { width: number; height: number }, fx: number, fy: number): Box {
  const dx = Math.round(box.height * fx);
  const dy = Math.round(box.height * fy);
  const x = Math.max(0, box.x - dx);
  const y = Math.max(0, box.y - dy);
  return {
    x,
    y,
    width: Math.min(page.width - x, box.width + 2 * dx),
    height: Math.min(page.height - y, box.height + 2 * dy),
  };
}

/** Margins of the region re-reads: the single-line model is sensitive to the margin around the text. */
export const DEFAULT_PADDINGS: ReadonlyArray<readonly [number, number]> = [
  [0.5, 0.35],
  [1, 0.5],
];

/**
 * Re-reads the boxes of one value as single lines (one OCR call per box and padding) and returns
 * each padding's text, the parts joined by a space. Only lines centred on a part's own box count.
 */
export async function rereadBoxes(
  page: PageImage,
  boxes: Box[],
  context: ExtractContext,
  paddings: ReadonlyArray<readonly [number, number]> = DEFAULT_PADDINGS,
): Promise<Array<{ text: string; confidence: number }>> {
  const recognizer = context.recognizer;
  if (!recognizer || boxes.length === 0) return [];
  return Promise.all(
    paddings.map(async ([fx, fy]) => {
      const results = await Promise.all(
        boxes.map((b) =>
          recognizer.recognize(page, {
            regions: [{ box: pad(b, page, fx, fy), psm: 7 }],
            ...(context.signal ? { signal: context.signal } : {}),
          }),
        ),
      );
      const texts = results.map((r, k) => {
        const own = boxes[k]!;
        return r.lines
          .filter((l) => Math.abs(l.box.y + l.box.height / 2 - (own.y + own.height / 2)) <= own.height * 0.75)
          .map((l) => l.text)
          .join(' ')
          .trim();
      });
      return { text: texts.join(' '), confidence: Math.min(...results.map((r) => r.confidence)) };
    }),
  );
}
