import { type Diagnostic, type DocumentKind, SohoaError } from '@sohoa/core';
import { civilRecord, splitRelations } from '../civil-document';
import { readFields, type ReaderField, type ReaderRole, type ReaderSpec } from '../field-reader';
import { mergeFieldSets } from '../merge';
import { foldPerChar } from '../lines';
import { type TitleVotes, titleVoteScore } from '../title-votes';
import type { DocumentTypeDefinition, FieldSet } from '../types';

/** Kinds a document type may declare (`correction` and `unclassified` are the vault's, not a type's). */
export const DECLARABLE_KINDS: readonly DocumentKind[] = ['identity', 'civil-status', 'business', 'land', 'letter'];

/** DocCode kind abbreviation of a page no type recognised (không phân loại). */
export const UNCLASSIFIED_DOC_CODE_KIND = 'KPL';

const ID_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DOC_CODE_KIND_SHAPE = /^[A-Z]{2,8}$/;

/** What tells a page of the type from others, whatever its layout (see `titleVoteScore`). */
export interface DocumentTypeLabels {
  /** Title wordings as printed, e.g. `Giấy chứng tử` (diacritics, case and spaces do not matter). */
  titles: readonly string[];
  /** Labels only this type prints; two of them beside a title make a page certain. */
  markers?: readonly string[];
  /** Labels that say the page is of a related type; each found takes a vote away. */
  against?: readonly string[];
}

/**
 * A document type declared as data. The shared readers do the rest: `labels` classify a page,
 * `fields` and `sections` are read by the layout-independent labelled-field reader, `checks` run on
 * the merged fields. A type whose pages need more than that gives its own `classify` / `extract`.
 */
export interface DocumentTypeDeclaration {
  /** Lower-case ASCII words joined by `-`, e.g. `giay-chung-tu`; what records carry as `type`. */
  id: string;
  kind: DocumentKind;
  /** Vietnamese title, e.g. `Giấy chứng tử`. */
  title: string;
  /**
   * DocCode kind abbreviation of the digitised copy (`MCQ_LV_STT_PB`, the `LV` part): 2–8 upper-case
   * ASCII letters, e.g. `GKS` (see docs/adding-a-document-type.md for the built-in ones).
   */
  docCodeKind: string;
  /** Title and marker labels; required unless `classify` is given. */
  labels?: DocumentTypeLabels;
  /** Labelled fields for the shared reader; required unless `extract` is given. */
  fields?: readonly ReaderField[];
  /** Sections / roles (`subject`, `mother`, `spouse`, …). @default one `subject` section without headings */
  sections?: readonly ReaderRole[];
  /** Printed labels that end a value but are not read (`Ghi chú`, signature titles). */
  stops?: readonly string[];
  /** Consistency checks on the merged fields (lower a confidence, report a diagnostic). */
  checks?: ReadonlyArray<(fields: FieldSet) => Diagnostic[]>;
  /** Keys reported as `EXTRACT_FIELD_NOT_FOUND` when missing. @default ['person.idNumber'] */
  requiredKeys?: readonly string[];
  /** `$id` of the JSON Schema the type's records validate against. */
  schema?: string;
  /** Lowest page score that classifies a page as this type (data-driven classifier only). @default 0.3 */
  minScore?: number;
  /** Own classifier, replacing the one built from `labels`. */
  classify?: DocumentTypeDefinition['classify'];
  /** Own reading, replacing the one built from `fields` and `sections`. */
  extract?: DocumentTypeDefinition['extract'];
}

function invalid(id: unknown, problem: string): SohoaError {
  return new SohoaError('EXTRACT_FAILED', `Document type \`${String(id)}\` is not valid: ${problem}.`);
}

const nonEmptyStrings = (v: unknown): boolean =>
  Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s.trim().length > 0);

function validate(d: DocumentTypeDeclaration): void {
  if (typeof d.id !== 'string' || !ID_SHAPE.test(d.id))
    throw invalid(d.id, '`id` must be lower-case ASCII letters and digits joined by `-`');
  if (!DECLARABLE_KINDS.includes(d.kind))
    throw invalid(d.id, `\`kind\` must be one of ${DECLARABLE_KINDS.map((k) => `\`${k}\``).join(', ')}`);
  if (typeof d.title !== 'string' || d.title.trim() === '') throw invalid(d.id, '`title` must be a non-empty string');
  if (typeof d.docCodeKind !== 'string' || !DOC_CODE_KIND_SHAPE.test(d.docCodeKind))
    throw invalid(d.id, '`docCodeKind` must be 2 to 8 upper-case ASCII letters (e.g. `GKS`)');
  if (!d.classify && !d.labels) throw invalid(d.id, 'give `labels` (or an own `classify`)');
  if (d.labels) {
    if (!nonEmptyStrings(d.labels.titles)) throw invalid(d.id, '`labels.titles` must list at least one title');
    for (const list of ['markers', 'against'] as const)
      if (d.labels[list] !== undefined && !nonEmptyStrings(d.labels[list]))
        throw invalid(d.id, `\`labels.${list}\` must be non-empty strings`);
  }
  if (!d.extract && !d.fields) throw invalid(d.id, 'give `fields` (or an own `extract`)');
  const sections = d.sections ?? [];
  const sectionIds = new Set<string>();
  for (const s of sections) {
    if (typeof s.id !== 'string' || !/^[a-zA-Z][a-zA-Z0-9]*$/.test(s.id))
      throw invalid(d.id, `section id \`${String(s.id)}\` must be a word such as \`mother\``);
    if (sectionIds.has(s.id)) throw invalid(d.id, `section \`${s.id}\` is declared twice`);
    sectionIds.add(s.id);
  }
  for (const s of sections)
    if (s.pairedWith !== undefined && !sectionIds.has(s.pairedWith))
      throw invalid(d.id, `section \`${s.id}\` is paired with \`${s.pairedWith}\`, which is not declared`);
  // A role is opened by a section heading or a qualifier, or by a label that names it (`labelRole`).
  const roles = new Set([...sectionIds, ...(d.fields ?? []).flatMap((f) => (f.labelRole ? [f.labelRole] : []))]);
  for (const f of d.fields ?? []) {
    if (typeof f.key !== 'string' || !/^[a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+)+$/.test(f.key))
      throw invalid(d.id, `field key \`${String(f.key)}\` must be a dotted semantic key such as \`person.fullName\``);
    if (!nonEmptyStrings(f.labels)) throw invalid(d.id, `field \`${f.key}\` must list at least one printed label`);
    if (typeof f.parse !== 'function') throw invalid(d.id, `field \`${f.key}\` needs a \`parse\` function`);
    for (const role of f.roles ?? ['subject'])
      if (role !== '*' && role !== 'subject' && !roles.has(role))
        throw invalid(d.id, `field \`${f.key}\` is read for role \`${role}\`, which no section or label declares`);
  }
  if (d.minScore !== undefined && !(d.minScore > 0 && d.minScore <= 1))
    throw invalid(d.id, '`minScore` must be in (0, 1]');
}

