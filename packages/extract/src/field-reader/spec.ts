/** A document type's labelled fields, declared as data for the shared reader ({@link readFields}). */

/** One field: the labels it is printed under, across template generations and languages. */
export interface ReaderField {
  /** Semantic key, e.g. `person.fullName`; a role's value is stored as `<role>:<key>`. */
  key: string;
  /**
   * Labels as printed (diacritics, commas and case do not matter). A label ending in `:` only
   * counts when the colon is printed (for short labels such as `Số:` that also occur in values).
   */
  labels: readonly string[];
  /** Roles the field is read for; `*` reads it in any section under its plain key. @default ['subject'] */
  roles?: readonly string[];
  /** Turns the value text into the stored value; undefined when the text is not a valid value. */
  parse: (text: string) => string | undefined;
  /** The label itself names the role (`Người đi đăng ký khai sinh:` is the declarant's name). */
  labelRole?: string;
  /** The value may wrap onto the lines below. @default false */
  wraps?: boolean;
  /** A wrapped value is complete (stop reading lines below), e.g. an address that ends with its province. */
  complete?: (text: string) => boolean;
  /**
   * While the value is not `complete`, a wrapped line may start flush with the label (under it)
   * rather than indented, as card addresses wrap. @default false
   */
  wrapsFlush?: boolean;
  /** Re-read the value on its own (region OCR) when a recogniser is available. @default false */
  reread?: boolean;
  /** The value runs across dotted blanks to the next label (a date written into `… tháng … năm …`). @default false */
  spansLeaders?: boolean;
  /** A value ending in a connective or an administrative unit word (`tại`, `Phường`) looks cut: true for places. @default wraps */
  connectives?: boolean;
  /** The value may legitimately end like a cut one (a register number). @default true */
  mayBeCut?: boolean;
  /**
   * The value names administrative units, checked against the gazetteer (`ExtractOptions.gazetteer`;
   * the built-in provinces without one): a unit name snapped when one unit matches, else the value is
   * kept below the fill threshold. @default true when `parse` is the reader's place parser
   */
  units?: boolean;
}

/** A role whose fields are printed in its own section or with a role word after each label. */
export interface ReaderRole {
  /** `subject`, or the relation role (`mother`, `father`, `declarant`, `spouse`, ...). */
  id: string;
  /** Headings that open the role's section when they open a line or a column (`Thông tin người mẹ`, `Vợ`). */
  headings: readonly string[];
  /** Words right after a field label that make it this role's (`mẹ` in `Họ và tên mẹ`). */
  qualifiers: readonly string[];
  /**
   * The role whose section follows this one with the same labels (mother and father): when this
   * role's labels repeat in its scope and no heading or label of `pairedWith` was read (its heading
   * unreadable), the repeated block is taken as `pairedWith`'s, below every fill threshold.
   */
  pairedWith?: string;
}

/** What the reader needs to know about one document type. */
export interface ReaderSpec {
  fields: readonly ReaderField[];
  roles: readonly ReaderRole[];
  /** Other printed labels that end a value but are not read (`Ghi chú`, signature titles). */
  stops?: readonly string[];
}
