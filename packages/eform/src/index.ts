export type * from './types';
export { bindForm } from './bind';
export { fillForm, DEFAULT_MIN_CONFIDENCE } from './fill';
export { validateForm } from './validate';
export { loadFormSchema, parseFormSchema, safeParseFormSchema } from './schema';
export { vocabulary, getKeyInfo, keyWithRole } from './vocabulary';
