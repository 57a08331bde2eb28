import { describe, expect, it } from 'vitest';
import { canCuoc2024 } from './documents/can-cuoc-2024/definition';
import { cccd2016 } from './documents/cccd-2016/definition';
import { cccd2021 } from './documents/cccd-2021/definition';
import { cmnd9 } from './documents/cmnd-9/definition';
import { BLANK_PAGE, ocrPageFromLines } from './test-helpers';
import type { PageReading } from './types';

const page = BLANK_PAGE;
const reading = (lines: string[], qr?: string): PageReading => ({
  page,
  ocr: ocrPageFromLines(lines),
  qr: qr ? { text: qr, page: 1, box: { x: 0, y: 0, width: 10, height: 10 } } : undefined,
});
const MODELS = [cccd2021, cccd2016, canCuoc2024, cmnd9];
const TYPES = MODELS.map((m) => m.id);
const classifyIdCardPage = (r: PageReading, type: string) => MODELS.find((m) => m.id === type)!.classify(r);

/** The type and part with the highest score, as the extractor picks them. */
function best(r: PageReading): string | undefined {
  const scored = TYPES.map((t) => classifyIdCardPage(r, t)).filter((c) => c !== undefined);
  const top = scored.sort((a, b) => b.score - a.score)[0];
  return top && `${top.type} ${top.part}`;
}

const MRZ = ['IDVNM0901234565001090123456<<2', '9001015M3001015VNM<<<<<<<<<<<8', 'NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<'];

