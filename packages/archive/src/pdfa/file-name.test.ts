import { isSohoaError } from '@sohoa/core';
import { describe, expect, it } from 'vitest';
import { copyFileName, fileNameDescription } from './file-name';

const base = { docCode: 'G06.01_CV_000021_V1', typeName: 'Công văn', digitisedAt: '2026-12-07T09:30:00Z' };

describe('copyFileName: CODE_YYYYMMDD_DESC.EXT', () => {
  it('writes the guidance example', () => {
    expect(copyFileName({ ...base, issuedDate: '2025-02-02' }, 'Sohoa Tailieu')).toBe(
      'G06.01_CV_000021_V1_20250202_SohoaTailieu.pdf',
    );
  });

  it('folds Vietnamese to ASCII words and defaults DESC to the type name', () => {
    expect(copyFileName({ ...base, issuedDate: '2025-02-02', typeName: 'Giấy chứng nhận đăng ký hộ kinh doanh' })).toBe(
      'G06.01_CV_000021_V1_20250202_GiayChungNhanDangKyHoKinhDoanh.pdf',
    );
    expect(fileNameDescription('Đơn đề nghị / cấp lại (bản sao)')).toBe('DonDeNghiCapLaiBanSao');
    expect(fileNameDescription('../../etc/passwd')).toBe('EtcPasswd');
    expect(fileNameDescription('x'.repeat(200))).toHaveLength(60);
  });

  it('takes the issue date, the digitisation date when there is none or when asked', () => {
    expect(copyFileName(base)).toBe('G06.01_CV_000021_V1_20261207_CongVan.pdf');
    expect(copyFileName({ ...base, issuedDate: '2025-02-02' }, undefined, { date: 'digitised' })).toBe(
      'G06.01_CV_000021_V1_20261207_CongVan.pdf',
    );
  });

  it('falls back to `Copy` when nothing printable is left, and keeps the extension safe', () => {
    expect(copyFileName(base, '—', { extension: '.P/DF' })).toBe('G06.01_CV_000021_V1_20261207_Copy.pdf');
  });

  it('refuses a DocCode that could leave the directory or is not the guidance shape', () => {
    for (const docCode of ['../x', 'a/b', 'G06..01', '', 'x'.repeat(31), 'G06 01']) {
      expect(() => copyFileName({ ...base, docCode })).toThrow(
        expect.objectContaining({ code: 'ARCHIVE_INPUT_INVALID' }),
      );
    }
    try {
      copyFileName({ ...base, digitisedAt: 'yesterday' });
      expect.unreachable();
    } catch (e) {
      expect(isSohoaError(e, 'ARCHIVE_INPUT_INVALID')).toBe(true);
    }
  });
});
