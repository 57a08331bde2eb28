import { expect, it } from 'vitest';
import * as seeds from './index';

it('pins the public exports', () => {
  expect(Object.keys(seeds).sort()).toMatchInlineSnapshot(`
    [
      "GENERATOR",
      "applyDegradations",
      "cccdExpiry",
      "composeCccdMrz",
      "createRng",
      "drawDegradations",
      "generatePeople",
      "generateSeedSet",
      "renderCccd",
      "renderCccdSvg",
    ]
  `);
});
