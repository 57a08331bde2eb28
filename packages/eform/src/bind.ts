import { createDiagnostic, type Diagnostic } from '@sohoa/core';
import {
  autocompleteToken,
  datePartOf,
  inferKey,
  INFERENCE_THRESHOLD,
  PRINCIPAL_ROLE,
  roleOfGroup,
  type Inference,
} from './internal/infer';
import { foldText, splitName } from './internal/fold';
import {
  asksForCapitals,
  asksProvinceOnly,
  coreLabelKey,
  dateOfLabel,
  documentOf,
  DOCUMENT_OF_NUMBER,
  idMentions,
  idNumberKey,
  isAuthoritySection,
  isConditionalSection,
  isOrganisationSection,
  nameByAddress,
  namesMoreThanADate,
} from './internal/label-rules';
import { addressKeyOf } from './internal/trust';
import { listLeaves, type Leaf } from './internal/walk';
import type { FieldBinding, FormBinding, FormSchema, SchemaOptions, Vocabulary } from './types';
import { getKeyInfo, keyWithRole, vocabulary as defaultVocabulary } from './vocabulary';

/** Keys that say a group is about a person (and so which person it is matters). */
const IDENTITY_KEYS = new Set([
  'person.fullName',
  'person.familyName',
  'person.givenName',
  'person.middleAndGivenName',
  'person.idNumber',
  'person.oldIdNumber',
  'person.birthDate',
  'person.idDocument.summary',
]);
const NAME_KEYS = new Set(['person.fullName', 'person.familyName', 'person.middleAndGivenName']);

const baseOf = (key: string) => key.replace(/\.(day|month|year)$/, '');

/** Inference for one leaf: a split-date part binds through its enclosing date group ("Ngày, tháng, năm sinh" › "Tháng"). */
interface LeafContext {
  /** Titles of the items before the field in its object, nearest last. */
  nearby: string[];
  /** The item just before in document order, and the key inferred for it. */
  last?: { title: string; key?: string };
  /** The field (or date group) is the form's last: where the signature date goes. */
  isLast?: boolean;
}

/** Documents an authority issues; a citizen never files or signs them. */
const AGENCY_TITLES = /^(mau )?(quyet dinh|cong van|thong bao|giay chung nhan|chung chi)\b/;
/** Documents an organisation files (a "tờ trình" to the authority above it): dated today, about no citizen. */
const ORGANISATION_TITLES = /^(mau )?(to trinh)\b/;

function isAgencyDocument(schema: FormSchema): 'issued' | 'organisation' | undefined {
  if (typeof schema.title !== 'string') return undefined;
  const title = foldText(schema.title);
  return AGENCY_TITLES.test(title) ? 'issued' : ORGANISATION_TITLES.test(title) ? 'organisation' : undefined;
}

/** "Hôm nay, ngày … tháng … năm …, tại …" (a contract's, an authorisation's first line): the date it is signed. */
const TODAY = /^hom nay( ngay)?$/;

