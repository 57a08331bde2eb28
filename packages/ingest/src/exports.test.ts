import { expect, it } from 'vitest';
import * as ingest from './index';

it('pins the public exports', () => {
  expect(Object.keys(ingest).sort()).toEqual([
    'SUPPORTED_FILE_TYPES',
    'assessPageQuality',
    'assessTextLayer',
    'clampBox',
    'cropPage',
    'cropToContent',
    'deskewPage',
    'detectOrientation',
    'encodeForOcr',
    'estimateSkew',
    'findContentBox',
    'isSupportedFileType',
    'listInputFiles',
    'normalizeContrast',
    'orientPage',
    'preprocessPage',
    'readPages',
    'resolveIngestOptions',
    'rotatePage',
    'safeReadPages',
    'scalePage',
    'sniffFileType',
    'toGrey',
    'toPng',
  ]);
});
