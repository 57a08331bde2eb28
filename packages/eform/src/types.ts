import type { Box, Diagnostic, ExtractionMethod, SchemaExpansionLimits, SourcedValue } from '@sohoa/core';
import type { Gazetteer } from '@sohoa/vn';

/**
 * A JSON Schema describing an e-form's data, as a plain object: draft-04 to 2020-12 as written, or the
 * 2020-12 schema `loadForm` makes of a Form.io or SurveyJS form.
 */
export type FormSchema = Record<string, unknown>;

/** How important a wrong value would be; sets the default confidence needed to fill. */
export type Criticality = 'high' | 'normal';

/** Value type of a semantic key. */
export type KeyType = 'string' | 'date' | 'enum' | 'integer';

/** One semantic key of the vocabulary (`@sohoa/eform/vocab/keys.json`), role keys resolved. */
export interface VocabularyEntry {
  key: string;
  type: KeyType;
  criticality: Criticality;
  /** SEMIC Core Person/Business/Location term, where one exists. */
  semic?: string;
  /** HTML `autocomplete` token, where one exists. */
  autocomplete?: string;
  /** Labels and abbreviations seen on real forms. */
  labels: string[];
  /** Stored code → printed labels, e.g. `male` → `Nam`. */
  values?: Record<string, string[]>;
  /** Derived by eform from other keys (dates split or in words, signing date, residence). */
  computed?: boolean;
  /** Inference is trusted only when one of these appears in the field's or an enclosing title. */
  context?: string[];
  /** `false`: never bound by inference (ambiguous without an annotation). */
  infer?: boolean;
  /** For role keys (`person.mother.fullName`): the role and the key it specialises. */
  role?: string;
  base?: string;
  description?: string;
}

/** The semantic key vocabulary. */
export interface Vocabulary {
  version: number;
  /**
   * Role id (`mother`, `father`, `self`, ...) → labels that name the role on forms, and the profile
   * role read for it unless `roleMap` says otherwise (the grantor of an authorisation letter: `self`).
   */
  roles: Record<string, { labels: string[]; default?: string }>;
  keys: Record<string, VocabularyEntry>;
}

/** How a field got its key. */
export type BindingSource = 'annotation' | 'autocomplete' | 'inference' | 'none';

/** The binding of one leaf field of a form to a semantic key. */
export interface FieldBinding {
  /** JSON Pointer of the field in the form *data*, e.g. `/nguoiYeuCau/hoTen`. */
  pointer: string;
  /** JSON Pointer of the field's node in the schema. */
  schemaPointer: string;
  key?: string;
  via: BindingSource;
  /** 0..1; 1 for an annotation. */
  confidence: number;
  /** The field's title, or its property name when it has none. */
  title: string;
  /** For an uncertain inference (below 0.8): the best keys considered, best first. */
  candidates?: Array<{ key: string; confidence: number }>;
}

/** Every leaf field of a form with its binding. */
export interface FormBinding {
  fields: FieldBinding[];
  diagnostics: Diagnostic[];
}

/** One value of a profile, as eform needs it (a `@sohoa/vault` `ProfileValue` fits). */
export interface FillProfileValue extends SourcedValue {
  expired: boolean;
}

/** What {@link fillForm} reads: chosen values by semantic key (a `@sohoa/vault` `Profile` fits). */
export interface FillProfile {
  values: Record<string, FillProfileValue>;
}

/** Options of `fillForm`. */
export interface FillOptions {
  /** Clock for computed keys such as `form.signingDate`. @default new Date() */
  now?: Date;
  /** Minimum confidence per semantic key; defaults by criticality: high 0.9, normal 0.7. */
  minConfidence?: Record<string, number>;
  /**
   * Read a form role from another profile role: `{ mother: 'self' }` fills the form's mother block
   * (`person.mother.*`) from the subject's own facts, when the requester is the child's mother.
   */
  roleMap?: Record<string, string>;
  /** A binding made earlier with `bindForm(schema)`, to skip binding again. */
  binding?: FormBinding;
  /**
   * Administrative units (`@sohoa/vn` `loadGazetteer`) for the current-unit version of old addresses
   * (`….currentUnits` keys) and for address parts written without unit words. Without one, only the
   * province is converted, from the built-in map of the 63 old to the 34 current provinces.
   * @default undefined
   */
  gazetteer?: Gazetteer;
  /**
   * How far the schema may expand once its `$ref`s are followed (fields and groups, nesting depth); past
   * it the call throws `EFORM_SCHEMA_TOO_LARGE`.
   * @default DEFAULT_SCHEMA_EXPANSION_LIMITS ({ maxFields: 5000, maxDepth: 32 })
   */
  limits?: SchemaExpansionLimits;
}

