/**
 * HELD OUT (third round): the families of this folder were written by someone who does not work on the
 * readers. Reader engineers (packages/extract) do not open these files nor look at these families' images
 * or printed text; they look only at the figures `pnpm eval:layouts` prints for them.
 */
import type { LayoutFamily } from '../../layout-families';
import { HELD_OUT_BUSINESS_FAMILIES } from './business';
import { HELD_OUT_CIVIL_FAMILIES } from './civil';
import { HELD_OUT_ID_CARD_FAMILIES } from './id-card';
import { HELD_OUT_LAND_FAMILIES } from './land';

export const HELD_OUT_FAMILIES: LayoutFamily[] = [
  ...HELD_OUT_CIVIL_FAMILIES,
  ...HELD_OUT_BUSINESS_FAMILIES,
  ...HELD_OUT_LAND_FAMILIES,
  ...HELD_OUT_ID_CARD_FAMILIES,
];