function inferLeaf(leaf: Leaf, vocabulary: Vocabulary, context: LeafContext, signing: boolean): Inference {
  const { nearby } = context;
  const part = datePartOf(leaf);
  const parent = leaf.ancestors.at(-1);
  if (part && parent && (parent.title !== undefined || parent.name !== '')) {
    const group: Leaf = {
      pointer: leaf.pointer,
      schemaPointer: leaf.schemaPointer,
      name: parent.name,
      node: { ...(parent.title !== undefined && { title: parent.title }), format: 'date' },
      ancestors: leaf.ancestors.slice(0, -1),
      group: leaf.group,
    };
    const inferred = inferKey(group, vocabulary, { nearby });
    const named = dateGroupKey(parent.title ?? splitName(parent.name), context, nearby, leaf.ancestors.slice(0, -1));
    if (named)
      return {
        key: `${named}.${part}`,
        ...(inferred.role !== undefined && { role: inferred.role }),
        confidence: 0.9,
        candidates: [{ key: `${named}.${part}`, confidence: 0.9 }],
      };
    const asPart = {
      ...inferred,
      ...(inferred.key && { key: `${inferred.key}.${part}` }),
      candidates: inferred.candidates
        .filter((c) => vocabulary.keys[c.key]?.type === 'date')
        .map((c) => ({ ...c, key: `${c.key}.${part}` })),
    };
    // "Ngày, tháng, năm hết hạn": a date label naming something else is never the signature date.
    const notSigning =
      inferred.key === 'form.signingDate' && namesMoreThanADate(parent.title ?? splitName(parent.name));
    if (
      inferred.key &&
      !notSigning &&
      vocabulary.keys[inferred.key]?.type === 'date' &&
      inferred.confidence >= INFERENCE_THRESHOLD
    )
      return asPart;
    // "do … cấp ngày …", "Cơ quan cấp … ngày …": a bare date after an issuer is that document's issue date.
    const issuer = context.last?.key && /^(.+)\.issuer$/.exec(context.last.key);
    if (
      issuer &&
      parent.title !== undefined &&
      BARE_DATE.has(foldText(parent.title)) &&
      vocabulary.keys[`${issuer[1]}.issueDate`]
    ) {
      return {
        key: `${issuer[1]}.issueDate.${part}`,
        confidence: 0.85,
        candidates: [{ key: `${issuer[1]}.issueDate.${part}`, confidence: 0.85 }],
      };
    }
    if (
      signing &&
      (isSigningLine(parent.title, context.last?.title, leaf.ancestors.length === 1) ||
        TODAY.test(foldText(parent.title ?? '')) ||
        (context.isLast === true && BARE_DATE.has(foldText(parent.title ?? ''))))
    ) {
      return {
        key: `form.signingDate.${part}`,
        confidence: 0.9,
        candidates: [{ key: `form.signingDate.${part}`, confidence: 0.9 }],
      };
    }
    // A lone "Tháng" is never a whole date: at most an uncertain part of one.
    const { key: _key, ...uncertain } = asPart;
    return { ...uncertain, confidence: Math.min(inferred.confidence, INFERENCE_THRESHOLD - 0.05) };
  }
  // A date as a three-part array under a date label ("Sinh ngày": [Ngày, Tháng, Năm]).
  if (leaf.node.type === 'array') {
    const named = dateGroupKey(
      typeof leaf.node.title === 'string' ? leaf.node.title : splitName(leaf.name),
      context,
      nearby,
      leaf.ancestors,
    );
    if (named) return { key: named, confidence: 0.9, candidates: [{ key: named, confidence: 0.9 }] };
  }
  const title = typeof leaf.node.title === 'string' ? leaf.node.title : undefined;
  // A whole date in one field, named by its label ("cấp ngày … tháng … năm …", "Ngày sinh"): that date, or
  // nothing when the document it was issued for is not named ("Giấy báo tử … cấp ngày …").
  if (title !== undefined && /\bngay\b/.test(foldText(title))) {
    const kind = dateOfLabel(title);
    if (kind !== undefined) {
      const named = dateGroupKey(title, context, nearby, leaf.ancestors);
      const { key: _unused, ...guess } = inferKey(leaf, vocabulary, { nearby });
      if (!named) return { ...guess, confidence: Math.min(guess.confidence, INFERENCE_THRESHOLD - 0.05) };
      const role = guess.role;
      return {
        key: named,
        ...(role !== undefined && { role }),
        confidence: 0.9,
        candidates: [{ key: named, confidence: 0.9 }],
      };
    }
  }
  let inferred = followIdNumber(byLabelShape(leaf, inferKey(leaf, vocabulary, { nearby })), context.last?.key, title);
  if (inferred.key === 'form.signingDate' && title !== undefined && namesMoreThanADate(title)) {
    const { key: _notSigning, ...uncertain } = inferred;
    return { ...uncertain, confidence: Math.min(inferred.confidence, INFERENCE_THRESHOLD - 0.05) };
  }
  // "ngày … tháng … năm …" alone is the signature date only where a signature line stands.
  if (
    inferred.key === 'form.signingDate' &&
    title !== undefined &&
    /^(ngay|thang|nam|\s)+$/.test(foldText(title)) &&
    !(
      signing &&
      (isSigningLine('ngày', context.last?.title, leaf.ancestors.length === 0) ||
        (context.isLast === true && leaf.ancestors.length === 0))
    )
  ) {
    return { confidence: 0, candidates: [] };
  }
  if (inferred.key === 'person.fullName' && title !== undefined && asksForCapitals(title))
    inferred = { ...inferred, key: 'person.fullNameUpper' };
  // "Họ và tên (viết chữ in hoa)": the full name and the capitalised full name tie, and the label decides.
  const [first, second] = inferred.candidates;
  if (
    title !== undefined &&
    asksForCapitals(title) &&
    first !== undefined &&
    second !== undefined &&
    first.confidence >= INFERENCE_THRESHOLD &&
    new Set([first.key, second.key, 'person.fullName', 'person.fullNameUpper']).size === 2 &&
    (inferred.candidates[2]?.confidence ?? 0) < first.confidence - 0.05
  )
    inferred = { ...inferred, key: 'person.fullNameUpper', confidence: first.confidence };
  // "Nơi sinh (tỉnh, thành phố)": only the province of that address.
  if (
    inferred.key !== undefined &&
    title !== undefined &&
    addressKeyOf(inferred.key) === inferred.key &&
    asksProvinceOnly(title)
  )
    inferred = { ...inferred, key: `${inferred.key}.province` };
  return inferred;
}

