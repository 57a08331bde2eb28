import type { Diagnostic, DocumentRecord, ExtractedField, RelationRecord, SubjectRef } from '@sohoa/core';
import { checkPersonalIdAgainst, dateToVietnameseWords, editDistance, parseVietnameseWordsDate } from '@sohoa/vn';
import { parseMixedName, parseRegisterNumber, provinceCodeOf } from './field-parsers';
import { parsePlaceDate } from './internal/official-fields';
import { foldLines } from './lines';
import type { FieldSet, PageReading } from './types';
import { lineField } from './line-field';

/** Shared steps of civil-status documents (birth, marriage): relations, signer, cross-checks. */

/** Fraction of `markers` found in the page's folded text. */
export function markerScore(reading: PageReading, markers: readonly string[]): number {
  if (!reading.ocr) return 0;
  const text = foldLines(reading.ocr.lines)
    .map((l) => l.folded)
    .join('\n');
  return markers.filter((m) => text.includes(m)).length / markers.length;
}

/** Squeezed text: folded letters and digits only (spaces, marks and punctuation dropped). */
const squeeze = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Whether `line` (squeezed) holds `title` (squeezed) with at most one OCR slip per 6 letters (two at
 * most): `GlẤY KHAl SINH` and `GIẤY KHAI SlNH` are the title, `KHAI SINH` inside a label is not.
 */
export function holdsTitle(line: string, title: string): boolean {
  if (line.includes(title)) return true;
  const slips = Math.min(2, Math.floor(title.length / 6));
  // Slips only on a line that is the title and little else (`Nơi đăng ký khai sinh` is two slips from `giấy khai sinh`).
  if (slips === 0 || line.length < title.length - slips || line.length > title.length + 8) return false;
  for (let at = 0; at + title.length - slips <= line.length; at++) {
    for (let len = title.length - slips; len <= title.length + slips && at + len <= line.length; len++) {
      if (editDistance(line.slice(at, at + len), title, slips) <= slips) return true;
    }
  }
  return false;
}

/** What identifies a civil-status certificate whatever its layout: its titles, its topic words and the labels only it prints. */
export interface CivilClassSpec {
  /** Titles in folded form (`giay khai sinh`), across template generations. */
  titles: readonly string[];
  /** Labels the type prints (folded); two or more beside a title confirm it. */
  labels: readonly string[];
  /** Words of the type's topic printed inside its labels (`khai sinh` in `Nơi đăng ký khai sinh`). */
  topic: readonly string[];
  /** Words of other document kinds (`kinh doanh`, `sử dụng đất`): a page printing one gets no label vote. */
  excludes?: readonly string[];
  /** Titles of the other civil types: a page titled so is not this type. */
  foreign?: readonly string[];
  /** The old marker list (see {@link markerScore}). */
  markers: readonly string[];
}

/** Title lines of identity cards: a page showing one is a card, whatever civil labels it prints. */
const CARD_TITLES = ['can cuoc cong dan', 'can cuoc', 'chung minh nhan dan', 'citizen identity card', 'identity card'];

/**
 * How sure a page is of a civil type, whatever its layout: a title line (the title and little else,
 * a slip or two allowed) with two of its labels is certain; without a readable title, the topic word
 * printed in a label and four or more of its labels vote for it (a letter or an ID card does not
 * print `khai sinh` beside `Nơi sinh`, `Dân tộc`, `Họ tên mẹ`); otherwise the {@link markerScore}.
 */
export function civilScore(reading: PageReading, spec: CivilClassSpec): number {
  if (!reading.ocr) return 0;
  const lines = foldLines(reading.ocr.lines);
  const short = (l: string, t: string) => l.length <= t.length + 30;
  // A title set on two lines (`GIẤY CHỨNG NHẬN` / `KẾT HÔN`, `TRÍCH LỤC` / `KHAI SINH`) is read as one: each
  // short line is also tried joined with the short line below it.
  const titleLines = lines.map((l) => squeeze(l.folded));
  for (let i = 0; i + 1 < lines.length; i++) {
    const [a, b] = [titleLines[i]!, squeeze(lines[i + 1]!.folded)];
    if (a.length <= 16 && b.length <= 16) titleLines.push(a + b);
  }
  const titledBy = (titles: readonly string[]) =>
    titleLines.some((sq) => titles.some((t) => short(sq, squeeze(t)) && holdsTitle(sq, squeeze(t))));
  const text = squeeze(lines.map((l) => l.folded).join(' '));
  const found = spec.labels.filter((m) => text.includes(squeeze(m))).length;
  const base = markerScore(reading, spec.markers);
  if (titledBy(spec.titles) && found >= 2) return Math.max(base, Math.min(1, 0.6 + 0.1 * found));
  if (spec.foreign && titledBy(spec.foreign)) return Math.min(base, 0.2);
  const topic = spec.topic.some((t) => text.includes(squeeze(t)));
  const card = lines.some((l) => {
    const sq = squeeze(l.folded);
    return !/\d/.test(sq) && CARD_TITLES.some((t) => sq.startsWith(squeeze(t)) && sq.length <= squeeze(t).length + 25);
  });
  const other = (spec.excludes ?? []).some((t) => text.includes(squeeze(t)));
  if (topic && !card && !other && found >= 4) return Math.max(base, Math.min(0.7, 0.35 + 0.05 * found));
  return base;
}

