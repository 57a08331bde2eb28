import type { Box, Evidence, ExtractedField, OcrPage, PageImage } from '@sohoa/core';
import { isPersonalId, normalizeText, parseDate, parseSex, snapFamilyName, toProperCaseName } from '@sohoa/vn';
import { cleanValue, columnText, findLabel, foldLines, textAfterLabel, type FoldedLine, type LocatedText } from './lines';
import { findDigitRuns, findNumericDates } from './ocr-fixes';
import type { ExtractContext, FieldSet } from './types';

export const FRONT_LABELS = {
  name: ['ho va ten', 'full name'],
  birth: ['ngay sinh', 'date of birth'],
  sex: ['gioi tinh', 'sex'],
  nationality: ['quoc tich', 'nationality'],
  hometown: ['que quan', 'place of origin'],
  residence: ['noi thuong tru', 'place of residence'],
  expiry: ['co gia tri den', 'date of expiry'],
};
const ALL_LABELS = Object.values(FRONT_LABELS).flat();

/** A field value as located on the page, with the parser that turns its text into a value. */
interface Candidate {
  key: string;
  parts: LocatedText[];
  parse: (text: string) => string | undefined;
  /** Re-read this value on its own (region OCR) when a recogniser is available. */
  reread: boolean;
}

function parseId(text: string): string | undefined {
  const spaced = text.replace(/[:/]/g, ' ');
  // OCR sometimes splits the number into groups (`038307 146527`).
  const direct = findDigitRuns(spaced, 12)[0] ?? findDigitRuns(spaced.replace(/(\d)\s+(?=\d)/g, '$1'), 12)[0];
  if (direct) return direct;
  // A doubled character (`0O31…` for `031…`) gives 13 digits: accept only when every one-character
  // deletion that yields a valid personal ID yields the same one.
  const long = findDigitRuns(spaced, 13)[0];
  if (!long) return undefined;
  const options = new Set<string>();
  for (let i = 0; i < long.length; i++) {
    const candidate = long.slice(0, i) + long.slice(i + 1);
    if (isPersonalId(candidate)) options.add(candidate);
  }
  return options.size === 1 ? [...options][0] : undefined;
}

