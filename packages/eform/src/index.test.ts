import { expect, it } from 'vitest';
import * as eform from './index';

it('pins the public exports', () => {
  expect(Object.keys(eform).sort()).toEqual([
    'DEFAULT_MIN_CONFIDENCE',
    'bindForm',
    'fillForm',
    'getKeyInfo',
    'keyWithRole',
    'loadFormSchema',
    'parseFormSchema',
    'safeParseFormSchema',
    'validateForm',
    'vocabulary',
  ]);
});
