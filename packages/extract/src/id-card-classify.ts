import { foldLines } from './lines';
import type { PageClass, PageReading } from './types';

/** Printed markers of one side of one ID card model, and markers that say it is another model. */
export interface CardSideMarkers {
  markers: readonly string[];
  excludes: readonly string[];
  /** Printed only on this kind of card side (its title, the fingerprint labels, MRZ/QR): one must be seen, or three markers. */
  anchors: readonly string[];
}

interface CardSideSpec extends CardSideMarkers {
  type: string;
  part: 'front' | 'back';
}

// `#mrz` and `#qr` stand for an MRZ block and a card QR payload on the page, `#id9` for a run of exactly
// nine digits (the CMND number's shape) (see `featureText`).

/** Three or more lines made mostly of MRZ characters with several `<`. */
function hasMrz(texts: string[]): boolean {
  return (
    texts.filter((t) => {
      const compact = t.replace(/\s+/g, '');
      return (
        compact.length >= 20 &&
        (compact.match(/</g)?.length ?? 0) >= 2 &&
        compact.replace(/[^A-Z0-9<«‹]/g, '').length / compact.length >= 0.85
      );
    }).length >= 2
  );
}

/** The page's folded text plus feature markers for an MRZ block and a card QR payload. */
export function featureText(reading: PageReading): string {
  const lines = reading.ocr ? foldLines(reading.ocr.lines) : [];
  const features = [
    ...(reading.ocr && hasMrz(reading.ocr.lines.map((l) => l.text)) ? ['#mrz'] : []),
    ...(reading.qr && /^\d{12}\|/.test(reading.qr.text) ? ['#qr'] : []),
    ...(reading.ocr?.lines.some((l) => /(?<![\d/.-])\d{9}(?![\d/.-])/.test(l.text)) ? ['#id9'] : []),
  ];
  return [...lines.map((l) => l.folded), ...features].join('\n');
}

// Luật Căn cước 2023: cards issued from 1 July 2024 are Căn cước; chip CCCD were issued before.
const CAN_CUOC_FROM = '20240701';

/** The card model a QR payload's issue date (its last field, ddmmyyyy) points to, if it has one. */
export function modelOfQr(reading: PageReading): 'cccd-2021' | 'can-cuoc-2024' | undefined {
  const parts = reading.qr?.text.trim().split('|') ?? [];
  if (parts.length < 6 || !/^\d{12}$/.test(parts[0] ?? '')) return undefined;
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(parts.at(-1) ?? '');
  if (!m) return undefined;
  return `${m[3]}${m[2]}${m[1]}` >= CAN_CUOC_FROM ? 'can-cuoc-2024' : 'cccd-2021';
}

// A page showing none of a side's anchors and fewer markers than this is not that side: a decision
// whose body says "Giới tính: Nam. Quốc tịch: Việt Nam" is no ID card.
const MIN_MARKERS_WITHOUT_ANCHOR = 3;

function sideScore(text: string, spec: CardSideSpec, qrModel: string | undefined): number {
  const hits = spec.markers.filter((m) => text.includes(m)).length;
  if (hits < MIN_MARKERS_WITHOUT_ANCHOR && !spec.anchors.some((a) => text.includes(a))) return 0;
  const found = hits / spec.markers.length;
  const foreign = spec.excludes.filter((m) => text.includes(m)).length;
  let score = found * 0.5 ** foreign;
  // Models that print an MRZ: a page where neither the MRZ nor a card QR was seen is less likely one of
  // them (it breaks ties with the 2016 back, which shares "Đặc điểm nhận dạng" and "Ngón trỏ").
  if (spec.markers.includes('#mrz') && !text.includes('#mrz') && !text.includes('#qr')) score *= 0.75;
  // A QR whose issue date fits the model is strong evidence even when the printed text is unreadable.
  if (qrModel === undefined || !spec.markers.includes('#qr')) return score;
  return qrModel === spec.type ? Math.max(score, 0.4) : score * 0.5;
}

/**
 * Classifies a page as one side (of `sides`) of the ID card model `type`: the share of that side's printed
 * markers found, halved for each marker of another model. Undefined below 0.2.
 */
export function classifyCardSide(
  reading: PageReading,
  type: string,
  sides: ReadonlyArray<CardSideMarkers & { part: 'front' | 'back' }>,
): PageClass | undefined {
  const text = featureText(reading);
  const qrModel = modelOfQr(reading);
  let best: PageClass | undefined;
  for (const side of sides) {
    const spec: CardSideSpec = { ...side, type };
    const score = sideScore(text, spec, qrModel);
    if (!best || score > best.score) best = { type, part: spec.part, score };
  }
  if (!best || best.score < 0.2) return undefined;
  return { ...best, score: Math.min(1, best.score * 1.5) };
}
