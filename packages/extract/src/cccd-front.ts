import type { Box, Evidence, ExtractedField, OcrPage, OcrWord, PageImage } from '@sohoa/core';
import { foldDiacritics, isPersonalId, parseDate, parseSex } from '@sohoa/vn';
import {
  cleanValue,
  columnText,
  findLabel,
  foldLines,
  isDebrisWord,
  textAfterLabel,
  unionBoxes,
  type FoldedLine,
  type LocatedText,
} from './lines';
import { parseCardAddress, parseUpperName } from './field-parsers';
import { findDigitRuns, findNumericDates } from './ocr-fixes';
import { chooseReading, needsReread, rereadBoxes, voteOptionsFor, voteWords } from './reading-vote';
import type { ExtractContext, FieldSet } from './types';

// Three margins for the card's bold values: each slips on a different tone mark, and a word-by-word vote fixes it.
const CCCD_PADDINGS = [
  [0.5, 0.35],
  [0.3, 0.3],
  [1, 0.5],
] as const;

/**
 * Folded labels of a card side whose values sit in a column (right of the photo on a front), each
 * value after its label or on the lines below it.
 */
export interface CardFrontLabels {
  name?: string[];
  birth?: string[];
  sex?: string[];
  nationality?: string[];
  hometown?: string[];
  residence?: string[];
  /** Printed under the photo, left of the value column. */
  expiry?: string[];
  /** Further places and addresses (or other text, with its own parser): key, labels, and how many lines the value may take. */
  places?: ReadonlyArray<{
    key: string;
    labels: string[];
    lines: number;
    parse?: (text: string) => string | undefined;
  }>;
  /** Further dates in digits: key and labels. */
  dates?: ReadonlyArray<{ key: string; labels: string[] }>;
  /** Labels that end a value without being read (a title or an issuer printed below it). */
  stops?: string[];
  /** The side prints the 12-digit personal ID (a front). @default true */
  idNumber?: boolean;
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
  return findNumericDates(text)
    .map((d) => parseDate(d)?.iso)
    .find(Boolean);
}

/** Folds a text for label matching: lower case, no diacritics, `đ` → `d`. */
const fold = (text: string): string => foldDiacritics(text.normalize('NFC'));

/** True when a folded line holds one of the labels (spaces ignored, as OCR drops them in small print). */
function holdsLabel(folded: string, labels: readonly string[]): boolean {
  const squeezed = folded.replace(/\s+/g, '');
  return labels.some((s) => folded.includes(s) || (s.includes(' ') && squeezed.includes(s.replace(/\s+/g, ''))));
}

/**
 * The words of a line after its label (the English half of a bilingual label and the colon
 * included), as located text; undefined when nothing but the label is on the line.
 */
export function wordsAfterLabel(line: FoldedLine, labels: readonly string[]): LocatedText | undefined {
  // "Quê quán / Place of orgin:": an English half the label list misses still ends at its colon.
  const text = textAfterLabel(line, [...labels]).replace(/^[A-Za-z][A-Za-z .,]{2,32}:\s*/, '');
  const squeezed = text.replace(/[^\p{L}\p{N}]/gu, '');
  if (!/[\p{L}\p{N}]/u.test(text)) return undefined;
  const words = line.line.words;
  if (words.length === 0) return { text, box: line.line.box, confidence: line.line.confidence };
  // The trailing words that spell the text after the label.
  let kept: typeof words = [];
  let length = 0;
  for (let i = words.length - 1; i >= 0 && length < squeezed.length; i--) {
    kept.unshift(words[i]!);
    length += words[i]!.text.replace(/[^\p{L}\p{N}]/gu, '').length;
  }
  // Far right after a wide gap (a QR code, a chip or a photo read as text), or faint specks: not the value.
  const height = line.line.box.height;
  const gap = kept.findIndex((w, i) => i > 0 && w.box.x - (kept[i - 1]!.box.x + kept[i - 1]!.box.width) > height * 3);
  if (gap > 0) kept = kept.slice(0, gap);
  const labelEnd = words[words.length - kept.length - 1];
  if (labelEnd && kept[0] && kept[0].box.x - (labelEnd.box.x + labelEnd.box.width) > height * 3) return undefined;
  const spelled = kept.length;
  kept = kept.filter((w) => !isDebrisWord(w));
  if (kept.length === 0) return undefined;
  const keptText = kept.map((w) => w.text).join(' ');
  if (gap > 0 || kept.length < spelled)
    return {
      text: keptText
        .replace(/^[\s:.;,/|-]+/, '')
        .replace(/^[A-Za-z][A-Za-z .,]{2,32}:\s*/, '')
        .trim(),
      box: unionBoxes(kept.map((w) => w.box)),
      confidence: kept.reduce((sum, w) => sum + w.confidence, 0) / kept.length,
    };
  return {
    text,
    box: unionBoxes(kept.map((w) => w.box)),
    confidence: kept.reduce((sum, w) => sum + w.confidence, 0) / kept.length,
  };
}

