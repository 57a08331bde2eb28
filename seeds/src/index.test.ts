import { expect, it } from 'vitest';
import * as seeds from './index';

it('pins the public exports', () => {
  expect(Object.keys(seeds).sort()).toMatchInlineSnapshot(`
    [
      "CIVIL_DOCUMENT_TYPES",
      "CIVIL_GENERATOR",
      "GENERATOR",
      "applyDegradations",
      "cccdExpiry",
      "composeCccdMrz",
      "createRng",
      "drawDegradations",
      "generateCivilDocuments",
      "generateCivilSet",
      "generatePeople",
      "generateSeedSet",
      "renderCccd",
      "renderCccdSvg",
      "renderCivilDocument",
      "renderCivilDocumentSvg",
    ]
  `);
});
