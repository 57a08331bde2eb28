import { describe, expect, it } from 'vitest';
import type { PageImage } from '@sohoa/core';
import { safeExtractDocument } from '../../extract';
import { LETTER_ROWS, letterPage, type Segment } from '../../internal/letter-fixture';
import { SOURCE } from '../../test-helpers';

const blank: PageImage = {
  source: SOURCE,
  width: 1240,
  height: 1754,
  channels: 1,
  pixels: new Uint8Array(0),
  diagnostics: [],
};
const extract = async (rows: Segment[][]) => {
  const result = await safeExtractDocument({ pages: [blank], ocr: [letterPage(rows)] }, { asOf: '2025-01-01' });
  if (!result.ok) throw new Error(result.diagnostics[0]?.message);
  return result.value;
};
const values = (fields: Record<string, { value: unknown }>) =>
  Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.value]));

const DECISION: Segment[][] = [
  [
    { text: 'ỦY BAN NHÂN DÂN', centre: 320 },
    { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', centre: 860 },
  ],
  [
    { text: 'HUYỆN QUỲ HỢP', centre: 320 },
    { text: 'Độc lập - Tự do - Hạnh phúc', centre: 860 },
  ],
  [
    { text: 'Số: 215 / QD-UBND', centre: 320 },
    { text: 'Quỳ Hợp, ngày 17 tháng 11 năm 2023', centre: 860 },
  ],
  [],
  [{ text: 'QUYẾT ĐỊNH', centre: 620 }],
  [{ text: 'Về việc thành lập tổ công tác liên ngành', centre: 620 }],
  [],
  [{ text: 'CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN QUỲ HỢP', centre: 620 }],
  [{ text: 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;', x: 170 }],
  [],
  [
    { text: 'Nơi nhận:', x: 110 },
    { text: 'TM. ỦY BAN NHÂN DÂN', centre: 880 },
  ],
  [
    { text: '- Lưu: VT.', x: 110 },
    { text: 'CHỦ TỊCH', centre: 880 },
  ],
  [],
  [{ text: 'Thượng tá Lò Văn Khánh', centre: 880 }],
];

describe('van-ban-hanh-chinh', () => {
  it('reads a letter: issuer under its parent body, number with Đ and 0 restored, place and date, V/v subject, signer', async () => {
    const record = await extract(LETTER_ROWS);
    expect(record.type).toBe('van-ban-hanh-chinh');
    expect(values(record.fields)).toEqual({
      'document.number': '1042/SGDĐT-VP',
      'document.symbol': 'SGDĐT-VP',
      'document.issuer': 'SỞ GIÁO DỤC VÀ ĐÀO TẠO',
      'document.issuer.parent': 'UBND TỈNH NGHỆ AN',
      'document.issueDate': '2024-03-05',
      'document.place': 'Nghệ An',
      'document.kind': 'Công văn',
      'document.subject': 'tổ chức kiểm tra công tác cải cách hành chính năm 2024',
      'document.signer': 'Đinh Thị Hồng Nhung',
      'document.signer.position': 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC',
    });
    expect(record).toMatchObject({
      number: '1042/SGDĐT-VP',
      issuer: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO',
      issued: '2024-03-05',
      subject: { kind: 'org', id: 'name:SỞ GIÁO DỤC VÀ ĐÀO TẠO' },
    });
    expect(record.fields['document.signer']!.confidence).toBeLessThan(0.7);
  });

  it('reads a decision: a two-line issuer is one body, the kind and subject come from the title', async () => {
    const record = await extract(DECISION);
    expect(values(record.fields)).toMatchObject({
      'document.number': '215/QĐ-UBND',
      'document.issuer': 'ỦY BAN NHÂN DÂN HUYỆN QUỲ HỢP',
      'document.issueDate': '2023-11-17',
      'document.kind': 'Quyết định',
      'document.subject': 'Về việc thành lập tổ công tác liên ngành',
      'document.signer': 'Lò Văn Khánh',
    });
    expect(record.fields['document.issuer.parent']).toBeUndefined();
  });

  it('reports the header fields it cannot find, without their values', async () => {
    const rows = LETTER_ROWS.map((row) => row.filter((s) => !s.text.startsWith('Số:') && !s.text.includes('ngày 05')));
    const record = await extract(rows);
    expect(record.diagnostics.filter((d) => d.code === 'EXTRACT_FIELD_NOT_FOUND').map((d) => d.key)).toEqual(
      expect.arrayContaining(['document.number', 'document.issueDate']),
    );
    expect(JSON.stringify(record.diagnostics)).not.toContain('GIÁO DỤC');
  });
});
