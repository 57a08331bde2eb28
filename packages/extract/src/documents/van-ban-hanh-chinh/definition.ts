import type { Box, Diagnostic, ExtractedField, OcrLine } from '@sohoa/core';
import { foldDiacritics, normalizeText } from '@sohoa/vn';
import { parseMixedName } from '../../field-parsers';
import { readingOrder } from '../../header-columns';
import {
  isSignerTitle,
  parseIssuingBody,
  parseKindTitle,
  parseNumberSymbol,
  parsePlaceDate,
} from '../../internal/official-fields';
import { snapOrganisationWords } from '../../internal/official-words';
import { columnText, foldLines, unionBoxes } from '../../lines';
import type { FieldSet, PageReading } from '../../types';
import { defineDocumentType } from '../define';

export const OFFICIAL_DOCUMENT_TYPE = 'van-ban-hanh-chinh';

const foldText = (text: string): string => foldDiacritics(text.normalize('NFC')).toLowerCase();
const NUMBER_LABEL = /(?:^|[^a-z])so\s*[:.;]?\s*(?=[0-9oil.…]*\s*[/-])/;
const MOTTO = ['cong hoa xa hoi chu nghia viet nam', 'doc lap - tu do - hanh phuc', 'dang cong san viet nam'];

function field(reading: PageReading, value: string, raw: string, lines: OcrLine[], cap = 0.95): ExtractedField {
  const confidence = Math.min(cap, lines.reduce((s, l) => s + l.confidence, 0) / Math.max(1, lines.length));
  const boxes: Box[] = lines.map((l) => l.box);
  return {
    value,
    raw,
    confidence,
    evidence: [
      {
        method: 'ocr',
        sha256: reading.page.source.sha256,
        page: reading.page.source.page,
        ...(boxes.length > 0 ? { box: unionBoxes(boxes) } : {}),
      },
    ],
  };
}

/** The part of a header line before the national motto, when OCR merged the two columns into one line. */
function leftOfMotto(line: OcrLine): OcrLine | undefined {
  const words = [...line.words].sort((a, b) => a.box.x - b.box.x);
  const folded = words.map((w) => foldText(w.text).replace(/[^a-z]/g, ''));
  const at = folded.findIndex(
    (w, i) =>
      (w === 'cong' && folded[i + 1] === 'hoa') ||
      (w === 'doc' && folded[i + 1] === 'lap') ||
      (w === 'dang' && folded[i + 1] === 'cong'),
  );
  const kept = at < 0 ? words : words.slice(0, at);
  if (kept.length === 0) return undefined;
  return {
    text: kept.map((w) => w.text).join(' '),
    confidence: line.confidence,
    box: unionBoxes(kept.map((w) => w.box)),
    words: kept,
  };
}

/** Score of a page as an official letter or decision: national motto, `Số: n/SYMBOL`, place and date, salutation, recipients. */
function score(reading: PageReading): number {
  if (!reading.ocr) return 0;
  const lines = foldLines(reading.ocr.lines);
  const text = lines.map((l) => l.folded.toLowerCase()).join('\n');
  let s = 0;
  if (/cong hoa xa hoi chu nghia|doc lap\s*-?\s*tu do|dang cong san viet nam/.test(text)) s += 0.25;
  if (findNumber(reading.ocr.lines)) s += 0.35;
  if (lines.some((l) => parsePlaceDate(l.line.text) !== undefined && /,\s*ngay/.test(l.folded.toLowerCase()))) s += 0.2;
  if (/kinh gui|noi nhan|v\/v|can cu /.test(text)) s += 0.15;
  if (reading.ocr.lines.slice(0, 25).some((l) => parseKindTitle(l.text) !== undefined)) s += 0.2;
  if (readOfficialSigner(reading).position) s += 0.15;
  if (/giay khai sinh|chung nhan ket hon|can cuoc|chung minh nhan dan/.test(text)) s -= 0.4;
  return s;
}

