// The copy's file name as the digitisation guidance writes it: `CODE_YYYYMMDD_DESC.EXT`
// (e.g. `G06.01_CV_000021_V1_20250202_SohoaTailieu.pdf`).

import { SohoaError } from '@sohoa/core';
import { stripDiacritics } from '@sohoa/vn';
import type { CopyMetadata } from '../types';

const MAX_DESC = 60;

/**
 * `DESC` of a file name: ASCII letters and digits only, each word capitalised and joined (`Giấy khai sinh` →
 * `GiayKhaiSinh`), at most 60 characters. Empty when nothing printable is left.
 */
export function fileNameDescription(text: string): string {
  return stripDiacritics(text.normalize('NFC'))
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join('')
    .slice(0, MAX_DESC);
}

export interface CopyFileNameOptions {
  /** Which date goes in `YYYYMMDD`: the document's issue date (default; the digitisation date when unknown) or the digitisation date. */
  date?: 'issued' | 'digitised';
  /** @default 'pdf' */
  extension?: string;
}

/**
 * The file name of a copy: `<DocCode>_<YYYYMMDD>_<Desc>.pdf`, safe on every file system (no path separator, no
 * space, ASCII only). `desc` defaults to the type name.
 *
 * @throws SohoaError `ARCHIVE_INPUT_INVALID` when the DocCode or the date cannot make a safe name.
 * @example copyFileName(metadata, 'Sohoa tài liệu') // 'G06.01_CV_000021_V1_20250202_SohoaTaiLieu.pdf'
 */
export function copyFileName(
  metadata: Pick<CopyMetadata, 'docCode' | 'issuedDate' | 'digitisedAt' | 'typeName'>,
  desc?: string,
  options: CopyFileNameOptions = {},
): string {
  const code = metadata.docCode ?? '';
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(code) || code.includes('..') || code.length > 30) {
    throw new SohoaError(
      'ARCHIVE_INPUT_INVALID',
      'The DocCode cannot name a file: letters, digits, `.`, `_` and `-` only, at most 30 characters.',
      { details: { field: 'docCode' } },
    );
  }
  const source = options.date === 'digitised' ? metadata.digitisedAt : (metadata.issuedDate ?? metadata.digitisedAt);
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(source ?? '');
  if (!date) {
    throw new SohoaError(
      'ARCHIVE_INPUT_INVALID',
      'A copy file name needs an issue or digitisation date (YYYY-MM-DD…).',
      {
        details: { field: options.date === 'digitised' ? 'digitisedAt' : 'issuedDate' },
      },
    );
  }
  const extension = (options.extension ?? 'pdf').replace(/[^A-Za-z0-9]/g, '').toLowerCase() || 'pdf';
  const description = fileNameDescription(desc ?? metadata.typeName ?? '') || 'Copy';
  return `${code}_${date[1]}${date[2]}${date[3]}_${description}.${extension}`;
}
