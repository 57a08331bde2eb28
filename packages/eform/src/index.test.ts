import { expect, it } from 'vitest';
import * as codegen from './codegen';
import * as eform from './index';
import * as matchers from './vitest';

it('pins the public exports', () => {
  expect(Object.keys(eform).sort()).toEqual([
    'DEFAULT_MIN_CONFIDENCE',
    'bindForm',
    'detectFormFormat',
    'fillForm',
    'formFormatOf',
    'getKeyInfo',
    'keyWithRole',
    'loadForm',
    'loadFormSchema',
    'parseFormSchema',
    'safeParseFormSchema',
    'validateForm',
    'vocabulary',
  ]);
  expect(Object.keys(codegen).sort()).toEqual(['FORM_TYPES_BANNER', 'formTypes', 'typeNameOf']);
  expect(Object.keys(matchers).sort()).toEqual(['toAutoFill']);
});
