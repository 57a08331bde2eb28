/**
 * The browser entry of `@sohoa/eform` (`@sohoa/eform/browser`): load a form in any supported format,
 * bind, fill from a profile and validate, with no Node built-ins (no file access: pass parsed JSON to
 * `loadForm`). `@sohoa/core` and `@sohoa/vn` are bundled in, from their browser-safe parts.
 */
export type * from './types';
export { bindForm } from './bind';
export { fillForm, DEFAULT_MIN_CONFIDENCE } from './fill';
export { validateForm } from './validate';
export { parseFormSchema, safeParseFormSchema, loadForm, detectFormFormat, formFormatOf } from './schema';
export { vocabulary, getKeyInfo, keyWithRole } from './vocabulary';
export { toUiSchema, autocompleteToken, describeSource, sourceDocumentsOf } from './ui-schema';
export type { UiSchema, UiSchemaOptions, UiSourceDocument } from './ui-schema';
export { VALIDATION_MESSAGES, validationMessage, ajvLocalizer } from './messages';
export { withoutMessageTemplates } from './internal/ajv';
export type { MessageLocale, MessageTable, MessageTemplate } from './messages';