/** Label shapes every form family shares (ID numbers under any mix of document names, "Tôi tên là", "Ông (Bà)"). */
function byLabelShape(leaf: Leaf, inferred: Inference): Inference {
  const title = typeof leaf.node.title === 'string' ? leaf.node.title : splitName(leaf.name);
  const role = inferred.role !== undefined ? { role: inferred.role } : {};
  const id = idNumberKey(title);
  if (id) return { key: id, ...role, confidence: 0.9, candidates: [{ key: id, confidence: 0.9 }] };
  // A core particular under any of its official wordings, where the vocabulary's labels do not decide.
  const core = inferred.confidence < INFERENCE_THRESHOLD ? coreLabelKey(title) : undefined;
  if (core) return { ...inferred, key: core, confidence: 0.85, candidates: [{ key: core, confidence: 0.85 }] };
  // English labels that ask a part of the name never get the whole name. The family name is one word; "first",
  // "given" or "middle" name of a Vietnamese name may be the given name alone or with the middle name: undecided.
  const part = ENGLISH_NAME_PART.exec(foldText(title.replace(/\([^)]*\)/g, ' ')));
  if (part) {
    if (/^(last|family|sur)/.test(part[1]!))
      return {
        key: 'person.familyName',
        ...role,
        confidence: 0.9,
        candidates: [{ key: 'person.familyName', confidence: 0.9 }],
      };
    return {
      ...role,
      confidence: 0,
      candidates: [],
      ambiguous: `"${title}" asks a part of the name that a Vietnamese name does not decide (given name alone, or middle and given name); left empty.`,
    };
  }
  // "Số CCCD/CMND/Hộ chiếu của người làm thủ tục" (or "… của người yêu cầu"): that person's number, when the label
  // names a known role;
  // "… của chủ xe" names nobody the vocabulary knows, so whose number it is stays undecided (unbound).
  // "Con ông …", "Con bà …" (a pupil's or a young person's form): the father's and the mother's names.
  const parent = /^con (?:cua )?(ong|ba)$/.exec(foldText(title));
  if (parent) {
    const key = 'person.fullName';
    return {
      key,
      role: parent[1] === 'ong' ? 'father' : 'mother',
      confidence: 0.85,
      candidates: [{ key, confidence: 0.85 }],
    };
  }
  const owner = /^(.*\S)\s+(của|cua)\s+\S.*$/iu.exec(title);
  const owned = owner ? idNumberKey(owner[1]!) : undefined;
  if (owned && inferred.role !== undefined)
    return { key: owned, ...role, confidence: 0.9, candidates: [{ key: owned, confidence: 0.9 }] };
  if (nameByAddress(title)) {
    // "Xác nhận anh/chị …": an authority certifies the applicant, never a third person.
    const who = /^xac nhan\b/.test(foldText(title)) ? { role: 'self' } : role;
    return {
      key: 'person.fullName',
      ...who,
      confidence: 0.85,
      candidates: [{ key: 'person.fullName', confidence: 0.85 }],
    };
  }
  return inferred;
}

const ENGLISH_NAME_PART =
  /^(?:\d+ )?(?:applicant s |your )?(last name|family name|surname|first name|given names?|middle names?|forenames?)$/;

/** The issued document a key belongs to (`person.oldIdDocument.issuer` → `oldIdDocument`). */
function documentOfKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  return DOCUMENT_OF_NUMBER[key] ?? /^person\.(idDocument|oldIdDocument|passport)\.(issuer|issueDate)$/.exec(key)?.[1];
}

/**
 * A date group named by its label ("Sinh ngày", "Ngày cấp", "Chết ngày"): the date it names; an issue date
 * is the one of the document the label names, else of the ID number or issuer just before it, else none.
 */
function dateGroupKey(
  title: string,
  context: LeafContext,
  nearby: string[],
  ancestors: Leaf['ancestors'] = [],
): string | undefined {
  const named = dateOfLabel(title);
  if (named !== 'issue') return named;
  const around = [...[...nearby].reverse(), ...[...ancestors].reverse().map((a) => a.title ?? '')];
  const doc =
    documentOf(foldText(title)) ??
    documentOfKey(context.last?.key) ??
    around.map((t) => documentOf(foldText(t))).find(Boolean);
  return doc && `person.${doc}.issueDate`;
}

const ISSUE_FIELD = /^person\.(idDocument|oldIdDocument|passport|drivingLicence)\.(issuer|issueDate)$/;
const ISSUE_LABEL: Record<string, 'issuer' | 'issueDate'> = {
  'noi cap': 'issuer',
  'co quan cap': 'issuer',
  'cap tai': 'issuer',
  do: 'issuer',
  tai: 'issuer',
  'ngay cap': 'issueDate',
  'cap ngay': 'issueDate',
};

/**
 * "Số CMND/Hộ chiếu …: [số] Cơ quan cấp [ ] ngày [ ]": right after an ID number, an issuer or issue date
 * belongs to the document that number came from (CCCD, CMND or passport), whatever else the label suggests.
 */
