import { expect, it } from 'vitest';
import * as ingest from './index';

it('pins the public exports', () => {
  expect(Object.keys(ingest).sort()).toEqual([
    'AUTO_PREPROCESS',
    'SUPPORTED_FILE_TYPES',
    'assessPageQuality',
    'assessTextLayer',
    'binarizePage',
    'clampBox',
    'contentCropBox',
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
    'normalizeScale',
    'orientPage',
    'preprocessPage',
    'readPages',
    'readPdfScanImages',
    'readPdfScanJpegs',
    'resolveIngestOptions',
    'rotatePage',
    'safeReadPages',
    'scaleFactorFor',
    'scalePage',
    'sniffFileType',
    'toGrey',
    'toPng',
    'toSourceBox',
  ]);
});
