import type { ExtractionMethod, SchemaExpansionLimits } from '@sohoa/core';
import { bindForm } from './bind';
import { setAtPointer, splitPointer } from './internal/pointer';
import type { FieldSource, FilledField, FilledForm, FillProfile, FillReason, FormBinding, FormSchema } from './types';
import { getKeyInfo, vocabulary } from './vocabulary';

/**
 * A react-jsonschema-form (RJSF) UI schema: nested like the form's data, one object per property, with
 * `ui:*` entries on the fields (`ui:autocomplete`, `ui:help`, `ui:readonly`).
 */
export interface UiSchema {
  [key: string]: unknown;
}

/** What the ui schema says about one source document (the vault's `VaultDocument` fits). */
export interface UiSourceDocument {
  /** ISO date the document was issued. */
  issued?: string;
  /** ISO timestamp of when the vault stored it (named when `issued` is unknown). */
  recordedAt?: string;
}

/** Options of {@link toUiSchema}. */
export interface UiSchemaOptions {
  /** Language of `ui:help`. @default 'vi' */
  locale?: 'vi' | 'en';
  /** A binding made earlier with `bindForm(form)`; used when no `filled` form is given. */
  binding?: FormBinding;
  /**
   * The same role map as `fillForm`'s: a section read from the subject's own facts (`{ mother: 'self' }`)
   * gets the subject's autofill tokens; a section about another person gets `ui:autocomplete: 'off'`, so
   * the browser never autofills the citizen's own name into the father's section.
   */
  roleMap?: Record<string, string>;
  /** Source documents by vault document id, to date each value's source in `ui:help`. */
  documents?: Record<string, UiSourceDocument>;
  /** Expansion limits when binding (see `bindForm`). */
  limits?: SchemaExpansionLimits;
}

const DOCUMENT_TITLES: Record<'vi' | 'en', Record<string, string>> = {
  vi: {
    'cccd-2021': 'Căn cước công dân',
    'cccd-2016': 'Căn cước công dân (mẫu 2016)',
    'can-cuoc-2024': 'Thẻ căn cước',
    'cmnd-9': 'Chứng minh nhân dân',
    'ct07-xac-nhan-cu-tru': 'Giấy xác nhận thông tin về cư trú (CT07)',
    'giay-khai-sinh': 'Giấy khai sinh',
    'giay-chung-nhan-ket-hon': 'Giấy chứng nhận kết hôn',
    'enterprise-registration': 'Giấy chứng nhận đăng ký doanh nghiệp',
    'household-business-registration': 'Giấy chứng nhận đăng ký hộ kinh doanh',
    'land-use-certificate': 'Giấy chứng nhận quyền sử dụng đất',
    passport: 'Hộ chiếu',
    correction: 'Thông tin do công dân cập nhật',
  },
  en: {
    'cccd-2021': 'Citizen identity card',
    'cccd-2016': 'Citizen identity card (2016 model)',
    'can-cuoc-2024': 'Identity card',
    'cmnd-9': 'People’s identity card (CMND)',
    'ct07-xac-nhan-cu-tru': 'Residence confirmation (CT07)',
    'giay-khai-sinh': 'Birth certificate',
    'giay-chung-nhan-ket-hon': 'Marriage certificate',
    'enterprise-registration': 'Enterprise registration certificate',
    'household-business-registration': 'Household business registration certificate',
    'land-use-certificate': 'Land use right certificate',
    passport: 'Passport',
    correction: 'Corrected by the citizen',
  },
};

const METHODS: Record<'vi' | 'en', Record<ExtractionMethod, string>> = {
  vi: {
    registry: 'xác minh với cơ sở dữ liệu quốc gia',
    qr: 'đọc từ mã QR',
    mrz: 'đọc từ vùng MRZ',
    'pdf-text': 'đọc từ lớp chữ của PDF',
    ocr: 'nhận dạng chữ (OCR)',
    manual: 'do công dân tự khai',
    computed: 'tính từ thông tin khác',
  },
  en: {
    registry: 'verified against the national registry',
    qr: 'read from the QR code',
    mrz: 'read from the MRZ',
    'pdf-text': 'read from the PDF text layer',
    ocr: 'read by OCR',
    manual: 'entered by the citizen',
    computed: 'computed from other values',
  },
};

const REASONS: Record<'vi' | 'en', Partial<Record<FillReason, string>>> = {
  vi: {
    'no-data': 'Kho dữ liệu chưa có thông tin này.',
    'low-confidence': 'Cần kiểm tra: giá trị đọc được với độ tin cậy thấp.',
    'expired-source': 'Cần kiểm tra: giá trị lấy từ giấy tờ đã hết hạn.',
    'invalid-for-field': 'Giá trị trong kho không hợp với trường này.',
    'address-unit-split': 'Đơn vị hành chính cũ đã được chia: chọn đơn vị hiện nay.',
    'implied-value': 'Giá trị không đọc được trên giấy tờ, chỉ là suy đoán: không điền sẵn.',
    'looks-truncated': 'Giá trị đọc được có vẻ bị cắt dở: không điền sẵn.',
  },
  en: {
    'no-data': 'The vault has no value for this field.',
    'low-confidence': 'Please check: read with low confidence.',
    'expired-source': 'Please check: taken from an expired document.',
    'invalid-for-field': 'The vault’s value does not fit this field.',
    'address-unit-split': 'The old administrative unit was split: choose the current one.',
    'implied-value': 'The value was implied, not read on the document: not pre-filled.',
    'looks-truncated': 'The value read looks cut short: not pre-filled.',
  },
};

const ROLE_KEY = /^person\.([a-zA-Z]+)\.(.+)$/;

