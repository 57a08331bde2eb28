import { describe, expect, it } from 'vitest';
import { safeExtractDocument } from './extract';
import { labelHits } from './labelled-form';
import { indentedPage, whitePage } from './test-helpers';

const blankPage = whitePage(8, 8);

const BIRTH = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'GIẤY KHAI SINH',
  'Số: 248 Quyển số: 01/2024',
  'Họ, chữ đệm, tên: HOÀNG THUÝ LAN',
  'Ngày, tháng, năm sinh: 20/09/2024',
  'ghi bằng chữ: Ngày hai mươi, tháng chín, năm hai nghìn không trăm hai',
  '   mươi tư',
  'Giới tính: Nữ Dân tộc: Tày Quốc tịch: Việt Nam',
  'Nơi sinh: Bệnh viện Đa khoa Cần Thơ',
  'Quê quán: Quận Lê Chân, Hải Phòng',
  'Số định danh cá nhân: 092324016973',
  'Họ, chữ đệm, tên người mẹ: HOÀNG NGỌC MAI',
  'Năm sinh: 1992 Dân tộc: Kinn Quốc tịch: Việt Nam',
  'Nơi cư trú: Số 236 đường 30 Tháng 4, Phường Tân An, Quận Ninh Kiều,',
  '   Cần Thơ',
  'Họ, chữ đệm, tên người cha: TRẦN VĂN NAM',
  'Năm sinh: 1988 Dân tộc: Kinh Quốc tịch: Việt Nam',
  'Nơi cư trú: Số 236 đường 30 Tháng 4, Phường Tân An, Quận Ninh Kiều, Cần Thơ',
  'Nơi đăng ký khai sinh: Ủy ban nhân dân Phường Xuân Khánh, Quận Ninh',
  '   Kiều, Cần Thơ',
  'Ngày, tháng, năm đăng ký: 25/10/2024',
  'NGƯỜI KÝ GIẤY KHAI SINH',
];

const page = indentedPage;

describe('labelHits', () => {
  it('keeps the longest label and only at word starts', () => {
    const hits = labelHits('so dinh danh ca nhan: 0923 quyen so: 01 nam so 5', [
      'so dinh danh ca nhan',
      'so',
      'quyen so',
      'nam so',
    ]);
    expect(hits.map((h) => h.label)).toEqual(['so dinh danh ca nhan', 'quyen so', 'nam so']);
  });
});