function followIdNumber(inference: Inference, lastKey: string | undefined, title?: string): Inference {
  const doc = lastKey === undefined ? undefined : DOCUMENT_OF_NUMBER[lastKey];
  if (!doc) return inference;
  const byLabel = title === undefined ? undefined : ISSUE_LABEL[foldText(title.replace(/\([^)]*\)/g, ' '))];
  const top = inference.candidates[0];
  const issue = byLabel ?? (top && top.confidence >= INFERENCE_THRESHOLD ? ISSUE_FIELD.exec(top.key)?.[2] : undefined);
  if (!issue || (inference.key && inference.confidence >= INFERENCE_THRESHOLD && !ISSUE_FIELD.test(inference.key)))
    return inference;
  const key = `person.${doc}.${issue}`;
  const confidence = Math.max(0.85, inference.confidence);
  return {
    ...inference,
    key,
    confidence,
    candidates: [{ key, confidence }, ...inference.candidates.filter((c) => c.key !== key)],
  };
}

const BARE_DATE = new Set(['ngay', 'date', 'lam tai ngay']);

/**
 * The signature line "Hà Nội, ngày … tháng … năm …": a date group titled only "ngày" right after a
 * blank with no label of its own (the place) or "Làm tại", or at the top level after anything but a
 * number or an issuer, or as the form's last item. Other bare dates ("số …/… ngày") are documents'.
 */
function isSigningLine(title: string | undefined, before: string | undefined, atRoot: boolean): boolean {
  if (title === undefined || !BARE_DATE.has(foldText(title))) return false;
  if (before === undefined) return false;
  if (isAuthoritySection(before)) return false;
  const bare = foldText(before.replace(/\([^)]*\)/g, ' '));
  if (bare === '' || bare === 'lam tai') return true;
  // At the top level, outside any person's block, after anything but a number or an issuer ("số …", "… cấp").
  return atRoot && !/\b(so|cap|do|tai)$/.test(bare);
}

/**
 * The run of fields an item belongs to: its enclosing object, and, where a layout section (a Form.io or SurveyJS
 * panel) flattens the data, that section too, so that a panel starts a new run as a JSON Schema object does.
 */
function containerOf(leaf: Leaf, item: string): string {
  const parent = item.replace(/\/[^/]*$/, '');
  return leaf.group.startsWith('§') ? `${leaf.group}|${parent}` : parent;
}

/** The title a reader sees for the item a leaf belongs to (its date group for a split date). */
function itemTitle(leaf: Leaf): { id: string; title: string } {
  const parent = leaf.ancestors.at(-1);
  if (datePartOf(leaf) && parent?.title !== undefined)
    return { id: leaf.pointer.replace(/\/[^/]*$/, ''), title: parent.title };
  return { id: leaf.pointer, title: typeof leaf.node.title === 'string' ? leaf.node.title : '' };
}

/**
 * Roles of unnamed people: on a form that asks about several people, the first person block that names
 * nobody is the requester unless another block names the requester; other unnamed blocks are someone
 * else (`other`), never filled from the requester's data.
 */
function defaultRoles(leaves: Leaf[], inferred: Inference[], vocabulary: Vocabulary): Map<string, string | undefined> {
  const actsAsSelf = (role: string | undefined) =>
    role === 'self' || (role !== undefined && vocabulary.roles[role]?.default === 'self');
  const groups = new Map<string, { role?: string; person: boolean; named: boolean; authority: boolean }>();
  leaves.forEach((leaf, i) => {
    // A top-level object, or a layout panel (titled or not) that flattens the data.
    const top: { name: string; title?: string } | undefined =
      leaf.ancestors[0] ?? (leaf.group.startsWith('§') ? { name: '' } : undefined);
    if (!top) return;
    const id = leaf.group;
    let group = groups.get(id);
    if (!group) {
      const named = roleOfGroup(vocabulary, top);
      const authority = isAuthoritySection(top.title);
      // A section asked only in some cases ("Người khai (trường hợp đối tượng không tự khai)") is not the subject's.
      const role = isConditionalSection(top.title) && (named === undefined || actsAsSelf(named)) ? 'other' : named;
      groups.set(id, (group = { person: false, named: false, authority, ...(role !== undefined && { role }) }));
    }
    const inference = inferred[i]!;
    if (!inference.key || inference.confidence < INFERENCE_THRESHOLD) return;
    const base = baseOf(inference.key);
    if (IDENTITY_KEYS.has(base)) group.person = true;
    // The first name in a block is the block's person ("Họ, chữ đệm, tên người yêu cầu"); later names are others'.
    if ((NAME_KEYS.has(base) || base === 'person.fullNameUpper') && !group.named) {
      group.named = true;
      if (group.role === undefined && inference.role !== undefined) group.role = inference.role;
    }
  });
  const roles = new Map<string, string | undefined>();
  // An authority's confirmation naming the applicant ("Xác nhận ông/bà …") does not make the citizen's own
  // unnamed block someone else's.
  let self = [...groups.values()].some((g) => g.person && actsAsSelf(g.role) && !g.authority);
  for (const [id, group] of groups) {
    if (!group.person) continue;
    if (group.role !== undefined) roles.set(id, group.role);
    else if (self) roles.set(id, 'other');
    else {
      roles.set(id, undefined);
      self = true;
    }
  }
  return roles;
}

