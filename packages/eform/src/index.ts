export type * from './types';
export { bindForm } from './bind';
export { fillForm, DEFAULT_MIN_CONFIDENCE } from './fill';
export { validateForm } from './validate';
export { parseFormSchema, safeParseFormSchema, loadForm, detectFormFormat, formFormatOf } from './schema';
export { loadFormSchema } from './file';
export { vocabulary, getKeyInfo, keyWithRole } from './vocabulary';