describe('birth certificate', () => {
  it('reads the child, the registration and both parents as relations', async () => {
    const result = await safeExtractDocument({ pages: [blankPage], ocr: [page(BIRTH)] }, { asOf: '2025-01-01' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const r = result.value;
    const v = (k: string) => r.fields[k]?.value;
    expect(r.type).toBe('giay-khai-sinh');
    expect(r.subject).toEqual({ kind: 'person', id: '092324016973' });
    expect(v('person.fullName')).toBe('Hoàng Thuý Lan');
    expect(v('person.birthDate')).toBe('2024-09-20');
    expect(v('person.birthDate.words')).toBe('Ngày hai mươi, tháng chín, năm hai nghìn không trăm hai mươi tư');
    expect(v('person.sex')).toBe('female');
    expect(v('person.ethnicity')).toBe('Tày');
    expect(v('person.hometown')).toBe('Quận Lê Chân, Hải Phòng');
    expect(v('document.number')).toBe('248');
    expect(v('document.bookNumber')).toBe('01/2024');
    expect(v('document.issueDate')).toBe('2024-10-25');
    expect(v('document.issuer')).toBe('Uỷ ban nhân dân Phường Xuân Khánh, Quận Ninh Kiều, Cần Thơ');
    expect(v('person.birthCertificate.registrationDate')).toBe('2024-10-25');
    expect(r.relations?.map((x) => x.role)).toEqual(['mother', 'father']);
    const mother = r.relations![0]!.fields;
    expect(mother['person.fullName']?.value).toBe('Hoàng Ngọc Mai');
    expect(mother['person.birthDate.year']?.value).toBe('1992');
    // "Kinn" snaps to the one ethnic group within one edit; the child's "Tày" is not taken for the mother's.
    expect(mother['person.ethnicity']?.value).toBe('Kinh');
    expect(mother['person.residence']?.value).toBe('Số 236 đường 30 Tháng 4, Phường Tân An, Quận Ninh Kiều, Cần Thơ');
    expect(r.relations![1]!.fields['person.fullName']?.value).toBe('Trần Văn Nam');
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('lowers both birth dates below the fill threshold when digits and words disagree', async () => {
    const lines = BIRTH.map((l) => (l.startsWith('Ngày, tháng, năm sinh') ? 'Ngày, tháng, năm sinh: 28/09/2024' : l));
    const result = await safeExtractDocument({ pages: [blankPage], ocr: [page(lines)] }, { asOf: '2025-01-01' });
    if (!result.ok) throw new Error('no record');
    expect(result.value.fields['person.birthDate']!.confidence).toBeLessThan(0.7);
    expect(result.value.diagnostics.map((d) => d.code)).toContain('EXTRACT_SOURCES_DISAGREE');
    expect(JSON.stringify(result.value.diagnostics)).not.toContain('2024');
  });

  it('leaves a field out rather than guess when its value does not parse', async () => {
    const lines = BIRTH.map((l) => (l.startsWith('Số định danh') ? 'Số định danh cá nhân: 0923240l6' : l));
    const result = await safeExtractDocument({ pages: [blankPage], ocr: [page(lines)] }, { asOf: '2025-01-01' });
    if (!result.ok) throw new Error('no record');
    expect(result.value.fields['person.idNumber']).toBeUndefined();
    expect(result.value.subject).toBeUndefined();
  });
});

describe('marriage certificate', () => {
  const MARRIAGE = [
    'GIẤY CHỨNG NHẬN KẾT HÔN',
    'Số: 29 Quyển số: 01/2014',
    'Thông tin người chồng',
    'Họ, chữ đệm, tên: HOÀNG QUỐC THUỶ',
    'Ngày, tháng, năm sinh: 10/10/1984',
    'Dân tộc: Kinh Quốc tịch: Việt Nam',
    'Nơi cư trú: Tổ 7, Xã Kiến An, Huyện Chợ Mới, An Giang',
    'Số định danh cá nhân: 092084370882',
    'Thông tin người vợ',
    'Họ, chữ đệm, tên: NGUYỄN THU NGỌC',
    'Ngày, tháng, năm sinh: 22/07/1988',
    'Dân tộc: Kinh Quốc tịch: Việt Nam',
    'Nơi cư trú: Tổ 7, Xã Kiến An, Huyện Chợ Mới, An Giang',
    'Số định danh cá nhân: 089188362444',
    'Nơi đăng ký: Ủy ban nhân dân Phường Mỹ Long, Thành phố Long Xuyên, An Giang',
    'Ngày, tháng, năm đăng ký: 19/12/2014',
    'Chữ ký của chồng TM. ỦY BAN NHÂN DÂN',
  ];
  it('reads both spouses with their ID numbers; the wife is the relation spouse', async () => {
    const result = await safeExtractDocument({ pages: [blankPage], ocr: [page(MARRIAGE)] }, { asOf: '2025-01-01' });
    if (!result.ok) throw new Error('no record');
    const r = result.value;
    expect(r.type).toBe('giay-chung-nhan-ket-hon');
    expect(r.subject).toEqual({ kind: 'person', id: '092084370882' });
    expect(r.fields['person.fullName']?.value).toBe('Hoàng Quốc Thuỷ');
    expect(r.fields['person.marriage.registrationDate']?.value).toBe('2014-12-19');
    expect(r.relations).toHaveLength(1);
    expect(r.relations![0]!.role).toBe('spouse');
    expect(r.relations![0]!.subject).toEqual({ kind: 'person', id: '089188362444' });
    expect(r.relations![0]!.fields['person.birthDate']?.value).toBe('1988-07-22');
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
  it("flags a wife's ID whose digits contradict her birth year", async () => {
    const lines = MARRIAGE.map((l, i) => (i === 13 ? 'Số định danh cá nhân: 089190362444' : l));
    const result = await safeExtractDocument({ pages: [blankPage], ocr: [page(lines)] }, { asOf: '2025-01-01' });
    if (!result.ok) throw new Error('no record');
    expect(result.value.relations![0]!.fields['person.idNumber']!.confidence).toBeLessThan(0.5);
    expect(result.value.diagnostics.some((d) => d.key === 'person.spouse.idNumber')).toBe(true);
  });
});

describe('civil certificates classified whatever their title (issue 11)', () => {
  const typeOf = async (lines: string[]) => {
    const result = await safeExtractDocument({ pages: [blankPage], ocr: [page(lines)] }, { asOf: '2025-01-01' });
    return result.ok ? result.value.type : undefined;
  };
  const HEADER = [
    'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'XÃ TÂN LẬP Độc lập - Tự do - Hạnh phúc',
    'Số: 12/2024',
  ];

  it('reads a title with OCR slips, a copy or an extract, and older wording', async () => {
    for (const title of [
      'GlẤY KHAl SINH',
      'TRÍCH LỤC KHAI SINH',
      'BẢN SAO GIẤY KHAI SINH',
      'GIẤY CHỨNG NHẬN KHAI SINH',
    ]) {
      expect(
        await typeOf([...HEADER, title, 'Họ và tên: LÊ VĂN AN', 'Nơi sinh: Trạm y tế xã Tân Lập', 'Dân tộc: Kinh']),
      ).toBe('giay-khai-sinh');
    }
    for (const title of ['GIẤY CHỨNG NHẬN KẾT HỎN', 'TRÍCH LỤC KẾT HÔN', 'GIẤY CHỨNG NHẬN ĐĂNG KÝ KẾT HÔN']) {
      expect(
        await typeOf([...HEADER, title, 'Họ và tên chồng: LÊ VĂN AN', 'Dân tộc: Kinh', 'Nơi cư trú: Xã Tân Lập']),
      ).toBe('giay-chung-nhan-ket-hon');
    }
  });

  it('reads a title set on two lines, in capitals or mixed case', async () => {
    for (const title of [
      ['TRÍCH LỤC', 'KHAI SINH'],
      ['GIẤY CHỨNG NHẬN', 'KHAI SINH'],
      ['Giấy khai', 'sinh'],
    ]) {
      expect(await typeOf([...HEADER, ...title, 'Họ và tên: LÊ VĂN AN', 'Dân tộc: Kinh', 'Quốc tịch: Việt Nam'])).toBe(
        'giay-khai-sinh',
      );
    }
    for (const title of [
      ['GIẤY CHỨNG NHẬN', 'KẾT HÔN'],
      ['Giấy chứng nhận', 'kết hôn'],
    ]) {
      expect(
        await typeOf([...HEADER, ...title, 'Họ và tên chồng: LÊ VĂN AN', 'Dân tộc: Kinh', 'Nơi cư trú: Xã Tân Lập']),
      ).toBe('giay-chung-nhan-ket-hon');
    }
  });

  it('votes by labels when the title is unreadable, and never takes the page for a letter', async () => {
    const birth = [
      ...HEADER,
      '~~~ ~~',
      'Họ và tên: LÊ VĂN AN',
      'Nam hay nữ: Nam',
      'Sinh ngày 12 tháng 3 năm 1995',
      'Nơi sinh: Trạm y tế xã Tân Lập',
      'Dân tộc: Kinh',
      'Họ và tên cha: LÊ VĂN BA',
      'Họ và tên mẹ: TRẦN THỊ TƯ',
      'Người đứng khai: LÊ VĂN BA',
      'Nơi đăng ký khai sinh: UBND xã Tân Lập',
    ];
    expect(await typeOf(birth)).toBe('giay-khai-sinh');
    const marriage = [
      ...HEADER,
      '~~~ ~~',
      'Họ và tên chồng: LÊ VĂN AN',
      'Họ và tên vợ: TRẦN THỊ TƯ',
      'Ngày sinh: 12/03/1995',
      'Dân tộc: Kinh',
      'Quốc tịch: Việt Nam',
      'Nơi thường trú: Xã Tân Lập',
      'Đăng ký kết hôn ngày 02/05/2018',
    ];
    expect(await typeOf(marriage)).toBe('giay-chung-nhan-ket-hon');
  });

  it('never takes a marriage table printing card numbers for an ID card, nor an ID card for a certificate', async () => {
    const table = [
      'GIẤY CHỨNG NHẬN KẾT HÔN',
      'Số: 120 Quyển số: 02/2024',
      'Thông tin Chồng Vợ',
      'Ngày, tháng, năm sinh 18/11/1997 28/11/2005',
      'Quốc tịch Việt Nam Việt Nam',
      'Nơi cư trú Phường Lộc Thọ, Khánh Hoà',
      'Giấy tờ tùy thân Căn cước công dân số Căn cước công dân số',
      '056097764900 079305579791',
    ];
    expect(await typeOf(table)).toBe('giay-chung-nhan-ket-hon');
    const card = [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'CĂN CƯỚC',
      'Số định danh cá nhân: 001099012345',
      'Họ, chữ đệm và tên khai sinh: NGUYỄN VĂN AN',
      'Ngày, tháng, năm sinh: 01/02/1999 Giới tính: Nam',
      'Quốc tịch: Việt Nam',
      'Nơi đăng ký khai sinh: Hà Nội',
      'Nơi cư trú: Hà Nội',
    ];
    expect(await typeOf(card)).not.toBe('giay-khai-sinh');
  });

  it('does not take a certificate of the other type by its labels', async () => {
    const birthTitled = [
      ...HEADER,
      'GIẤY KHAI SINH',
      'Họ và tên: LÊ VĂN AN',
      'Dân tộc: Kinh',
      'Quốc tịch: Việt Nam',
      'Ngày sinh: 12/03/1995',
      'Nơi thường trú: Xã Tân Lập',
      'Ghi chú: cha mẹ đã đăng ký kết hôn',
    ];
    expect(await typeOf(birthTitled)).toBe('giay-khai-sinh');
  });
});

describe('register number without its colon (issue 11)', () => {
  const read = async (lines: string[]) => {
    const result = await safeExtractDocument({ pages: [blankPage], ocr: [page(lines)] }, { asOf: '2025-01-01' });
    if (!result.ok) throw new Error('no record');
    return result.value.fields['document.number']?.value;
  };
  it('reads `Số 306` beside `Quyển số` or above the title, never an address line', async () => {
    expect(
      await read([
        'GIẤY KHAI SINH',
        'Số 306 Quyền số: 01/2023',
        'Họ và tên: LÊ VĂN AN',
        'Nơi sinh: Trạm y tế xã Tân Lập',
        'Dân tộc: Kinh',
      ]),
    ).toBe('306');
    expect(
      await read([
        'Số 15/GCNKH',
        'GIẤY CHỨNG NHẬN KẾT HÔN',
        'Họ và tên chồng: LÊ VĂN AN',
        'Dân tộc: Kinh',
        'Nơi cư trú: Xã Tân Lập',
      ]),
    ).toBe('15/GCNKH');
    expect(
      await read([
        'GIẤY KHAI SINH',
        'Họ và tên: LÊ VĂN AN',
        'Nơi sinh: Trạm y tế xã Tân Lập',
        'Dân tộc: Kinh',
        'Nơi cư trú:',
        'Số 11/30 đường Phạm Văn Thuận, Biên Hoà, Đồng Nai',
      ]),
    ).toBeUndefined();
  });
});

describe('registration date from the signing line when no label names it (issue 11)', () => {
  const read = async (lines: string[]) => {
    const result = await safeExtractDocument({ pages: [blankPage], ocr: [page(lines)] }, { asOf: '2025-01-01' });
    if (!result.ok) throw new Error('no record');
    return result.value.fields['document.issueDate'];
  };
  const body = ['Họ và tên: LÊ VĂN AN', 'Sinh ngày: 02/03/1994', 'Nơi sinh: Trạm y tế xã Tân Lập', 'Dân tộc: Kinh'];
  it('reads an original signed in digits or in words, below the fill threshold', async () => {
    const digits = await read(['GIẤY KHAI SINH', ...body, 'Tân Lập, ngày 12 tháng 3 năm 1994', 'CHỦ TỊCH']);
    expect(digits?.value).toBe('1994-03-12');
    expect(digits!.confidence).toBeLessThan(0.9);
    const words = await read([
      'GIẤY KHAI SINH',
      ...body,
      'Tân Lập, ngày mười hai tháng ba năm một nghìn chín trăm chín mươi tư',
    ]);
    expect(words?.value).toBe('1994-03-12');
  });
  it('gives nothing for a copy, signed on the day it was copied, and yields to a labelled date', async () => {
    expect(await read(['TRÍCH LỤC KHAI SINH', ...body, 'Tân Lập, ngày 12 tháng 3 năm 2020'])).toBeUndefined();
    expect(
      (await read(['GIẤY KHAI SINH', ...body, 'Ngày đăng ký: 15/03/1994', 'Tân Lập, ngày 12 tháng 3 năm 2020']))?.value,
    ).toBe('1994-03-15');
  });
});

describe('label votes stay with civil certificates (issue 11)', () => {
  it('votes for a birth certificate that prints no `khai sinh` but its declarant and birthplace, never for a business certificate', async () => {
    const typeOf = async (lines: string[]) => {
      const result = await safeExtractDocument({ pages: [blankPage], ocr: [page(lines)] }, { asOf: '2025-01-01' });
      return result.ok ? result.value.type : undefined;
    };
    const birth = [
      '~~ ~~~~',
      'Họ và tên: LÊ VĂN AN',
      'Nam hay nữ: Nam',
      'Sinh ngày 12 tháng 3 năm 1995',
      'Nơi sinh: Trạm y tế xã Tân Lập',
      'Dân tộc: Kinh',
      'Người đứng khai: LÊ VĂN BA',
    ];
    expect(await typeOf(birth)).toBe('giay-khai-sinh');
    const business = [
      '~~ ~~~~',
      'Tên hộ kinh doanh: CỬA HÀNG AN',
      'Họ và tên: LÊ VĂN AN Giới tính: Nam',
      'Sinh ngày: 12/03/1995 Dân tộc: Kinh Quốc tịch: Việt Nam',
      'Nơi sinh: Hà Nội',
      'Địa điểm kinh doanh: Xã Tân Lập',
    ];
    expect(await typeOf(business)).not.toBe('giay-khai-sinh');
  });
});