/**
 * The register number printed without the colon the reader needs for so short a label: `Số 306` on
 * the line of `Quyển số`, on a line above the title, or alone on its line. An address line
 * (`Số 11/30 đường …`) is none of these.
 */
export function readBareRegisterNumber(reading: PageReading, titles: readonly string[]): ExtractedField | undefined {
  if (!reading.ocr) return undefined;
  const lines = foldLines(reading.ocr.lines);
  const titleAt = lines.findIndex((l) => titles.some((t) => holdsTitle(squeeze(l.folded), squeeze(t))));
  for (const l of lines) {
    const m = /^(\s*so\s*[.:]?\s*)(\S+)/.exec(l.folded);
    // The number alone on its line (`Số 45`, `Số 45/KH`) is the register's wherever it stands.
    const alone = m !== null && l.folded.slice(m[0].length).trim() === '';
    if (!m || !(alone || /quyen\s*so/.test(l.folded) || (titleAt >= 0 && l.index < titleAt))) continue;
    const value = parseRegisterNumber(l.line.text.slice(m[1]!.length, m[1]!.length + m[2]!.length));
    if (!value) continue;
    return lineField(reading.ocr.source, l.line, value, 0.95);
  }
  return undefined;
}

/** Below the 0.9 fill threshold of dates: the signing date of an original is its registration date, but which copy this is was not read. */
const SIGNING_DATE_CAP = 0.85;

/**
 * The registration date when no label names it: the `<place>, ngày … tháng … năm …` line over the
 * signature of an original (digits or words). A copy or an extract (`trích lục`, `bản sao`) is signed
 * on the day it is copied, so it gives nothing; an original's is kept below the fill threshold.
 */
export function readSigningDate(reading: PageReading): ExtractedField | undefined {
  if (!reading.ocr) return undefined;
  const lines = foldLines(reading.ocr.lines);
  if (lines.some((l) => /trich\s*luc|ban\s*sao|sao\s*tu\s*so/.test(l.folded))) return undefined;
  for (const l of lines) {
    const m = /\p{L}{2}[^,]*,\s*(ngay\b.*)$/u.exec(l.folded);
    if (!m) continue;
    const rest = l.line.text.slice(l.folded.length - m[1]!.length);
    const date = parsePlaceDate(l.line.text)?.date ?? parseVietnameseWordsDate(rest);
    if (!date) continue;
    return lineField(reading.ocr.source, l.line, date, SIGNING_DATE_CAP);
  }
  return undefined;
}

/** Splits `role:key` fields into the subject's fields and one relation per role (roles in `order`). */
export function splitRelations(
  fields: FieldSet,
  order: readonly string[],
): { own: FieldSet; relations: RelationRecord[] } {
  const own: FieldSet = {};
  const byRole = new Map<string, Record<string, ExtractedField>>();
  for (const [key, field] of Object.entries(fields)) {
    const at = key.indexOf(':');
    if (at < 0) own[key] = field;
    else byRole.set(key.slice(0, at), { ...(byRole.get(key.slice(0, at)) ?? {}), [key.slice(at + 1)]: field });
  }
  const relations: RelationRecord[] = [];
  for (const role of order) {
    const rf = byRole.get(role);
    if (!rf?.['person.fullName']) continue;
    const id = rf['person.idNumber']?.value;
    relations.push({
      role,
      ...(typeof id === 'string' ? { subject: { kind: 'person' as const, id } } : {}),
      fields: rf,
    });
  }
  return { own, relations };
}

/** The signer: the first name-like line under the signature block title, right half of the page. Never re-read or cross-checked, so kept below the fill threshold (0.65) for review. */
export function readSigner(reading: PageReading, titleMarkers: readonly string[]): ExtractedField | undefined {
  if (!reading.ocr) return undefined;
  const lines = foldLines(reading.ocr.lines);
  const title = lines.find((l) => titleMarkers.some((m) => l.folded.includes(m)));
  if (!title) return undefined;
  const half = reading.ocr.width / 2;
  for (const l of lines.slice(title.index + 1, title.index + 6)) {
    if (l.line.box.x + l.line.box.width / 2 < half || l.folded.startsWith('(')) continue;
    const name = parseMixedName(l.line.text);
    if (name) {
      return lineField(reading.ocr.source, l.line, name, 0.65);
    }
  }
  return undefined;
}

function lower(field: ExtractedField | undefined, factor: number): void {
  if (field) field.confidence *= factor;
}

