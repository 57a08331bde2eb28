import type { SchemaExpansionLimits } from '@sohoa/core';

/** A JSON Schema (2020-12) of a form, as a plain object. */
export type RenderSchema = Record<string, unknown>;

/** What the renderer needs of one filled field (an `@sohoa/eform` `FilledField` fits). */
export interface RenderableField {
  /** JSON Pointer of the field in the data. */
  pointer: string;
  status: 'filled' | 'needs-review' | 'empty';
  /** For `needs-review`: the value offered for confirmation (not in `data`). */
  value?: unknown;
}

/** What the renderer needs of a filled form (an `@sohoa/eform` `FilledForm` fits). */
export interface RenderableForm {
  data: unknown;
  fields?: readonly RenderableField[];
}

/** Options of `renderPdf`. */
export interface RenderPdfOptions {
  /** Form title printed under the national motto. @default the schema's `title` */
  title?: string;
  /** TrueType/OpenType font bytes for the text; it must cover Vietnamese. @default DejaVu Sans */
  font?: Uint8Array;
  /** Font for headings. @default `font` when given, else DejaVu Sans Bold */
  boldFont?: Uint8Array;
  /** Font file to read instead of the bundled DejaVu Sans. */
  fontPath?: string;
  /** Body text size in points. @default 11 */
  fontSize?: number;
  /** Print the national motto header (Quốc hiệu, tiêu ngữ). @default true */
  header?: boolean;
  /** Mark shown after values that still need the user's confirmation. @default '(cần kiểm tra)' */
  reviewMark?: string;
  /**
   * How far the schema may expand once its `$ref`s are followed (fields and groups, nesting depth); past it
   * the call throws `EFORM_SCHEMA_TOO_LARGE`. @default DEFAULT_SCHEMA_EXPANSION_LIMITS ({ maxFields: 5000, maxDepth: 32 })
   */
  limits?: SchemaExpansionLimits;
}

/** Options of `renderXml`. */
export interface RenderXmlOptions {
  /** Root element name. @default the schema's `x-sohoa-xml.root`, else a name made from its title */
  root?: string;
  /** Emit empty elements for fields without a value. @default true */
  includeEmpty?: boolean;
  /** Start with `<?xml version="1.0" encoding="UTF-8"?>`. @default true */
  declaration?: boolean;
  /** Default namespace declared on the root element (`FORM_XML_NAMESPACE` for `sohoa fill --xml`). @default none */
  namespace?: string;
  /** Write date fields as ISO `YYYY-MM-DD` instead of as printed (`dd/mm/yyyy`). @default false */
  isoDates?: boolean;
  /**
   * How far the schema may expand once its `$ref`s are followed (fields and groups, nesting depth); past it
   * the call throws `EFORM_SCHEMA_TOO_LARGE`. @default DEFAULT_SCHEMA_EXPANSION_LIMITS ({ maxFields: 5000, maxDepth: 32 })
   */
  limits?: SchemaExpansionLimits;
}

/** Options of `renderXsd`. */
export interface RenderXsdOptions {
  /** Root element name, as given to `renderXml`. @default the schema's `x-sohoa-xml.root`, else a name made from its title */
  root?: string;
  /** Target namespace. @default FORM_XML_NAMESPACE */
  namespace?: string;
  /** A comment after the XML declaration, e.g. saying which script made the file. @default none */
  banner?: string;
  /** How far the schema may expand once its `$ref`s are followed. @default DEFAULT_SCHEMA_EXPANSION_LIMITS */
  limits?: SchemaExpansionLimits;
}

/** Options of `fillPdfTemplate`. */
export interface FillTemplateOptions {
  /** JSON Pointer of a field → AcroForm field name; wins over `x-sohoa-pdf-field` and the default (pointer with dots). */
  fields?: Record<string, string>;
  /** Font for the regenerated appearance streams; it must cover Vietnamese. @default DejaVu Sans (subset) */
  font?: Uint8Array;
  /** Font file to read instead of the bundled DejaVu Sans. */
  fontPath?: string;
  /** Turn the fields into page content (no longer editable). @default false */
  flatten?: boolean;
  /**
   * How far the schema may expand once its `$ref`s are followed (fields and groups, nesting depth); past it
   * the call throws `EFORM_SCHEMA_TOO_LARGE`. @default DEFAULT_SCHEMA_EXPANSION_LIMITS ({ maxFields: 5000, maxDepth: 32 })
   */
  limits?: SchemaExpansionLimits;
}

/** Result of `fillPdfTemplate`. */
export interface FilledTemplate {
  pdf: Uint8Array;
  /** Names of the template fields that were set. */
  filled: string[];
  /** Fields the template lacks or whose value did not fit (pointers only, never values). */
  diagnostics: import('@sohoa/core').Diagnostic[];
}
