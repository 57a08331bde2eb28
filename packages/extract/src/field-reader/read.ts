import type { Box, Diagnostic, Evidence, ExtractedField, OcrLine, OcrPage, PageImage } from '@sohoa/core';
import { editDistance } from '@sohoa/vn';
import { endsWithProvince } from '../field-parsers';
import { foldPerChar, unionBoxes } from '../lines';
import { chooseReading, needsReread, rereadBoxes, voteOptionsFor } from '../reading-vote';
import { checkPlace } from '../internal/place-check';
import type { ExtractContext, FieldSet } from '../types';
import { place as placeParser } from './parsers';
import type { ReaderField, ReaderSpec } from './spec';

/**
 * A layout-independent labelled-field reader. Labels are found by a fuzzy, diacritics-folded match
 * on word tokens anywhere on the page; a value runs from its label to the next label (or the column
 * edge), or stands below a label that ends its line, and continues on wrapped lines. Whose value it
 * is (the subject, the mother, the wife...) comes from a role word after the label (`Họ và tên mẹ`)
 * or from the nearest role heading above it in its column; a table whose columns are headed by
 * roles (`Chồng | Vợ`) gives one value per column. Positions are never assumed.
 */

interface Word {
  text: string;
  box: Box;
  confidence: number;
  start: number;
  end: number;
  leader: boolean;
}

interface Token {
  text: string;
  start: number;
  end: number;
  word: number;
}

interface Line {
  index: number;
  text: string;
  box: Box;
  words: Word[];
  tokens: Token[];
  height: number;
}

interface CompiledLabel {
  tokens: string[];
  squeezed: string;
  colon: boolean;
}

type HitKind = { kind: 'field'; fields: ReaderField[] } | { kind: 'heading'; role: string } | { kind: 'stop' };

interface Hit {
  line: Line;
  /** Token range [from, to). */
  from: number;
  to: number;
  /** Character range in the line text. */
  start: number;
  end: number;
  what: HitKind;
  labelLength: number;
  role?: string;
  box: Box;
}

