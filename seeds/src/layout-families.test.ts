import { describe, expect, it } from 'vitest';
import { formatDateVn, normalizeText, parseVietnameseWordsDate } from '@sohoa/vn';
import {
  LAYOUT_FAMILIES,
  layoutDocuments,
  printedTruth,
  registerLayoutFamily,
  selectLayoutFamilies,
} from './layout-families';

const fold = (s: string): string =>
  normalizeText(s)
    .toLocaleLowerCase('vi')
    .replace(/[.,:;()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Every ISO date written in `text`, in digits (`04/03/2022`, `04-03-2022`, `ngày 04 tháng 3 năm 2022`) or in words. */
function datesIn(text: string): string[] {
  const found: string[] = [];
  const iso = (d: string, m: string, y: string): string => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  for (const m of text.matchAll(/(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/g))
    found.push(iso(m[1]!, m[2]!, m[3]!));
  for (const m of text.matchAll(/ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu))
    found.push(iso(m[1]!, m[2]!, m[3]!));
  const words = parseVietnameseWordsDate(text.replace(/^.*?(ngày|Ngày)/u, '$1'));
  if (words) found.push(words);
  return found;
}

/** Whether `printed` (as drawn) carries the truth value `want` of `key`. */
function carries(key: string, want: string, printed: string): boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(want))
    return datesIn(printed).includes(want) || fold(printed).includes(fold(formatDateVn(want)));
  if (key.endsWith('person.sex'))
    return fold(printed).includes(want === 'male' ? 'nam' : 'nữ') || fold(printed).includes(want);
  if (key === 'land.area') return fold(printed).includes(fold(want.replace('.', ',')));
  if (key === 'org.capital') return printed.replace(/\D/g, '') === want;
  if (fold(printed).includes(fold(want))) return true;
  // An issuing authority printed as a header stacks its parts in another order: every word printed
  // (`CA` as the CMND backs abbreviate `Công an`).
  if (key === 'document.issuer') {
    const words = fold(printed.replace(/(?<!\p{L})CA(?!\p{L})/gu, 'CÔNG AN')).split(' ');
    return fold(want)
      .split(' ')
      .filter((w) => w !== '-')
      .every((w) => words.includes(w));
  }
  return false;
}

describe('layout families', () => {
  it('have unique ids, a description, at least four families per type, one held out and one tuned', () => {
    const ids = LAYOUT_FAMILIES.map((f) => `${f.type}/${f.family}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of LAYOUT_FAMILIES) expect(f.description.length).toBeGreaterThan(30);
    const types = new Set(LAYOUT_FAMILIES.map((f) => f.type));
    for (const t of types) {
      const fams = LAYOUT_FAMILIES.filter((f) => f.type === t);
      expect(fams.length, t).toBeGreaterThanOrEqual(4);
      expect(
        fams.some((f) => f.heldOut),
        `${t} has a held-out family`,
      ).toBe(true);
      expect(
        fams.some((f) => !f.heldOut),
        `${t} has a tuned family`,
      ).toBe(true);
    }
  });

  it('refuse a second family under the same id', () => {
    expect(() => registerLayoutFamily({ ...LAYOUT_FAMILIES[0]! })).toThrow(/already registered/);
  });

  it('select by type and by family id', () => {
    expect(selectLayoutFamilies({ types: ['giay-khai-sinh'] }).every((f) => f.type === 'giay-khai-sinh')).toBe(true);
    expect(selectLayoutFamilies({ families: ['giay-khai-sinh/seeds-v1'] }).map((f) => f.family)).toEqual(['seeds-v1']);
  });

  it('keep in the truth only what a family printed', () => {
    const doc = {
      type: 't',
      slug: 's',
      fields: { a: '1', b: '2' },
      relations: [
        { role: 'mother', fields: { x: '3' } },
        { role: 'father', fields: { x: '4' } },
      ],
    };
    expect(printedTruth(doc, { a: '1', 'mother:x': '3' })).toEqual({
      type: 't',
      slug: 's',
      fields: { a: '1' },
      relations: [{ role: 'mother', fields: { x: '3' } }],
    });
  });

  it('the families retired from held out in the third round count as tuned; every held-out family is registered', () => {
    const held = (id: string): boolean | undefined =>
      LAYOUT_FAMILIES.find((f) => `${f.type}/${f.family}` === id)?.heldOut;
    expect(held('enterprise-registration/bilingual-older')).toBe(false);
    expect(held('household-business-registration/ca-the-older')).toBe(false);
    // Their drawing code sits in the tuned files that reader engineers opened (session 13).
    expect(held('giay-khai-sinh/old-1990s')).toBe(false);
    expect(held('giay-chung-nhan-ket-hon/old-1990s')).toBe(false);
    expect(held('land-use-certificate/so-do-1990s')).toBe(false);
    for (const t of ['cccd-2021', 'cccd-2016', 'can-cuoc-2024', 'cmnd-9']) {
      expect(held(`${t}/held-out-mixed`), t).toBe(false);
      expect(held(`${t}/held-out-3`), t).toBe(true);
    }
    for (const t of [
      'giay-khai-sinh',
      'giay-chung-nhan-ket-hon',
      'enterprise-registration',
      'household-business-registration',
      'land-use-certificate',
    ])
      expect(held(`${t}/held-out-3`), t).toBe(true);
  });

  for (const family of LAYOUT_FAMILIES.filter((f) => f.heldOut)) {
    it(`${family.type}/${family.family}: the same seed draws the same pages, another seed other documents`, () => {
      const [a] = layoutDocuments(family, 11, 1);
      const [b] = layoutDocuments(family, 11, 1);
      const [c] = layoutDocuments(family, 12, 1);
      expect(a!.pages.map((p) => p.svg)).toEqual(b!.pages.map((p) => p.svg));
      expect(a!.printed).toEqual(b!.printed);
      expect(c!.printed).not.toEqual(a!.printed);
    });
  }

  for (const family of LAYOUT_FAMILIES) {
    it(`${family.type}/${family.family}: draws, and every truth value is printed on the page as recorded`, () => {
      const docs = layoutDocuments(family, 7, 4);
      expect(docs).toHaveLength(4);
      for (const d of docs) {
        expect(d.truth.type).toBe(family.type);
        for (const p of d.pages) {
          const [w, h] = [p.width ?? 1240, p.height ?? 1754];
          expect(p.svg).toContain(`width="${w}" height="${h}"`);
          expect(p.missingGlyphs ?? [], 'every character has a glyph in its font').toEqual([]);
          // Nothing printed off the sheet (the original seeds-v1 enterprise template can push its signer's
          // name below the sheet, an old defect left as it is so its figures stay comparable).
          if (family.family !== 'seeds-v1')
            for (const r of p.runs)
              expect(
                r.box.x >= 0 && r.box.y >= 0 && r.box.x + r.box.width <= w && r.box.y + r.box.height <= h,
                `${r.text} inside the page`,
              ).toBe(true);
        }
        const pageText = d.pages.map((p) => p.runs.map((r) => r.text).join(' ')).join(' ');
        const keys = [
          ...Object.keys(d.truth.fields),
          ...d.truth.relations.flatMap((r) => Object.keys(r.fields).map((k) => `${r.role}:${k}`)),
        ];
        expect(keys.length).toBeGreaterThan(5);
        for (const key of keys) {
          const printed = d.printed[key]!;
          expect(printed, `${key} recorded`).toBeDefined();
          // What was recorded as printed is on the page.
          expect(fold(pageText), `${key} on the page`).toContain(fold(printed));
          const [role, sub] = key.includes(':') ? key.split(':') : [undefined, key];
          const want = role ? d.truth.relations.find((r) => r.role === role)!.fields[sub!]! : d.truth.fields[key]!;
          expect(
            carries(key, want, printed),
            `${family.family} ${key}: ${JSON.stringify(printed)} carries ${JSON.stringify(want)}`,
          ).toBe(true);
        }
      }
    });
  }
});
