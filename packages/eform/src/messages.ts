import type { ErrorObject } from 'ajv';
import { escapeSegment } from './internal/pointer';

/** A language of the validation messages. */
export type MessageLocale = 'vi' | 'en';

/** Builds a message from an Ajv error's `params` (the schema's limits, formats, allowed values; never the data). */
export type MessageTemplate = (params: Record<string, unknown>) => string;

/** Messages by JSON Schema keyword; `default` for any other keyword. */
export type MessageTable = Record<string, MessageTemplate> & { default: MessageTemplate };

const TYPES_VI: Record<string, string> = {
  string: 'chuỗi ký tự',
  integer: 'số nguyên',
  number: 'số',
  boolean: 'đúng/sai',
  object: 'nhóm thông tin',
  array: 'danh sách',
  null: 'rỗng',
};
const FORMATS_VI: Record<string, string> = {
  email: 'thư điện tử',
  date: 'ngày (năm-tháng-ngày)',
  'date-time': 'ngày giờ',
  time: 'giờ',
  uri: 'địa chỉ web',
  url: 'địa chỉ web',
  ipv4: 'địa chỉ IPv4',
  uuid: 'UUID',
};
const COMPARE_VI: Record<string, string> = {
  '>=': 'lớn hơn hoặc bằng',
  '<=': 'nhỏ hơn hoặc bằng',
  '>': 'lớn hơn',
  '<': 'nhỏ hơn',
};

const s = (value: unknown) => String(value);
const list = (values: unknown) => (Array.isArray(values) ? values.map(s).join(', ') : s(values));
const compare = (words: Record<string, string>) => (p: Record<string, unknown>) =>
  `phải ${words[s(p.comparison)] ?? s(p.comparison)} ${s(p.limit)}`;
const compareEn = (p: Record<string, unknown>) => `must be ${s(p.comparison)} ${s(p.limit)}`;

/**
 * Validation messages by keyword, in Vietnamese (`vi`, the default of `validateForm`) and English
 * (`en`, Ajv's own wording). Built from the schema's parameters, never from the data, so a message can
 * be logged. A schema's own `errorMessage` (ajv-errors) takes precedence over these.
 *
 * @example
 * VALIDATION_MESSAGES.vi.maxLength({ limit: 12 }); // 'không được dài quá 12 ký tự'
 */
export const VALIDATION_MESSAGES: Readonly<Record<MessageLocale, Readonly<MessageTable>>> = {
  vi: {
    required: () => 'là thông tin bắt buộc',
    type: (p) =>
      `phải là ${s(p.type)
        .split(',')
        .map((t) => TYPES_VI[t] ?? t)
        .join(' hoặc ')}`,
    maxLength: (p) => `không được dài quá ${s(p.limit)} ký tự`,
    minLength: (p) => (p.limit === 1 ? 'không được để trống' : `phải có ít nhất ${s(p.limit)} ký tự`),
    pattern: () => 'không đúng định dạng quy định',
    format: (p) => `không đúng định dạng ${FORMATS_VI[s(p.format)] ?? s(p.format)}`,
    enum: (p) => `phải là một trong các giá trị: ${list(p.allowedValues)}`,
    const: (p) => `phải là ${s(p.allowedValue)}`,
    minimum: compare(COMPARE_VI),
    maximum: compare(COMPARE_VI),
    exclusiveMinimum: compare(COMPARE_VI),
    exclusiveMaximum: compare(COMPARE_VI),
    minItems: (p) => `phải có ít nhất ${s(p.limit)} mục`,
    maxItems: (p) => `không được quá ${s(p.limit)} mục`,
    uniqueItems: () => 'có các mục trùng nhau',
    additionalProperties: () => 'có thông tin không thuộc biểu mẫu',
    unevaluatedProperties: () => 'có thông tin không thuộc biểu mẫu',
    multipleOf: (p) => `phải là bội số của ${s(p.multipleOf)}`,
    minProperties: (p) => `phải có ít nhất ${s(p.limit)} thông tin`,
    maxProperties: (p) => `không được quá ${s(p.limit)} thông tin`,
    dependencies: (p) => `cần có thêm ${s(p.missingProperty)} khi đã khai ${s(p.property)}`,
    dependentRequired: (p) => `cần có thêm ${s(p.missingProperty)} khi đã khai ${s(p.property)}`,
    anyOf: () => 'không khớp với lựa chọn nào của biểu mẫu',
    oneOf: () => 'phải khớp đúng một lựa chọn của biểu mẫu',
    not: () => 'không được có giá trị này',
    if: () => 'không thỏa điều kiện của biểu mẫu',
    default: () => 'không hợp lệ',
  },
  en: {
    required: () => 'is required',
    type: (p) => `must be ${s(p.type)}`,
    maxLength: (p) => `must NOT have more than ${s(p.limit)} characters`,
    minLength: (p) => `must NOT have fewer than ${s(p.limit)} characters`,
    pattern: (p) => `must match pattern "${s(p.pattern)}"`,
    format: (p) => `must match format "${s(p.format)}"`,
    enum: () => 'must be equal to one of the allowed values',
    const: () => 'must be equal to constant',
    minimum: compareEn,
    maximum: compareEn,
    exclusiveMinimum: compareEn,
    exclusiveMaximum: compareEn,
    minItems: (p) => `must NOT have fewer than ${s(p.limit)} items`,
    maxItems: (p) => `must NOT have more than ${s(p.limit)} items`,
    uniqueItems: (p) => `must NOT have duplicate items (items ## ${s(p.j)} and ${s(p.i)} are identical)`,
    additionalProperties: () => 'must NOT have additional properties',
    unevaluatedProperties: () => 'must NOT have unevaluated properties',
    multipleOf: (p) => `must be multiple of ${s(p.multipleOf)}`,
    minProperties: (p) => `must NOT have fewer than ${s(p.limit)} properties`,
    maxProperties: (p) => `must NOT have more than ${s(p.limit)} properties`,
    dependencies: (p) => `must have property ${s(p.missingProperty)} when property ${s(p.property)} is present`,
    dependentRequired: (p) => `must have property ${s(p.missingProperty)} when property ${s(p.property)} is present`,
    anyOf: () => 'must match a schema in anyOf',
    oneOf: () => 'must match exactly one schema in oneOf',
    not: () => 'must NOT be valid',
    if: (p) => `must match "${s(p.failingKeyword)}" schema`,
    default: () => 'is invalid',
  },
};