/** Outcome of one field. */
export type FillStatus = 'filled' | 'needs-review' | 'empty';

/** Why a field is not plainly filled. */
export type FillReason =
  | 'no-binding'
  | 'no-data'
  | 'low-confidence'
  | 'expired-source'
  | 'invalid-for-field'
  | 'address-unit-split'
  /** The document's value was implied by the extractor (`computed` below full confidence), not read. */
  | 'implied-value'
  /** The value, or the address or name it is part of, looks cut short. */
  | 'looks-truncated';

/** Where a filled value came from. Values computed from the clock have no document. */
export interface FieldSource {
  documentId?: string;
  documentType?: string;
  method: ExtractionMethod;
  confidence: number;
  page?: number;
  box?: Box;
  sha256?: string;
}

/** One leaf field after filling. `value` is also offered for `needs-review` (but not put in `data`). */
export interface FilledField {
  pointer: string;
  key?: string;
  status: FillStatus;
  value?: unknown;
  source?: FieldSource;
  reason?: FillReason;
  /** For `address-unit-split`: the current units the old commune was split between, for the user to choose from. */
  candidates?: readonly string[];
}

/** Share of leaf fields filled. */
export interface Coverage {
  total: number;
  filled: number;
  needsReview: number;
  empty: number;
  /** `filled / total`, 0 for a form without fields. */
  ratio: number;
}

/** A form filled from a profile: data, per-field provenance, coverage. */
export interface FilledForm {
  data: Record<string, unknown>;
  fields: FilledField[];
  coverage: Coverage;
  diagnostics: Diagnostic[];
}

/** One validation error, pointing into the data. */
export interface FormValidationError {
  /** JSON Pointer into the data. */
  pointer: string;
  /** JSON Pointer into the schema (the failing keyword). */
  schemaPointer: string;
  /** The JSON Schema keyword that failed (`required`, `pattern`, ...). */
  keyword?: string;
  /** What is wrong, in the requested locale; never contains the value. */
  message: string;
}

/** Options of `validateForm`. */
export interface ValidateOptions {
  /** Language of the messages. @default 'vi' */
  locale?: 'vi' | 'en';
  /**
   * Data values in a schema's `errorMessage` (ajv-errors templates). `'none'`: every template (`${/soDinhDanh}`,
   * `${1/hoTen}`, `${0}`) is replaced by "…", so no message carries data. `'own'`: `${0}` stays where it is
   * the reported field's own value (an `errorMessage` on a string, number or boolean field); templates naming
   * any other data are still replaced.
   * @default 'none'
   */
  messageValues?: 'none' | 'own';
  /**
   * How far the schema may expand once its `$ref`s are followed (fields and groups, nesting depth); past
   * it the call throws `EFORM_SCHEMA_TOO_LARGE`.
   * @default DEFAULT_SCHEMA_EXPANSION_LIMITS ({ maxFields: 5000, maxDepth: 32 })
   */
  limits?: SchemaExpansionLimits;
}

/** Options of `bindForm` and `safeParseFormSchema`. */
export interface SchemaOptions {
  /**
   * How far the schema may expand once its `$ref`s are followed (fields and groups, nesting depth); past
   * it the call throws `EFORM_SCHEMA_TOO_LARGE`.
   * @default DEFAULT_SCHEMA_EXPANSION_LIMITS ({ maxFields: 5000, maxDepth: 32 })
   */
  limits?: SchemaExpansionLimits;
}

/** How a form is written: JSON Schema (draft-04 to 2020-12), a Form.io form definition, a SurveyJS survey. */
export type FormFormat = 'jsonschema' | 'formio' | 'surveyjs';

/** Options of `loadForm` and `loadFormSchema`. */
export interface LoadFormOptions extends SchemaOptions {
  /** The form's format; detected from the content when absent (`components` → Form.io, `pages`/`elements` → SurveyJS). */
  format?: FormFormat;
}

/** Result of `validateForm`. */
export interface FormValidationResult {
  ok: boolean;
  errors: FormValidationError[];
}
