import { expect, it } from 'vitest';
import * as ingest from './index';

it('pins the public exports', () => {
  expect(Object.keys(ingest).sort()).toEqual([
    'SUPPORTED_FILE_TYPES',
    'assessTextLayer',
    'clampBox',
    'cropPage',
    'encodeForOcr',
    'isSupportedFileType',
    'listInputFiles',
    'readPages',
    'resolveIngestOptions',
    'safeReadPages',
    'scalePage',
    'sniffFileType',
    'toGrey',
    'toPng',
  ]);
});
