import type { Box, Evidence, ExtractedField, OcrPage, PageImage } from '@sohoa/core';
import { isPersonalId, parseDate, parseSex } from '@sohoa/vn';
import { cleanValue, columnText, findLabel, foldLines, textAfterLabel, type FoldedLine, type LocatedText } from './lines';
import { parseCardAddress, parseUpperName } from './field-parsers';
import { findDigitRuns, findNumericDates } from './ocr-fixes';
import { chooseReading, rereadBoxes, voteOptionsFor, voteWords } from './reading-vote';
import type { ExtractContext, FieldSet } from './types';

// Three margins for the card's bold values: each slips on a different tone mark, and a word-by-word vote fixes it.
const CCCD_PADDINGS = [
  [0.5, 0.35],
  [0.3, 0.3],
  [1, 0.5],
] as const;

/** Folded labels of a card front whose values sit in a column right of the photo. */
export interface CardFrontLabels {
  name: string[];
  birth: string[];
  sex: string[];
  nationality: string[];
  hometown?: string[];
  residence?: string[];
  /** Printed under the photo, left of the value column. */
  expiry?: string[];
}

export const FRONT_LABELS: CardFrontLabels = {
  name: ['ho va ten', 'full name'],
  birth: ['ngay sinh', 'date of birth'],
  sex: ['gioi tinh', 'sex'],
  nationality: ['quoc tich', 'nationality'],
  hometown: ['que quan', 'place of origin'],
  residence: ['noi thuong tru', 'place of residence'],
  expiry: ['co gia tri den', 'date of expiry'],
};

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
  if (!long) {
    // The label glued to the number (`ss022076738996` for `Số: 022076738996`): drop the letters before the digits.
    const unglued = spaced.replace(/(^|\s)\p{L}{1,3}(?=\d{12}(?!\d))/gu, '$1');
    return unglued === spaced ? undefined : findDigitRuns(unglued, 12)[0];
  }
  const options = new Set<string>();
  for (let i = 0; i < long.length; i++) {
    const candidate = long.slice(0, i) + long.slice(i + 1);
    if (isPersonalId(candidate)) options.add(candidate);
  }
  return options.size === 1 ? [...options][0] : undefined;
}

function parseNumericDate(text: string): string | undefined {
  return findNumericDates(text).map((d) => parseDate(d)?.iso).find(Boolean);
}


