/**
 * Layout families: independent ways of drawing the same document type, for `pnpm eval:layouts`.
 *
 * RULE FOR READER ENGINEERS (leave one family out). A family marked `heldOut: true` measures how the
 * readers do on a layout they were not tuned on. If you work on a reader (packages/extract), do NOT read
 * the drawing code of a held-out family (its `draw` and the helpers only it uses) and do NOT look at its
 * images or its printed text; look only at the figures `pnpm eval:layouts` prints for it. Tune on the
 * other families. A held-out family whose code was read stops being held out: say so, and add a new one.
 * The third-round held-out families live in `families/held-out/` (do not open that folder if you work on a
 * reader); their descriptions say nothing of their drawing on purpose.
 *
 * Adding a family (e.g. an ID card model): write `draw(doc, rng)` returning one `DrawnForm` per page
 * (see `internal/form-kit.ts`, which records what each value looks like as printed), give the type's
 * document generator in `generate`, and append the family to `LAYOUT_FAMILIES` (or call
 * `registerLayoutFamily`). The ground truth of a document is only what its family printed: a family that
 * does not print ethnicity is not scored on ethnicity.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRng, type Rng } from './rng';
import { rasterisePages } from './internal/raster';
import { drawDegradations } from './degrade';
import type { DrawnForm } from './internal/form-kit';
import type { Degradation, DegradationKind, PageText, RenderedDocument, SyntheticDocument } from './types';
import { CIVIL_FAMILIES } from './families/civil';
import { BUSINESS_FAMILIES } from './families/business';
import { LAND_FAMILIES } from './families/land';
import { ID_CARD_FAMILIES } from './families/id-cards';
import { HELD_OUT_FAMILIES } from './families/held-out';

export type { DrawnForm } from './internal/form-kit';

/** How the paper got into the computer: decides the degradations of a degraded copy. */
export type Capture = 'scanner' | 'phone';

export interface LayoutFamily {
  /** The document type id, as `@sohoa/extract` classifies it (`giay-khai-sinh`, `cccd-2021`, …). */
  type: string;
  /** Short id, unique within the type (`tt04-2020`, `old-1990s-bilingual`). */
  family: string;
  /** What this family is: the model, era, what makes its structure different. */
  description: string;
  /** Not to be looked at by reader engineers; reported separately. See the rule at the top of this file. */
  heldOut: boolean;
  /** Degradations of degraded copies: office scanner (rotation, noise, downscale) or phone photo (perspective, light, blur). */
  capture: Capture;
  /** The synthetic documents (ground truth before filtering) this family draws; the same seed gives the same documents. */
  generate(seed: number, count: number): SyntheticDocument[];
  /** Draw one document: one page or several, each recording what it printed under which key. */
  draw(doc: SyntheticDocument, rng: Rng): DrawnForm[];
}

/** Identity helper for typing a family literal. */
export const defineLayoutFamily = (family: LayoutFamily): LayoutFamily => family;

/** Every family, in report order. */
export const LAYOUT_FAMILIES: LayoutFamily[] = [
  ...CIVIL_FAMILIES,
  ...BUSINESS_FAMILIES,
  ...LAND_FAMILIES,
  ...ID_CARD_FAMILIES,
  ...HELD_OUT_FAMILIES,
];

/** Add a family from outside this file (throws on a duplicate `type/family`). */
export function registerLayoutFamily(family: LayoutFamily): void {
  if (LAYOUT_FAMILIES.some((f) => f.type === family.type && f.family === family.family))
    throw new Error(`Layout family ${family.type}/${family.family} is already registered; pick another family id.`);
  LAYOUT_FAMILIES.push(family);
}

/** Families filtered by type ids and `type/family` or bare family ids. */
export function selectLayoutFamilies(
  options: { types?: readonly string[]; families?: readonly string[] } = {},
): LayoutFamily[] {
  return LAYOUT_FAMILIES.filter(
    (f) =>
      (!options.types || options.types.includes(f.type)) &&
      (!options.families || options.families.some((id) => id === f.family || id === `${f.type}/${f.family}`)),
  );
}

/** A document as one family drew it, with the ground truth cut down to what was printed. */
export interface LayoutDocument {
  family: LayoutFamily;
  /** Ground truth of the printed fields only; relations without a printed field are dropped. */
  truth: SyntheticDocument;
  pages: DrawnForm[];
  /** Each scored key (`person.fullName`, `mother:person.fullName`) and its value as printed. */
  printed: Record<string, string>;
}

const drawRng = (family: LayoutFamily, doc: SyntheticDocument): Rng =>
  createRng(`${family.type}:${family.family}:${doc.slug}`);

