import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HELD_OUT_FAMILIES } from './index';

const here = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('third-round held-out families', () => {
  it('are all held out and say nothing of their drawing in their description', () => {
    expect(HELD_OUT_FAMILIES.length).toBeGreaterThanOrEqual(9);
    for (const f of HELD_OUT_FAMILIES) {
      expect(f.heldOut, f.type).toBe(true);
      expect(f.description).toMatch(/^Held-out family of the third round/);
    }
  });

  it("draw through their own layout code: no import of another family's module or of the original templates", () => {
    // Allowed from outside this folder: the drawing kit (internal/), the document generators, `common`'s
    // style base and date helpers. Not allowed: the tuned families' modules or the generator's templates.
    const forbidden =
      /from '\.\.\/(civil|business|land|id-cards|tuned)'|from '\.\.\/\.\.\/internal\/(id-card-draw|cccd-front-draw)'|drawBusiness|drawCivilDocument|drawLandPages|renderIdCardPages/;
    for (const file of sources) {
      const text = readFileSync(join(here, file), 'utf8');
      expect(forbidden.test(text), file).toBe(false);
    }
  });
});