/** The value lines in the label's column under a label line, up to `max`, stopping at the next label. */
function valueLinesUnder(lines: FoldedLine[], label: FoldedLine, minX: number, max: number, allLabels: string[]): LocatedText[] {
  const out: LocatedText[] = [];
  for (let i = label.index + 1; i < lines.length && out.length < max; i++) {
    const part = columnText(lines[i]!, minX);
    if (!part) continue;
    const folded = part.text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (allLabels.some((s) => folded.includes(s))) break;
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


function locate(ocr: OcrPage, labels: CardFrontLabels): { candidates: Candidate[]; fields: FieldSet } {
  const lines = foldLines(ocr.lines);
  const allLabels = Object.values(labels).flat();
  const candidates: Candidate[] = [];
  const fields: FieldSet = {};
  const tolerance = ocr.width * 0.03;
  const nameLabel = findLabel(lines, labels.name);
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
    const name = valueLinesUnder(lines, nameLabel, columnX, 2, allLabels).find((p) => parseUpperName(p.text));
    if (name) candidates.push({ key: 'person.fullName', parts: [name], parse: parseUpperName, reread: true });
  }
  const sexLabel = findLabel(lines, labels.sex);
  // A garbled label ("Ngày sim / 0ste of binh"): the date between the name and the sex lines is the birth date.
  const birthLine =
    findLabel(lines, labels.birth) ??
    (nameLabel ? lines.find((l) => l.index > nameLabel.index && (!sexLabel || l.index < sexLabel.index) && findNumericDates(l.line.text).length > 0) : undefined);
  if (birthLine) {
    const part = columnText(birthLine, columnX);
    if (part) candidates.push({ key: 'person.birthDate', parts: [part], parse: parseNumericDate, reread: true });
  }
  const home = labels.hometown && findLabel(lines, labels.hometown);
  if (home) {
    const parts = valueLinesUnder(lines, home, columnX, 1, allLabels);
    if (parts.length > 0) candidates.push({ key: 'person.hometown', parts, parse: parseCardAddress, reread: true });
  }
  const residence = labels.residence && findLabel(lines, labels.residence);
  if (residence) {
    const parts = valueLinesUnder(lines, residence, columnX, 2, allLabels);
    if (parts.length > 0) candidates.push({ key: 'person.permanentAddress', parts, parse: parseCardAddress, reread: true });
  }

  const evidence = (l: FoldedLine): Evidence[] => [{ method: 'ocr', sha256: ocr.source.sha256, page: ocr.source.page, box: l.line.box }];
  const sexLine = sexLabel;
  if (sexLine) {
    const word = textAfterLabel(sexLine, labels.sex).split(/[\s:]+/).find((w) => parseSex(w));
    const sex = word ? parseSex(word) : undefined;
    if (sex) fields['person.sex'] = { value: sex, raw: word, confidence: Math.min(0.95, sexLine.line.confidence), evidence: evidence(sexLine) };
  }
  const natLine = findLabel(lines, labels.nationality);
  if (natLine) {
    const after = cleanValue(textAfterLabel(natLine, labels.nationality));
    const folded = after.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (/viet\s*nam/.test(folded)) fields['person.nationality'] = { value: 'Việt Nam', raw: after, confidence: Math.min(0.95, natLine.line.confidence), evidence: evidence(natLine) };
  }
  // "Có giá trị đến" is small print that OCR garbles: accept any line with a date and a piece of the label.
  const leftDate = (l: FoldedLine) => l.line.words.some((w) => w.box.x + w.box.width < columnX + tolerance && findNumericDates(w.text).length > 0);
  const expLine = labels.expiry
    ? (findLabel(lines, labels.expiry) ??
      lines.find((l) => /gia tri|tri den|expir|expiy/.test(l.folded) && findNumericDates(l.line.text).length > 0) ??
      // Under the photo, left of the value column, the only date is the expiry.
      (nameLabel ? lines.find((l) => l.index > nameLabel.index && leftDate(l)) : undefined))
    : undefined;
  if (expLine) {
    const dated = expLine.line.words.filter((w) => findNumericDates(w.text).length > 0);
    const word = dated.find((w) => w.box.x < columnX) ?? dated[0];
    const part = word ? { text: word.text, box: word.box, confidence: word.confidence } : { text: expLine.line.text, box: expLine.line.box, confidence: expLine.line.confidence };
    candidates.push({ key: 'document.expiryDate', parts: [part], parse: parseNumericDate, reread: true });
  }
  return { candidates, fields };
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
export async function readCccdFront(page: PageImage, ocr: OcrPage, context: ExtractContext, labels: CardFrontLabels = FRONT_LABELS): Promise<FieldSet> {
  const { candidates, fields } = locate(ocr, labels);
  const { sha256, page: pageNo } = ocr.source;
  const rereads = await Promise.all(candidates.map((c) => (c.reread ? rereadBoxes(page, c.parts.map((p) => p.box), context, CCCD_PADDINGS) : [])));
  candidates.forEach((c, i) => {
    const readings = [
      toField(c, c.parts.map((p) => p.text).join(' '), Math.min(...c.parts.map((p) => p.confidence)), sha256, pageNo),
      ...(rereads[i] ?? []).map((r) => toField(c, r.text, r.confidence, sha256, pageNo)),
    ].filter((f): f is ExtractedField => f !== undefined);
    const options = voteOptionsFor(c.key);
    const chosen = voteWords(readings, options) ?? chooseReading(readings, options);
    if (chosen) fields[c.key] = chosen;
  });
  return fields;
}