// English relation words in a field's data path or titles (forms written by others: `spouseDateOfBirth`,
// `secondaryContact/fullName`, "Dependent's name"): the field is about that person, never the subject.
// Relations the vocabulary has get their role; the rest are `other`, which no profile answers.
const ENGLISH_RELATIONS: Record<string, string> = {
  spouse: 'spouse',
  spouses: 'spouse',
  husband: 'spouse',
  wife: 'spouse',
  marriage: 'spouse',
  marriages: 'spouse',
  child: 'child',
  children: 'child',
  son: 'child',
  daughter: 'child',
  mother: 'mother',
  father: 'father',
  parent: 'parent',
  parents: 'parent',
  guardian: 'guardian',
  representative: 'representative',
  attorney: 'attorney',
  agent: 'agent',
  deceased: 'deceased',
  dependent: 'other',
  dependents: 'other',
  secondary: 'other',
  caregiver: 'other',
  caregivers: 'other',
  sponsor: 'other',
  beneficiary: 'other',
  witness: 'other',
  witnesses: 'other',
  preparer: 'other',
  physician: 'other',
  doctor: 'other',
  employer: 'other',
  emergency: 'other',
  kin: 'other',
  relative: 'other',
  relatives: 'other',
  fiduciary: 'other',
  certifier: 'other',
  nominee: 'other',
};

function englishRelation(leaf: Leaf): string | undefined {
  const texts = [...leaf.pointer.split('/'), leaf.node.title, ...leaf.ancestors.map((a) => a.title)];
  for (const text of texts) {
    if (typeof text !== 'string') continue;
    for (const word of text
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z]+/)) {
      const role = ENGLISH_RELATIONS[word];
      if (role !== undefined) return role;
    }
  }
  return undefined;
}

const NAME_PARTS_AFTER_FAMILY = new Set(['person.middleAndGivenName', 'person.givenName', 'person.middleName']);
/** What a relation's name printed inline is usually followed by: that person's own particulars. */
const PARTICULARS =
  /^person\.(birthDate|birthYear|age|sex|ethnicity|nationality|religion|occupation|idNumber|oldIdNumber|idDocument|oldIdDocument|passport|hometown|birthPlace|fullNameUpper)(\.|$)/;

/**
 * "Hà Nội, ngày … tháng … năm …": the blank right before the form's own signature date, with no label of its
 * own (or "Làm tại"), is the place of the declaration (`form.signingPlace`, the subject's current commune).
 */
function bindSigningPlace(leaves: Leaf[], inferred: Inference[]): void {
  const at = inferred.findIndex((inference) => inference.key?.startsWith('form.signingDate.'));
  if (at <= 0) return;
  const date = itemTitle(leaves[at]!).id;
  const before = leaves[at - 1]!;
  const place = itemTitle(before);
  if (place.id === date || place.id.replace(/\/[^/]*$/, '') !== date.replace(/\/[^/]*$/, '') || datePartOf(before))
    return;
  const title = foldText(place.title.replace(/\([^)]*\)/g, ' '));
  const previous = inferred[at - 1]!;
  if (
    (title === '' || title === 'lam tai') &&
    !(previous.key && previous.confidence >= INFERENCE_THRESHOLD && previous.key !== 'form.signingPlace')
  ) {
    inferred[at - 1] = {
      key: 'form.signingPlace',
      confidence: 0.9,
      candidates: [{ key: 'form.signingPlace', confidence: 0.9 }],
    };
  }
}

/** A label that asks for an identity document's number ("Số CCCD/CMND/Hộ chiếu của chủ xe", "Giấy CMND số"). */
function isIdNumberLabel(title: string): boolean {
  const folded = foldText(title.replace(/\([^)]*\)/g, ' '));
  const m = idMentions(folded);
  if (!m.cccd && !m.cmnd && !m.passport) return false;
  return dateOfLabel(title) === undefined && !/\b(noi cap|co quan cap|cap tai|cap ngay|ngay cap|do)\b/.test(folded);
}

/**
 * An issue date or issuer belongs to the ID number printed just before it. When that number's field is not
 * bound (whose document it is, the label does not say: "Số CCCD/CMND/Hộ chiếu của chủ xe"), its issue date
 * and place are not the subject's either: they stay empty rather than take the subject's card. When the number
 * is another person's ("… của người làm thủ tục"), so are its issue date and place.
 */