/** The message of one Ajv error in `locale`, from {@link VALIDATION_MESSAGES}. */
export function validationMessage(
  error: Pick<ErrorObject, 'keyword' | 'params'>,
  locale: MessageLocale = 'vi',
): string {
  const table = VALIDATION_MESSAGES[locale];
  const template = Object.hasOwn(table, error.keyword) ? table[error.keyword]! : table.default;
  return template((error.params ?? {}) as Record<string, unknown>);
}

/** One Ajv error as sohoa reports it: a data pointer, the failing keyword, a message. */
export interface ReportedError {
  pointer: string;
  schemaPointer: string;
  keyword: string;
  message: string;
}

/**
 * Turn Ajv's errors into sohoa's: `required` points at the missing property, messages come from
 * {@link VALIDATION_MESSAGES} in `locale`, and an `errorMessage` the schema sets (ajv-errors) replaces
 * the message of the errors it covers (keyword and pointer of the first one covered).
 */
export function reportErrors(errors: readonly ErrorObject[], locale: MessageLocale = 'vi'): ReportedError[] {
  // An `if` error only says its `then`/`else` failed: the errors inside that branch say what is wrong.
  const branch = (e: ErrorObject) => e.schemaPath.replace(/\/if$/, '');
  const explained = (e: ErrorObject) =>
    e.keyword === 'if' &&
    errors.some(
      (other) =>
        other !== e &&
        other.schemaPath.startsWith(`${branch(e)}/${(e.params as { failingKeyword?: string }).failingKeyword}/`),
    );
  return errors
    .filter((e) => !explained(e))
    .map((e) => {
      const covered = e.keyword === 'errorMessage' ? (e.params as { errors?: ErrorObject[] }).errors?.[0] : undefined;
      const source = covered ?? e;
      const missing =
        source.keyword === 'required' ? (source.params as { missingProperty?: string }).missingProperty : undefined;
      const pointer = missing === undefined ? source.instancePath : `${source.instancePath}/${escapeSegment(missing)}`;
      return {
        pointer,
        schemaPointer: (covered ? e.schemaPath : source.schemaPath).replace(/^#/, ''),
        keyword: source.keyword,
        message: covered ? (e.message ?? validationMessage(source, locale)) : validationMessage(source, locale),
      };
    });
}

/**
 * An RJSF `localizer` (`customizeValidator({}, ajvLocalizer('vi'))` of `@rjsf/validator-ajv8`): puts
 * {@link VALIDATION_MESSAGES} on Ajv's errors in place, so a portal's client-side messages match
 * `validateForm`'s. Errors from a schema's own `errorMessage` keep theirs.
 */
export function ajvLocalizer(locale: MessageLocale = 'vi'): (errors?: ErrorObject[] | null) => void {
  return (errors) => {
    for (const e of errors ?? []) if (e.keyword !== 'errorMessage') e.message = validationMessage(e, locale);
  };
}
