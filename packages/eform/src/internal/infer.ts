import type { FormSchema, Vocabulary } from '../types';
import { foldText, splitName } from './fold';
import type { Leaf } from './walk';

/** Below this, an inferred binding is reported with candidates but not used. */
export const INFERENCE_THRESHOLD = 0.8;

interface RoleLabel {
  role: string;
  words: string[];
  short: boolean;
}

interface LabelIndex {
  roles: RoleLabel[];
  labels: Array<{ key: string; words: string[]; type: string; joined: string; set: Set<string> }>;
  /** Key → folded context phrases, for keys that need one. */
  contexts: Map<string, string[][]>;
  /** Word → indexes of the labels that contain it: only labels sharing a word with a title can score. */
  byWord: Map<string, number[]>;
}

/** Score cap for a label match whose required context is missing: reported, never used. */
const NO_CONTEXT_CAP = 0.6;

const indexes = new WeakMap<Vocabulary, LabelIndex>();

function indexOf(vocabulary: Vocabulary): LabelIndex {
  let index = indexes.get(vocabulary);
  if (index) return index;
  index = { roles: [], labels: [], contexts: new Map(), byWord: new Map() };
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
    if (entry.context)
      index.contexts.set(
        entry.key,
        entry.context.map((c) => words(c)).filter((w) => w.length > 0),
      );
    for (const label of entry.labels) {
      const words = foldText(label).split(' ').filter(Boolean);
      if (words.length > 0)
        index.labels.push({ key: entry.key, words, type: entry.type, joined: words.join(' '), set: new Set(words) });
    }
  }
  index.labels.forEach((label, i) => {
    for (const word of label.set) {
      const list = index!.byWord.get(word);
      if (list) list.push(i);
      else index!.byWord.set(word, [i]);
    }
  });
  indexes.set(vocabulary, index);
  return index;
}

// "Họ, chữ đệm và tên của cha": the name label may end with "của".
const NAME_HEAD = /^(ho|ho ten|ho va ten|ho chu dem ten|ho chu dem va ten|ten)( cua)?$/;