/** Folds character by character, so that an offset in the folded text is one in the NFC text. */
const foldChars = (text: string): string[] => [...text.normalize('NFC')].map((c) => fold(c).charAt(0) || c);

/**
 * The part of a located text before the first of `labels` (a neighbouring field's label on the same
 * line), with `stop` telling whether one was found; words keep their boxes.
 */
function beforeLabels(
  part: LocatedText,
  labels: readonly string[],
  words: readonly OcrWord[],
): { part?: LocatedText; stop: boolean } {
  const folded = foldChars(part.text).join('');
  let at = -1;
  for (const label of labels) {
    const i = folded.indexOf(label);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) return { part, stop: false };
  const text = cleanValue(
    [...part.text.normalize('NFC')]
      .slice(0, at)
      .join('')
      .replace(/[\s/:|-]+$/, ''),
  );
  if (!/[\p{L}\p{N}]/u.test(text)) return { stop: true };
  const inPart = words.filter(
    (w) => w.box.x >= part.box.x - 1 && w.box.x + w.box.width <= part.box.x + part.box.width + 1,
  );
  const squeezed = text.replace(/[^\p{L}\p{N}]/gu, '').length;
  const kept: OcrWord[] = [];
  let length = 0;
  for (const w of inPart) {
    if (length >= squeezed) break;
    kept.push(w);
    length += w.text.replace(/[^\p{L}\p{N}]/gu, '').length;
  }
  const box = kept.length > 0 ? unionBoxes(kept.map((w) => w.box)) : part.box;
  return { part: { text, box, confidence: part.confidence }, stop: true };
}

/**
 * The English half of a label misread so that no label matches (`Plaee of residence: Ấp …`): ASCII
 * words up to a colon at the start of a value line are a label, not the value.
 */
function stripLabelHead(part: LocatedText): LocatedText {
  const m = /^[A-Za-z][A-Za-z .,]{2,32}:\s*/.exec(part.text);
  if (!m || !/[\p{L}\p{N}]/u.test(part.text.slice(m[0].length))) return part;
  const share = m[0].length / part.text.length;
  return {
    text: part.text.slice(m[0].length),
    box: { ...part.box, x: part.box.x + part.box.width * share, width: part.box.width * (1 - share) },
    confidence: part.confidence,
  };
}

/**
 * A field's value wherever the card prints it: after its label on the same line, then on the lines
 * below in the label's column (a wrapped value, or a label standing alone), up to `max` lines and
 * stopping at the next label of another field. A line holding the field's own label again (the
 * English half of a label broken over two lines) gives only what follows that label.
 */
