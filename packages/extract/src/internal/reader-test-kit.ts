import type { PageImage } from '@sohoa/core';
import { type AdminUnit, createGazetteer, type Gazetteer } from '@sohoa/vn';
import { SOURCE } from '../test-helpers';
import type { ExtractContext } from '../types';

/** For tests: a white page the size of a scan (region re-reads of it read nothing). */
export const BLANK_PAGE: PageImage = {
  source: SOURCE,
  width: 1800,
  height: 2000,
  channels: 1,
  pixels: new Uint8Array(1800 * 2000).fill(255),
  diagnostics: [],
};

/** For tests: an extraction context without a recogniser or a gazetteer. */
export const TEST_CONTEXT: ExtractContext = { options: { asOf: '2025-01-01', types: undefined, documentTypes: [] } };

/** For tests: a few pre-2025 units of Cần Thơ written by hand (codes as the GSO numbers them). */
export function canThoGazetteer(): Gazetteer {
  const unit = (code: string, type: AdminUnit['type'], name: string, level: AdminUnit['level'], parent?: string) => ({
    code,
    type,
    name,
    level,
    era: 'old' as const,
    province: '92',
    ...(parent ? { parent } : {}),
  });
  return createGazetteer({
    units: [
      unit('92', 'thành phố', 'Cần Thơ', 'province'),
      unit('916', 'quận', 'Ninh Kiều', 'district', '92'),
      unit('918', 'quận', 'Bình Thuỷ', 'district', '92'),
      unit('31150', 'phường', 'An Hoà', 'commune', '916'),
      unit('31153', 'phường', 'Xuân Khánh', 'commune', '916'),
      unit('31180', 'phường', 'Long Hoà', 'commune', '918'),
    ],
  });
}