describe('classifyIdCardPage', () => {
  it.each([
    [
      'cccd-2021 front',
      [
        'CĂN CƯỚC CÔNG DÂN',
        'Citizen Identity Card',
        'Họ và tên / Full name:',
        'Quê quán / Place of origin:',
        'Nơi thường trú / Place of residence:',
      ],
    ],
    [
      'cccd-2016 front',
      [
        'CĂN CƯỚC CÔNG DÂN',
        'Họ và tên:',
        'Ngày, tháng, năm sinh: 01/01/1990',
        'Giới tính: Nam Quốc tịch: Việt Nam',
        'Quê quán:',
        'Nơi thường trú:',
      ],
    ],
    [
      'can-cuoc-2024 front',
      [
        'CĂN CƯỚC',
        'IDENTITY CARD',
        'Số định danh cá nhân / Personal identification number:',
        'Họ, chữ đệm và tên khai sinh / Full name:',
        'Ngày, tháng, năm sinh / Date of birth:',
      ],
    ],
    [
      'cmnd-9 front',
      [
        'GIẤY CHỨNG MINH NHÂN DÂN',
        'SỐ 012345678',
        'Họ tên: NGUYỄN VĂN AN',
        'Sinh ngày: 01-01-1970',
        'Nguyên quán: Nam Định',
        'Nơi ĐKHK thường trú: Hà Nội',
      ],
    ],
    [
      'cccd-2016 back',
      [
        'Đặc điểm nhân dạng:',
        'Nốt ruồi C:1cm',
        'Ngày 01 tháng 02 năm 2018',
        'CỤC TRƯỞNG CỤC CẢNH SÁT',
        'ĐKQL CƯ TRÚ VÀ DLQG VỀ DÂN CƯ',
        'Ngón trỏ trái Ngón trỏ phải',
      ],
    ],
    [
      'cmnd-9 back',
      [
        'Dân tộc: Kinh Tôn giáo: Không',
        'DẤU VẾT RIÊNG VÀ DỊ HÌNH',
        'Ngày 01 tháng 02 năm 2005',
        'GIÁM ĐỐC CA TỈNH NAM ĐỊNH',
        'NGÓN TRỎ TRÁI NGÓN TRỎ PHẢI',
      ],
    ],
    [
      'cmnd-9 back',
      [
        'Dân tộc: Kinh Tôn giáo: Không',
        'ĐẶC ĐIỂM NHẬN DẠNG',
        'Nốt ruồi C:1cm',
        'Ngày 01 tháng 02 năm 1998',
        'GIÁM ĐỐC CA TỈNH NAM ĐỊNH',
        'NGÓN TRỎ TRÁI NGÓN TRỎ PHẢI',
      ],
    ],
    [
      'can-cuoc-2024 back',
      [
        'Nơi cư trú / Place of residence:',
        'Nơi đăng ký khai sinh / Place of birth:',
        'Ngày, tháng, năm cấp / Date of issue: 01/07/2024',
        'BỘ CÔNG AN',
        ...MRZ,
      ],
    ],
  ])('tells %s apart', (expected, lines) => {
    expect(best(reading(lines))).toBe(expected);
  });

  it('a 2021 back whose labels are garbled is still told from a 2016 back by its MRZ and QR code', () => {
    expect(
      best(
        reading(
          ['Đặc điểm nhân dạng /', 'Ngón trỏ trái Ngón trỏ phải', ...MRZ],
          '001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|01012022',
        ),
      ),
    ).toBe('cccd-2021 back');
  });

  it('a degraded 2016 back showing only the labels it shares with the 2021 back is a 2016 back (no MRZ, no QR)', () => {
    // As OCR read a blurred, unevenly lit 2016 back: the issuer lines and "phải" were lost.
    expect(
      best(
        reading([
          'Đặc điểm nhân dạng:',
          'Nốt ruồi C:1,5cm trên đầu mày trái',
          'Ngày 09 tháng 06 năm 2019',
          'Ngón trỏ trái Ngóntrô phải',
        ]),
      ),
    ).toBe('cccd-2016 back');
  });

  it("a decision whose body names a person's sex and nationality is no ID card", () => {
    // As OCR read a decision photographed without its header (a real scan).
    const body = [
      'QUYẾT ĐỊNH',
      'Khám nơi cất giấu tang vật, phương tiện vi phạm hành chính là chỗ ở',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN',
      'Căn cứ Luật tổ chức chính quyền địa phương ngày 19/6/2015;',
      '9 và tên: Lê Văn Thử. Giới tính: Nam.',
      'áng, năm sinh: 1967, Quốc tịch: Việt Nam.',
    ];
    expect(best(reading(body))).toBeUndefined();
    // Three of a side's labels without its title still count (a card whose title was not read).
    expect(
      best(
        reading([
          'Họ và tên: NGUYỄN VĂN AN',
          'Ngày, tháng, năm sinh: 01/01/1990',
          'Giới tính: Nam Quốc tịch: Việt Nam',
          'Quê quán: Nam Định',
          'Nơi thường trú: Hà Nội',
        ]),
      ),
    ).toBe('cccd-2016 front');
  });

  it('a back whose printed text is unreadable is classified by its QR issue date', () => {
    const qr = (issued: string) => `001090123456|012345678|Nguyễn Văn An|01011990|Nam|Hà Nội|${issued}`;
    expect(best(reading([], qr('10052021')))).toBe('cccd-2021 back');
    expect(best(reading([], qr('30062024')))).toBe('cccd-2021 back');
    expect(best(reading([], qr('01072024')))).toBe('can-cuoc-2024 back');
    expect(best(reading([]))).toBeUndefined();
  });

  it('a birth certificate is not an ID card', () => {
    const lines = [
      'GIẤY KHAI SINH',
      'Họ, chữ đệm, tên: NGUYỄN VĂN AN',
      'Giới tính: Nam Dân tộc: Kinh Quốc tịch: Việt Nam',
      'Nơi sinh: Hà Nội',
      'Quê quán: Nam Định',
      'Số định danh cá nhân: 001090123456',
      'Nơi cư trú: Hà Nội',
      'Nơi đăng ký khai sinh: UBND',
    ];
    for (const type of ['cccd-2021', 'cccd-2016', 'cmnd-9'])
      expect(classifyIdCardPage(reading(lines), type)).toBeUndefined();
    expect(classifyIdCardPage(reading(lines), 'can-cuoc-2024')?.score ?? 0).toBeLessThan(0.5);
  });
});