function valueParts(
  lines: FoldedLine[],
  label: FoldedLine,
  own: readonly string[],
  others: readonly string[],
  minX: number,
  max: number,
): LocatedText[] {
  const out: LocatedText[] = [];
  const same = wordsAfterLabel(label, own);
  if (same) {
    const cut = beforeLabels(same, others, label.line.words);
    if (cut.part) out.push(cut.part);
    if (cut.stop) return out;
  }
  let bottom = label.line.box.y + label.line.box.height;
  const height = label.line.box.height;
  // Value lines start at or right of the label's left edge (the photo, fingerprints or card edge lie left of it).
  const column = Math.max(minX, label.line.box.x - height);
  for (let i = label.index + 1; i < lines.length && out.length < max; i++) {
    const line = lines[i]!;
    // Far below the last value line: another block of the card.
    if (line.line.box.y - bottom > height * 2.5) break;
    const part = columnText(line, column);
    if (!part) continue;
    // Text starting right of where the label's line ends is another column's (an expiry under a photo on the right), not a value under the label.
    if (part.box.x > label.line.box.x + label.line.box.width + height) continue;
    if (holdsLabel(fold(part.text), own)) {
      const after = wordsAfterLabel(line, own);
      if (after) out.push(after);
      bottom = line.line.box.y + line.line.box.height;
      continue;
    }
    const cut = beforeLabels(stripLabelHead(part), others, line.line.words);
    if (!cut.part) break;
    if (!/[\p{L}\p{N}]{2}/u.test(cut.part.text) && !cut.stop) continue;
    // Background pattern read as text: very low confidence or much shorter than a text line.
    if (!cut.stop && (part.confidence < 0.3 || part.box.height < height * 0.5)) continue;
    out.push(cut.part);
    if (cut.stop) break;
    bottom = line.line.box.y + line.line.box.height;
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
  const allLabels = [
    ...[
      labels.name,
      labels.birth,
      labels.sex,
      labels.nationality,
      labels.hometown,
      labels.residence,
      labels.expiry,
      labels.stops,
    ].flatMap((l) => l ?? []),
    ...(labels.places ?? []).flatMap((p) => p.labels),
    ...(labels.dates ?? []).flatMap((d) => d.labels),
  ];
  const candidates: Candidate[] = [];
  const fields: FieldSet = {};
  const tolerance = ocr.width * 0.03;
  const nameLabel = labels.name && findLabel(lines, labels.name);
  // The labels of the right-hand column start where "Họ và tên" starts; the photo and expiry sit left of it.
  const columnX = (nameLabel?.line.box.x ?? 0) - tolerance;

  // The card number: a 12-digit run, or on the "Số / No." line a digit-like token that a re-read may repair.
  const digitish = (t: string) => t.replace(/[^0-9OoIlSB]/g, '').length >= 10;
  const idLine =
    lines.find((l) => parseId(l.line.text)) ??
    lines.find(
      (l) => /\b(so|no)\b/.test(l.folded.replace(/[^a-z0-9 ]/g, ' ')) && l.line.text.split(/[\s:/]+/).some(digitish),
    );
  if (idLine && labels.idNumber !== false) {
    const part = columnText(idLine, columnX) ?? {
      text: idLine.line.text,
      box: idLine.line.box,
      confidence: idLine.line.confidence,
    };
    const word =
      idLine.line.words.find((w) => parseId(w.text)) ??
      idLine.line.words.find((w) => w.text.split(/[:/]+/).some(digitish));
    candidates.push({
      key: 'person.idNumber',
      parts: [word ? { text: word.text, box: numberPartBox(word.text, word.box), confidence: word.confidence } : part],
      parse: parseId,
      reread: true,
    });
  }
  const othersOf = (own: readonly string[]) => allLabels.filter((l) => !own.includes(l));
  if (nameLabel && labels.name) {
    const parts = valueParts(lines, nameLabel, labels.name, othersOf(labels.name), columnX, 3);
    const at = parts.findIndex((p) => parseUpperName(p.text));
    const name = parts[at];
    if (name) {
      // A long name wraps: one or two words in capitals close under its first line, no label between.
      const next = parts[at + 1];
      const wrapped =
        next !== undefined &&
        next.box.y - (name.box.y + name.box.height) < name.box.height * 0.8 &&
        /^[\p{Lu}\s]+$/u.test(next.text.trim()) &&
        next.text.trim().split(/\s+/).length <= 2 &&
        parseUpperName(`${name.text} ${next.text}`) !== undefined;
      candidates.push({
        key: 'person.fullName',
        parts: wrapped ? [name, next] : [name],
        parse: parseUpperName,
        reread: true,
      });
    }
  }
  const sexLabel = labels.sex && findLabel(lines, labels.sex);
  // A garbled label ("Ngày sim / 0ste of binh"): the date between the name and the sex lines is the birth date.
  const birthLine = !labels.birth
    ? undefined
    : (findLabel(lines, labels.birth) ??
      (nameLabel
        ? lines.find(
            (l) =>
              l.index > nameLabel.index &&
              (!sexLabel || l.index < sexLabel.index) &&
              findNumericDates(l.line.text).length > 0,
          )
        : undefined));
  if (birthLine && labels.birth) {
    // The date after the label, or on the line below a label standing alone.
    const part = [
      columnText(birthLine, columnX),
      ...valueParts(lines, birthLine, labels.birth, othersOf(labels.birth), columnX, 2),
    ].find((p) => p && parseNumericDate(p.text));
    if (part) candidates.push({ key: 'person.birthDate', parts: [part], parse: parseNumericDate, reread: true });
  }
  const places: NonNullable<CardFrontLabels['places']> = [
    ...(labels.hometown ? [{ key: 'person.hometown', labels: labels.hometown, lines: 2 }] : []),
    ...(labels.residence ? [{ key: 'person.permanentAddress', labels: labels.residence, lines: 3 }] : []),
    ...(labels.places ?? []),
  ];
  for (const place of places) {
    const label = findLabel(lines, place.labels);
    if (!label) continue;
    const parts = valueParts(lines, label, place.labels, othersOf(place.labels), columnX, place.lines);
    if (parts.length > 0)
      candidates.push({ key: place.key, parts, parse: place.parse ?? parseCardAddress, reread: true });
  }
  for (const date of labels.dates ?? []) {
    const label = findLabel(lines, date.labels);
    const part =
      label &&
      valueParts(lines, label, date.labels, othersOf(date.labels), columnX, 2).find((p) => parseNumericDate(p.text));
    if (part) candidates.push({ key: date.key, parts: [part], parse: parseNumericDate, reread: true });
  }

  const evidence = (l: LocatedText): Evidence[] => [
    { method: 'ocr', sha256: ocr.source.sha256, page: ocr.source.page, box: l.box },
  ];
  // Sex and nationality: after the label, or on the line below when the label stands alone.
  const short = (
    own: readonly string[] | undefined,
    read: (text: string) => { value: string; raw: string } | undefined,
  ): { value: string; raw: string; part: LocatedText } | undefined => {
    const label = own && findLabel(lines, [...own]);
    if (!label || !own) return undefined;
    for (const part of valueParts(lines, label, own, othersOf(own), columnX, 2)) {
      const found = read(part.text);
      if (found) return { ...found, part };
    }
    return undefined;
  };
  const sex = short(labels.sex, (text) => {
    const word = text.split(/[\s:/]+/).find((w) => parseSex(w));
    return word ? { value: parseSex(word)!, raw: word } : undefined;
  });
  if (sex)
    fields['person.sex'] = {
      value: sex.value,
      raw: sex.raw,
      confidence: Math.min(0.95, sex.part.confidence),
      evidence: evidence(sex.part),
    };
  const nationality = short(labels.nationality, (text) => {
    const after = cleanValue(text);
    return /viet\s*nam/.test(fold(after)) ? { value: 'Việt Nam', raw: after } : undefined;
  });
  if (nationality)
    fields['person.nationality'] = {
      value: nationality.value,
      raw: nationality.raw,
      confidence: Math.min(0.95, nationality.part.confidence),
      evidence: evidence(nationality.part),
    };
  // "Có giá trị đến" is small print that OCR garbles: accept any line with a date and a piece of the label.
  const leftDate = (l: FoldedLine) =>
    l.line.words.some((w) => w.box.x + w.box.width < columnX + tolerance && findNumericDates(w.text).length > 0);
  const expLine = labels.expiry
    ? (findLabel(lines, labels.expiry) ??
      lines.find((l) => /gia tri|tri den|expir|expiy/.test(l.folded) && findNumericDates(l.line.text).length > 0) ??
      // Under the photo, left of the value column, the only date is the expiry.
      (nameLabel ? lines.find((l) => l.index > nameLabel.index && leftDate(l)) : undefined))
    : undefined;
  if (expLine) {
    const hasDate = (w: OcrWord) => findNumericDates(w.text).length > 0;
    // A label standing alone: the date is on one of the next lines, under the label.
    const under = (l: FoldedLine) => {
      const { x, width } = expLine.line.box;
      return l.line.words.some((w) => hasDate(w) && w.box.x < x + width && w.box.x + w.box.width > x);
    };
    const dateLine =
      expLine.line.words.some(hasDate) || expLine.line.words.length === 0
        ? expLine
        : (lines.slice(expLine.index + 1, expLine.index + 4).find(under) ?? expLine);
    const dated = dateLine.line.words.filter(hasDate);
    const word = dated.find((w) => w.box.x < columnX) ?? dated[0];
    const part = word
      ? { text: word.text, box: word.box, confidence: word.confidence }
      : { text: dateLine.line.text, box: dateLine.line.box, confidence: dateLine.line.confidence };
    candidates.push({ key: 'document.expiryDate', parts: [part], parse: parseNumericDate, reread: true });
  }
  return { candidates, fields };
}

function toField(
  c: Candidate,
  text: string,
  confidence: number,
  sha256: string,
  page: number,
): ExtractedField | undefined {
  const value = c.parse(text);
  if (!value) return undefined;
  const evidence: Evidence[] = c.parts.map((p) => ({ method: 'ocr', sha256, page, box: p.box }));
  return { value, raw: text, confidence: Math.min(0.97, confidence), evidence };
}

/**
 * Reads the front of a CCCD card: labels anchor the values; only words in the value column count.
 * With a recogniser, each uncertain value (and every name or place) is read again on its own (single-line OCR of
 * a padded box, see `needsReread`), which fixes most diacritic slips; a re-read that agrees with the
 * first reading raises the confidence.
 */
export async function readCccdFront(
  page: PageImage,
  ocr: OcrPage,
  context: ExtractContext,
  labels: CardFrontLabels = FRONT_LABELS,
): Promise<FieldSet> {
  const { candidates, fields } = locate(ocr, labels);
  const { sha256, page: pageNo } = ocr.source;
  const firstReading = (c: Candidate) =>
    toField(c, c.parts.map((p) => p.text).join(' '), Math.min(...c.parts.map((p) => p.confidence)), sha256, pageNo);
  const rereads = await Promise.all(
    candidates.map((c) =>
      c.reread && needsReread(c.key, firstReading(c), context)
        ? rereadBoxes(
            page,
            c.parts.map((p) => p.box),
            context,
            CCCD_PADDINGS,
          )
        : [],
    ),
  );
  candidates.forEach((c, i) => {
    const readings = [
      firstReading(c),
      ...(rereads[i] ?? []).map((r) => toField(c, r.text, r.confidence, sha256, pageNo)),
    ].filter((f): f is ExtractedField => f !== undefined);
    const options = voteOptionsFor(c.key);
    const chosen = voteWords(readings, options) ?? chooseReading(readings, options);
    if (chosen) fields[c.key] = chosen;
  });
  return fields;
}