const LABEL_LINE = /^[^a-z0-9]{0,4}(?:\S{1,2}\s+)?so\s*[:.;]/;

/**
 * The number line (`Số: …`) and what it holds. A line that opens with the label but whose number
 * cannot be read (handwritten digits) still yields its symbol, with the number left out.
 */
function findNumber(
  lines: OcrLine[],
):
  | { line: OcrLine; index: number; parsed: NonNullable<ReturnType<typeof parseNumberSymbol>>; raw: string }
  | undefined {
  for (const [index, line] of lines.entries()) {
    const nfc = line.text.normalize('NFC');
    const folded = [...nfc]
      .map((c) => foldDiacritics(c).charAt(0) || c)
      .join('')
      .toLowerCase();
    const at = folded.search(NUMBER_LABEL);
    const labelled = LABEL_LINE.exec(folded);
    if (at < 0 && !labelled) continue;
    const from = at >= 0 ? at : labelled!.index;
    const raw = [...nfc]
      .slice(from)
      .join('')
      .replace(/^[^\p{L}]*\p{L}\p{L}?\s*[:.;]?/u, '')
      .trim();
    const parsed = parseNumberSymbol(raw);
    if (parsed) return { line, index, parsed, raw };
    // Handwritten digits read as debris: keep the printed symbol after the slash.
    const symbol = labelled ? /^[^/\s]{0,8}\s*(\/.*)$/u.exec(raw) : null;
    const bare = symbol ? parseNumberSymbol(symbol[1]!) : undefined;
    if (bare) return { line, index, parsed: bare, raw };
  }
  return undefined;
}

/** True when a line opens with the number label, whether or not its number could be read. */
function isNumberLine(line: OcrLine): boolean {
  const folded = foldText(line.text);
  return LABEL_LINE.test(folded) || NUMBER_LABEL.test(folded);
}

/** The signer: the name under the last signature block title in the right half of the last page. */
function readOfficialSigner(reading: PageReading): { name?: ExtractedField; position?: ExtractedField } {
  if (!reading.ocr) return {};
  const { width, height } = reading.ocr;
  const lines = foldLines(reading.ocr.lines);
  const rightHalf = (l: (typeof lines)[number]) => columnText(l, width * 0.45);
  let title = -1;
  lines.forEach((l, i) => {
    const right = rightHalf(l);
    if (right && l.line.box.y > height * 0.2 && isSignerTitle(right.text)) title = i;
  });
  if (title < 0) return {};
  const titles: OcrLine[] = [];
  for (let i = title; i >= 0 && titles.length < 3; i--) {
    const right = rightHalf(lines[i]!);
    if (!right || !isSignerTitle(right.text)) break;
    titles.unshift({ text: right.text, confidence: right.confidence, box: right.box, words: [] });
  }
  const out: { name?: ExtractedField; position?: ExtractedField } = {};
  const position = snapOrganisationWords(
    normalizeText(titles.map((t) => t.text.replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, '')).join(' / ')),
  );
  if (position) out.position = field(reading, position, titles.map((t) => t.text).join(' / '), titles, 0.65);
  for (const l of lines.slice(title + 1, title + 9)) {
    const right = rightHalf(l);
    if (!right || /^\(/.test(right.text.trim())) continue;
    // A police or army signer prints the rank before the name: `Trung tá Ngô Văn Công`.
    const name = parseMixedName(
      right.text.normalize('NFC').replace(/^.*?\b(?:Thiếu|Trung|Thượng|Đại)\s+(?:tá|úy|uý|tướng)\s+/u, ''),
    );
    if (name?.split(' ').every((w) => [...w].length >= 2)) {
      // Never cross-checked, so kept below the fill threshold for review.
      out.name = field(
        reading,
        name,
        right.text,
        [{ text: right.text, confidence: right.confidence, box: right.box, words: [] }],
        0.65,
      );
      break;
    }
  }
  return out;
}

