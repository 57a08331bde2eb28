import { generateCivilDocuments, drawCivilDocument, type SyntheticCivilDocument } from '../civil';
import type { LayoutFamily } from '../layout-families';
import type { SyntheticDocument } from '../types';
import { fromTemplatePage, roleKey } from './tuned';

const civil = (doc: SyntheticDocument): SyntheticCivilDocument => doc as SyntheticCivilDocument;

export const CIVIL_FAMILIES: LayoutFamily[] = [
  {
    type: 'giay-khai-sinh',
    family: 'seeds-v1',
    description: "The generator's original birth certificate (TT 04/2020 wording, one column, values in bold capitals beside their labels): the layout the readers were built on.",
    heldOut: false,
    capture: 'scanner',
    generate: (seed, count) => generateCivilDocuments('giay-khai-sinh', seed, count),
    draw: (doc) => [fromTemplatePage(drawCivilDocument(civil(doc)), (k) => roleKey(k))],
  },
  {
    type: 'giay-chung-nhan-ket-hon',
    family: 'seeds-v1',
    description: "The generator's original marriage certificate (one column, husband's block then wife's): the layout the readers were built on.",
    heldOut: false,
    capture: 'scanner',
    generate: (seed, count) => generateCivilDocuments('giay-chung-nhan-ket-hon', seed, count),
    draw: (doc) => [fromTemplatePage(drawCivilDocument(civil(doc)), (k) => roleKey(k, ['husband']))],
  },
];
