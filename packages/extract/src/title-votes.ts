import { foldLines } from './lines';
import type { PageReading } from './types';

/** What tells a page's document type whatever its layout: title wordings and labels only that type prints. */
export interface TitleVotes {
  /** Title wordings (folded), printed on one line or split over two (`GIẤY CHỨNG NHẬN ĐĂNG KÝ` / `HỘ KINH DOANH`). */
  titles: readonly string[];
  /** Labels (folded) of the type that other types do not print; each found adds a vote. */
  labels: readonly string[];
  /** Labels (folded) that say the page is of a related type (a household's labels on an enterprise); each found takes a vote away. */
  against?: readonly string[];
}

const squeeze = (s: string): string => s.replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * A page's score for a type from its title (on one line or two consecutive lines, with little else
 * on them) and its label votes: a title with two labels or more scores 0.7 and up; labels alone at most
 * 0.75, so that a page whose title was not read is still recognised by what it prints.
 */
export function titleVoteScore(reading: PageReading, votes: TitleVotes): number {
  if (!reading.ocr) return 0;
  const lines = foldLines(reading.ocr.lines).map((l) => squeeze(l.folded));
  const titles = votes.titles.map(squeeze);
  const titled = lines.some((l, i) => {
    const two = l + (lines[i + 1] ?? '');
    return titles.some(
      (t) =>
        (l.includes(t) && l.length <= t.length + 30) ||
        (two.includes(t) && !l.includes(t) && two.length <= t.length + 30 && two.indexOf(t) < l.length),
    );
  });
  const text = lines.join(' ');
  const found =
    votes.labels.filter((m) => text.includes(squeeze(m))).length -
    (votes.against ?? []).filter((m) => text.includes(squeeze(m))).length;
  if (titled) return found >= 2 ? Math.min(1, 0.6 + 0.05 * found) : found >= 0 ? 0.45 : 0.2;
  return found >= 3 ? Math.min(0.75, 0.15 * found) : 0;
}
