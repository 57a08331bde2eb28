import { expect, it } from 'vitest';
import * as codegen from './codegen';
import * as eform from './index';
import * as matchers from './vitest';

it('pins the public exports', () => {
  expect(Object.keys(eform).sort()).toEqual([
    'DEFAULT_MIN_CONFIDENCE',
    'VALIDATION_MESSAGES',
    'ajvLocalizer',
    'autocompleteToken',
    'bindForm',
    'describeSource',
    'detectFormFormat',
    'fillForm',
    'formFormatOf',
    'getKeyInfo',
    'keyWithRole',
    'loadForm',
    'loadFormSchema',
    'parseFormSchema',
    'safeParseFormSchema',
    'sourceDocumentsOf',
    'toUiSchema',
    'validateForm',
    'validationMessage',
    'vocabulary',
    'withoutMessageTemplates',
  ]);
  expect(Object.keys(codegen).sort()).toEqual(['FORM_TYPES_BANNER', 'formTypes', 'typeNameOf']);
  expect(Object.keys(matchers).sort()).toEqual(['toAutoFill']);
});