/** Names are printed in capitals: keep the upper-case words, drop OCR debris around them. */
function parseName(text: string): string | undefined {
  const words = text
    .replace(/[^\p{L}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0 && /^\p{Lu}+$/u.test(w));
  return words.length >= 2 ? snapFamilyName(toProperCaseName(words.join(' '))).value : undefined;
}

function parseNumericDate(text: string): string | undefined {
  return findNumericDates(text).map((d) => parseDate(d)?.iso).find(Boolean);
}

function parseAddress(text: string): string | undefined {
  const cleaned = cleanValue(text.replace(/\s*,\s*/g, ', ').replace(/,\s*,/g, ','))
    .replace(/\.$/, '')
    // A lone letter never starts an address: it is a speck read as text.
    .replace(/^\p{L}\s+(?=\p{Lu})/u, '');
  return cleaned.length >= 3 ? normalizeText(cleaned) : undefined;
}

/** The value lines in the label's column under a label line, up to `max`, stopping at the next label. */
function valueLinesUnder(lines: FoldedLine[], label: FoldedLine, minX: number, max: number): LocatedText[] {
  const out: LocatedText[] = [];
  for (let i = label.index + 1; i < lines.length && out.length < max; i++) {
    const part = columnText(lines[i]!, minX);
    if (!part) continue;
    const folded = part.text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (ALL_LABELS.some((s) => folded.includes(s))) break;
    if (!/\p{L}{2}/u.test(part.text)) continue;
    // Background pattern read as text: very low confidence or much shorter than a text line.
    if (part.confidence < 0.3 || part.box.height < label.line.box.height * 0.5) continue;
    out.push(part);
  }
  return out;
}

/**
 * OCR often glues the label to the number (`Số/No.:001090012345`): estimate the number's own box
 * from its share of the characters, so the re-read sees digits only.
 */
function numberPartBox(text: string, box: Box): Box {
  const start = text.search(/[0-9OoIl]{4}/);
  if (start <= 0) return box;
  // The number is printed larger than the label: move the cut a little left of the proportional point.
  const cut = Math.max(0, (start / text.length) * box.width - box.height * 0.6);
  return { x: box.x + cut, y: box.y, width: box.width - cut, height: box.height };
}

function pad(box: Box, page: { width: number; height: number }, fx: number, fy: number): Box {
  const dx = Math.round(box.height * fx);
  const dy = Math.round(box.height * fy);
  const x = Math.max(0, box.x - dx);
  const y = Math.max(0, box.y - dy);
  return { x, y, width: Math.min(page.width - x, box.width + 2 * dx), height: Math.min(page.height - y, box.height + 2 * dy) };
}

function locate(ocr: OcrPage): { candidates: Candidate[]; fields: FieldSet } {
  const lines = foldLines(ocr.lines);
  const candidates: Candidate[] = [];
  const fields: FieldSet = {};
  const tolerance = ocr.width * 0.03;
  const nameLabel = findLabel(lines, FRONT_LABELS.name);
  // The labels of the right-hand column start where "Họ và tên" starts; the photo and expiry sit left of it.
  const columnX = (nameLabel?.line.box.x ?? 0) - tolerance;

  // The card number: a 12-digit run, or on the "Số / No." line a digit-like token that a re-read may repair.
  const digitish = (t: string) => t.replace(/[^0-9OoIlSB]/g, '').length >= 10;
  const idLine =
    lines.find((l) => parseId(l.line.text)) ??
    lines.find((l) => /\b(so|no)\b/.test(l.folded.replace(/[^a-z0-9 ]/g, ' ')) && l.line.text.split(/[\s:/]+/).some(digitish));
  if (idLine) {
    const part = columnText(idLine, columnX) ?? { text: idLine.line.text, box: idLine.line.box, confidence: idLine.line.confidence };
    const word = idLine.line.words.find((w) => parseId(w.text)) ?? idLine.line.words.find((w) => w.text.split(/[:/]+/).some(digitish));
    candidates.push({ key: 'person.idNumber', parts: [word ? { text: word.text, box: numberPartBox(word.text, word.box), confidence: word.confidence } : part], parse: parseId, reread: true });
  }
  if (nameLabel) {
    const name = valueLinesUnder(lines, nameLabel, columnX, 2).find((p) => parseName(p.text));
    if (name) candidates.push({ key: 'person.fullName', parts: [name], parse: parseName, reread: true });
  }
  const sexLabel = findLabel(lines, FRONT_LABELS.sex);
  // A garbled label ("Ngày sim / 0ste of binh"): the date between the name and the sex lines is the birth date.
  const birthLine =
    findLabel(lines, FRONT_LABELS.birth) ??
    (nameLabel ? lines.find((l) => l.index > nameLabel.index && (!sexLabel || l.index < sexLabel.index) && findNumericDates(l.line.text).length > 0) : undefined);
  if (birthLine) {
    const part = columnText(birthLine, columnX);
    if (part) candidates.push({ key: 'person.birthDate', parts: [part], parse: parseNumericDate, reread: true });
  }
  const home = findLabel(lines, FRONT_LABELS.hometown);
  if (home) {
    const parts = valueLinesUnder(lines, home, columnX, 1);
    if (parts.length > 0) candidates.push({ key: 'person.hometown', parts, parse: parseAddress, reread: true });
  }
  const residence = findLabel(lines, FRONT_LABELS.residence);
  if (residence) {
    const parts = valueLinesUnder(lines, residence, columnX, 2);
    if (parts.length > 0) candidates.push({ key: 'person.permanentAddress', parts, parse: parseAddress, reread: true });
  }

  const evidence = (l: FoldedLine): Evidence[] => [{ method: 'ocr', sha256: ocr.source.sha256, page: ocr.source.page, box: l.line.box }];
  const sexLine = sexLabel;
  if (sexLine) {
    const word = textAfterLabel(sexLine, ['sex', 'gioi tinh']).split(/[\s:]+/).find((w) => parseSex(w));
    const sex = word ? parseSex(word) : undefined;
    if (sex) fields['person.sex'] = { value: sex, raw: word, confidence: Math.min(0.95, sexLine.line.confidence), evidence: evidence(sexLine) };
  }
  const natLine = findLabel(lines, FRONT_LABELS.nationality);
  if (natLine) {
    const after = cleanValue(textAfterLabel(natLine, ['nationality', 'quoc tich']));
    const folded = after.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (/viet\s*nam/.test(folded)) fields['person.nationality'] = { value: 'Việt Nam', raw: after, confidence: Math.min(0.95, natLine.line.confidence), evidence: evidence(natLine) };
  }
  // "Có giá trị đến" is small print that OCR garbles: accept any line with a date and a piece of the label.
  const leftDate = (l: FoldedLine) => l.line.words.some((w) => w.box.x + w.box.width < columnX + tolerance && findNumericDates(w.text).length > 0);
  const expLine =
    findLabel(lines, FRONT_LABELS.expiry) ??
    lines.find((l) => /gia tri|tri den|expir|expiy/.test(l.folded) && findNumericDates(l.line.text).length > 0) ??
    // Under the photo, left of the value column, the only date is the expiry.
    (nameLabel ? lines.find((l) => l.index > nameLabel.index && leftDate(l)) : undefined);
  if (expLine) {
    const dated = expLine.line.words.filter((w) => findNumericDates(w.text).length > 0);
    const word = dated.find((w) => w.box.x < columnX) ?? dated[0];
    const part = word ? { text: word.text, box: word.box, confidence: word.confidence } : { text: expLine.line.text, box: expLine.line.box, confidence: expLine.line.confidence };
    candidates.push({ key: 'document.expiryDate', parts: [part], parse: parseNumericDate, reread: true });
  }
  return { candidates, fields };
}

/**
 * Picks among readings of one value: a value read the same way twice or more wins, with its
 * confidence raised; otherwise the most confident reading, with its confidence lowered because
 * the readings disagree.
 */
function chooseReading(readings: ExtractedField[]): ExtractedField | undefined {
  if (readings.length === 0) return undefined;
  const groups = new Map<string, ExtractedField[]>();
  for (const r of readings) groups.set(String(r.value), [...(groups.get(String(r.value)) ?? []), r]);
  const ranked = [...groups.values()].sort((a, b) => b.length - a.length || Math.max(...b.map((r) => r.confidence)) - Math.max(...a.map((r) => r.confidence)));
  const best = ranked[0]!;
  const top = best.reduce((a, b) => (b.confidence > a.confidence ? b : a));
  if (best.length >= 2) return { ...top, confidence: Math.min(0.97, 1 - best.reduce((p, r) => p * (1 - r.confidence), 1)) };
  return { ...top, confidence: top.confidence * (groups.size > 1 ? 0.8 : 1) };
}

/**
 * Word-by-word majority over three or more readings with the same number of words: the usual
 * disagreement between OCR passes is one word's tone mark, and each pass slips on a different word.
 * Returns undefined when there are too few comparable readings.
 */
function voteWords(readings: ExtractedField[]): ExtractedField | undefined {
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
    const [word, best] = [...tally.entries()].sort((a, b) => b[1].votes - a[1].votes || b[1].confidence - a[1].confidence)[0]!;
    agreement = Math.min(agreement, best.votes / readings.length);
    return word;
  });
  const value = words.join(' ');
  const supporting = group.filter((r) => r.value === value);
  const base = supporting.length > 0 ? supporting.reduce((a, b) => (b.confidence > a.confidence ? b : a)) : group[0]!;
  const mean = group.reduce((sum, r) => sum + r.confidence, 0) / group.length;
  return { ...base, value, raw: base.raw ?? value, confidence: Math.min(0.97, agreement >= 0.75 ? Math.max(mean, 0.9) : mean * agreement) };
}