function followIdOwner(leaves: Leaf[], inferred: Inference[]): void {
  let orphan: string | undefined;
  let owner: string | undefined;
  let since = 0;
  let item: string | undefined;
  leaves.forEach((leaf, i) => {
    const here = itemTitle(leaf);
    if (here.id !== item) {
      item = here.id;
      since++;
    }
    const inference = inferred[i]!;
    const bound = inference.key !== undefined && inference.confidence >= INFERENCE_THRESHOLD;
    if (!datePartOf(leaf) && isIdNumberLabel(here.title)) {
      orphan = bound ? undefined : here.id;
      owner = bound && inference.role !== 'self' ? inference.role : undefined;
      since = 0;
      return;
    }
    if (since > 3 || !bound || !ISSUE_OF_DOCUMENT.test(inference.key!)) return;
    if (owner !== undefined && inference.role === undefined) inferred[i] = { ...inference, role: owner };
    else if (orphan !== undefined)
      inferred[i] = {
        confidence: 0,
        candidates: [],
        ambiguous: `\`${inference.key}\` follows an ID number whose owner the label does not name; left empty.`,
      };
  });
}

const ISSUE_OF_DOCUMENT = /^person\.(idDocument|oldIdDocument|passport)\.(issuer|issueDate)(\.(day|month|year))?$/;

/**
 * A name label followed by a person ("Họ và tên người …", "Họ, chữ đệm và tên của …", "Họ tên ông …"): when it binds
 * nothing, the name of someone the vocabulary does not know. ("Họ tên trong hộ chiếu" names no one: not this.)
 */
const UNKNOWN_PERSON_NAME = /^(\d+ )?(ho va ten|ho ten|ho chu dem (va )?ten) (cua|nguoi|ong|ba)\b/;

/**
 * People in a run of fields. In one object (section), the first name field is the section's person. A later
 * name without a role ("Ông (Bà)" after "Tôi tên là"), or a person introduced in prose ("Là cha/mẹ … của em"),
 * is someone else (`other`): every personal field after it is theirs, until the next section. A relation's
 * name printed inline ("Họ tên mẹ") gives the particulars right after it (birth date, ID, ethnicity …) to that
 * relation, and makes an address after it nobody's (whose it is, the label does not say); contact fields stay
 * the applicant's. "Tên" alone is a given name only right after "Họ"; otherwise it asks the full name.
 */
function sequenceRoles(
  leaves: Leaf[],
  inferred: Inference[],
): { roles: Array<string | undefined>; inferred: Inference[] } {
  const roles: Array<string | undefined> = [];
  const adjusted = [...inferred];
  let container: string | undefined;
  let named = false;
  let carry: string | undefined;
  let previous: { item: string; base?: string } | undefined;
  leaves.forEach((leaf, i) => {
    const item = itemTitle(leaf).id;
    const here = containerOf(leaf, item);
    if (here !== container) {
      container = here;
      named = false;
      carry = undefined;
      previous = undefined;
    }
    let inference = inferred[i]!;
    let base = inference.key && inference.confidence >= INFERENCE_THRESHOLD ? baseOf(inference.key) : undefined;
    // "Là cha/mẹ … của em: [ ]": an uncertain name of someone else still says who the next fields are about.
    if (
      base === undefined &&
      inference.role === 'other' &&
      inference.candidates[0] !== undefined &&
      NAME_KEYS.has(inference.candidates[0].key)
    ) {
      carry = 'other';
      named = true;
    }
    // "Họ và tên người thừa kế", "Họ, chữ đệm và tên của …" that binds nothing: someone this form names and the
    // vocabulary does not know; the particulars after it are theirs, never the subject's.
    if (base === undefined && !datePartOf(leaf) && UNKNOWN_PERSON_NAME.test(foldText(itemTitle(leaf).title))) {
      carry = 'other';
      named = true;
    }
    if (
      base === 'person.givenName' &&
      previous?.base !== 'person.familyName' &&
      previous?.base !== 'person.middleName'
    ) {
      const title = typeof leaf.node.title === 'string' ? leaf.node.title : '';
      base = asksForCapitals(title) ? 'person.fullNameUpper' : 'person.fullName';
      inference = { ...inference, key: base };
      adjusted[i] = inference;
    }
    if (
      base !== undefined &&
      previous?.item !== item &&
      (NAME_KEYS.has(base) || base === 'person.fullNameUpper' || base === 'person.givenName')
    ) {
      const samePerson = previous?.base === 'person.familyName' && NAME_PARTS_AFTER_FAMILY.has(base);
      if (inference.role !== undefined) {
        // "Con ông …, con bà …" describe the person whose fields follow; they introduce no one.
        const describes = /^con (cua )?(ong|ba)$/.test(foldText(itemTitle(leaf).title));
        if (!describes) carry = inference.role === 'self' ? undefined : inference.role;
        named = true;
      } else if (!named) named = true;
      else if (!samePerson) carry = 'other';
    }
    let role: string | undefined;
    // "Thông tin người thân" › "Họ tên bố" › "Năm sinh": the section says only "someone else"; the name before the
    // field says who.
    const generic = inference.role === 'other' && inference.fromSection === true && carry !== 'other';
    if ((inference.role === undefined || generic) && carry !== undefined && base?.startsWith('person.')) {
      // The person a request is for: every personal field after their name is theirs, address included.
      if (carry === 'other' || carry.startsWith(PRINCIPAL_ROLE) || PARTICULARS.test(base)) role = carry;
      else if (addressKeyOf(base) !== undefined) role = 'other';
    }
    roles.push(role);
    if (base !== undefined || previous?.item !== item) previous = { item, ...(base !== undefined && { base }) };
  });
  return { roles, inferred: adjusted };
}

