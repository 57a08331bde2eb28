import { drawLandPages, generateLandCertificates, type SyntheticLandCertificate } from '../land-certificate';
import type { LayoutFamily } from '../layout-families';
import { fromTemplatePage, roleKey } from './tuned';

export const LAND_FAMILIES: LayoutFamily[] = [
  {
    type: 'land-use-certificate',
    family: 'seeds-v1',
    description: "The generator's original land certificates (2014 two-page model before August 2024, 2024 one-sheet model after): the layouts the readers were built on.",
    heldOut: false,
    capture: 'scanner',
    generate: (seed, count) => generateLandCertificates(seed, count),
    draw: (doc) => drawLandPages(doc as SyntheticLandCertificate).map((p) => fromTemplatePage(p, (k) => roleKey(k))),
  },
];
