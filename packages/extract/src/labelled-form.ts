import type { Box, Evidence, ExtractedField, OcrPage, PageImage } from '@sohoa/core';
import { foldLines, unionBoxes, type FoldedLine } from './lines';
import { chooseReading, rereadBoxes } from './reading-vote';
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
function partOf(line: FoldedLine, from: number, to: number): ValuePart | undefined {
  const text = line.line.text.normalize('NFC');
  const raw = text.slice(from, to);
  const lead = raw.length - raw.replace(/^[\s:.;,|_-]+/, '').length;
  const value = raw.trim().replace(/^[\s:.;,|_-]+/, '').trim();
  if (value === '') return undefined;
  const start = from + lead;
  let cursor = 0;
  const inside: Array<{ box: Box; confidence: number }> = [];
  for (const w of line.line.words) {
    const wt = w.text.normalize('NFC');
    const at = text.indexOf(wt, cursor);
    if (at < 0) continue;
    cursor = at + wt.length;
    const mid = at + wt.length / 2;
    if (mid >= start && mid < to) inside.push(w);
  }
  if (inside.length === 0) {
    const lb = line.line.box;
    const x = lb.x + (lb.width * start) / Math.max(1, text.length);
    const x2 = lb.x + (lb.width * to) / Math.max(1, text.length);
    return { text: value, box: { x: Math.round(x), y: lb.y, width: Math.max(1, Math.round(x2 - x)), height: lb.height }, confidence: line.line.confidence };
  }
  return { text: value, box: unionBoxes(inside.map((w) => w.box)), confidence: inside.reduce((s, w) => s + w.confidence, 0) / inside.length };
}

/** Line ranges [from, to) of each section; a section whose opening label is not found is absent. */
function sectionRanges(lines: FoldedLine[], template: FormTemplate, labels: readonly string[]): Map<string, [number, number]> {
  const starts: Array<[string, number]> = [];
  let from = 0;
  for (const s of template.sections) {
    const at = lines.findIndex((l, i) => i >= from && labelHits(l.folded, labels).some((h) => s.start.includes(h.label)));
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
function locateValue(lines: FoldedLine[], spec: FormFieldSpec, range: [number, number], labels: readonly string[]): ValuePart[] {
  for (let i = range[0]; i < range[1]; i++) {
    const line = lines[i]!;
    const hits = labelHits(line.folded, labels);
    const k = hits.findIndex((h) => spec.labels.includes(h.label));
    if (k < 0) continue;
    const first = partOf(line, hits[k]!.end, hits[k + 1]?.start ?? line.line.text.normalize('NFC').length);
    const parts = first ? [first] : [];
    if (spec.wraps && k === hits.length - 1) {
      // A wrapped value continues on indented lines that hold no label.
      for (let j = i + 1; j < Math.min(range[1], i + 3); j++) {
        const next = lines[j]!;
        if (labelHits(next.folded, labels).length > 0 || next.line.box.x < line.line.box.x + 10) break;
        const p = partOf(next, 0, next.line.text.normalize('NFC').length);
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
export async function readLabelledForm(page: PageImage, ocr: OcrPage, template: FormTemplate, context: ExtractContext): Promise<FieldSet> {
  const lines = foldLines(ocr.lines);
  const labels = [...new Set([...template.fields.flatMap((f) => f.labels), ...template.sections.flatMap((s) => s.start)])];
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
      const rereads = spec.reread ? await rereadBoxes(page, parts.map((p) => p.box), context) : [];
      const readings = [first, ...rereads.map((r) => toField(r.text, r.confidence))].filter((f): f is ExtractedField => f !== undefined);
      const chosen = chooseReading(readings);
      if (chosen) fields[spec.key] = chosen;
    }),
  );
  return fields;
}