/** Keep the facts a family printed: `key` for the subject, `role:key` for a relation. */
export function printedTruth(doc: SyntheticDocument, printed: Record<string, string>): SyntheticDocument {
  const fields = Object.fromEntries(Object.entries(doc.fields).filter(([k]) => k in printed));
  const relations = doc.relations
    .map((r) => ({
      role: r.role,
      fields: Object.fromEntries(Object.entries(r.fields).filter(([k]) => `${r.role}:${k}` in printed)),
    }))
    .filter((r) => Object.keys(r.fields).length > 0);
  return { type: doc.type, slug: doc.slug, fields, relations };
}

/** Draw `count` documents of one family (no rasterising): for tests and for `generateLayoutSet`. */
export function layoutDocuments(family: LayoutFamily, seed: number, count: number): LayoutDocument[] {
  return family.generate(seed, count).map((doc) => {
    const pages = family.draw(doc, drawRng(family, doc));
    const printed = Object.assign({}, ...pages.map((p) => p.printed)) as Record<string, string>;
    return { family, truth: printedTruth(doc, printed), pages, printed };
  });
}

/** The text each page printed, with boxes: what a perfect OCR would read. */
export function layoutDocumentText(doc: LayoutDocument): PageText[] {
  return doc.pages.map((p) => ({ width: p.width ?? 1240, height: p.height ?? 1754, runs: p.runs }));
}

const CAPTURE_KINDS: Record<Capture, DegradationKind[]> = {
  scanner: ['rotate', 'noise', 'downscale', 'jpeg', 'blur'],
  phone: ['illumination', 'blur', 'jpeg', 'rotate'],
};

/** Degradations of one degraded copy: 2–3 of the capture's kinds, plus a light keystone for a phone photo. */
export function captureDegradations(capture: Capture, seed: number): Degradation[] {
  const drawn = drawDegradations(seed, CAPTURE_KINDS[capture]);
  if (capture === 'scanner') return drawn;
  const [keystone] = drawDegradations(seed + 1, ['perspective']);
  return [keystone!, ...drawn.filter((d) => d.kind !== 'rotate' || Math.abs(d.degrees) < 2.5)];
}

/** Rasterise one drawn document, degraded or not. */
export async function renderLayoutDocument(
  doc: LayoutDocument,
  options: { seed: number; degraded: boolean; quality?: number },
): Promise<RenderedDocument> {
  const degradations = options.degraded ? captureDegradations(doc.family.capture, options.seed) : [];
  return rasterisePages(doc.pages, {
    seed: options.seed,
    degrade: degradations.length > 0 ? { degradations } : false,
    quality: options.quality,
  });
}

export const LAYOUT_GENERATOR = '@sohoa/seeds layouts v1';

export interface GenerateLayoutSetOptions {
  seed: number;
  /** Documents per family. */
  count: number;
  outDir: string;
  types?: readonly string[];
  /** Family ids (`tt04-2020`) or `type/family`. */
  families?: readonly string[];
  /** Share of each family's documents that are degraded (the last ones). @default 0.5 */
  degradedShare?: number;
}

/** Ground truth written beside a layout scan: the printed facts, the family, what was printed. */
export interface LayoutTruth extends SyntheticDocument {
  generator: string;
  seed: number;
  family: string;
  heldOut: boolean;
  file: string;
  printed: Record<string, string>;
  degradations: Degradation[];
  image: { width: number; height: number; pages: number };
}

/**
 * Write scans and truth as `outDir/<type>/<family>/<nn>-<slug>/{scan.jpg|scan.tif, truth.json}`.
 *
 * @example await generateLayoutSet({ seed: 1, count: 2, outDir: '/tmp/layouts', types: ['giay-khai-sinh'] })
 */
export async function generateLayoutSet(
  options: GenerateLayoutSetOptions,
): Promise<{ outDir: string; folders: string[] }> {
  const folders: string[] = [];
  for (const family of selectLayoutFamilies(options)) {
    const docs = layoutDocuments(family, options.seed, options.count);
    const degradedCount = Math.round(docs.length * (options.degradedShare ?? 0.5));
    for (const [i, doc] of docs.entries()) {
      const folder = join(family.type, family.family, doc.truth.slug);
      await mkdir(join(options.outDir, folder), { recursive: true });
      const seed = (options.seed * 7919 + i) >>> 0;
      const scan = await renderLayoutDocument(doc, { seed, degraded: i >= docs.length - degradedCount });
      const file = scan.format === 'tiff' ? 'scan.tif' : 'scan.jpg';
      await writeFile(join(options.outDir, folder, file), scan.image);
      const truth: LayoutTruth = {
        generator: LAYOUT_GENERATOR,
        seed: options.seed,
        ...doc.truth,
        family: family.family,
        heldOut: family.heldOut,
        file,
        printed: doc.printed,
        degradations: scan.degradations,
        image: { width: scan.width, height: scan.height, pages: scan.pages },
      };
      await writeFile(join(options.outDir, folder, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
      folders.push(folder);
    }
  }
  return { outDir: options.outDir, folders };
}
