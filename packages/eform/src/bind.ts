import { createDiagnostic, type Diagnostic } from '@sohoa/core';
import { autocompleteToken, datePartOf, inferKey, INFERENCE_THRESHOLD, roleOfGroup, type Inference } from './internal/infer';
import { foldText } from './internal/fold';
import { listLeaves, type Leaf } from './internal/walk';
import type { FieldBinding, FormBinding, FormSchema, SchemaOptions, Vocabulary } from './types';
import { getKeyInfo, keyWithRole, vocabulary as defaultVocabulary } from './vocabulary';

/** Keys that say a group is about a person (and so which person it is matters). */
const IDENTITY_KEYS = new Set(['person.fullName', 'person.familyName', 'person.givenName', 'person.middleAndGivenName', 'person.idNumber', 'person.oldIdNumber', 'person.birthDate', 'person.idDocument.summary']);
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
const AGENCY_TITLES = /^(mau )?(quyet dinh|to trinh|cong van|thong bao|giay chung nhan|chung chi)\b/;

function isAgencyDocument(schema: FormSchema): boolean {
  return typeof schema.title === 'string' && AGENCY_TITLES.test(foldText(schema.title));
}

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
    };
    const inferred = inferKey(group, vocabulary, { nearby });
    const asPart = { ...inferred, ...(inferred.key && { key: `${inferred.key}.${part}` }), candidates: inferred.candidates.filter((c) => vocabulary.keys[c.key]?.type === 'date').map((c) => ({ ...c, key: `${c.key}.${part}` })) };
    if (inferred.key && vocabulary.keys[inferred.key]?.type === 'date' && inferred.confidence >= INFERENCE_THRESHOLD) return asPart;
    // "do … cấp ngày …", "Cơ quan cấp … ngày …": a bare date after an issuer is that document's issue date.
    const issuer = context.last?.key && /^(.+)\.issuer$/.exec(context.last.key);
    if (issuer && parent.title !== undefined && BARE_DATE.has(foldText(parent.title)) && vocabulary.keys[`${issuer[1]}.issueDate`]) {
      return { key: `${issuer[1]}.issueDate.${part}`, confidence: 0.85, candidates: [{ key: `${issuer[1]}.issueDate.${part}`, confidence: 0.85 }] };
    }
    if (signing && (isSigningLine(parent.title, context.last?.title, leaf.ancestors.length === 1) || (context.isLast === true && BARE_DATE.has(foldText(parent.title ?? ''))))) {
      return { key: `form.signingDate.${part}`, confidence: 0.9, candidates: [{ key: `form.signingDate.${part}`, confidence: 0.9 }] };
    }
    // A lone "Tháng" is never a whole date: at most an uncertain part of one.
    const { key: _key, ...uncertain } = asPart;
    return { ...uncertain, confidence: Math.min(inferred.confidence, INFERENCE_THRESHOLD - 0.05) };
  }
  return followIdNumber(inferKey(leaf, vocabulary, { nearby }), context.last?.key);
}

const ISSUE_FIELD = /^person\.(idDocument|oldIdDocument|passport|drivingLicence)\.(issuer|issueDate)$/;

/**
 * "Số CMND/Hộ chiếu …: [số] Cơ quan cấp [ ]": right after the person's ID number, an issuer or issue
 * date belongs to the document that number came from, whichever the label lists first.
 */
function followIdNumber(inference: Inference, lastKey: string | undefined): Inference {
  if (lastKey !== 'person.idNumber' || (inference.key && inference.confidence >= INFERENCE_THRESHOLD)) return inference;
  const issue = inference.candidates.map((c) => ({ c, m: ISSUE_FIELD.exec(c.key) })).find(({ c, m }) => m && c.confidence >= INFERENCE_THRESHOLD);
  if (!issue?.m) return inference;
  const key = `person.idDocument.${issue.m[2]}`;
  return { ...inference, key, confidence: issue.c.confidence, candidates: [{ key, confidence: issue.c.confidence }, ...inference.candidates.filter((c) => c.key !== key)] };
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
  const bare = foldText(before.replace(/\([^)]*\)/g, ' '));
  if (bare === '' || bare === 'lam tai') return true;
  // At the top level, outside any person's block, after anything but a number or an issuer ("số …", "… cấp").
  return atRoot && !/\b(so|cap|do|tai)$/.test(bare);
}

/** The title a reader sees for the item a leaf belongs to (its date group for a split date). */
function itemTitle(leaf: Leaf): { id: string; title: string } {
  const parent = leaf.ancestors.at(-1);
  if (datePartOf(leaf) && parent?.title !== undefined) return { id: leaf.pointer.replace(/\/[^/]*$/, ''), title: parent.title };
  return { id: leaf.pointer, title: typeof leaf.node.title === 'string' ? leaf.node.title : '' };
}