const LEADER = /^[.…_·:;,|\-–—/\\'"`~*]+$/u;
const FILLER_BEFORE_HEADING = new Set([
  'i',
  'ii',
  'iii',
  'iv',
  'v',
  'vi',
  '1',
  '2',
  '3',
  '4',
  '5',
  'a',
  'b',
  'c',
  'thong',
  'tin',
  've',
  'phan',
  'khai',
  'ghi',
  'ben',
  'cua',
]);

function compile(label: string): CompiledLabel {
  const trimmed = label.trim();
  const tokens = foldPerChar(trimmed).match(/[\p{L}\p{N}]+/gu) ?? [];
  return { tokens, squeezed: tokens.join(''), colon: trimmed.endsWith(':') };
}

function toLine(l: OcrLine, index: number): Line {
  const source = l.words.length > 0 ? l.words : syntheticWords(l);
  const words: Word[] = [];
  let cursor = 0;
  for (const w of source) {
    const text = w.text.normalize('NFC');
    if (text.trim() === '') continue;
    const start = cursor === 0 ? 0 : cursor + 1;
    words.push({
      text,
      box: w.box,
      confidence: w.confidence,
      start,
      end: start + text.length,
      leader: LEADER.test(text),
    });
    cursor = start + text.length;
  }
  const text = words.map((w) => w.text).join(' ');
  const folded = foldPerChar(text);
  const tokens: Token[] = [];
  for (const m of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = m.index;
    tokens.push({
      text: m[0],
      start,
      end: start + m[0].length,
      word: words.findIndex((w) => w.start <= start && start < w.end),
    });
  }
  // Word boxes of lower-case words are short: the line box (ascenders and descenders) sets the vertical scale.
  const height =
    words.length > 0 ? Math.max(median(words.map((w) => w.box.height)), l.box.height * 0.85) : l.box.height;
  return { index, text, box: l.box, words, tokens, height: Math.max(1, height) };
}

function syntheticWords(l: OcrLine): OcrLine['words'] {
  const parts = l.text.split(/\s+/).filter(Boolean);
  const total = Math.max(1, l.text.length);
  let at = 0;
  return parts.map((p) => {
    const i = l.text.indexOf(p, at);
    at = i + p.length;
    return {
      text: p,
      confidence: l.confidence,
      box: {
        x: Math.round(l.box.x + (l.box.width * i) / total),
        y: l.box.y,
        width: Math.max(1, Math.round((l.box.width * p.length) / total)),
        height: l.box.height,
      },
    };
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Matches `label` at token `i` of the line: the token index after it, or -1. Tokens must be equal
 * after folding, except that OCR may drop or insert a space between them, and one token of five
 * letters or more of a label of two words or more may carry one slip (`Quoc tich` / `Quoc tieh`); a value such as `Nam Định` is
 * not taken for `Năm sinh`.
 */
function matchAt(line: Line, i: number, label: CompiledLabel): number {
  const toks = line.tokens;
  let j = i;
  let k = 0;
  let slips = 0;
  while (k < label.tokens.length) {
    if (j >= toks.length) return -1;
    const t = toks[j]!.text;
    const want = label.tokens[k]!;
    // A colon ends a label: `Thửa số: Tờ bản đồ` holds no `Số tờ bản đồ`.
    if (k > 0 && line.text.slice(toks[j - 1]!.end, toks[j]!.start).includes(':')) return -1;
    if (t === want) {
      j++;
      k++;
      continue;
    }
    // A dropped space: one OCR token holds several label tokens.
    let joined = want;
    let kk = k + 1;
    while (joined.length < t.length && kk < label.tokens.length) joined += label.tokens[kk++]!;
    if (joined === t || (slips === 0 && kk > k + 1 && t.length >= 8 && editDistance(t, joined, 1) <= 1)) {
      // Several label words run together with one slip (`Têndoanhnghệp`) also count as one slip.
      if (joined !== t) slips++;
      j++;
      k = kk;
      continue;
    }
    // Both at once: a dropped space and one slip in a long run (`Quốctih` for `Quốc tịch`).
    if (slips === 0 && kk > k + 1 && t.length >= 6 && editDistance(t, joined, 1) <= 1) {
      slips++;
      j++;
      k = kk;
      continue;
    }
    // An inserted space: several OCR tokens make one label token.
    let acc = t;
    let jj = j + 1;
    while (acc.length < want.length && jj < toks.length) acc += toks[jj++]!.text;
    if (acc === want) {
      j = jj;
      k++;
      continue;
    }
    // Never in a one-word label: `Phòng` is one slip from the heading `Chồng`.
    if (slips === 0 && want.length >= 5 && label.tokens.length > 1 && editDistance(t, want, 1) <= 1) {
      slips++;
      j++;
      k++;
      continue;
    }
    return -1;
  }
  if (label.colon && !/^\s*:/.test(line.text.slice(toks[j - 1]!.end))) return -1;
  return j;
}

function hitBox(line: Line, from: number, to: number): Box {
  const ws = new Set<number>();
  for (let t = from; t < to; t++) ws.add(line.tokens[t]!.word);
  const boxes = [...ws].filter((w) => w >= 0).map((w) => line.words[w]!.box);
  return boxes.length > 0 ? unionBoxes(boxes) : line.box;
}

interface Lexicon {
  entries: Array<{ label: CompiledLabel; what: HitKind }>;
  qualifiers: Array<{ label: CompiledLabel; role: string }>;
}

function buildLexicon(spec: ReaderSpec): Lexicon {
  const byLabel = new Map<string, { label: CompiledLabel; fields: ReaderField[] }>();
  for (const f of spec.fields) {
    for (const l of f.labels) {
      const c = compile(l);
      const key = `${c.tokens.join(' ')}${c.colon ? ':' : ''}`;
      const e = byLabel.get(key) ?? { label: c, fields: [] };
      e.fields.push(f);
      byLabel.set(key, e);
    }
  }
  const entries: Lexicon['entries'] = [...byLabel.values()].map((e) => ({
    label: e.label,
    what: { kind: 'field', fields: e.fields },
  }));
  for (const r of spec.roles)
    for (const h of r.headings) entries.push({ label: compile(h), what: { kind: 'heading', role: r.id } });
  for (const s of spec.stops ?? []) entries.push({ label: compile(s), what: { kind: 'stop' } });
  entries.sort((a, b) => b.label.squeezed.length - a.label.squeezed.length);
  const qualifiers = spec.roles
    .flatMap((r) => r.qualifiers.map((q) => ({ label: compile(q), role: r.id })))
    .sort((a, b) => b.label.squeezed.length - a.label.squeezed.length);
  return { entries, qualifiers };
}

/** The first token of each word-gap segment: a heading must open its segment. */
function segmentStarts(line: Line): Set<number> {
  const starts = new Set<number>([0]);
  for (let w = 1; w < line.words.length; w++) {
    const a = line.words[w - 1]!.box;
    const b = line.words[w]!.box;
    if (b.x - (a.x + a.width) > line.height * 2.5) {
      const t = line.tokens.findIndex((tok) => tok.word >= w);
      if (t >= 0) starts.add(t);
    }
  }
  return starts;
}

function findHits(line: Line, lexicon: Lexicon): Hit[] {
  const taken = new Array<boolean>(line.tokens.length).fill(false);
  // Headings side by side in one segment (`Thông tin  Chồng  Vợ` read as one run of words) each open a column.
  const heading = new Array<boolean>(line.tokens.length).fill(false);
  const hits: Hit[] = [];
  const starts = segmentStarts(line);
  for (const e of lexicon.entries) {
    for (let i = 0; i < line.tokens.length; i++) {
      if (taken[i]) continue;
      const to = matchAt(line, i, e.label);
      if (to < 0) continue;
      let free = true;
      for (let t = i; t < to; t++) free &&= !taken[t];
      if (!free) continue;
      if (e.what.kind === 'heading' && !opensSegment(line, i, starts, heading)) continue;
      // Inside an address (`..., Nam Định`) a word after a comma is part of the value, not a label, unless it
      // reads as one: a colon after it, or a label of two words or more before digits (`…, quyển số 01/1996`).
      if (
        e.what.kind === 'field' &&
        /,\s*$/.test(line.text.slice(0, line.tokens[i]!.start)) &&
        !/^\s*:/.test(line.text.slice(line.tokens[to - 1]!.end)) &&
        !(e.label.tokens.length >= 2 && /^\s*\d/.test(line.text.slice(line.tokens[to - 1]!.end)))
      )
        continue;
      for (let t = i; t < to; t++) {
        taken[t] = true;
        heading[t] = e.what.kind === 'heading';
      }
      const labelRole = e.what.kind === 'field' ? e.what.fields.find((f) => f.labelRole)?.labelRole : undefined;
      hits.push({
        line,
        from: i,
        to,
        start: line.tokens[i]!.start,
        end: line.tokens[to - 1]!.end,
        what: e.what,
        labelLength: e.label.squeezed.length,
        box: hitBox(line, i, to),
        ...(labelRole ? { role: labelRole } : {}),
      });
    }
  }
  hits.sort((a, b) => a.from - b.from);
  // A role word right after a field label (`Họ và tên mẹ`, `Ngày sinh của chồng`) names whose value it is.
  for (const [k, h] of hits.entries()) {
    if (h.what.kind !== 'field' || h.role !== undefined) continue;
    const limit = hits[k + 1]?.from ?? line.tokens.length;
    for (const q of lexicon.qualifiers) {
      if (h.to >= limit) break;
      let at = h.to;
      if (line.tokens[at]?.text === 'cua' && at + 1 < limit) at++;
      // Only spaces (or an opening bracket) between label and role word: `Họ tên: Võ Văn An` is a name,
      // `Họ tên vợ:` and `Họ, chữ đệm, tên (Vợ):` a role.
      if (!/^[\s,(]*$/.test(foldPerChar(line.text.slice(h.end, line.tokens[at]!.start)).replace(/^\s*cua\s*/, '')))
        break;
      const to = matchAt(line, at, q.label);
      if (to < 0 || to > limit) continue;
      // A short role word must end the label (colon, leader, line end or the next label), not open a value.
      const after = line.text.slice(line.tokens[to - 1]!.end);
      if (q.label.squeezed.length <= 3 && to < limit && !/^\s*\)?\s*[:.…_]/.test(after)) continue;
      h.role = q.role;
      h.to = to;
      h.end = line.tokens[to - 1]!.end;
      h.box = hitBox(line, h.from, to);
      break;
    }
  }
  // A bilingual label (`Họ và tên / Full name`) is one label: the value starts after its last part.
  const merged: Hit[] = [];
  for (const h of hits) {
    const prev = merged[merged.length - 1];
    if (
      prev &&
      prev.what.kind === 'field' &&
      h.what.kind === 'field' &&
      h.role === undefined &&
      prev.what.fields.some((f) => (h.what as { fields: ReaderField[] }).fields.some((g) => g.key === f.key)) &&
      /^[\s/:.,|()-]*$/.test(line.text.slice(prev.end, h.start)) &&
      // The same label again across a column gap (`Họ, chữ đệm, tên:      Họ, chữ đệm, tên:`) heads the next column.
      !starts.has(h.from)
    ) {
      prev.to = h.to;
      prev.end = h.end;
      prev.box = unionBoxes([prev.box, h.box]);
      continue;
    }
    // `Họ, chữ đệm, tên người đi khai sinh`: a field label followed by a label that names its role for the same field is one label, that role's.
    if (
      prev &&
      prev.what.kind === 'field' &&
      h.what.kind === 'field' &&
      prev.role === undefined &&
      h.role !== undefined &&
      prev.what.fields.some((f) => (h.what as { fields: ReaderField[] }).fields.some((g) => g.key === f.key)) &&
      /^[\s,]*$/.test(line.text.slice(prev.end, h.start)) &&
      !starts.has(h.from)
    ) {
      prev.to = h.to;
      prev.end = h.end;
      prev.box = unionBoxes([prev.box, h.box]);
      prev.role = h.role;
      prev.what = h.what;
      continue;
    }
    merged.push(h);
  }
  for (const [k, h] of merged.entries()) skipGloss(line, h, merged[k + 1]);
  // A heading followed by text without a colon is a sentence, not a heading; a role word after a
  // value on its line (`Bùi Kim Khuê      Mẹ` under `Người đi khai sinh:  Quan hệ:`) is a value.
  const covered = new Array<boolean>(line.tokens.length).fill(false);
  for (const h of merged) for (let t = h.from; t < h.to; t++) covered[t] = true;
  return merged.filter((h, k) => {
    if (h.what.kind !== 'heading') return true;
    for (let t = 0; t < h.from; t++) if (!covered[t] && !FILLER_BEFORE_HEADING.has(line.tokens[t]!.text)) return false;
    const next = merged[k + 1];
    const rest = line.text.slice(h.end, next && next.line === line ? next.start : undefined);
    // `1. Người sử dụng đất   2. Thửa đất`: the next heading's number is not text after this one.
    return (
      /^[^\p{L}\p{N}]*$/u.test(rest) ||
      /^\s*:/.test(rest) ||
      /^\s*\(/.test(rest) ||
      (next?.what.kind === 'heading' && (LIST_MARKER.test(rest) || fillerOnly(rest))) ||
      // What is left of the rule under a heading (`Cha  ñ Ñ`, `Mẹ R -`): lone letters are specks, not a sentence.
      (!next && specksOnly(rest))
    );
  });
}

/** `Thông tin` before the next heading on its line (`THÔNG TIN NGƯỜI CHỒNG   THÔNG TIN NGƯỜI VỢ`) opens that heading, not a sentence. */
function fillerOnly(text: string): boolean {
  const words = foldPerChar(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.every((w) => FILLER_BEFORE_HEADING.has(w));
}

/** Lone letters and marks only (a rule under a heading read as text), no word of two letters or more. */
function specksOnly(text: string): boolean {
  return !/[\p{L}\p{N}]{2}/u.test(text) && text.trim().split(/\s+/).length <= 4;
}

const GLOSS_WORD = /^[A-Za-z][A-Za-z.'’()-]*:?$/;

/**
 * The English of a bilingual label (`Mã số doanh nghiệp / Enterprise code:`) belongs to the label even
 * when the lexicon does not know it: up to six plain-letter words after a slash, ending at a colon or
 * before a word that is not English (a value in capitals such as `CÔNG TY`, digits, diacritics).
 */
function skipGloss(line: Line, h: Hit, next: Hit | undefined): void {
  const limit = next ? next.start : line.text.length;
  const rest = line.text.slice(h.end, limit);
  const slash = /^\s*\/\s*/.exec(rest);
  if (!slash) return;
  let at = h.end + slash[0].length;
  let end = -1;
  for (let n = 0; n < 6; n++) {
    const word = /^\S+/.exec(line.text.slice(at, limit))?.[0];
    if (
      !word ||
      !GLOSS_WORD.test(word) ||
      (word.replace(/[^A-Za-z]/g, '').length >= 3 && word === word.toUpperCase() && !/^no\.?:?$/i.test(word))
    )
      break;
    end = at + word.length;
    at = end + (/^\s*/.exec(line.text.slice(end))?.[0].length ?? 0);
    if (word.endsWith(':')) break;
  }
  if (end < 0) return;
  const to = line.tokens.findIndex((t) => t.start >= end);
  h.end = end;
  h.to = to < 0 ? line.tokens.length : to;
  h.box = hitBox(line, h.from, h.to);
}

function opensSegment(line: Line, i: number, starts: Set<number>, heading: boolean[]): boolean {
  const segment = Math.max(...[...starts].filter((s) => s <= i));
  for (let t = segment; t < i; t++) if (!FILLER_BEFORE_HEADING.has(line.tokens[t]!.text) && !heading[t]) return false;
  return true;
}

/** Where a role's scope opens: a heading, or a label carrying a role word. */
interface Opener {
  role: string;
  box: Box;
  lineIndex: number;
  /** Column bounds [left, right) when headings stand side by side. */
  left: number;
  right: number;
  /** Other openers of the same row (a table header), left to right, this one included. */
  row: Opener[];
}

function buildOpeners(hits: Hit[]): Opener[] {
  const openers: Opener[] = hits
    .filter((h) => h.what.kind === 'heading' || h.role !== undefined)
    .map((h) => ({
      role: h.what.kind === 'heading' ? h.what.role : h.role!,
      box: h.box,
      lineIndex: h.line.index,
      left: -Infinity,
      right: Infinity,
      row: [],
    }));
  const done = new Set<Opener>();
  for (const o of openers) {
    if (done.has(o)) continue;
    const cy = o.box.y + o.box.height / 2;
    const row = openers
      .filter((p) => Math.abs(p.box.y + p.box.height / 2 - cy) < Math.max(o.box.height, p.box.height) * 0.6)
      .sort((a, b) => a.box.x - b.box.x);
    for (const p of row) done.add(p);
    if (row.length < 2 || new Set(row.map((p) => p.role)).size < row.length) {
      for (const p of row) p.row = [p];
      continue;
    }
    row.forEach((p, k) => {
      const next = row[k + 1];
      const prev = row[k - 1];
      p.left = prev
        ? (prev.box.x + prev.box.width + p.box.x) / 2
        : p.box.x - (row[1]!.box.x - (p.box.x + p.box.width)) / 2;
      p.right = next ? (p.box.x + p.box.width + next.box.x) / 2 : Infinity;
      p.row = row;
    });
  }
  return openers;
}

/** The opener whose scope holds a point: the nearest above it whose column holds it. */
function scopeOf(openers: Opener[], x: number, box: Box, lineIndex: number): Opener | undefined {
  const cy = box.y + box.height / 2;
  let best: Opener | undefined;
  for (const o of openers) {
    const ocy = o.box.y + o.box.height / 2;
    const sameRow = Math.abs(ocy - cy) < box.height * 0.6;
    const above = ocy < cy && !sameRow;
    const leftOnRow = sameRow && o.box.x <= box.x;
    if (!(above || leftOnRow || (o.lineIndex === lineIndex && o.box.x <= box.x))) continue;
    const inColumn = x >= o.left && x < o.right;
    const tableHeader = o.row.length > 1 && x < o.row[0]!.left;
    if (!inColumn && !tableHeader) continue;
    if (
      !best ||
      ocy > best.box.y + best.box.height / 2 + 1 ||
      (Math.abs(ocy - (best.box.y + best.box.height / 2)) <= 1 && o.box.x > best.box.x && inColumn)
    )
      best = o;
  }
  return best;
}

interface Piece {
  text: string;
  box: Box;
  confidence: number;
  /** Printed over a dotted line that OCR read as text. */
  underlined?: boolean;
  /** Holds words from beyond its column's edge: may have run into the next column (side-by-side spouses). */
  crossed?: boolean;
}

/** The words of `line` between characters [from, to) and x in [left, right): leaders dropped, cut at a wide gap. */
function piecesOf(
  line: Line,
  from: number,
  to: number,
  left: number,
  right: number,
  spanLeaders = false,
): Piece | undefined {
  const inside: Array<{ w: Word; text: string }> = [];
  const crossed = new Set<Word>();
  for (const w of line.words) {
    if (w.end <= from || w.start >= to) continue;
    const cx = w.box.x + w.box.width / 2;
    if (cx < left) continue;
    // A column edge does not split a run of words at ordinary spacing: the run is one value.
    const prev = inside[inside.length - 1]?.w;
    if (
      cx >= right &&
      !(
        prev &&
        prev === line.words[line.words.indexOf(w) - 1] &&
        w.box.x - (prev.box.x + prev.box.width) < line.height * 1.2
      )
    )
      continue;
    if (cx >= right) crossed.add(w);
    const text = w.text.slice(Math.max(0, from - w.start), Math.min(w.text.length, to - w.start));
    inside.push({ w, text });
  }
  // Leading punctuation and dot leaders are not the value; a wide gap between value words ends it.
  // A dotted line under a value is read as dots fused to its last word and letters such as `GGGGnnn`:
  // the value ends there (and the reading under such a line is less sure).
  const kept: Array<{ w: Word; text: string }> = [];
  let last: Word | undefined;
  let underlined = false;
  for (const p of inside) {
    // What is left of a label's bracket or unit (`Ông (họ và tên):`, `Diện tích (m²):`) is not the value either.
    const core = p.text
      .replace(/^[\s:.;,|_…·/\\)-]+/u, '')
      .replace(kept.length === 0 ? /^\([^)\s]{0,4}\)[:.]?$/u : /$^/u, '');
    const junk = /(\p{L})\1\1/iu.test(core);
    if (kept.length === 0 && (core === '' || LEADER.test(core) || junk)) {
      last = p.w;
      underlined ||= junk || /\.{3,}|…/.test(p.text);
      continue;
    }
    if (
      kept.length > 0 &&
      last &&
      !p.w.leader &&
      !spanLeaders &&
      p.w.box.x - (last.box.x + last.box.width) > line.height * 3.5
    )
      break;
    last = p.w;
    if (p.w.leader) {
      if (/\.{3,}|…/.test(p.w.text)) underlined = true;
      continue;
    }
    if (spanLeaders && junk) {
      underlined = true;
      continue;
    }
    if (spanLeaders && /\.{3,}|…|_{2,}/.test(p.text)) {
      // A date written into blanks (`12 …… tháng 3 …… năm 1995`): the dots are not part of it, the rest is.
      underlined = true;
      const rest = p.text.replace(/(?:\.{3,}|…|_{2,})+/g, ' ').trim();
      if (rest !== '') kept.push({ w: p.w, text: rest });
      continue;
    }
    const text = kept.length === 0 ? core : p.text;
    const dots = /\.{3,}|…/.exec(text);
    if (dots && dots.index > 0 && !/(\p{L})\1\1/iu.test(text.slice(0, dots.index))) {
      kept.push({ w: p.w, text: text.slice(0, dots.index) });
      underlined = true;
      break;
    }
    if (junk && kept.length > 0) {
      underlined = true;
      break;
    }
    kept.push({ w: p.w, text });
  }
  if (kept.length === 0) return undefined;
  return {
    text: kept
      .map((k) => k.text)
      .join(' ')
      .trim(),
    box: unionBoxes(kept.map((k) => k.w.box)),
    confidence: kept.reduce((s, k) => s + k.w.confidence, 0) / kept.length,
    underlined,
    ...(kept.some((k) => crossed.has(k.w)) && { crossed: true }),
  };
}

const DANGLING = new Set([
  'cua',
  'tai',
  'o',
  'va',
  'so',
  'xa',
  'phuong',
  'huyen',
  'tinh',
  'thanh',
  'pho',
  'quan',
  'thi',
  'tran',
  'duong',
  'to',
  'ap',
  'thon',
  'khu',
  'ban',
  'benh',
  'vien',
  'uy',
  'nhan',
  'dan',
  'trung',
  'tam',
]);

const LIST_MARKER = /^\s*(?:\d{1,2}|[ivx]{1,4}|\p{L})[.)]\s*$|^\s*[*•\-–]\s*$/iu;

/** Where a label's line starts: a list marker before it (`2. Địa chỉ`, `a) Thửa đất số`, `* Họ và tên`) belongs to the label. */
function labelLeft(hit: Hit): number {
  const first = hit.line.words[0];
  return first && first.box.x < hit.box.x && LIST_MARKER.test(hit.line.text.slice(0, hit.start))
    ? first.box.x
    : hit.box.x;
}

/** Why a value looks cut short, or undefined: dots fused to its last word, a dangling connective, a trailing comma. */
export function cutReason(raw: string, place = true): string | undefined {
  const t = raw.trim();
  if (/\p{L}(\.\.+|…)$/u.test(t) || /(\.\.|…)$/.test(t)) return 'it ends in dots fused to a word';
  // A dotted leader read into the value before its end (`Tân.. An, Cần Thơ`): what follows may not be the value's.
  if (/\p{L}(?:\.\.+|…)(?=\s*\S)/u.test(t)) return 'it holds dots fused to a word';
  if (place && /[,\-–]$/.test(t)) return 'it ends with a separator';
  const last = foldPerChar(t).match(/[\p{L}\p{N}]+$/u)?.[0];
  // `Bình Dương`, `Quảng Trị`: a province name ending the place is its end, whatever its last word.
  if (place && last && DANGLING.has(last) && t.split(/\s+/).length > 1 && !endsWithProvince(t))
    return 'it ends with a word that needs a continuation';
  return undefined;
}

/** Display key of a role's field in messages: `mother:person.fullName` → `person.mother.fullName`. */
const shownKey = (key: string) => key.replace(/^([a-z]+):person\./i, 'person.$1.');

/**
 * A place checked against the administrative units it names (see {@link checkPlace}): a unit name
 * snapped when one unit matches, a value naming a unit that matches none kept below the fill threshold.
 */
function checkUnits(
  field: ExtractedField,
  key: string,
  context: ExtractContext,
  diagnostics: Diagnostic[],
): ExtractedField {
  const check = checkPlace(String(field.value), context.options.gazetteer);
  let out = field;
  if (check.corrected.length > 0) {
    out = { ...out, value: check.value };
    diagnostics.push({
      code: 'EXTRACT_PLACE_CORRECTED',
      severity: 'info',
      origin: 'extract',
      key: shownKey(key),
      message: `A unit name of \`${shownKey(key)}\` matched no unit but exactly one by its letters; it was snapped to the official spelling.`,
    });
  }
  if (check.unknown && out.confidence > UNDERLINED_CAP) {
    out = { ...out, confidence: UNDERLINED_CAP };
    diagnostics.push({
      code: 'EXTRACT_PLACE_UNKNOWN',
      severity: 'warning',
      origin: 'extract',
      key: shownKey(key),
      message: `\`${shownKey(key)}\` names a unit that is not known (${check.unknown}): misread or of another time; kept below the fill threshold for review.`,
    });
  }
  return out;
}

export interface ReadResult {
  /** Fields under `role:key` (the subject's and role-free fields under `key`). */
  fields: FieldSet;
  diagnostics: Diagnostic[];
}

/** Cap for a value that looks cut or was not read cleanly: below every fill threshold. */
export const UNSURE_CAP = 0.6;

/** Marks no value holds: a table rule (`|`) or specks read as text. */
const SPECKS = /[|¡¿~^<>{}[\]]/u;

/** Cap for a single reading of a value printed over a dotted line: below the 0.7 fill threshold. */
export const UNDERLINED_CAP = 0.69;

/**
 * Reads the labelled fields of one page by `spec`. The subject's fields keep their key; a role's
 * fields are keyed `<role>:<key>`. With a recogniser, values that look cut, and fields marked `reread`
 * whose first reading is uncertain (see `needsReread`), are read again as single lines and the readings
 * voted on.
 */
export async function readFields(
  page: PageImage,
  ocr: OcrPage,
  spec: ReaderSpec,
  context: ExtractContext,
): Promise<ReadResult> {
  const lexicon = buildLexicon(spec);
  const lines = ocr.lines.map(toLine).filter((l) => l.words.length > 0);
  const hitsByLine = new Map<Line, Hit[]>();
  for (const l of lines) hitsByLine.set(l, findHits(l, lexicon));
  const allHits = [...hitsByLine.values()].flat();
  const openers = buildOpeners(allHits);
  const byY = [...lines].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  const diagnostics: Diagnostic[] = [];
  const candidates = new Map<string, Array<{ field: ReaderField; parts: Piece[]; inferred?: boolean }>>();
  const add = (key: string, field: ReaderField, parts: Piece[], inferred = false) => {
    if (parts.length === 0) return;
    candidates.set(key, [...(candidates.get(key) ?? []), { field, parts, ...(inferred ? { inferred } : {}) }]);
  };
  // Labels already seen in each role scope: a repeat opens the paired role's block (see `ReaderRole.pairedWith`).
  const blocks = new Map<Opener, { seen: Set<string>; to?: string }>();
  const fieldFor = (fields: ReaderField[], role: string): ReaderField | undefined =>
    fields.find((f) => (f.roles ?? ['subject']).includes(role)) ??
    fields.find((f) => (f.roles ?? ['subject']).includes('*'));
  const keyFor = (f: ReaderField, role: string) =>
    (f.roles ?? ['subject']).includes(role) && role !== 'subject' ? `${role}:${f.key}` : f.key;

  /** Right bound of a value on its line: the next hit on the same OCR line or on another line of the same row. */
  const rowLimit = (hit: Hit): number => {
    let right = Infinity;
    const cy = hit.box.y + hit.box.height / 2;
    for (const h of allHits) {
      if (h === hit || h.box.x <= hit.box.x + hit.box.width - 1) continue;
      if (Math.abs(h.box.y + h.box.height / 2 - cy) < hit.line.height * 0.6 && h.line !== hit.line)
        right = Math.min(right, h.box.x);
    }
    return right;
  };

  const valueFrom = (hit: Hit, spec: ReaderField, left: number, right: number): Piece[] => {
    const hits = hitsByLine.get(hit.line)!;
    const bound = Math.min(right, rowLimit(hit));
    // The next label on the line ends the value; one in the next column (beyond `bound`) ends the column.
    const after = hits.find((h) => h.start >= hit.end);
    const next = after && after.box.x < bound ? after : undefined;
    const end = after ? after.start : hit.line.text.length;
    const read = piecesOf(hit.line, hit.end, end, left, bound, spec.spansLeaders === true);
    // Specks after a label (`Họ tên: - S ~`, read with low confidence) are no value: the value is then below it.
    const first = read && !/[\p{L}\p{N}]{2}/u.test(read.text) && read.confidence < 0.6 ? undefined : read;
    const parts: Piece[] = [];
    // A label followed by another label on its line heads a cell: its value is below it, left of the next label.
    const cellRight = Math.min(bound, next ? next.box.x - hit.line.height * 0.3 : Infinity);
    const from = Math.max(left, hit.box.x - hit.line.height);
    const below = (after: Box, maxGap: number) =>
      byY.find((l) => {
        const gap = l.box.y - (after.y + after.height);
        return (
          l !== hit.line &&
          gap > -after.height * 0.4 &&
          gap < maxGap &&
          l.words.some((w) => !w.leader && w.box.x + w.box.width / 2 >= from && w.box.x + w.box.width / 2 < cellRight)
        );
      });
    let anchor: Box;
    let valueRight = first ? bound : cellRight;
    let valueFrom = from;
    if (first) {
      parts.push(first);
      anchor = first.box;
    } else {
      // The label stands alone at the end of its line or heads a cell: the value is below it,
      // or, in a table whose cells OCR read as separate lines, in the cell right of it on its row.
      const l = below(hit.box, hit.line.height * 1.8);
      let p = l ? lineValue(l, from, cellRight) : undefined;
      // What starts right of the label's end on the line below is the wrapped end of a cell on the label's row.
      const cell = !p || p.box.x > hit.box.x + hit.box.width ? rowCell(hit, bound) : undefined;
      if (cell || !p) {
        if (!cell) return [];
        p = cell;
        valueFrom = cell.box.x - hit.line.height * 0.5;
        valueRight = bound;
      }
      parts.push(p);
      anchor = p.box;
    }
    if (!spec.wraps || (first && next)) return parts;
    for (let n = 0; n < 3; n++) {
      const text = parts.map((p) => p.text).join(' ');
      if (spec.complete?.(text)) break;
      const l = below(anchor, hit.line.height * 1.6);
      if (!l) break;
      const indented = l.words.find(
        (w) => w.box.x + w.box.width / 2 >= valueFrom && w.box.x + w.box.width / 2 < valueRight,
      );
      // A value not yet complete may wrap flush under its label when the field says so (cards print places that way).
      const open = cutReason(text) !== undefined || (spec.wrapsFlush === true && spec.complete !== undefined);
      // A value under its label continues on lines aligned with its first line; one after its label, on lines indented past the label.
      const wrapLeft = first ? labelLeft(hit) + hit.line.height * 0.5 : parts[0]!.box.x - hit.line.height * 0.5;
      if (!indented) break;
      // A line on the row of another label, right of it (a table's next value cell read as its own line), is that label's value.
      if (rowOwned(l, hit, indented.box.x)) break;
      const p = lineValue(l, valueFrom, valueRight);
      if (!p) break;
      // A line back left of the wrap margin continues the value only when it completes it (`…, Hải` + `Phòng`).
      if (!open && indented.box.x < wrapLeft && !spec.complete?.(`${text} ${p.text}`)) break;
      parts.push(p);
      anchor = p.box;
    }
    return parts;
  };

  /**
   * A field label other than `hit` in `hit`'s column (not left of it: another column's label is not a
   * row of this one), on `l`'s row (on `l` itself or another line) and ending left of `x`, where the
   * words that would continue the value start.
   */
  const rowOwned = (l: Line, hit: Hit, x: number): boolean => {
    const cy = l.box.y + l.box.height / 2;
    return allHits.some(
      (h) =>
        h !== hit &&
        h.line !== hit.line &&
        h.what.kind === 'field' &&
        h.box.x >= labelLeft(hit) - hit.line.height &&
        h.box.x + h.box.width <= x + 1 &&
        Math.abs(h.box.y + h.box.height / 2 - cy) < Math.min(l.height, h.line.height) * 0.6,
    );
  };

  /** The nearest other line on the hit's row right of it (a table's value cell), read up to its first label. */
  const rowCell = (hit: Hit, right: number): Piece | undefined => {
    const cy = hit.box.y + hit.box.height / 2;
    const start = hit.box.x + hit.box.width;
    const cell = lines
      .filter(
        (l) =>
          l !== hit.line &&
          l.box.x >= start &&
          l.box.x < right &&
          Math.abs(l.box.y + l.box.height / 2 - cy) < hit.line.height * 0.6,
      )
      .sort((a, b) => a.box.x - b.box.x)[0];
    return cell ? lineValue(cell, start, right) : undefined;
  };

  /** A whole line's words within [left, right) up to its first label; nothing when it opens with a label. */
  const lineValue = (l: Line, left: number, right: number): Piece | undefined => {
    const hits = (hitsByLine.get(l) ?? []).filter((h) => {
      const cx = h.box.x + h.box.width / 2;
      return cx >= left && cx < right;
    });
    const firstWord = l.words.find(
      (w) => !w.leader && w.box.x + w.box.width / 2 >= left && w.box.x + w.box.width / 2 < right,
    );
    if (!firstWord) return undefined;
    if (
      hits.length > 0 &&
      (hits[0]!.start <= firstWord.start || LIST_MARKER.test(l.text.slice(firstWord.start, hits[0]!.start)))
    )
      return undefined;
    return piecesOf(l, 0, hits[0]?.start ?? l.text.length, left, right);
  };

  for (const hit of allHits) {
    if (hit.what.kind !== 'field') continue;
    const cx = hit.box.x + hit.box.width / 2;
    const scope = hit.role ? undefined : scopeOf(openers, cx, hit.box, hit.line.index);
    const roleFree = hit.what.fields.every((f) => (f.roles ?? ['subject']).includes('*'));
    if (scope && scope.row.length > 1 && cx < scope.row[0]!.left && !roleFree) {
      // A table: the label on the left, one value per role column.
      for (const col of scope.row) {
        const f = fieldFor(hit.what.fields, col.role);
        if (!f) continue;
        add(keyFor(f, col.role), f, valueFrom(hit, f, col.left, col.right));
      }
      continue;
    }
    const inColumn = scope !== undefined && cx >= scope.left && cx < scope.right;
    let role = hit.role ?? (inColumn ? scope.role : 'subject');
    let inferred = false;
    if (!hit.role && inColumn && !roleFree) {
      // The same label twice in one role's scope: the paired role's heading was not read.
      const block = blocks.get(scope) ?? { seen: new Set<string>() };
      blocks.set(scope, block);
      const pair = spec.roles.find((r) => r.id === scope.role)?.pairedWith;
      const label = hit.what.fields.map((f) => f.key).join('|');
      if (!block.to && pair && block.seen.has(label) && !openers.some((o) => o.role === pair)) block.to = pair;
      block.seen.add(label);
      if (block.to) {
        role = block.to;
        inferred = true;
      }
    }
    let f = fieldFor(hit.what.fields, role);
    if (!f && !hit.role && role !== 'subject') {
      // A label the scope's role does not print (`Giới tính`, `Nơi sinh` under a parent's heading) is the
      // subject's: its section lost its heading or follows another's. Whose it is was inferred: below threshold.
      f = fieldFor(hit.what.fields, 'subject');
      if (!f) continue;
      role = 'subject';
      inferred = true;
    }
    if (!f) continue;
    // A role-free value (the registration) is nobody's column: only a wide gap or the next label ends it.
    const column = hit.role ? openers.find((o) => o.box === hit.box) : inColumn && !roleFree ? scope : undefined;
    add(keyFor(f, role), f, valueFrom(hit, f, column?.left ?? -Infinity, column?.right ?? Infinity), inferred);
  }

  const { sha256, page: pageNo } = ocr.source;
  const fields: FieldSet = {};
  await Promise.all(
    [...candidates.entries()].map(async ([key, list]) => {
      // A value whose role was read comes before one whose role was inferred.
      const ordered = [...list.filter((c) => !c.inferred), ...list.filter((c) => c.inferred)];
      for (const { field, parts, inferred } of ordered) {
        const evidence: Evidence[] = parts.map((p) => ({ method: 'ocr', sha256, page: pageNo, box: p.box }));
        const toField = (text: string, confidence: number): ExtractedField | undefined => {
          const value = field.parse(text);
          return value === undefined
            ? undefined
            : { value, raw: text, confidence: Math.min(0.95, confidence), evidence };
        };
        const raw = parts.map((p) => p.text).join(' ');
        // A value over a dotted line that OCR read as text needs a second reading to be trusted.
        const firstConfidence = Math.min(...parts.map((p) => p.confidence));
        const first = toField(
          raw,
          parts.some((p) => p.underlined) ? Math.min(firstConfidence, UNDERLINED_CAP) : firstConfidence,
        );
        if (!first) continue;
        const cut = field.mayBeCut === false ? undefined : cutReason(raw, (field.connectives ?? field.wraps) === true);
        const rereads =
          cut || (field.reread && needsReread(key, first, context))
            ? await rereadBoxes(
                page,
                parts.map((p) => p.box),
                context,
              )
            : [];
        // A region re-read sees a table's rules as `|`: they are not part of the value.
        const clean = rereads
          .map((r) => ({
            ...r,
            text: r.text
              .replace(/(^|\s)[|¦]+(?=\s|$)/gu, ' ')
              .replace(/\s+/g, ' ')
              .trim(),
          }))
          .filter((r) => !cut || cutReason(r.text, (field.connectives ?? field.wraps) === true) === undefined);
        const readings = [first, ...clean.map((r) => toField(r.text, r.confidence))].filter(
          (f): f is ExtractedField => f !== undefined,
        );
        let chosen = chooseReading(readings, voteOptionsFor(key));
        if (!chosen) continue;
        // Read across a column edge: a re-read of the same boxes sees the same mix, so no vote makes it certain.
        if (parts.some((p) => p.crossed)) chosen = { ...chosen, confidence: Math.min(chosen.confidence, UNSURE_CAP) };
        if (
          cut &&
          (clean.length === 0 ||
            chosen.raw === raw ||
            cutReason(chosen.raw ?? raw, (field.connectives ?? field.wraps) === true) !== undefined)
        ) {
          chosen = { ...chosen, confidence: Math.min(chosen.confidence, UNSURE_CAP) };
          diagnostics.push({
            code: 'EXTRACT_VALUE_MAYBE_CUT',
            severity: 'warning',
            origin: 'extract',
            key: key.replace(/^([a-z]+):person\./i, 'person.$1.'),
            message: `The value of \`${key.replace(/^([a-z]+):person\./i, 'person.$1.')}\` looks cut short (${cut}); it needs review.`,
          });
        }
        if (
          !cut &&
          field.complete &&
          !field.complete(String(chosen.raw ?? raw)) &&
          chosen.confidence >= UNDERLINED_CAP
        ) {
          // A place that does not end with its province may have lost its last wrapped line.
          chosen = { ...chosen, confidence: UNDERLINED_CAP };
          diagnostics.push({
            code: 'EXTRACT_VALUE_MAYBE_CUT',
            severity: 'info',
            origin: 'extract',
            key: key.replace(/^([a-z]+):person\./i, 'person.$1.'),
            message:
              'The value does not end as a complete one (e.g. a place without its province); kept below the fill threshold for review.',
          });
        }
        if (readings.some((r) => SPECKS.test(String(r.raw))) && chosen.confidence > UNDERLINED_CAP) {
          // Table rules or specks read as marks inside the value: the line was read through noise.
          chosen = { ...chosen, confidence: UNDERLINED_CAP };
        }
        if ((field.units ?? field.parse === placeParser) && typeof chosen.value === 'string') {
          chosen = checkUnits(chosen, key, context, diagnostics);
        }
        if (inferred && chosen.confidence > UNSURE_CAP) {
          chosen = { ...chosen, confidence: UNSURE_CAP };
          diagnostics.push({
            code: 'EXTRACT_ROLE_INFERRED',
            severity: 'warning',
            origin: 'extract',
            key: key.replace(/^([a-z]+):person\./i, 'person.$1.'),
            message: `\`${key.replace(/^([a-z]+):person\./i, 'person.$1.')}\` was read in a repeated block whose heading was not readable; whose value it is was inferred and needs review.`,
          });
        }
        fields[key] = chosen;
        return;
      }
    }),
  );
  return { fields, diagnostics };
}