function findSequence(haystack: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** A role named in a text, and the text with the role words removed. */
export interface FoundRole {
  role: string;
  rest: string[];
}

/**
 * The role named in a text. "Là cha/mẹ của em …" names the requester's role, not the blank's: a role
 * phrase followed by "của" makes the blank someone else (`other`).
 */
function findRole(index: LabelIndex, words: string[], exactOnly: boolean): FoundRole | undefined {
  for (const { role, words: roleWords, short } of index.roles) {
    if (short || exactOnly) {
      if (roleWords.join(' ') === words.join(' ')) return { role, rest: [] };
      // "Họ tên mẹ", "Họ và tên chồng": a short role word is safe right after a name label.
      const head = words.slice(0, words.length - roleWords.length);
      if (
        short &&
        !exactOnly &&
        head.length > 0 &&
        findSequence(words.slice(head.length), roleWords) === 0 &&
        NAME_HEAD.test(head.join(' '))
      )
        return { role, rest: head };
      // "Cha: họ và tên", "Mẹ, họ tên": the relation printed before the name label.
      const tail = words.slice(roleWords.length);
      if (
        short &&
        !exactOnly &&
        tail.length > 0 &&
        findSequence(words, roleWords) === 0 &&
        NAME_HEAD.test(tail.join(' '))
      )
        return { role, rest: tail };
      continue;
    }
    const at = findSequence(words, roleWords);
    if (at >= 0) {
      const after = words.slice(at + roleWords.length);
      if (after.includes('cua'))
        return { role: 'other', rest: [...words.slice(0, at), ...after.slice(0, after.indexOf('cua'))] };
      // "Họ và tên học sinh, sinh viên": the pupil files it themselves unless someone else on the form does.
      const asPrincipal = role === 'child' && STUDENT.test(roleWords.join(' ')) ? `${PRINCIPAL_ROLE}:child` : role;
      return { role: asPrincipal, rest: [...words.slice(0, at), ...after] };
    }
  }
  if (!exactOnly) {
    // A person the vocabulary has no role for ("người bị tố cáo", "người hưởng chế độ", "thân nhân"): someone else.
    const joined = words.join(' ');
    // "Người được đề nghị (trợ giúp, hưởng …)": the person a request is for, the subject unless someone else on
    // the form files it (decided by bindForm for the whole form: PRINCIPAL_ROLE).
    const principal = /(?:^|\s)nguoi duoc de nghi(?:\s|$)/.exec(joined);
    if (principal) {
      const before = joined.slice(0, principal.index).trim();
      if (before.split(' ').length <= 6 && !/\b(khi|cho|de|doi voi|theo|neu|vi|voi)\b/.test(before))
        return { role: PRINCIPAL_ROLE, rest: before === '' ? [] : before.split(' ') };
    }
    const other = OTHER_PERSON.exec(joined);
    const before = other ? joined.slice(0, other.index).trim() : '';
    // Only a title about that person ("Họ tên người bị tố cáo"), not a clause ("… khi người hưởng từ trần").
    if (other && before.split(' ').length <= 6 && !/\b(khi|cho|de|doi voi|theo|neu|vi)\b/.test(before)) {
      return { role: 'other', rest: before === '' ? [] : before.split(' ') };
    }
  }
  return undefined;
}

/**
 * The role of "người được đề nghị …", the person a request is for: bindForm makes it the subject when no one else
 * on the form is (no block of the requester, no unnamed block), else someone else (`other`). Never in a key.
 */
export const PRINCIPAL_ROLE = 'principal';
/** A pupil or student ("học sinh", "sinh viên"): the principal, else the subject's child (`principal:child`). */
const STUDENT = /^(hoc sinh|sinh vien|hoc sinh sinh vien)$/;

// A person described by their death ("người chết được mai táng", "người đã mất", "người từ trần") is never
// the one who files the form.
const OTHER_PERSON =
  /(?:^|\s)(?:nguoi (?:bi|huong|thua ke|lien he|bao lanh|lam chung|than|duoc (?!cap\b)\S+|(?:da )?(?:chet|mat|tu tran|qua doi|tu vong))|than nhan)(?:\s|$)/;

/** The role an enclosing object names by its title or property name. */
export function roleOfGroup(vocabulary: Vocabulary, group: { name: string; title?: string }): string | undefined {
  const index = indexOf(vocabulary);
  // "Thông tin về cha, mẹ, vợ/chồng": a heading naming several people is no one person's section.
  if (group.title !== undefined && rolesNamed(index, headingWords(group.title)).size > 1) return undefined;
  const title = group.title === undefined ? [] : words(group.title);
  const found =
    (title.length > 0 && findRole(index, title, false)) ||
    findRole(index, nameWords(group.name), true) ||
    (title.length > 0 && findRole(index, title, true)) ||
    (group.title !== undefined && findRole(index, headingWords(group.title), true));
  return found ? found.role : roleOfName(nameWords(group.name));
}

/** The distinct roles a heading names, longest labels first, each word read once ("cha mẹ" is one: parent). */
function rolesNamed(index: LabelIndex, words: string[]): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i < words.length; ) {
    const hit = index.roles.find(
      ({ words: roleWords }) =>
        roleWords.length > 0 && findSequence(words.slice(i, i + roleWords.length), roleWords) === 0,
    );
    if (hit) {
      found.add(hit.role);
      i += hit.words.length;
    } else i++;
  }
  return found;
}

/**
 * A section heading with its numbering, "Thông tin (về|của)" and hints removed ("II. THÔNG TIN VỀ CON (nếu có)"
 * → "con"): short role words (con, mẹ, cha, vợ, chồng) are then safe to match exactly.
 */
function headingWords(title: string): string[] {
  return foldText(title.replace(/\([^)]*\)/g, ' '))
    .replace(/^(phan )?([ivx]+|[a-d]|\d+) (?=\S)/, '')
    .replace(/^(phan )?((thong tin|ke khai) )?((ve|cua) )?(?=\S)/, '')
    .split(' ')
    .filter(Boolean);
}

/** English property names that start with the person they are about (`spouseInformation`, `dependentEmail`). */
const NAME_PREFIX_ROLES: Record<string, string> = {
  spouse: 'spouse',
  mother: 'mother',
  father: 'father',
  child: 'child',
  children: 'child',
  guardian: 'guardian',
  dependent: 'other',
  dependents: 'other',
  veteran: 'other',
  relative: 'other',
  sponsor: 'other',
  witness: 'other',
  physician: 'other',
  doctor: 'other',
  employer: 'other',
  school: 'other',
  deceased: 'other',
  beneficiary: 'other',
  former: 'other',
  previous: 'other',
  prior: 'other',
};
/** Vietnamese property names that end with the person (`hoTenMe`, `ngaySinhCha`, `diaChiVo`). */
const NAME_SUFFIX_ROLES: Record<string, string> = {
  me: 'mother',
  cha: 'father',
  bo: 'father',
  vo: 'spouse',
  chong: 'spouse',
};
const OTHER_CONTACT = /\b(point of contact|emergency contact|secondary contact|next of kin|alternate contact)\b/;