function toField(c: Candidate, text: string, confidence: number, sha256: string, page: number): ExtractedField | undefined {
  const value = c.parse(text);
  if (!value) return undefined;
  const evidence: Evidence[] = c.parts.map((p) => ({ method: 'ocr', sha256, page, box: p.box }));
  return { value, raw: text, confidence: Math.min(0.97, confidence), evidence };
}

/**
 * Reads the front of a CCCD card: labels anchor the values; only words in the value column count.
 * With a recogniser, each value is read again on its own (single-line OCR of a padded box), which
 * fixes most diacritic slips; a re-read that agrees with the first reading raises the confidence.
 */
export async function readCccdFront(page: PageImage, ocr: OcrPage, context: ExtractContext): Promise<FieldSet> {
  const { candidates, fields } = locate(ocr);
  const { sha256, page: pageNo } = ocr.source;
  // Two paddings: the single-line model is sensitive to the margin around the text.
  const paddings: Array<[number, number]> = [
    [0.5, 0.35],
    [0.3, 0.3],
    [1, 0.5],
  ];
  const rereads = await Promise.all(
    candidates.map(async (c) => {
      if (!c.reread || !context.recognizer) return [];
      const recognizer = context.recognizer;
      return Promise.all(
        paddings.map(async ([fx, fy]) => {
          const results = await Promise.all(
            c.parts.map((p) => recognizer.recognize(page, { regions: [{ box: pad(p.box, page, fx, fy), psm: 7 }], ...(context.signal ? { signal: context.signal } : {}) })),
          );
          // Only lines centred inside the value's own box count: a padded region can catch a neighbour.
          const texts = results.map((r, k) => {
            const own = c.parts[k]!.box;
            return r.lines
              .filter((l) => Math.abs(l.box.y + l.box.height / 2 - (own.y + own.height / 2)) <= own.height * 0.75)
              .map((l) => l.text)
              .join(' ')
              .trim();
          });
          return { text: texts.join(' '), confidence: Math.min(...results.map((r) => r.confidence)) };
        }),
      );
    }),
  );
  candidates.forEach((c, i) => {
    const readings = [
      toField(c, c.parts.map((p) => p.text).join(' '), Math.min(...c.parts.map((p) => p.confidence)), sha256, pageNo),
      ...(rereads[i] ?? []).map((r) => toField(c, r.text, r.confidence, sha256, pageNo)),
    ].filter((f): f is ExtractedField => f !== undefined);
    const chosen = voteWords(readings) ?? chooseReading(readings);
    if (chosen) fields[c.key] = chosen;
  });
  return fields;
}