/** Checks a person's ID digits against birth date and sex; a mismatch halves the ID's confidence. */
export function checkPersonId(fields: Record<string, ExtractedField>, key: string): Diagnostic[] {
  const id = fields['person.idNumber'];
  if (!id || typeof id.value !== 'string') return [];
  const birth = fields['person.birthDate']?.value;
  const sex = fields['person.sex']?.value;
  const problems = checkPersonalIdAgainst(id.value, {
    birthDate: typeof birth === 'string' ? birth : undefined,
    sex: sex === 'male' || sex === 'female' ? sex : undefined,
  });
  if (problems.length === 0) return [];
  lower(id, 0.5);
  return problems.map((p) => ({ ...p, origin: 'extract', key }));
}

/**
 * A value printed twice (in digits and in words) must agree: agreement raises both readings and pools
 * their evidence, disagreement lowers both below the fill threshold (which one slipped is not known).
 * `same` compares the two stored values.
 */
export function checkAgreement(
  fields: FieldSet,
  digitsKey: string,
  wordsKey: string,
  same: (digits: string, words: string) => boolean,
  what: string,
): Diagnostic[] {
  const digits = fields[digitsKey];
  const words = fields[wordsKey];
  if (!digits || !words) return [];
  if (same(String(digits.value), String(words.value))) {
    const conf = Math.min(0.99, 1 - (1 - digits.confidence) * (1 - words.confidence));
    digits.confidence = conf;
    words.confidence = conf;
    digits.evidence = [...digits.evidence, ...words.evidence];
    return [];
  }
  lower(digits, 0.6);
  lower(words, 0.6);
  return [
    {
      code: 'EXTRACT_SOURCES_DISAGREE',
      severity: 'warning',
      origin: 'extract',
      key: digitsKey,
      message: `The ${what} in digits and the ${what} in words disagree; both need review.`,
    },
  ];
}

/** The birth date in digits and in words must agree (see {@link checkAgreement}). */
export function checkDateWords(fields: FieldSet): Diagnostic[] {
  return checkAgreement(fields, 'person.birthDate', 'person.birthDate.words', (a, b) => a === b, 'birth date');
}

/** Stores the words date in its canonical spelling (the parser gives an ISO date). */
export function canonicalWords(fields: FieldSet): void {
  const words = fields['person.birthDate.words'];
  if (words && typeof words.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(words.value)) {
    fields['person.birthDate.words'] = { ...words, value: dateToVietnameseWords(words.value) };
  }
}

/** A registration date before the event it registers (birth, a spouse's birth) is impossible. */
export function checkOrder(fields: FieldSet, earlierKey: string, laterKey: string): Diagnostic[] {
  const a = fields[earlierKey]?.value;
  const b = fields[laterKey]?.value;
  if (typeof a !== 'string' || typeof b !== 'string' || a <= b) return [];
  lower(fields[earlierKey], 0.5);
  lower(fields[laterKey], 0.5);
  return [
    {
      code: 'EXTRACT_DATES_INCONSISTENT',
      severity: 'warning',
      origin: 'extract',
      key: laterKey,
      message: `\`${laterKey}\` is earlier than \`${earlierKey}\`; one of them was misread and needs review.`,
    },
  ];
}

/** The personal ID's first digits name the province of birth registration: it should be the issuer's. */
export function checkIdProvince(fields: FieldSet): Diagnostic[] {
  const id = fields['person.idNumber']?.value;
  const issuer = fields['document.issuer']?.value;
  if (typeof id !== 'string' || typeof issuer !== 'string') return [];
  const code = provinceCodeOf(issuer);
  if (!code || code === id.slice(0, 3)) return [];
  lower(fields['person.idNumber'], 0.8);
  return [
    {
      code: 'EXTRACT_ID_PROVINCE_MISMATCH',
      severity: 'info',
      origin: 'extract',
      key: 'person.idNumber',
      message:
        'The province digits of the personal ID do not match the province of the registering authority; possible for a re-registration, otherwise a misread.',
    },
  ];
}

/** Copies a field under another key, marked as computed from it. */
export function copyField(fields: FieldSet, from: string, to: string): void {
  const f = fields[from];
  if (f) fields[to] = { ...f, evidence: [...f.evidence] };
}

/**
 * The common record frame of a form-like document. The subject is the person of `person.idNumber`
 * unless one is given (an organisation for business certificates), or none when neither is known.
 */
export function civilRecord(
  type: string,
  readings: PageReading[],
  fields: FieldSet,
  relations: RelationRecord[],
  diagnostics: Diagnostic[],
  subject?: SubjectRef | null,
): Omit<DocumentRecord, 'status'> {
  const id = fields['person.idNumber']?.value;
  const str = (k: string) => (typeof fields[k]?.value === 'string' ? (fields[k]!.value as string) : undefined);
  const who =
    subject !== undefined
      ? (subject ?? undefined)
      : typeof id === 'string'
        ? { kind: 'person' as const, id }
        : undefined;
  return {
    type,
    part: 'full',
    ...(who ? { subject: who } : {}),
    ...(str('document.number') ? { number: str('document.number') } : {}),
    ...(str('document.issuer') ? { issuer: str('document.issuer') } : {}),
    ...(str('document.issueDate') ? { issued: str('document.issueDate') } : {}),
    fields,
    ...(relations.length > 0 ? { relations } : {}),
    sources: readings.map((r) => r.page.source),
    diagnostics,
  };
}
