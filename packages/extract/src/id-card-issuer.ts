import type { Diagnostic, ExtractedField, OcrPage } from '@sohoa/core';
import { foldDiacritics } from '@sohoa/vn';
import { parsePoliceIssuer } from './field-parsers';

/**
 * The issuing authorities printed on the backs of Vietnamese ID cards, each with the phrases (folded,
 * without spaces) that name it in Vietnamese, in English or abbreviated. The issuer is read from the
 * card, never implied by the card model: the same model was signed by different authorities over
 * the years.
 */
export const CARD_ISSUERS: ReadonlyArray<{ canonical: string; phrases: readonly string[] }> = [
  {
    // "CỤC TRƯỞNG CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI" (2021 CCCD, later 2016 CCCD).
    canonical: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
    phrases: [
      'quanlyhanhchinhvetrattuxahoi',
      'quanlyhanhchinh',
      'trattuxahoi',
      'administrativemanagementofsocialorder',
      'qlhcvettxh',
    ],
  },
  {
    // "CỤC TRƯỞNG CỤC CẢNH SÁT ĐKQL CƯ TRÚ VÀ DLQG VỀ DÂN CƯ" (2016 CCCD).
    canonical: 'Cục Cảnh sát đăng ký, quản lý cư trú và dữ liệu quốc gia về dân cư',
    phrases: ['dkqlcutruvadlqgvedancu', 'dkqlcutru', 'dlqgvedancu', 'dangkyquanlycutru', 'dulieuquocgiavedancu'],
  },
  {
    // "BỘ CÔNG AN / MINISTRY OF PUBLIC SECURITY" (2024 Căn cước).
    canonical: 'Bộ Công an',
    phrases: ['bocongan', 'ministryofpublicsecurity'],
  },
];

const squeeze = (s: string): string => foldDiacritics(s.normalize('NFC')).replace(/[^a-z0-9]/g, '');

/** Fewest edits that turn `phrase` into some substring of `text` (approximate substring match). */
export function substringDistance(text: string, phrase: string): number {
  let prev = new Array<number>(text.length + 1).fill(0);
  for (let i = 1; i <= phrase.length; i++) {
    const row = [i];
    for (let j = 1; j <= text.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (phrase[i - 1] === text[j - 1] ? 0 : 1));
    prev = row;
  }
  return Math.min(...prev);
}

/** Edits tolerated in a phrase of this length: none in an abbreviation, one in five otherwise. */
const tolerance = (length: number): number => (length < 8 ? 0 : Math.floor(length / 5));

/**
 * How sure a match against the closed list of national issuers is, whatever the OCR engine's own
 * confidence: a long title that agrees with one known authority in ≥ 90% of its letters names it
 * (0.95 for an exact match, 0.90 at one edit in ten); short phrases and abbreviations get nothing here.
 */
function closedListConfidence(phrase: string, distance: number): number {
  return phrase.length < 20 ? 0 : 0.95 - (0.5 * distance) / phrase.length;
}

/**
 * Reads the issuing authority printed on a card back: each line (and each pair of adjacent lines,
 * for a title wrapped in two) matched against {@link CARD_ISSUERS} with a fuzzy, diacritics-blind
 * match, or a provincial police director (`GIÁM ĐỐC CA TỈNH …`) with its province. The value is the
 * canonical name. Two different authorities matched equally well give nothing (ambiguous).
 */
export function readCardIssuer(ocr: OcrPage): ExtractedField | undefined {
  const lines = ocr.lines;
  let best: { canonical: string; score: number; confidence: number; index: number; span: number } | undefined;
  let tie = false;
  const consider = (canonical: string, score: number, confidence: number, index: number, span: number) => {
    if (best && Math.abs(best.score - score) < 1e-9 && best.canonical !== canonical) tie = true;
    if (!best || score > best.score + 1e-9) {
      best = { canonical, score, confidence, index, span };
      tie = false;
    }
  };
  for (let i = 0; i < lines.length; i++) {
    for (const span of [1, 2]) {
      const group = lines.slice(i, i + span);
      if (group.length < span) continue;
      const text = squeeze(group.map((l) => l.text).join(' '));
      const confidence = Math.min(...group.map((l) => l.confidence));
      for (const issuer of CARD_ISSUERS) {
        for (const phrase of issuer.phrases) {
          const d = substringDistance(text, phrase);
          if (d > tolerance(phrase.length)) continue;
          // Longer phrases matched with fewer edits are stronger evidence; a pair of lines counts a little less.
          consider(
            issuer.canonical,
            phrase.length * (1 - d / phrase.length) - (span - 1) * 0.5,
            Math.max(confidence * (1 - (2 * d) / phrase.length), closedListConfidence(phrase, d)),
            i,
            span,
          );
        }
      }
    }
    // "GIÁM ĐỐC CA TỈNH NAM ĐỊNH" / "GIÁM ĐỐC CÔNG AN THÀNH PHỐ HÀ NỘI" / "GĐ CA TỈNH …": the provincial police.
    const folded = foldDiacritics(lines[i]!.text.normalize('NFC')).toLowerCase();
    const director = /giam\s*doc|(?<![a-z])gd\.?(?=\s)/.exec(folded);
    if (director) {
      const rest = [...lines[i]!.text.normalize('NFC')]
        .slice(director.index + director[0].length)
        .join('')
        .trim();
      const police =
        parsePoliceIssuer(rest) ?? (lines[i + 1] ? parsePoliceIssuer(`${rest} ${lines[i + 1]!.text}`) : undefined);
      if (police) consider(police, 20, lines[i]!.confidence, i, 1);
    }
  }
  if (!best || tie) return undefined;
  const chosen = best as { canonical: string; score: number; confidence: number; index: number; span: number };
  const group = lines.slice(chosen.index, chosen.index + chosen.span);
  return {
    value: chosen.canonical,
    raw: group.map((l) => l.text).join(' '),
    confidence: Math.max(0, Math.min(0.95, chosen.confidence)),
    evidence: group.map((l) => ({
      method: 'ocr' as const,
      sha256: ocr.source.sha256,
      page: ocr.source.page,
      box: l.box,
    })),
  };
}

/**
 * Puts the issuer read from the card back into `fields` (a printed issuer always wins over one
 * read by a form template); when none was read and the card model suggests one, that suggestion is
 * kept below every fill threshold with a diagnostic saying it was not read.
 */
export function settleIssuer(
  fields: Record<string, ExtractedField>,
  read: ExtractedField | undefined,
  implied: string | undefined,
): Diagnostic[] {
  if (read) {
    fields['document.issuer'] = read;
    return [];
  }
  const current = fields['document.issuer'];
  if (current?.evidence.some((e) => e.method !== 'computed')) return [];
  if (!implied) return [];
  fields['document.issuer'] = { value: implied, confidence: IMPLIED_CONFIDENCE, evidence: [{ method: 'computed' }] };
  return [
    {
      code: 'EXTRACT_FIELD_IMPLIED',
      severity: 'warning',
      origin: 'extract',
      key: 'document.issuer',
      message:
        'The issuing authority was not read from the card back; the value given is only the usual one for this card model and needs review.',
    },
  ];
}

/** Confidence of a value implied by the card model rather than read: below every fill threshold. */
export const IMPLIED_CONFIDENCE = 0.5;
