import type { Box, Evidence, ExtractedField, OcrPage, OcrWord, PageImage } from '@sohoa/core';
import { foldLines, isDebrisWord, unionBoxes, type FoldedLine } from './lines';
import { chooseReading, needsReread, rereadBoxes, voteOptionsFor } from './reading-vote';
import type { ExtractContext, FieldSet, FormFieldSpec, FormTemplate } from './types';

interface LabelHit {
  label: string;
  start: number;
  end: number;
}

/** Every label occurrence on a line, at a word start; a label inside a longer one is dropped. */
export function labelHits(folded: string, labels: readonly string[]): LabelHit[] {
  const all: LabelHit[] = [];
  for (const label of labels) {
    for (let at = folded.indexOf(label); at >= 0; at = folded.indexOf(label, at + 1)) {
      if (at > 0 && /\p{L}/u.test(folded[at - 1]!)) continue;
      all.push({ label, start: at, end: at + label.length });
    }
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: LabelHit[] = [];
  for (const h of all) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}

interface ValuePart {
  text: string;
  box: Box;
  confidence: number;
}

/** The words of `line` inside characters [from, to) of its text: text, box and mean confidence. */
function partOf(line: FoldedLine, from: number, to: number, minX = -Infinity): ValuePart | undefined {
  const text = line.line.text.normalize('NFC');
  const raw = text.slice(from, to);
  const lead = raw.length - raw.replace(/^[\s:.;,|_-]+/, '').length;
  const value = raw
    .trim()
    .replace(/^[\s:.;,|_-]+/, '')
    .trim();
  if (value === '') return undefined;
  const start = from + lead;
  let cursor = 0;
  const inside: Array<{ box: Box; confidence: number; at: number; end: number; word: OcrWord }> = [];
  let labelEnd: Box | undefined;
  for (const w of line.line.words) {
    const wt = w.text.normalize('NFC');
    const at = text.indexOf(wt, cursor);
    if (at < 0) continue;
    cursor = at + wt.length;
    const mid = at + wt.length / 2;
    if (mid < start) labelEnd = from > 0 ? w.box : undefined;
    else if (mid < to && w.box.x + w.box.width / 2 >= minX)
      inside.push({ box: w.box, confidence: w.confidence, at, end: at + wt.length, word: w });
  }
  if (inside.length === 0) {
    if (minX !== -Infinity) return undefined;
    const lb = line.line.box;
    const x = lb.x + (lb.width * start) / Math.max(1, text.length);
    const x2 = lb.x + (lb.width * to) / Math.max(1, text.length);
    return {
      text: value,
      box: { x: Math.round(x), y: lb.y, width: Math.max(1, Math.round(x2 - x)), height: lb.height },
      confidence: line.line.confidence,
    };
  }
  // Words far right of the value (a QR code, a photo, a stamp read as text) and specks at either end are not part of it.
  const height = Math.max(...inside.map((w) => w.box.height));
  const farFrom = (left: Box, right: Box) => right.x - (left.x + left.width) > height * 2.5;
  // Nothing near the label: what lies far right of it (a QR code beside a label whose value is below) is not its value.
  if (labelEnd && farFrom(labelEnd, inside[0]!.box)) return undefined;
  let last = inside.length;
  for (let i = 1; i < inside.length; i++) {
    if (farFrom(inside[i - 1]!.box, inside[i]!.box)) {
      last = i;
      break;
    }
  }
  let kept = inside.slice(0, last);
  while (kept.length > 1 && isDebrisWord(kept[kept.length - 1]!.word)) kept = kept.slice(0, -1);
  while (kept.length > 1 && isDebrisWord(kept[0]!.word)) kept = kept.slice(1);
  const trimmed =
    kept.length === inside.length && minX === -Infinity
      ? value
      : text
          .slice(kept[0]!.at, kept[kept.length - 1]!.end)
          .replace(/^[\s:.;,|_-]+/, '')
          .trim();
  if (trimmed === '') return undefined;
  return {
    text: trimmed,
    box: unionBoxes(kept.map((w) => w.box)),
    confidence: kept.reduce((s, w) => s + w.confidence, 0) / kept.length,
  };
}

/** The word at character `at` of the line: where a label starts, so its wrapped value's column. */
function labelWord(line: FoldedLine, at: number): Box {
  const text = line.line.text.normalize('NFC');
  let cursor = 0;
  for (const w of line.line.words) {
    const wt = w.text.normalize('NFC');
    const start = text.indexOf(wt, cursor);
    if (start < 0) continue;
    cursor = start + wt.length;
    if (cursor > at) return w.box;
  }
  return line.line.box;
}

/** Line ranges [from, to) of each section; a section whose opening label is not found is absent. */
function sectionRanges(
  lines: FoldedLine[],
  template: FormTemplate,
  labels: readonly string[],
): Map<string, [number, number]> {
  const starts: Array<[string, number]> = [];
  let from = 0;
  for (const s of template.sections) {
    const at = lines.findIndex(
      (l, i) => i >= from && labelHits(l.folded, labels).some((h) => s.start.includes(h.label)),
    );
    if (at >= 0) {
      starts.push([s.id, at]);
      from = at + 1;
    }
  }
  const ranges = new Map<string, [number, number]>();
  ranges.set('main', [0, starts[0]?.[1] ?? lines.length]);
  starts.forEach(([id, at], i) => ranges.set(id, [at, starts[i + 1]?.[1] ?? lines.length]));
  return ranges;
}

/** Where a field's value is printed: the parts (a wrapped value has several) or nothing. */
function locateValue(
  lines: FoldedLine[],
  spec: FormFieldSpec,
  range: [number, number],
  labels: readonly string[],
): ValuePart[] {
  for (let i = range[0]; i < range[1]; i++) {
    const line = lines[i]!;
    const hits = labelHits(line.folded, labels);
    let k = hits.findIndex((h) => spec.labels.includes(h.label));
    if (k < 0) continue;
    // A label that opens its line sets the value's column: words left of it on wrapped lines are something else.
    const labelBox = k === 0 ? labelWord(line, hits[0]!.start) : undefined;
    const column = labelBox ? labelBox.x - labelBox.height / 2 : -Infinity;
    // A bilingual label (`Nơi cư trú / Place of residence:`) is one label: the value starts after its last part.
    const folded = line.folded;
    while (
      k + 1 < hits.length &&
      spec.labels.includes(hits[k + 1]!.label) &&
      /^[\s/:.,|-]*$/.test(folded.slice(hits[k]!.end, hits[k + 1]!.start))
    )
      k++;
    const first = partOf(line, hits[k]!.end, hits[k + 1]?.start ?? line.line.text.normalize('NFC').length);
    const parts = first ? [first] : [];
    if (spec.wraps && k === hits.length - 1) {
      // A wrapped value continues on indented lines that hold no label.
      for (let j = i + 1; j < Math.min(range[1], i + 3); j++) {
        const next = lines[j]!;
        if (labelHits(next.folded, labels).length > 0) break;
        // A line after a blank gap (a serial at the foot of the page) does not continue the value.
        const above = lines[j - 1]!.line.box;
        if (next.line.box.y - (above.y + above.height) > 1.5 * line.line.box.height) break;
        const p = partOf(next, 0, next.line.text.normalize('NFC').length, column);
        // Indented under the label (in its column, when the label opens the line).
        const left = column === -Infinity ? next.line.box.x : p?.box.x;
        if (left === undefined || left < (labelBox ? labelBox.x : line.line.box.x) + 10) break;
        if (p) parts.push(p);
      }
    }
    return parts;
  }
  return [];
}

/**
 * Reads a form-like document by its printed labels: each value runs from its label to the next
 * label on the line (several fields share a line), wrapped values continue on indented lines, and
 * repeated labels (`Dân tộc` of the child, the mother, the father) are told apart by section. With
 * a recogniser, fields marked `reread` are read again as single lines and the readings voted on.
 * Keys of the result are the template's keys (`mother:person.fullName` for a relation's field).
 */
export async function readLabelledForm(
  page: PageImage,
  ocr: OcrPage,
  template: FormTemplate,
  context: ExtractContext,
): Promise<FieldSet> {
  const lines = foldLines(ocr.lines);
  const labels = [
    ...new Set([...template.fields.flatMap((f) => f.labels), ...template.sections.flatMap((s) => s.start)]),
  ];
  const ranges = sectionRanges(lines, template, labels);
  const { sha256, page: pageNo } = ocr.source;
  const fields: FieldSet = {};
  await Promise.all(
    template.fields.map(async (spec) => {
      const range = ranges.get(spec.section ?? 'main');
      if (!range) return;
      const parts = locateValue(lines, spec, range, labels);
      if (parts.length === 0) return;
      const evidence: Evidence[] = parts.map((p) => ({ method: 'ocr', sha256, page: pageNo, box: p.box }));
      const toField = (text: string, confidence: number): ExtractedField | undefined => {
        const value = spec.parse(text);
        return value === undefined ? undefined : { value, raw: text, confidence: Math.min(0.95, confidence), evidence };
      };
      const first = toField(parts.map((p) => p.text).join(' '), Math.min(...parts.map((p) => p.confidence)));
      const rereads =
        spec.reread && needsReread(spec.key, first, context)
          ? await rereadBoxes(
              page,
              parts.map((p) => p.box),
              context,
            )
          : [];
      const readings = [first, ...rereads.map((r) => toField(r.text, r.confidence))].filter(
        (f): f is ExtractedField => f !== undefined,
      );
      const chosen = chooseReading(readings, voteOptionsFor(spec.key));
      if (chosen) fields[spec.key] = chosen;
    }),
  );
  return fields;
}