/** The person a property name is about, from its first English word or last Vietnamese word. */
function roleOfName(name: string[]): string | undefined {
  if (name.length < 2) return undefined;
  if (OTHER_CONTACT.test(name.join(' '))) return 'other';
  return NAME_PREFIX_ROLES[name[0]!] ?? (name.length >= 3 ? NAME_SUFFIX_ROLES[name.at(-1)!] : undefined);
}

/** Folded words of a text with their joined form and set, computed once per text. */
interface Text {
  words: string[];
  joined: string;
  set: Set<string>;
}

function toText(words: string[]): Text {
  return { words, joined: words.join(' '), set: new Set(words) };
}

function score(text: Text, label: { words: string[]; joined: string; set: Set<string> }): number {
  if (text.words.length === 0) return 0;
  if (text.joined === label.joined) return 1;
  let common = 0;
  for (const w of text.set) if (label.set.has(w)) common++;
  if (common === 0) return 0;
  let best = 0;
  // One contained word ("họ" inside "người giám hộ") says little; a contained phrase says more.
  if (common === label.set.size && findSequence(text.words, label.words) >= 0)
    best = (label.words.length > 1 ? 0.6 : 0.4) + 0.35 * (label.words.length / text.words.length);
  return Math.max(best, (0.9 * 2 * common) / (text.set.size + label.set.size));
}

/** What inference found for one leaf (or one date group). */
export interface Inference {
  key?: string;
  /** Role named by the field's own title or an enclosing title; `undefined` when none is named. */
  role?: string;
  confidence: number;
  candidates: Array<{ key: string; confidence: number }>;
  /** The role comes from an enclosing section's title, not from the field's own title or name. */
  fromSection?: boolean;
  /** Why a binding the label suggests was dropped (reported as `EFORM_BINDING_AMBIGUOUS`). */
  ambiguous?: string;
}

/** Titles read as a field's context besides its own and its ancestors' (e.g. the blank before it on the line). */
export interface InferContext {
  nearby?: string[];
}

/** Inferred key of a leaf from its title, property name and enclosing titles, with candidates. */
export function inferKey(leaf: Leaf, vocabulary: Vocabulary, context: InferContext = {}): Inference {
  const index = indexOf(vocabulary);
  const rawTitle = typeof leaf.node.title === 'string' ? leaf.node.title : '';
  const title = words(rawTitle);
  // Parenthesised hints ("(ghi rõ số nhà, đường phố)") are matched with and without.
  const bareTitle = words(rawTitle.replace(/\([^)]*\)/g, ' '));
  const name = nameWords(leaf.name);

  let role: string | undefined;
  let roleWords: string[] | undefined;
  let roleBare: string[] | undefined;
  // A role only in a parenthesis qualifies the person ("Họ và tên (Chủ hộ hoặc người đại diện)"): not another person.
  const inTitle = findRole(index, bareTitle, false);
  if (inTitle && inTitle.rest.length > 0) {
    role = inTitle.role;
    roleWords = findRole(index, title, false)?.rest ?? inTitle.rest;
    roleBare = inTitle.rest;
  }
  const titleIsRole = inTitle !== undefined && inTitle.rest.length === 0 && bareTitle.length > 0;
  // A property name that names the person (`spouseDateOfBirth`, `ngaySinhMe`) when the title does not.
  if (!role && !(inTitle && inTitle.rest.length > 0)) role = roleOfName(name);
  let fromSection = false;
  for (const ancestor of [...leaf.ancestors].reverse()) {
    if (role) break;
    role = roleOfGroup(vocabulary, ancestor);
    fromSection = role !== undefined;
  }

  const best = new Map<string, number>();
  const isDateField = leaf.node.format === 'date';
  // A title is what the user reads; the property name is a developer's abbreviation and weighs less beside one.
  const nameWeight = title.length > 0 ? 0.8 : 0.95;
  const whole = new Map<string, number>();
  const [titleText, bareText, nameText] = [toText(title), toText(bareTitle), toText(name)];
  const roleText = roleWords && toText(roleWords);
  const roleBareText = toText(roleBare ?? []);
  const candidates = new Set<number>();
  for (const text of [titleText, bareText, nameText, roleText, roleBareText]) {
    for (const word of text?.set ?? []) for (const i of index.byWord.get(word) ?? []) candidates.add(i);
  }
  for (const i of candidates) {
    const label = index.labels[i]!;
    // The whole title outranks the title without its parenthesis: "Số CMND (Thẻ căn cước công dân)".
    const plain = Math.max(score(titleText, label), 0.94 * score(bareText, label));
    const stripped = roleText ? Math.max(score(roleText, label), 0.94 * score(roleBareText, label)) : 0;
    let s = Math.max(plain, stripped, nameWeight * score(nameText, label));
    if (isDateField && label.type !== 'date') s *= 0.7;
    if (s > (best.get(label.key) ?? 0)) best.set(label.key, s);
    if (plain >= s && plain > (whole.get(label.key) ?? 0)) whole.set(label.key, plain);
  }
  // A field titled only by a role ("Người giám hộ:") asks for that person's name.
  if (titleIsRole && inTitle.role !== 'self') {
    best.set('person.fullName', Math.max(best.get('person.fullName') ?? 0, 0.85));
    role = inTitle.role;
  }
  // Nearest first: the field's own title, the blanks before it on the line, then the enclosing titles.
  const around = [
    title,
    ...[...(context.nearby ?? [])].reverse().map(words),
    ...[...leaf.ancestors].reverse().flatMap((a) => [words(a.title ?? ''), nameWords(a.name)]),
  ];
  const distance = new Map<string, number>();
  for (const [key, phrases] of index.contexts) {
    const s = best.get(key);
    if (s === undefined || s <= NO_CONTEXT_CAP) continue;
    const at = around.findIndex((text) => phrases.some((phrase) => findSequence(text, phrase) >= 0));
    if (at < 0) best.set(key, NO_CONTEXT_CAP);
    else distance.set(key, at);
  }
  // Equal scores: the key whose context is named nearest wins ("…giấy phép lái xe số …  Cơ quan cấp");
  // at equal distance the generic identity document wins over a passport ("Số CMND/Hộ chiếu … cấp ngày").
  const rank = (key: string) => (distance.get(key) ?? 99) * 2 + (key.startsWith('person.idDocument.') ? 0 : 1);
  const decided = (a: string, b: string) => distance.has(a) && distance.has(b) && rank(a) !== rank(b);
  const ranked = [...best.entries()]
    .filter(([, s]) => s >= 0.3)
    .sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]))
    .slice(0, 3)
    .map(([key, s]) => ({ key, confidence: round(s) }));
  const [first, second] = ranked;
  if (!first)
    return { ...(role !== undefined && { role }), ...(fromSection && { fromSection }), confidence: 0, candidates: [] };
  // The whole title matched a label better than the role-stripped rest ("Mối quan hệ với chủ hộ"): no role.
  if (role !== undefined && inTitle && !titleIsRole && (whole.get(first.key) ?? 0) >= first.confidence)
    role = undefined;
  // Two keys nearly tied: the label does not decide, so do not trust it.
  const confidence =
    second &&
    second.confidence >= first.confidence - 0.05 &&
    !(second.confidence === first.confidence && decided(first.key, second.key))
      ? round(Math.min(first.confidence * 0.85, INFERENCE_THRESHOLD - 0.05))
      : first.confidence;
  return {
    key: first.key,
    ...(role !== undefined && { role }),
    ...(fromSection && role !== undefined && { fromSection }),
    confidence,
    candidates: ranked,
  };
}

