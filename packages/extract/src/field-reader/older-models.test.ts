import { describe, expect, it } from 'vitest';
import { BIRTH_CERTIFICATE_SPEC } from '../documents/giay-khai-sinh/definition';
import { readBareRegisterNumber } from '../civil-document';
import { MARRIAGE_CERTIFICATE_SPEC } from '../documents/giay-chung-nhan-ket-hon/definition';
import { BLANK_PAGE, TEST_CONTEXT } from '../internal/reader-test-kit';
import { layoutPage, type LayoutRow } from '../test-helpers';
import { cutReason, readFields } from './read';
import type { ReaderSpec } from './spec';

// Layouts written for these tests from the official wording of the older civil-status models
// (registers of the 1990s and 2000s): the labels, not any drawing of ours.
const blank = BLANK_PAGE;
const context = TEST_CONTEXT;
async function values(rows: LayoutRow[], spec: ReaderSpec) {
  const r = await readFields(blank, layoutPage(rows), spec, context);
  return Object.fromEntries(Object.entries(r.fields).map(([k, f]) => [k, f.value]));
}

describe('labels of the older civil-status models', () => {
  it('reads the registration date of `Đăng ký kết hôn ngày … tháng … năm …`', async () => {
    const v = await values(
      ['Họ và tên chồng: LÊ VĂN TÂM', 'Họ và tên vợ: ĐỖ THỊ HOA', 'Đăng ký kết hôn ngày 20 tháng 5 năm 1996'],
      MARRIAGE_CERTIFICATE_SPEC,
    );
    expect(v['document.issueDate']).toBe('1996-05-20');
  });

  it('reads `Đăng ký khai sinh ngày` and a residence under `Nơi thường trú/tạm trú` without the label tail', async () => {
    const v = await values(
      [
        'Họ và tên: NGUYỄN VĂN AN',
        'Họ và tên mẹ: PHẠM THỊ HÀ',
        'Nơi thường trú/tạm trú: Xã Tân Lập, Huyện Đan Phượng, Hà Nội',
        'Đăng ký khai sinh ngày 15 tháng 3 năm 1995',
      ],
      BIRTH_CERTIFICATE_SPEC,
    );
    expect(v['mother:person.residence']).toBe('Xã Tân Lập, Huyện Đan Phượng, Hà Nội');
    expect(v['document.issueDate']).toBe('1995-03-15');
  });

  it('reads the number under `Số đăng ký` and keeps a suffix OCR set apart (`25 /KH`)', async () => {
    expect(
      (await values(['Số đăng ký: 125', 'Họ và tên: NGUYỄN VĂN AN'], BIRTH_CERTIFICATE_SPEC))['document.number'],
    ).toBe('125');
    expect(
      (await values(['Số: 25 /KH', 'Họ và tên chồng: LÊ VĂN TÂM'], MARRIAGE_CERTIFICATE_SPEC))['document.number'],
    ).toBe('25/KH');
  });
});

describe('a register number printed without a colon', () => {
  const reading = (lines: string[]) => ({ page: blank, ocr: layoutPage(lines), qr: undefined });
  it('is read when it stands alone on its line, wherever the line is', () => {
    const r = readBareRegisterNumber(reading(['GIẤY CHỨNG NHẬN KẾT HÔN', 'Họ và tên chồng: LÊ VĂN TÂM', 'Số 45/KH']), [
      'giay chung nhan ket hon',
    ]);
    expect(r?.value).toBe('45/KH');
  });
  it('is not taken from an address line below the title', () => {
    const r = readBareRegisterNumber(
      reading(['GIẤY CHỨNG NHẬN KẾT HÔN', 'Nơi cư trú:', 'Số 11/30 đường Phạm Văn Thuận, Biên Hoà']),
      ['giay chung nhan ket hon'],
    );
    expect(r).toBeUndefined();
  });
});