/** The declaration's reader spec: its fields, its sections (a plain `subject` one by default) and stops. */
function readerSpecOf(d: DocumentTypeDeclaration): ReaderSpec {
  const roles = d.sections && d.sections.length > 0 ? d.sections : [{ id: 'subject', headings: [], qualifiers: [] }];
  return { fields: d.fields ?? [], roles, ...(d.stops ? { stops: d.stops } : {}) };
}

/**
 * Validates a document type declared as data and returns its {@link DocumentTypeDefinition}: built-in
 * types and types defined outside the package (passed in `ExtractOptions.documentTypes`) go through it.
 * Throws `EXTRACT_FAILED` naming the first problem of an invalid declaration.
 *
 * @example
 * const deathCertificate = defineDocumentType({
 *   id: 'trich-luc-khai-tu', kind: 'civil-status', title: 'Trích lục khai tử', docCodeKind: 'GKT',
 *   labels: { titles: ['Trích lục khai tử'], markers: ['Ngày chết', 'Nơi chết'] },
 *   fields: [{ key: 'person.fullName', labels: ['Họ, chữ đệm, tên'], parse: parse.name }],
 * });
 */
export function defineDocumentType(declaration: DocumentTypeDeclaration): DocumentTypeDefinition {
  validate(declaration);
  const d = declaration;
  const spec = readerSpecOf(d);
  const minScore = d.minScore ?? 0.3;
  // Labels are declared as printed; the votes compare folded text (lower case, no diacritics).
  const fold = (list: readonly string[] | undefined) => (list ?? []).map((l) => foldPerChar(l));
  const votes: TitleVotes = {
    titles: fold(d.labels?.titles),
    labels: fold(d.labels?.markers),
    against: fold(d.labels?.against),
  };
  const classify: DocumentTypeDefinition['classify'] =
    d.classify ??
    ((reading) => {
      const score = titleVoteScore(reading, votes);
      // Scaled as the built-in business types are: a title with two markers (0.7) is certain enough to
      // win over the catch-all letter type on a page that also prints the national motto.
      return score >= minScore ? { type: d.id, part: 'full', score: Math.min(1, score * 1.3) } : undefined;
    });
  // Relations: every role a section or a label opens, in declaration order.
  const roles = [
    ...new Set([...spec.roles.map((s) => s.id), ...spec.fields.flatMap((f) => (f.labelRole ? [f.labelRole] : []))]),
  ].filter((id) => id !== 'subject');
  const read: DocumentTypeDefinition['extract'] =
    d.extract ??
    (async (readings, classes, context) => {
      const sets: FieldSet[] = [];
      const found: Diagnostic[] = [];
      for (const [i, r] of readings.entries()) {
        if (!r.ocr || classes[i]?.score === 0) continue;
        const { fields, diagnostics } = await readFields(r.page, r.ocr, spec, context);
        sets.push(fields);
        found.push(...diagnostics);
      }
      const merged = mergeFieldSets(sets);
      const { own, relations } = splitRelations(merged.fields, roles);
      return civilRecord(d.id, readings, own, relations, [...merged.diagnostics, ...found]);
    });
  const checks = d.checks ?? [];
  // Checks run on the record's own fields, whoever read them.
  const extract: DocumentTypeDefinition['extract'] =
    checks.length === 0
      ? read
      : async (readings, classes, context) => {
          const record = await read(readings, classes, context);
          const diagnostics = [...record.diagnostics];
          for (const check of checks) diagnostics.push(...check(record.fields));
          return { ...record, diagnostics };
        };
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    docCodeKind: d.docCodeKind,
    ...(d.schema ? { schema: d.schema } : {}),
    ...(d.requiredKeys ? { requiredKeys: d.requiredKeys } : {}),
    ...(d.fields ? { reader: spec } : {}),
    classify,
    extract,
  };
}