function readHeader(reading: PageReading, fields: FieldSet): void {
  const ocr = reading.ocr!;
  const order = readingOrder(ocr);
  const top = ocr.lines.filter((l) => l.box.y < ocr.height * 0.45);
  const left = order.header ? order.header.left : top.map(leftOfMotto).filter((l): l is OcrLine => l !== undefined);
  const right = order.header ? order.header.right : top;
  const number = findNumber(left) ?? (left.some(isNumberLine) ? undefined : findNumber(top));
  let kind: { value: string; line: OcrLine[] } | undefined;
  if (number) {
    if (number.parsed.number)
      fields['document.number'] = field(reading, number.parsed.number, number.raw, [number.line]);
    fields['document.symbol'] = field(reading, number.parsed.symbol, number.raw, [number.line]);
  }
  const labelLine = left.find(isNumberLine) ?? number?.line;
  const above = left.filter((l) => !labelLine || l.box.y + l.box.height / 2 < labelLine.box.y);
  // Without a header split or a number line there is no telling the issuer from the title: leave it out.
  const bodyLines =
    order.header || labelLine
      ? above.filter(
          (l) => !MOTTO.some((m) => foldText(l.text).includes(m.slice(0, 12))) && parseKindTitle(l.text) === undefined,
        )
      : [];
  const body = parseIssuingBody(bodyLines.map((l) => l.text));
  if (body) {
    fields['document.issuer'] = field(reading, body.issuer, bodyLines.map((l) => l.text).join(' / '), bodyLines);
    if (body.parent)
      fields['document.issuer.parent'] = field(
        reading,
        body.parent,
        bodyLines.map((l) => l.text).join(' / '),
        bodyLines,
      );
  }
  // Only a `<place>, ngày …` line of the header: the body cites dates of other documents.
  const placeDated = (l: OcrLine) => /\p{L}{2}.*,\s*ngay/u.test(foldText(l.text)) && l.box.y < ocr.height * 0.45;
  const dated = [...(order.header ? right : []), ...top.filter(placeDated)]
    .map((l) => ({ l, d: parsePlaceDate(l.text) }))
    .find((x) => x.d !== undefined);
  if (dated?.d) {
    fields['document.issueDate'] = field(reading, dated.d.date, dated.l.text, [dated.l]);
    if (dated.d.place) fields['document.place'] = field(reading, dated.d.place, dated.l.text, [dated.l], 0.8);
  }
  // Subject: `V/v …` under the number for letters, else the lines under the title.
  const after = order.header
    ? order.lines.slice(order.header.start + order.header.left.length + order.header.right.length)
    : ocr.lines.filter((l) => !number || l.box.y > number.line.box.y);
  const titleAt = after.slice(0, 12).findIndex((l) => parseKindTitle(l.text) !== undefined);
  if (titleAt >= 0) kind = { value: parseKindTitle(after[titleAt]!.text)!, line: [after[titleAt]!] };
  const vvAt = left.findIndex((l) => /^\W*v\s*[/\\|]\s*v\b/.test(foldText(l.text)));
  let subjectLines: OcrLine[] = [];
  let subjectText = '';
  if (vvAt >= 0) {
    subjectLines = left.slice(vvAt, vvAt + 4).filter((l, i) => i === 0 || !NUMBER_LABEL.test(foldText(l.text)));
    subjectText = subjectLines
      .map((l) => l.text)
      .join(' ')
      .replace(/^\W*[vV]\s*[/\\|]\s*[vV]\s*[:.]?\s*/u, '');
    if (!kind) kind = { value: 'Công văn', line: [left[vvAt]!] };
  } else if (titleAt >= 0) {
    // The subject is centred under the title; the body, the authority line and `Căn cứ` follow after a blank row or flush left.
    let prev = after[titleAt]!;
    for (const l of after.slice(titleAt + 1, titleAt + 5)) {
      const f = foldText(l.text).trim();
      const centred = Math.abs(l.box.x + l.box.width / 2 - ocr.width / 2) < ocr.width * 0.08;
      const blank = l.box.y - (prev.box.y + prev.box.height) > Math.max(l.box.height, prev.box.height) * 0.9;
      if (!centred || blank || /^(can cu|kinh gui|theo de nghi|xet de nghi|dieu \d)/.test(f) || isSignerTitle(l.text))
        break;
      subjectLines.push(l);
      prev = l;
    }
    subjectText = subjectLines.map((l) => l.text).join(' ');
  }
  subjectText = subjectText
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\d]+|[^\p{L}\d)]+$/gu, '')
    .trim();
  // Free text, never cross-checked: below the fill threshold, for review.
  if (subjectText.length >= 4)
    fields['document.subject'] = field(
      reading,
      snapOrganisationWords(normalizeText(subjectText)),
      subjectText,
      subjectLines,
      0.65,
    );
  if (!kind && number) {
    const k = number.parsed.kind ?? (number.parsed.symbol.includes('-') ? 'Công văn' : undefined);
    if (k) kind = { value: k, line: [number.line] };
  }
  if (kind)
    fields['document.kind'] = field(reading, kind.value, kind.line.map((l) => l.text).join(' '), kind.line, 0.9);
}

