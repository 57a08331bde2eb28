import type { FormSchema, Vocabulary } from '../types';
import { foldText, splitName } from './fold';
import type { Leaf } from './walk';

/** Below this, an inferred binding is reported with candidates but not used. */
export const INFERENCE_THRESHOLD = 0.8;

interface LabelIndex {
  roles: Array<{ role: string; words: string[]; short: boolean }>;
  labels: Array<{ key: string; words: string[]; type: string }>;
  /** Key → folded context phrases, for keys that need one. */
  contexts: Map<string, string[][]>;
}

/** Score cap for a label match whose required context is missing: reported, never used. */
const NO_CONTEXT_CAP = 0.6;

const indexes = new WeakMap<Vocabulary, LabelIndex>();

function indexOf(vocabulary: Vocabulary): LabelIndex {
  let index = indexes.get(vocabulary);
  if (index) return index;
  index = { roles: [], labels: [], contexts: new Map() };
  for (const [role, { labels }] of Object.entries(vocabulary.roles)) {
    for (const label of labels) {
      const words = foldText(label).split(' ').filter(Boolean);
      // Short role words (mẹ, cha, con) are too common inside other words' folds to match inside text.
      if (words.length > 0) index.roles.push({ role, words, short: words.join(' ').length <= 3 });
    }
  }
  index.roles.sort((a, b) => b.words.length - a.words.length);
  for (const entry of Object.values(vocabulary.keys)) {
    if (entry.infer === false) continue;
    if (entry.context) index.contexts.set(entry.key, entry.context.map((c) => words(c)).filter((w) => w.length > 0));
    for (const label of entry.labels) {
      const words = foldText(label).split(' ').filter(Boolean);
      if (words.length > 0) index.labels.push({ key: entry.key, words, type: entry.type });
    }
  }
  indexes.set(vocabulary, index);
  return index;
}

function findSequence(haystack: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The role named in a text, and the text with the role words removed. */
function findRole(index: LabelIndex, words: string[], exactOnly: boolean): { role: string; rest: string[] } | undefined {
  for (const { role, words: roleWords, short } of index.roles) {
    if (short || exactOnly) {
      if (roleWords.join(' ') === words.join(' ')) return { role, rest: [] };
      continue;
    }
    const at = findSequence(words, roleWords);
    if (at >= 0) return { role, rest: [...words.slice(0, at), ...words.slice(at + roleWords.length)] };
  }
  return undefined;
}

function score(text: string[], label: string[]): number {
  if (text.length === 0) return 0;
  if (text.join(' ') === label.join(' ')) return 1;
  let best = 0;
  // One contained word ("họ" inside "người giám hộ") says little; a contained phrase says more.
  if (findSequence(text, label) >= 0) best = (label.length > 1 ? 0.6 : 0.4) + 0.35 * (label.length / text.length);
  const a = new Set(text);
  const b = new Set(label);
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return Math.max(best, (0.9 * 2 * common) / (a.size + b.size));
}

/** Inferred key of a leaf from its title, property name and enclosing titles, with candidates. */
export function inferKey(
  leaf: Leaf,
  vocabulary: Vocabulary,
): { key?: string; role?: string; confidence: number; candidates: Array<{ key: string; confidence: number }> } {
  const index = indexOf(vocabulary);
  const rawTitle = typeof leaf.node.title === 'string' ? leaf.node.title : '';
  const title = words(rawTitle);
  // Parenthesised hints ("(ghi rõ số nhà, đường phố)") are matched with and without.
  const bareTitle = words(rawTitle.replace(/\([^)]*\)/g, ' '));
  const name = splitName(leaf.name).split(' ').filter(Boolean);

  let role: string | undefined;
  let titleWords = title;
  let bareWords = bareTitle;
  const inTitle = findRole(index, title, false);
  if (inTitle && inTitle.rest.length > 0) {
    role = inTitle.role;
    titleWords = inTitle.rest;
    bareWords = findRole(index, bareTitle, false)?.rest ?? bareTitle;
  }
  for (const ancestor of [...leaf.ancestors].reverse()) {
    if (role) break;
    const found =
      (ancestor.title !== undefined && findRole(index, foldText(ancestor.title).split(' ').filter(Boolean), false)) ||
      findRole(index, splitName(ancestor.name).split(' ').filter(Boolean), true) ||
      (ancestor.title !== undefined && findRole(index, foldText(ancestor.title).split(' ').filter(Boolean), true));
    if (found) role = found.role;
  }

  const best = new Map<string, number>();
  const isDateField = leaf.node.format === 'date';
  // A title is what the user reads; the property name is a developer's abbreviation and weighs less beside one.
  const nameWeight = title.length > 0 ? 0.8 : 0.95;
  for (const label of index.labels) {
    let s = Math.max(score(titleWords, label.words), score(bareWords, label.words), nameWeight * score(name, label.words));
    if (isDateField && label.type !== 'date') s *= 0.7;
    if (s > (best.get(label.key) ?? 0)) best.set(label.key, s);
  }
  const around = [title, ...leaf.ancestors.flatMap((a) => [words(a.title ?? ''), splitName(a.name).split(' ').filter(Boolean)])];
  for (const [key, phrases] of index.contexts) {
    const s = best.get(key);
    if (s === undefined || s <= NO_CONTEXT_CAP) continue;
    if (!phrases.some((phrase) => around.some((text) => findSequence(text, phrase) >= 0))) best.set(key, NO_CONTEXT_CAP);
  }
  const ranked = [...best.entries()]
    .filter(([, s]) => s >= 0.3)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([key, s]) => ({ key, confidence: round(s) }));
  const [first, second] = ranked;
  if (!first) return { confidence: 0, candidates: [] };
  // Two keys nearly tied: the label does not decide, so do not trust it.
  const confidence = second && second.confidence >= first.confidence - 0.05 ? round(first.confidence * 0.85) : first.confidence;
  return { key: first.key, ...(role !== undefined && { role }), confidence, candidates: ranked };
}

function words(text: string): string[] {
  return foldText(text).split(' ').filter(Boolean);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** The `autocomplete` token of a field (`section-x shipping bday` → `bday`). */
export function autocompleteToken(node: FormSchema): string | undefined {
  const raw = node.autocomplete ?? node['x-autocomplete'];
  if (typeof raw !== 'string') return undefined;
  const tokens = raw.trim().toLowerCase().split(/\s+/).filter((t) => !t.startsWith('section-') && t !== 'shipping' && t !== 'billing');
  return tokens.at(-1);
}
