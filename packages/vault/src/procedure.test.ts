import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { procedureFromRecord } from './procedure';

const dir = join(__dirname, '../../../../shared/data/procedures/mod-procedures-207/extracted_fixed');
const present = existsSync(dir);
if (!present) console.warn(`procedure records absent (${dir}): the real-record test is skipped`);

describe('procedureFromRecord', () => {
  it('reads code, name, requirements and result', () => {
    const procedure = procedureFromRecord({
      metadata: { mã_thủ_tục: '1.000001', tên_thủ_tục: 'Thủ tục mẫu', lĩnh_vực: 'Hộ tịch' },
      content: { kết_quả_thực_hiện: 'Giấy khai sinh.' },
      tables: {
        thanh_phan_ho_so: [
          { ten_giay_to: 'Tờ khai theo mẫu', so_luong: 'ToKhai.docx', ghi_chu: 'Bản chính: 1\nBản sao: 0' },
          { ten_giay_to: 'Giấy chứng sinh', so_luong: '', ghi_chu: 'Bản chính: 0\nBản sao: 2' },
          { ten_giay_to: '', so_luong: '', ghi_chu: '' },
        ],
      },
    });
    expect(procedure).toEqual({
      code: '1.000001',
      name: 'Thủ tục mẫu',
      field: 'Hộ tịch',
      result: 'Giấy khai sinh.',
      requirements: [
        { id: 'r1', name: 'Tờ khai theo mẫu', form: 'ToKhai.docx', originals: 1, copies: 0 },
        { id: 'r2', name: 'Giấy chứng sinh', originals: 0, copies: 2 },
      ],
    });
    expect(() => procedureFromRecord({})).toThrow(/mã_thủ_tục/);
  });

  it.skipIf(!present)('reads all 207 published procedure records', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBe(207);
    const procedures = files.map((f) => procedureFromRecord(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
    for (const p of procedures) expect(p.code).toMatch(/^\d\.\d{6}$/);
    const requirements = procedures.flatMap((p) => p.requirements);
    expect(procedures.filter((p) => p.requirements.length > 0).length).toBeGreaterThan(180);
    expect(requirements.filter((r) => r.originals + r.copies > 0).length / requirements.length).toBeGreaterThan(0.8);
  });
});