/**
 * Văn bản hành chính: decisions, letters, notices, resolutions, plans (Nghị định 30/2020/NĐ-CP).
 * Reads the two-column header (issuing body and parent body, number/symbol, place and date), the
 * document kind, the subject (trích yếu) and the signer. The subject of the record is the issuing
 * body, identified by its name (`name:<ISSUER>`), since a letter carries no tax code.
 */
export const officialDocument = defineDocumentType({
  id: OFFICIAL_DOCUMENT_TYPE,
  kind: 'letter',
  title: 'Văn bản hành chính (quyết định, công văn, thông báo, nghị quyết, …)',
  docCodeKind: 'CV',
  schema: 'https://sohoa.dev/schemas/documents/van-ban-hanh-chinh.schema.json',
  requiredKeys: ['document.number', 'document.issueDate', 'document.issuer'],
  classify(reading) {
    const s = score(reading);
    return s >= 0.5
      ? { type: OFFICIAL_DOCUMENT_TYPE, part: 'page', score: Math.min(0.95, s) }
      : s > 0
        ? { type: OFFICIAL_DOCUMENT_TYPE, part: 'continuation', score: Math.min(0.3, s) }
        : undefined;
  },
  async extract(readings, classes) {
    const fields: FieldSet = {};
    const diagnostics: Diagnostic[] = [];
    const first = readings.findIndex((r, i) => r.ocr && (classes[i]?.part === 'page' || i === readings.length - 1));
    if (first >= 0) readHeader(readings[first]!, fields);
    // An annex may follow the signed page: look from the last page back.
    for (const r of [...readings].reverse()) {
      const signer = readOfficialSigner(r);
      if (!signer.position) continue;
      if (signer.name) fields['document.signer'] = signer.name;
      fields['document.signer.position'] = signer.position;
      break;
    }
    const str = (k: string) => (typeof fields[k]?.value === 'string' ? (fields[k]!.value as string) : undefined);
    const issuer = str('document.issuer');
    return {
      type: OFFICIAL_DOCUMENT_TYPE,
      part: readings.length > 1 ? 'pages' : 'page',
      ...(issuer ? { subject: { kind: 'org' as const, id: `name:${issuer.toLocaleUpperCase('vi')}` } } : {}),
      ...(str('document.number') ? { number: str('document.number') } : {}),
      ...(issuer ? { issuer } : {}),
      ...(str('document.issueDate') ? { issued: str('document.issueDate') } : {}),
      fields,
      sources: readings.map((r) => r.page.source),
      diagnostics,
    };
  },
});