/** Split-date part words: a leaf titled "Tháng" inside a group titled "Ngày, tháng, năm sinh". */
const DATE_PARTS: Record<string, 'day' | 'month' | 'year'> = {
  ngay: 'day',
  thang: 'month',
  nam: 'year',
  day: 'day',
  date: 'day',
  month: 'month',
  year: 'year',
};

/** The date part a leaf stands for (`day`, `month`, `year`), from its title or property name. */
export function datePartOf(leaf: Leaf): 'day' | 'month' | 'year' | undefined {
  const title = typeof leaf.node.title === 'string' ? foldText(leaf.node.title.replace(/\([^)]*\)/g, ' ')) : '';
  if (title !== '') return DATE_PARTS[title];
  return DATE_PARTS[splitName(leaf.name)];
}

const folded = new Map<string, string[]>();

/** Folded words of a title; titles repeat across fields and calls, so they are folded once (bounded cache). */
function words(text: string): string[] {
  let cached = folded.get(text);
  if (!cached) {
    if (folded.size > 10_000) folded.clear();
    folded.set(text, (cached = foldText(text).split(' ').filter(Boolean)));
  }
  return cached;
}

const splitNames = new Map<string, string[]>();

function nameWords(name: string): string[] {
  let cached = splitNames.get(name);
  if (!cached) {
    if (splitNames.size > 10_000) splitNames.clear();
    splitNames.set(name, (cached = splitName(name).split(' ').filter(Boolean)));
  }
  return cached;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** The `autocomplete` token of a field (`section-x shipping bday` → `bday`). */
export function autocompleteToken(node: FormSchema): string | undefined {
  const raw = node.autocomplete ?? node['x-autocomplete'];
  if (typeof raw !== 'string') return undefined;
  const tokens = raw
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => !t.startsWith('section-') && t !== 'shipping' && t !== 'billing');
  return tokens.at(-1);
}
