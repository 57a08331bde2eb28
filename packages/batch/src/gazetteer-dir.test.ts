import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createFakeOcrEngine } from '@sohoa/ocr';
import { describe, expect, it } from 'vitest';
import { canRun } from '../../../test/fixtures/skip';
import { digitizeFile } from './digitize';

const admin = resolve(import.meta.dirname, '../../../../shared/data/admin-units');
const seed = resolve(import.meta.dirname, '../../../seeds/data/cccd/01-tran-kim-giang');
// A synthetic marriage certificate read by a fake OCR engine: the wife's district carries a tone slip.
const PAGE = [
  'GIẤY CHỨNG NHẬN KẾT HÔN',
  'Họ và tên chồng: LÊ VĂN TÂM',
  'Dân tộc: Kinh Quốc tịch: Việt Nam',
  'Họ và tên vợ: ĐỖ THỊ HOA',
  'Nơi cư trú của vợ: Phường An Hoà, Quận Ninh Kiểu, Cần Thơ',
  'Nơi đăng ký: Ủy ban nhân dân phường An Hoà, quận Ninh Kiều, Cần Thơ',
].join('\n');
const engine = createFakeOcrEngine((page) => (page.width > 900 ? PAGE : ''));

describe('digitizeFile with a gazetteer folder', () => {
  it('fails every file with the loader’s code when the folder holds no unit data (a misconfiguration is loud)', async () => {
    const r = await digitizeFile(join(seed, 'front.jpg'), { engine, gazetteerDir: import.meta.dirname });
    expect(r).toMatchObject({ status: 'failed', error: { code: 'VN_GAZETTEER_NOT_FOUND' } });
  });

  it.skipIf(!canRun('gazetteer-dir', existsSync(admin), `${admin} is absent`, { allowedInCi: true }))(
    'snaps a tone slip in a district name to the unit of its province',
    async () => {
      const without = await digitizeFile(join(seed, 'front.jpg'), { engine });
      const wife = (r: typeof without) => r.record?.relations?.find((x) => x.role === 'spouse');
      expect(wife(without)?.fields['person.residence']?.value).toBe('Phường An Hoà, Quận Ninh Kiểu, Cần Thơ');
      const withUnits = await digitizeFile(join(seed, 'front.jpg'), { engine, gazetteerDir: admin });
      expect(wife(withUnits)?.fields['person.residence']?.value).toBe('Phường An Hoà, Quận Ninh Kiều, Cần Thơ');
    },
    30_000,
  );
});