/**
 * The HTML autofill token of a semantic key (`person.fullName` → `name`, `person.birthDate.day` →
 * `bday-day`, …, from the vocabulary). A key about another person than the one filling the form gets
 * `off`; a key without a token gets none.
 */
export function autocompleteToken(key: string, roleMap?: Record<string, string>): string | undefined {
  const role = ROLE_KEY.exec(key);
  if (role && vocabulary.roles[role[1]!] !== undefined) {
    const target = roleMap?.[role[1]!] ?? vocabulary.roles[role[1]!]!.default;
    const base = `person.${role[2]!}`;
    const token = getKeyInfo(base)?.autocomplete;
    if (token === undefined) return undefined;
    return target === 'self' ? token : 'off';
  }
  const info = getKeyInfo(key);
  if (info?.role !== undefined) return info.autocomplete === undefined ? undefined : 'off';
  return info?.autocomplete;
}

function formatDate(iso: string | undefined, locale: 'vi' | 'en'): string | undefined {
  const m = iso === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  return locale === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/** Where a value comes from, in words: document type (and code), its date, how it was read. */
export function describeSource(source: FieldSource, locale: 'vi' | 'en' = 'vi', document?: UiSourceDocument): string {
  const vi = locale === 'vi';
  const parts: string[] = [];
  if (source.documentType !== undefined) {
    const title = DOCUMENT_TITLES[locale][source.documentType];
    parts.push(title === undefined ? source.documentType : `${title} (${source.documentType})`);
  }
  const issued = formatDate(document?.issued, locale);
  const recorded = formatDate(document?.recordedAt, locale);
  if (issued !== undefined) parts.push(vi ? `cấp ngày ${issued}` : `issued ${issued}`);
  else if (recorded !== undefined) parts.push(vi ? `lưu vào kho ngày ${recorded}` : `stored ${recorded}`);
  parts.push(METHODS[locale][source.method] ?? source.method);
  return `${vi ? 'Nguồn' : 'Source'}: ${parts.join(', ')}`;
}

const ISSUE_DATE = /(?:^|\.)(?:issueDate|registrationDate)$/;

/**
 * The issue date of each source document a profile names, read from the profile itself: a document's
 * own issue date (`person.idDocument.issueDate`, `person.passport.issueDate`, `document.issueDate`,
 * `….registrationDate`) is a value whose source is that document. For {@link UiSchemaOptions.documents}
 * when the portal cannot read the vault's documents.
 */
export function sourceDocumentsOf(profile: FillProfile): Record<string, UiSourceDocument> {
  const out: Record<string, UiSourceDocument> = {};
  for (const [key, v] of Object.entries(profile.values)) {
    if (!ISSUE_DATE.test(key) || typeof v.value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v.value)) continue;
    if (v.method === 'computed' || out[v.documentId] !== undefined) continue;
    out[v.documentId] = { issued: v.value };
  }
  return out;
}

/** A field's help: its source when filled or offered, and why it is not plainly filled. */
function helpOf(field: FilledField, options: UiSchemaOptions): string | undefined {
  const locale = options.locale ?? 'vi';
  const lines: string[] = [];
  if (field.source && field.status !== 'empty') {
    const document = field.source.documentId === undefined ? undefined : options.documents?.[field.source.documentId];
    lines.push(describeSource(field.source, locale, document));
  }
  if (field.reason !== undefined && field.reason !== 'no-binding') {
    const reason = REASONS[locale][field.reason];
    if (reason !== undefined) lines.push(reason);
  }
  return lines.length > 0 ? lines.join(' ') : undefined;
}

/**
 * A react-jsonschema-form UI schema for a form (from `loadForm`), nested like the form's data:
 * `ui:autocomplete` with the HTML autofill token of each bound field (`name`, `given-name`,
 * `family-name`, `bday-day`, `tel`, `email`, `street-address`, …; `off` in another person's section),
 * and, given the form as `fillForm` filled it, `ui:help` naming each value's source (document type, its
 * date when `options.documents` has it, how it was read) or why it was not filled, and
 * `ui:readonly: true` on values verified against the national registry (`method: 'registry'`).
 *
 * @example
 * const filled = fillForm(form, profile, { roleMap: { mother: 'self' } });
 * const uiSchema = toUiSchema(form, filled, { roleMap: { mother: 'self' } });
 * // <Form schema={form} uiSchema={uiSchema} formData={filled.data} validator={validator} />
 */
export function toUiSchema(form: FormSchema, filled?: FilledForm, options: UiSchemaOptions = {}): UiSchema {
  const ui: UiSchema = {};
  const byPointer = new Map<string, FilledField>((filled?.fields ?? []).map((f) => [f.pointer, f]));
  const binding =
    filled === undefined || filled.fields.every((f) => f.key === undefined)
      ? (options.binding ?? bindForm(form, undefined, options.limits === undefined ? {} : { limits: options.limits }))
      : undefined;
  const keys = new Map<string, string | undefined>(
    binding ? binding.fields.map((f) => [f.pointer, f.key]) : (filled?.fields ?? []).map((f) => [f.pointer, f.key]),
  );
  for (const [pointer, key] of keys) {
    if (splitPointer(pointer).some((segment) => segment.startsWith('ui:'))) continue;
    const entry: Record<string, unknown> = {};
    const token = key === undefined ? undefined : autocompleteToken(key, options.roleMap);
    if (token !== undefined) entry['ui:autocomplete'] = token;
    const field = byPointer.get(pointer);
    if (field) {
      const help = helpOf(field, options);
      if (help !== undefined) entry['ui:help'] = help;
      if (field.status === 'filled' && field.source?.method === 'registry') entry['ui:readonly'] = true;
    }
    if (Object.keys(entry).length === 0) continue;
    setAtPointer(ui, pointer, entry);
  }
  return ui;
}