describe('a label only the subject prints, read under another role heading', () => {
  it('is the subject’s, below the fill threshold, and never overrides a value read in the subject’s own scope', async () => {
    const rows: LayoutRow[] = [
      'Họ và tên người đi khai sinh: TRẦN VĂN BÌNH',
      'NGƯỜI MẸ',
      'Họ và tên: LÊ THỊ LAN',
      'Dân tộc: Kinh',
      'Giới tính: Nữ',
      'Ngày, tháng, năm sinh: 05/06/1991',
      'Nơi sinh: Bệnh viện Bạch Mai, Hà Nội',
    ];
    const r = await readFields(blank, layoutPage(rows), BIRTH_CERTIFICATE_SPEC, context);
    expect(r.fields['mother:person.fullName']?.value).toBe('Lê Thị Lan');
    expect(r.fields['person.sex']?.value).toBe('female');
    expect(r.fields['person.birthPlace']?.value).toBe('Bệnh viện Bạch Mai, Hà Nội');
    expect(r.fields['person.sex']!.confidence).toBeLessThan(0.7);
    expect(r.diagnostics.map((d) => d.code)).toContain('EXTRACT_ROLE_INFERRED');
    // The mother's birth date label is hers (her year), not the child's date.
    expect(r.fields['mother:person.birthDate.year']?.value).toBe('1991');
    expect(r.fields['person.birthDate']).toBeUndefined();
  });
});

describe('a role word in brackets after the label', () => {
  it('names whose value it is (`Họ, chữ đệm, tên (Vợ):`), so the wife’s ID is never the husband’s', async () => {
    const v = await values(
      [
        'Họ, chữ đệm, tên (Chồng): LÊ VĂN TÂM',
        'Họ, chữ đệm, tên (Vợ): ĐỖ THỊ HOA',
        'Giấy tờ tùy thân (Vợ): CCCD số 036172001234',
      ],
      MARRIAGE_CERTIFICATE_SPEC,
    );
    expect(v['person.fullName']).toBe('Lê Văn Tâm');
    expect(v['spouse:person.fullName']).toBe('Đỗ Thị Hoa');
    expect(v['spouse:person.idNumber']).toBe('036172001234');
    expect(v['person.idNumber']).toBeUndefined();
  });

  it('leaves a bracket that names no role to the label (`Họ và tên (chữ in hoa):`)', async () => {
    const v = await values(['Họ và tên (chữ in hoa): NGUYỄN VĂN AN'], BIRTH_CERTIFICATE_SPEC);
    expect(v['person.fullName']).toBe('Nguyễn Văn An');
  });
});

describe('values that look cut', () => {
  it('holding dots fused to a word before their end are marked, not only those ending so', () => {
    expect(cutReason('Phường Tân.. An, Cần Thơ')).toBe('it holds dots fused to a word');
    expect(cutReason('Nguyễn Văn… An', false)).toBe('it holds dots fused to a word');
    expect(cutReason('Số 12 đường 3.2, Cần Thơ')).toBeUndefined();
  });
});

describe('the register entry written as a sentence', () => {
  it('reads the number of `Vào sổ đăng ký kết hôn số 45, quyển số 01/1996`', async () => {
    const v = await values(
      ['Họ và tên chồng: LÊ VĂN TÂM', 'Vào sổ đăng ký kết hôn số 45, quyển số 01/1996'],
      MARRIAGE_CERTIFICATE_SPEC,
    );
    expect(v['document.number']).toBe('45');
    expect(v['document.bookNumber']).toBe('01/1996');
  });
});

describe('a label after a comma', () => {
  it('counts when it reads as one (a colon after it, or digits after a label of two words)', async () => {
    expect((await values(['Số: 45, Quyển số: 01/1996'], MARRIAGE_CERTIFICATE_SPEC))['document.bookNumber']).toBe(
      '01/1996',
    );
  });
  it('does not inside an address (`…, Quốc tịch` is not read where a place goes on)', async () => {
    const v = await values(
      ['Nơi cư trú: Thôn Đông, Quốc Oai, Hà Nội', 'Họ và tên chồng: LÊ VĂN TÂM'],
      MARRIAGE_CERTIFICATE_SPEC,
    );
    expect(v['person.residence']).toBe('Thôn Đông, Quốc Oai, Hà Nội');
  });
});