/**
 * Bind every leaf field of a form schema to a semantic key: the `x-sohoa-key` annotation first
 * (`false` means "never fill"), then an `autocomplete` token, then inference from the title, the
 * property name and the enclosing objects' titles (which give the role: mẹ, cha, người yêu cầu...).
 * Split dates bind through their group ("Ngày, tháng, năm sinh" › "Tháng" → `person.birthDate.month`);
 * on a form about several people an unnamed block after the first is someone else's and is not filled.
 * Inference below 0.8 confidence is reported with candidates and not used.
 *
 * @example
 * const { fields } = bindForm(schema); // [{ pointer: '/nguoiYeuCau/hoTen', key: 'person.fullName', via: 'annotation', ... }]
 */
export function bindForm(
  schema: FormSchema,
  vocabulary: Vocabulary = defaultVocabulary,
  options: SchemaOptions = {},
): FormBinding {
  const autocomplete = new Map<string, string>();
  for (const entry of Object.values(vocabulary.keys)) {
    if (entry.autocomplete && !entry.role) autocomplete.set(entry.autocomplete, entry.key);
  }
  const diagnostics: Diagnostic[] = [];
  const leaves = listLeaves(schema, options.limits);
  const items: Array<{ id: string; title: string; top: string; index: number }> = [];
  const inferredSoFar: Inference[] = [];
  const agency = isAgencyDocument(schema);
  if (agency) {
    diagnostics.push(
      createDiagnostic(
        'EFORM_NOT_A_DECLARATION',
        'info',
        agency === 'issued'
          ? 'The form title names a document an authority issues (quyết định, công văn, …), not one a citizen files; only annotated fields are bound. Annotate fields with `x-sohoa-key` to fill them.'
          : 'The form title names a document an organisation files (tờ trình), about no citizen: only its signing date is bound. Annotate fields with `x-sohoa-key` to fill others.',
        { origin: 'eform' },
      ),
    );
  }
  // Only the first signature line is the form's own; later ones are confirmations by others.
  let signingLine: string | undefined;
  const lastItem = leaves.length > 0 ? itemTitle(leaves.at(-1)!).id : undefined;
  const inferred = leaves.map((leaf, i) => {
    const item = itemTitle(leaf);
    const top = containerOf(leaf, item.id);
    const others = items.filter((it) => it.id !== item.id);
    const previous = others.filter((it) => it.top === top).slice(-3);
    const last = others.at(-1);
    if (items.at(-1)?.id !== item.id) items.push({ ...item, top, index: i });
    const lastInference = last && inferredSoFar[last.index];
    const lastKey = lastInference && lastInference.confidence >= INFERENCE_THRESHOLD ? lastInference.key : undefined;
    const context = {
      nearby: previous.map((p) => p.title),
      last: last && { title: last.title, ...(lastKey !== undefined && { key: lastKey }) },
      isLast: item.id === lastItem,
    };
    // An authority's section (its confirmation, its opinion) takes none of the citizen's declaration.
    const inAuthority = leaf.ancestors.some((a) => isAuthoritySection(a.title));
    let inference: Inference =
      agency === 'issued'
        ? { confidence: 0, candidates: [] }
        : inferLeaf(leaf, vocabulary, context, !inAuthority && (signingLine === undefined || signingLine === item.id));
    // An organisation's submission: its date only (its place is the organisation's, not the subject's commune).
    if (agency === 'organisation' && !inference.key?.startsWith('form.signingDate.'))
      inference = { confidence: 0, candidates: [] };
    if (inAuthority && inference.key?.startsWith('form.')) inference = { confidence: 0, candidates: [] };
    if (inference.key?.startsWith('form.signingDate.')) signingLine ??= item.id;
    inferredSoFar.push(inference);
    return inference;
  });
  if (agency !== 'organisation') bindSigningPlace(leaves, inferred);
  followIdOwner(leaves, inferred);
  const groupRoles = defaultRoles(leaves, inferred, vocabulary);
  const sequence = sequenceRoles(leaves, inferred);
  const actsAsSelf = (role: string | undefined) =>
    role === undefined || role === 'self' || vocabulary.roles[role]?.default === 'self';
  // The role each field's person has, before the form-wide decisions below.
  const found = leaves.map((leaf, i) => {
    const inference = sequence.inferred[i]!;
    // In a section about an organisation ("Thông tin hộ kinh doanh", "Đơn vị công tác"), a person's key is nobody's.
    const inOrganisation = inference.role === undefined && leaf.ancestors.some((a) => isOrganisationSection(a.title));
    // A section that says only "someone else" ("Thông tin người thân") yields to the name just before the field.
    const named = inference.fromSection && inference.role === 'other' ? sequence.roles[i] : undefined;
    let role =
      named ??
      inference.role ??
      (inOrganisation ? 'other' : undefined) ??
      sequence.roles[i] ??
      groupRoles.get(leaf.group);
    // A section asked only in some cases ("Người khai (trường hợp đối tượng không tự khai)", "(nếu có)") is never
    // the subject's: the requester's or an unnamed person there is someone else; a relation stays that relation.
    if (actsAsSelf(role) && leaf.ancestors.some((a) => isConditionalSection(a.title))) role = 'other';
    return role;
  });
  // "Người được đề nghị …" is the subject when no one else on the form is: no field of the requester's or of an
  // unnamed person outside conditional and authority sections.
  const someoneElseFiles = leaves.some((leaf, i) => {
    const inference = sequence.inferred[i]!;
    if (!inference.key || inference.confidence < INFERENCE_THRESHOLD || !IDENTITY_KEYS.has(baseOf(inference.key)))
      return false;
    if (leaf.ancestors.some((a) => isAuthoritySection(a.title))) return false;
    return actsAsSelf(found[i]);
  });
  for (let i = 0; i < found.length; i++) {
    const [principal, otherwise] = found[i]?.split(':') ?? [];
    if (principal === PRINCIPAL_ROLE) found[i] = someoneElseFiles ? (otherwise ?? 'other') : undefined;
  }

  const fields = leaves.map((leaf, i): FieldBinding => {
    const title = typeof leaf.node.title === 'string' ? leaf.node.title : leaf.name;
    const base = { pointer: leaf.pointer, schemaPointer: leaf.schemaPointer, title };
    const inference = sequence.inferred[i]!;
    const relation = englishRelation(leaf);
    const role = relation !== undefined && (found[i] === undefined || found[i] === 'self') ? relation : found[i];
    const annotated = leaf.node['x-sohoa-key'];
    if (annotated === false) return { ...base, via: 'none', confidence: 1 };
    if (typeof annotated === 'string' && annotated !== '') {
      if (!getKeyInfo(annotated)) {
        diagnostics.push(
          createDiagnostic(
            'EFORM_UNKNOWN_KEY',
            'warning',
            `\`x-sohoa-key\` names \`${annotated}\`, which is not in the vocabulary; check the spelling or add it to the vocabulary (packages/eform/vocab/keys.json).`,
            {
              origin: 'eform',
              pointer: leaf.pointer,
              key: annotated,
            },
          ),
        );
      }
      return { ...base, key: annotated, via: 'annotation', confidence: 1 };
    }
    const token = autocompleteToken(leaf.node);
    const fromToken = token === undefined ? undefined : autocomplete.get(token);
    if (fromToken) return { ...base, key: keyWithRole(fromToken, role), via: 'autocomplete', confidence: 0.95 };
    if (inference.key && inference.confidence >= INFERENCE_THRESHOLD) {
      return { ...base, key: keyWithRole(inference.key, role), via: 'inference', confidence: inference.confidence };
    }
    if (inference.ambiguous !== undefined)
      diagnostics.push(
        createDiagnostic('EFORM_BINDING_AMBIGUOUS', 'info', `Field \`${leaf.pointer}\`: ${inference.ambiguous}`, {
          origin: 'eform',
          pointer: leaf.pointer,
        }),
      );
    const candidates = inference.candidates.map((c) => ({ key: keyWithRole(c.key, role), confidence: c.confidence }));
    if (candidates.length > 0) {
      diagnostics.push(
        createDiagnostic(
          'EFORM_BINDING_UNCERTAIN',
          'info',
          `Field \`${leaf.pointer}\` may be ${candidates.map((c) => `\`${c.key}\` (${c.confidence})`).join(', ')}; below ${INFERENCE_THRESHOLD}, so it is not filled. Add an \`x-sohoa-key\` annotation to bind it.`,
          { origin: 'eform', pointer: leaf.pointer },
        ),
      );
    }
    return { ...base, via: 'none', confidence: inference.confidence, ...(candidates.length > 0 && { candidates }) };
  });
  return { fields, diagnostics };
}
