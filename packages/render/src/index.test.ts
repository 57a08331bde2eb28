import { expect, it } from 'vitest';
import * as render from './index';

it('pins the public exports', () => {
  expect(Object.keys(render).sort()).toEqual([
    'FORM_XML_NAMESPACE',
    'fillPdfTemplate',
    'isoDateOf',
    'renderPdf',
    'renderXml',
    'renderXsd',
    'toXmlName',
  ]);
});