/**
 * Roles of unnamed people: on a form that asks about several people, the first person block that names
 * nobody is the requester unless another block names the requester; other unnamed blocks are someone
 * else (`other`), never filled from the requester's data.
 */
function defaultRoles(leaves: Leaf[], inferred: Inference[], vocabulary: Vocabulary): Map<string, string | undefined> {
  const groups = new Map<string, { role?: string; person: boolean; named: boolean }>();
  leaves.forEach((leaf, i) => {
    const top = leaf.ancestors[0];
    if (!top) return;
    const id = leaf.pointer.split('/')[1]!;
    let group = groups.get(id);
    if (!group) {
      const role = roleOfGroup(vocabulary, top);
      groups.set(id, (group = { person: false, named: false, ...(role !== undefined && { role }) }));
    }
    const inference = inferred[i]!;
    if (!inference.key || inference.confidence < INFERENCE_THRESHOLD) return;
    const base = baseOf(inference.key);
    if (IDENTITY_KEYS.has(base)) group.person = true;
    // The first name in a block is the block's person ("Họ, chữ đệm, tên người yêu cầu"); later names are others'.
    if (NAME_KEYS.has(base) && !group.named) {
      group.named = true;
      if (group.role === undefined && inference.role !== undefined) group.role = inference.role;
    }
  });
  const roles = new Map<string, string | undefined>();
  const actsAsSelf = (role: string | undefined) => role === 'self' || (role !== undefined && vocabulary.roles[role]?.default === 'self');
  let self = [...groups.values()].some((g) => g.person && actsAsSelf(g.role));
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
export function bindForm(schema: FormSchema, vocabulary: Vocabulary = defaultVocabulary, options: SchemaOptions = {}): FormBinding {
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
      createDiagnostic('EFORM_NOT_A_DECLARATION', 'info', 'The form title names a document an authority issues (quyết định, tờ trình, …), not one a citizen files; only annotated fields are bound. Annotate fields with `x-sohoa-key` to fill them.', { origin: 'eform' }),
    );
  }
  // Only the first signature line is the form's own; later ones are confirmations by others.
  let signingLine: string | undefined;
  const lastItem = leaves.length > 0 ? itemTitle(leaves.at(-1)!).id : undefined;
  const inferred = leaves.map((leaf, i) => {
    const item = itemTitle(leaf);
    const top = item.id.replace(/\/[^/]*$/, '');
    const others = items.filter((it) => it.id !== item.id);
    const previous = others.filter((it) => it.top === top).slice(-3);
    const last = others.at(-1);
    if (items.at(-1)?.id !== item.id) items.push({ ...item, top, index: i });
    const lastInference = last && inferredSoFar[last.index];
    const lastKey = lastInference && lastInference.confidence >= INFERENCE_THRESHOLD ? lastInference.key : undefined;
    const context = { nearby: previous.map((p) => p.title), last: last && { title: last.title, ...(lastKey !== undefined && { key: lastKey }) }, isLast: item.id === lastItem };
    const inference = agency ? { confidence: 0, candidates: [] } : inferLeaf(leaf, vocabulary, context, signingLine === undefined || signingLine === item.id);
    if (inference.key?.startsWith('form.signingDate.')) signingLine ??= item.id;
    inferredSoFar.push(inference);
    return inference;
  });
  const groupRoles = defaultRoles(leaves, inferred, vocabulary);

  const fields = leaves.map((leaf, i): FieldBinding => {
    const title = typeof leaf.node.title === 'string' ? leaf.node.title : leaf.name;
    const base = { pointer: leaf.pointer, schemaPointer: leaf.schemaPointer, title };
    const inference = inferred[i]!;
    const role = inference.role ?? groupRoles.get(leaf.pointer.split('/')[1]!);
    const annotated = leaf.node['x-sohoa-key'];
    if (annotated === false) return { ...base, via: 'none', confidence: 1 };
    if (typeof annotated === 'string' && annotated !== '') {
      if (!getKeyInfo(annotated)) {
        diagnostics.push(
          createDiagnostic('EFORM_UNKNOWN_KEY', 'warning', `\`x-sohoa-key\` names \`${annotated}\`, which is not in the vocabulary; check the spelling or add it to the vocabulary (packages/eform/vocab/keys.json).`, {
            origin: 'eform',
            pointer: leaf.pointer,
            key: annotated,
          }),
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
