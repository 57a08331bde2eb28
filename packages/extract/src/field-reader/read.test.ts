import { describe, expect, it } from 'vitest';
import type { OcrPage } from '@sohoa/core';
import { MARRIAGE_CERTIFICATE_SPEC } from '../documents/giay-chung-nhan-ket-hon/definition';
import { BIRTH_CERTIFICATE_SPEC } from '../documents/giay-khai-sinh/definition';
import { BLANK_PAGE, canThoGazetteer, TEST_CONTEXT } from '../internal/reader-test-kit';
import { layoutPage, type LayoutRow } from '../test-helpers';
import type { ExtractContext, RegionRecognizer } from '../types';
import { cutReason, readFields, UNSURE_CAP } from './read';
import * as rp from './parsers';
import type { ReaderSpec } from './spec';

const blank = BLANK_PAGE;
const context: ExtractContext = TEST_CONTEXT;

async function read(rows: LayoutRow[], spec: ReaderSpec, ctx: ExtractContext = context) {
  const r = await readFields(blank, layoutPage(rows), spec, ctx);
  const values = Object.fromEntries(Object.entries(r.fields).map(([k, f]) => [k, f.value]));
  return { ...r, values };
}

const birth = (rows: LayoutRow[]) => read(rows, BIRTH_CERTIFICATE_SPEC);
const marriage = (rows: LayoutRow[]) => read(rows, MARRIAGE_CERTIFICATE_SPEC);

describe('birth certificates in layouts the reader was not written for', () => {
  it('reads labels in another order, without colons, with dot leaders and bilingual labels', async () => {
    const { values } = await birth([
      'GIẤY KHAI SINH / BIRTH CERTIFICATE',
      'Quyển số / Book No. 02/2019 Số: 117',
      'Giới tính / Sex ........ Nam',
      'Họ và tên / Full name ...... LÊ MINH KHOA',
      'Sinh ngày / Date of birth ..... 03/02/2019',
      'Dân tộc / Ethnicity Mường Quốc tịch / Nationality Việt Nam',
      'Quê quán / Place of origin ..... Huyện Kim Bôi, Hòa Bình',
      'Nơi sinh / Place of birth ..... Trung tâm Y tế Hòa Bình',
    ]);
    expect(values).toMatchObject({
      'person.fullName': 'Lê Minh Khoa',
      'person.sex': 'male',
      'person.birthDate': '2019-02-03',
      'person.ethnicity': 'Mường',
      'person.nationality': 'Việt Nam',
      'person.hometown': 'Huyện Kim Bôi, Hoà Bình',
      'person.birthPlace': 'Trung tâm Y tế Hoà Bình',
      'document.number': '117',
      'document.bookNumber': '02/2019',
    });
  });

  it('gives the fields of a parent section with its own heading to that parent', async () => {
    const { values } = await birth([
      'Họ tên: ĐỖ GIA BẢO',
      'Ngày sinh: 11-07-2017 Giới tính: Nam',
      'THÔNG TIN VỀ NGƯỜI MẸ',
      'Họ tên: PHẠM THU HÀ',
      'Sinh năm: 1990 Dân tộc: Kinh',
      'Nơi thường trú: Xã Tân Lập, Huyện Đan Phượng, Hà Nội',
      'II. NGƯỜI CHA',
      'Họ tên: ĐỖ VĂN HÙNG',
      'Sinh năm: 1987 Dân tộc: Tày',
      'Nơi thường trú: Xã Tân Lập, Huyện Đan Phượng, Hà Nội',
    ]);
    expect(values).toMatchObject({
      'person.fullName': 'Đỗ Gia Bảo',
      'person.birthDate': '2017-07-11',
      'mother:person.fullName': 'Phạm Thu Hà',
      'mother:person.birthDate.year': '1990',
      'mother:person.ethnicity': 'Kinh',
      'mother:person.residence': 'Xã Tân Lập, Huyện Đan Phượng, Hà Nội',
      'father:person.fullName': 'Đỗ Văn Hùng',
      'father:person.birthDate.year': '1987',
      'father:person.ethnicity': 'Tày',
    });
    expect(values['person.ethnicity']).toBeUndefined();
  });

  it('reads inline role labels, including the declarant', async () => {
    const { values } = await birth([
      'Họ, chữ đệm, tên: VÕ THỊ NGỌC ANH',
      'Họ và tên mẹ: Nguyễn Thị Thu',
      'Năm sinh của mẹ: 1993',
      'Họ và tên cha: Võ Văn Tài',
      'Họ, chữ đệm, tên người đi khai sinh: VÕ VĂN TÀI',
      'Nơi cư trú: Phường 3, Quận 5, Hồ Chí Minh',
    ]);
    expect(values).toMatchObject({
      'person.fullName': 'Võ Thị Ngọc Anh',
      'mother:person.fullName': 'Nguyễn Thị Thu',
      'mother:person.birthDate.year': '1993',
      'father:person.fullName': 'Võ Văn Tài',
      'declarant:person.fullName': 'Võ Văn Tài',
      'declarant:person.residence': 'Phường 3, Quận 5, Hồ Chí Minh',
    });
  });

  it('reads parents printed side by side under their headings', async () => {
    const { values } = await birth([
      'Họ, chữ đệm, tên: TRƯƠNG MỸ LINH',
      [
        [100, 'MẸ'],
        [900, 'CHA'],
      ],
      [
        [100, 'Họ, chữ đệm, tên: LƯU THỊ HẠNH'],
        [900, 'Họ, chữ đệm, tên: TRƯƠNG QUANG VINH'],
      ],
      [
        [100, 'Năm sinh: 1985'],
        [900, 'Năm sinh: 1983'],
      ],
      [
        [100, 'Dân tộc: Kinh'],
        [900, 'Dân tộc: Hoa'],
      ],
    ]);
    expect(values).toMatchObject({
      'mother:person.fullName': 'Lưu Thị Hạnh',
      'mother:person.birthDate.year': '1985',
      'mother:person.ethnicity': 'Kinh',
      'father:person.fullName': 'Trương Quang Vinh',
      'father:person.birthDate.year': '1983',
      'father:person.ethnicity': 'Hoa',
    });
  });

  it('reads a value printed below a label that ends its line, and a value wrapped under it', async () => {
    const { values } = await birth([
      'Họ, chữ đệm, tên:',
      '    HOÀNG ANH THƯ',
      'Nơi sinh: Bệnh viện Phụ sản Trung ương, Phường Thanh Xuân Trung,',
      '    Quận Thanh Xuân, Hà Nội',
      'Ngày, tháng, năm đăng ký: 05/06/2021',
      '',
      '                                   NGƯỜI KÝ GIẤY KHAI SINH',
    ]);
    expect(values['person.fullName']).toBe('Hoàng Anh Thư');
    expect(values['person.birthPlace']).toBe(
      'Bệnh viện Phụ sản Trung ương, Phường Thanh Xuân Trung, Quận Thanh Xuân, Hà Nội',
    );
    expect(values['document.issueDate']).toBe('2021-06-05');
  });

  it('reads dates printed as `ngày .. tháng .. năm ..` and in words', async () => {
    const { values } = await birth([
      'Sinh ngày 7 tháng 3 năm 2016',
      'Ngày đăng ký: ngày mười hai, tháng ba, năm hai nghìn không trăm mười sáu',
    ]);
    expect(values['person.birthDate']).toBe('2016-03-07');
    expect(values['document.issueDate']).toBe('2016-03-12');
  });

  it('does not take a place name for a label (`Nam Định` is not `Năm sinh`)', async () => {
    const { values } = await birth(['Quê quán: Huyện Hải Hậu, Nam Định', 'Dân tộc: Kinh']);
    expect(values['person.hometown']).toBe('Huyện Hải Hậu, Nam Định');
  });

  it('ends a value where OCR reads its dotted line as text, and keeps it below the fill threshold', async () => {
    const r = await birth([
      'Nơi sinh: Trung tâm Y tế Đồng Nai........GGGGGnnnn',
      'Số: 367......',
      'Dân tộc: Kinh...... Quốc tịch: Việt Nam',
      'Quan hệ với người được khai sinh: Mẹ.........',
    ]);
    expect(r.values).toMatchObject({
      'person.birthPlace': 'Trung tâm Y tế Đồng Nai',
      'document.number': '367',
      'person.ethnicity': 'Kinh',
      'declarant:person.relationship': 'Mẹ',
    });
    expect(r.fields['person.birthPlace']!.confidence).toBeLessThan(0.7);
  });

  it('does not take a family name for a role word', async () => {
    const { values } = await birth(['Họ tên: Võ Minh Tâm', 'Giới tính: Nam']);
    expect(values['person.fullName']).toBe('Võ Minh Tâm');
  });

  it('keeps a value that looks cut below the fill threshold, with a diagnostic naming no value', async () => {
    const r = await birth(['Họ tên: ĐINH BẢO NGỌC', 'Nơi sinh: Bệnh viện Đa khoa tỉnh Quả..']);
    const place = r.fields['person.birthPlace'];
    expect(place).toBeDefined();
    expect(place!.confidence).toBeLessThanOrEqual(UNSURE_CAP);
    expect(r.diagnostics.map((d) => d.code)).toContain('EXTRACT_VALUE_MAYBE_CUT');
    expect(JSON.stringify(r.diagnostics)).not.toMatch(/Quả|Bệnh/);
  });

  it('takes a clean re-read of a value that looked cut', async () => {
    const recognizer: RegionRecognizer = {
      async recognize(_page, { regions }): Promise<OcrPage> {
        const box = regions[0]!.box;
        const line = {
          text: 'Bệnh viện Đa khoa tỉnh Quảng Nam',
          confidence: 0.93,
          box: { ...box, y: box.y + Math.round(box.height * 0.1), height: Math.round(box.height * 0.8) },
          words: [],
        };
        return { ...layoutPage([]), lines: [line] };
      },
    };
    const r = await read(['Nơi sinh: Bệnh viện Đa khoa tỉnh Quả..'], BIRTH_CERTIFICATE_SPEC, {
      ...context,
      recognizer,
    });
    expect(r.values['person.birthPlace']).toBe('Bệnh viện Đa khoa tỉnh Quảng Nam');
  });
});

describe('region re-reads', () => {
  it('drops the rules of a table that a re-read sees as `|` inside a value', async () => {
    const recognizer: RegionRecognizer = {
      async recognize(_page, { regions }): Promise<OcrPage> {
        const box = regions[0]!.box;
        const text = box.y < 30 ? 'Số 12 phố Huế, Phường Phạm Đình Hổ, |' : '| Quận Hai Bà Trưng, Hà Nội';
        return {
          ...layoutPage([]),
          lines: [
            {
              text,
              confidence: 0.93,
              box: { ...box, y: box.y + Math.round(box.height * 0.1), height: Math.round(box.height * 0.8) },
              words: [],
            },
          ],
        };
      },
    };
    const spec: ReaderSpec = {
      roles: [],
      fields: [{ key: 'person.residence', labels: ['Nơi cư trú'], parse: (t) => t.trim(), wraps: true, reread: true }],
    };
    const r = await read(
      ['Nơi cư trú: Số 12 phố Huế, Phường Phạm Đình Hổ,', '             Quận Hai Bà Trưng, Hà Nội'],
      spec,
      { ...context, recognizer },
    );
    expect(r.values['person.residence']).toBe('Số 12 phố Huế, Phường Phạm Đình Hổ, Quận Hai Bà Trưng, Hà Nội');
    expect(r.fields['person.residence']!.confidence).toBeGreaterThan(0.9);
  });
});

describe('marriage certificates in layouts the reader was not written for', () => {
  it('reads a table whose columns are headed Chồng | Vợ', async () => {
    const { values } = await marriage([
      'GIẤY CHỨNG NHẬN KẾT HÔN',
      'Số: 56 Quyển số: 01/2016',
      [
        [150, 'Thông tin'],
        [700, 'Chồng'],
        [1300, 'Vợ'],
      ],
      [
        [100, 'Họ, chữ đệm, tên'],
        [600, 'BÙI ĐỨC THẮNG'],
        [1200, 'LÝ THANH TÂM'],
      ],
      [
        [100, 'Ngày, tháng, năm sinh'],
        [600, '14/02/1990'],
        [1200, '30/08/1992'],
      ],
      [
        [100, 'Dân tộc'],
        [600, 'Kinh'],
        [1200, 'Nùng'],
      ],
      [
        [100, 'Quốc tịch'],
        [600, 'Việt Nam'],
        [1200, 'Việt Nam'],
      ],
      [
        [100, 'Nơi cư trú'],
        [600, 'Xã Hòa Bình, Huyện Chợ Mới,'],
        [1200, 'Phường 2, Thành phố Cao Lãnh,'],
      ],
      [
        [600, 'An Giang'],
        [1200, 'Đồng Tháp'],
      ],
      'Nơi đăng ký: Ủy ban nhân dân Xã Hòa Bình, Huyện Chợ Mới, An Giang',
      'Ngày đăng ký: 02/10/2016',
    ]);
    expect(values).toMatchObject({
      'person.fullName': 'Bùi Đức Thắng',
      'person.birthDate': '1990-02-14',
      'person.ethnicity': 'Kinh',
      'person.residence': 'Xã Hoà Bình, Huyện Chợ Mới, An Giang',
      'spouse:person.fullName': 'Lý Thanh Tâm',
      'spouse:person.birthDate': '1992-08-30',
      'spouse:person.ethnicity': 'Nùng',
      'spouse:person.residence': 'Phường 2, Thành phố Cao Lãnh, Đồng Tháp',
      'document.number': '56',
      'document.bookNumber': '01/2016',
      'document.issueDate': '2016-10-02',
    });
  });

  it('reads husband and wife printed as two columns with their own labels', async () => {
    const { values } = await marriage([
      [
        [100, 'BÊN CHỒNG'],
        [900, 'BÊN VỢ'],
      ],
      [
        [100, 'Họ và tên: NGÔ VĂN LỰC'],
        [900, 'Họ và tên: ĐẶNG THỊ MAI'],
      ],
      [
        [100, 'Ngày sinh: 01/01/1980'],
        [900, 'Ngày sinh: 05/05/1982'],
      ],
      [
        [100, 'Số CMND: 001080012345'],
        [900, 'Số CMND: 001182012345'],
      ],
    ]);
    expect(values).toMatchObject({
      'person.fullName': 'Ngô Văn Lực',
      'person.birthDate': '1980-01-01',
      'spouse:person.fullName': 'Đặng Thị Mai',
      'spouse:person.birthDate': '1982-05-05',
    });
  });

  it('reads inline spouse labels without any section', async () => {
    const { values } = await marriage([
      'Họ và tên chồng: Trịnh Công Sơn',
      'Ngày sinh của chồng: 28/02/1979',
      'Họ và tên vợ: Võ Thị Hồng',
      'Ngày sinh của vợ: 09/09/1983',
    ]);
    expect(values).toMatchObject({
      'person.fullName': 'Trịnh Công Sơn',
      'person.birthDate': '1979-02-28',
      'spouse:person.fullName': 'Võ Thị Hồng',
      'spouse:person.birthDate': '1983-09-09',
    });
  });

  it('does not read stamp text as a wrapped value', async () => {
    const { values } = await marriage([
      'Nơi đăng ký: Ủy ban nhân dân Phường Tân Định, Quận 1, Hồ Chí Minh',
      '   ỦY BAN NHÂN DÂN',
      'Ngày đăng ký: 01/03/2015',
    ]);
    expect(values['document.issuer']).toBe('Uỷ ban nhân dân Phường Tân Định, Quận 1, Hồ Chí Minh');
  });
});

describe('grids and tables', () => {
  it('reads labels heading cells with their values below, and a label wrapped onto two lines', async () => {
    const { values } = await marriage([
      'BÊN NAM',
      [
        [100, 'Họ và tên:'],
        [900, 'Sinh ngày:'],
      ],
      [
        [130, 'Nguyễn Công Quý'],
        [930, 'ngày 18 tháng 07 năm 1981'],
      ],
      [
        [100, 'Dân tộc:'],
        [500, 'Quốc tịch:'],
        [900, 'Số CCCD:'],
      ],
      [
        [130, 'Tày'],
        [530, 'Việt Nam'],
        [930, '027081988761'],
      ],
      'BÊN NỮ',
      [
        [100, 'Họ và tên:'],
        [900, 'Sinh ngày:'],
      ],
      [
        [130, 'Nguyễn Thị Vân'],
        [930, 'ngày 07 tháng 03 năm 1990'],
      ],
      [[100, 'Đăng ký kết hôn tại:']],
      [[130, 'Ủy ban nhân dân Phường Dư Hàng, Quận Lê Chân, Hải Phòng']],
      [[100, 'Ngày đăng ký:']],
      [[130, '02.07.2016']],
      '',
      [
        [700, 'Chồng'],
        [1300, 'Vợ'],
      ],
      [
        [100, 'Ngày, tháng, năm'],
        [600, '18/07/1981'],
        [1200, '07/03/1990'],
      ],
      [[100, 'sinh']],
      [
        [100, 'Giấy tờ tùy thân'],
        [600, 'Căn cước công dân số'],
        [1200, 'Căn cước công dân số'],
      ],
      [
        [600, '027081988761'],
        [1200, '092190009489'],
      ],
    ]);
    expect(values).toMatchObject({
      'person.fullName': 'Nguyễn Công Quý',
      'person.birthDate': '1981-07-18',
      'person.ethnicity': 'Tày',
      'person.nationality': 'Việt Nam',
      'person.idNumber': '027081988761',
      'spouse:person.fullName': 'Nguyễn Thị Vân',
      'spouse:person.birthDate': '1990-03-07',
      'spouse:person.idNumber': '092190009489',
      'document.issuer': 'Uỷ ban nhân dân Phường Dư Hàng, Quận Lê Chân, Hải Phòng',
      'document.issueDate': '2016-07-02',
    });
  });
});

describe('layouts of others: columns, blanks, unreadable headings (issue 11)', () => {
  it('reads spouses side by side, a residence wrapped inside its column, and a full-width registration', async () => {
    const { values, fields } = await marriage([
      'GIẤY CHỨNG NHẬN KẾT HÔN',
      [
        [100, 'Họ, chữ đệm, tên chồng: TRẦN VĂN BÌNH'],
        [900, 'Họ, chữ đệm, tên vợ: LÊ THỊ HOA'],
      ],
      [
        [100, 'Ngày, tháng, năm sinh: 02/03/1990'],
        [900, 'Ngày, tháng, năm sinh: 05/06/1992'],
      ],
      [
        [100, 'Dân tộc: Kinh Quốc tịch: Việt Nam'],
        [900, 'Dân tộc: Tày Quốc tịch: Việt Nam'],
      ],
      [
        [100, 'Nơi cư trú: Xã An Bình, Huyện'],
        [900, 'Nơi cư trú: Phường 3, Quận 5,'],
      ],
      [
        [100, 'Thuận An, Bình Dương'],
        [900, 'TP. Hồ Chí Minh'],
      ],
      'Nơi đăng ký: Ủy ban nhân dân Phường 3, Quận 5, TP. Hồ Chí Minh',
      'Ngày, tháng, năm đăng ký: 12/05/2018',
    ]);
    expect(values).toMatchObject({
      'person.fullName': 'Trần Văn Bình',
      'person.birthDate': '1990-03-02',
      'person.residence': 'Xã An Bình, Huyện Thuận An, Bình Dương',
      'spouse:person.fullName': 'Lê Thị Hoa',
      'spouse:person.ethnicity': 'Tày',
      'spouse:person.residence': 'Phường 3, Quận 5, TP. Hồ Chí Minh',
      'document.issuer': 'Uỷ ban nhân dân Phường 3, Quận 5, TP. Hồ Chí Minh',
      'document.issueDate': '2018-05-12',
    });
    // A province ending in `Dương` (street) is complete, not cut.
    expect(fields['person.residence']!.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('takes a kinship word printed after a name on the value line as the relationship, not as a heading', async () => {
    const { values } = await birth([
      [
        [100, 'Người đi đăng ký khai sinh:'],
        [700, 'Quan hệ với người được khai sinh:'],
      ],
      [
        [130, 'Bùi Kim Khuê'],
        [730, 'Mẹ'],
      ],
    ]);
    expect(values).toMatchObject({
      'declarant:person.fullName': 'Bùi Kim Khuê',
      'declarant:person.relationship': 'Mẹ',
    });
  });

  it('gives a parent block repeated under an unreadable heading to the other parent, below every threshold', async () => {
    const { values, fields, diagnostics } = await birth([
      'Họ và tên: Bùi Thị Thu',
      'Cha',
      'Họ, chữ đệm và tên: Bùi Công Cường Năm sinh: 1983',
      'šẽ”.....',
      'Họ, chữ đệm và tên: Lê Kim Khuê Năm sinh: 1987',
    ]);
    expect(values).toMatchObject({
      'father:person.fullName': 'Bùi Công Cường',
      'father:person.birthDate.year': '1983',
      'mother:person.fullName': 'Lê Kim Khuê',
      'mother:person.birthDate.year': '1987',
    });
    expect(fields['father:person.fullName']!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(fields['mother:person.fullName']!.confidence).toBeLessThanOrEqual(UNSURE_CAP);
    expect(fields['mother:person.birthDate.year']!.confidence).toBeLessThanOrEqual(UNSURE_CAP);
    expect(diagnostics.some((d) => d.code === 'EXTRACT_ROLE_INFERRED' && d.key === 'person.mother.fullName')).toBe(
      true,
    );
  });

  it('does not infer a role when the other parent has its own heading', async () => {
    const { values } = await birth([
      'Cha',
      'Họ và tên: Bùi Công Cường',
      'Họ và tên: Lê Văn Tám',
      'Mẹ',
      'Họ và tên: Lê Kim Khuê',
    ]);
    expect(values['mother:person.fullName']).toBe('Lê Kim Khuê');
    expect(values['father:person.fullName']).toBe('Bùi Công Cường');
  });

  it('reads older wording: a date written into blanks, "Nam hay nữ", "Người đứng khai"', async () => {
    const { values, fields } = await birth([
      'Họ và tên ........ Trần Thị Mai',
      'Nam hay nữ ........ Nữ',
      'Sinh ngày ...12... tháng GGGnnn 3...... năm 1995',
      'Người đứng khai ....... Trần Văn Sáu',
    ]);
    expect(values).toMatchObject({
      'person.fullName': 'Trần Thị Mai',
      'person.sex': 'female',
      'person.birthDate': '1995-03-12',
      'declarant:person.fullName': 'Trần Văn Sáu',
    });
    // One reading of a value over dotted lines is not enough to fill from.
    expect(fields['person.birthDate']!.confidence).toBeLessThan(0.9);
  });

  it('reads a BÊN NAM | BÊN NỮ table and a Cha | Mẹ table, label cell then one value cell per party', async () => {
    const m = await marriage([
      'GIẤY CHỨNG NHẬN KẾT HÔN',
      [
        [700, 'BÊN NAM'],
        [1300, 'BÊN NỮ'],
      ],
      [
        [100, 'Họ và tên'],
        [600, 'Đặng Văn Hải'],
        [1200, 'Lý Thị Hồng'],
      ],
      [
        [100, 'Sinh ngày'],
        [600, '03.04.1989'],
        [1200, '15.08.1991'],
      ],
      [
        [100, 'Dân tộc'],
        [600, 'Kinh'],
        [1200, 'Hoa'],
      ],
    ]);
    expect(m.values).toMatchObject({
      'person.fullName': 'Đặng Văn Hải',
      'person.birthDate': '1989-04-03',
      'spouse:person.fullName': 'Lý Thị Hồng',
      'spouse:person.birthDate': '1991-08-15',
      'spouse:person.ethnicity': 'Hoa',
    });
    const b = await birth([
      'Họ và tên: LÊ VĂN AN',
      [
        [700, 'Cha'],
        [1300, 'Mẹ'],
      ],
      [
        [100, 'Họ và tên'],
        [600, 'Lê Văn Ba'],
        [1200, 'Trần Thị Tư'],
      ],
      [
        [100, 'Năm sinh'],
        [600, '1960'],
        [1200, '1962'],
      ],
      [
        [100, 'Dân tộc'],
        [600, 'Kinh'],
        [1200, 'Tày'],
      ],
    ]);
    expect(b.values).toMatchObject({
      'person.fullName': 'Lê Văn An',
      'father:person.fullName': 'Lê Văn Ba',
      'father:person.birthDate.year': '1960',
      'mother:person.fullName': 'Trần Thị Tư',
      'mother:person.birthDate.year': '1962',
      'mother:person.ethnicity': 'Tày',
    });
  });

  it('continues a place on a line back at the margin only when that line completes it', async () => {
    const { values, fields } = await marriage([
      'Họ và tên chồng: LÊ VĂN AN',
      'Nơi cư trú: Số 20 đường Hàng Kênh, Phường Dư Hàng, Quận Lê Chân, Hải',
      'Phòng',
      'Nơi đăng ký: Ủy ban nhân dân Phường Dư Hàng, Quận Lê Chân, Hải Phòng',
      'Ghi chú: bản chính',
    ]);
    expect(values['person.residence']).toBe('Số 20 đường Hàng Kênh, Phường Dư Hàng, Quận Lê Chân, Hải Phòng');
    expect(fields['person.residence']!.confidence).toBeGreaterThanOrEqual(0.7);
    const other = await marriage([
      'Họ và tên chồng: LÊ VĂN AN',
      'Nơi cư trú: Số 20 đường Hàng Kênh, Phường Dư Hàng',
      'Cán bộ tư pháp hộ tịch',
    ]);
    expect(other.values['person.residence']).toBe('Số 20 đường Hàng Kênh, Phường Dư Hàng');
    expect(other.fields['person.residence']!.confidence).toBeLessThan(0.7);
  });

  it('keeps a value read through a table rule or specks below the fill threshold', async () => {
    const { values, fields } = await marriage([
      'Họ và tên chồng: LÊ VĂN AN',
      'Nơi cư trú: Số 195 đường Hoà Bình, Quận Ninh ¡Kiểu, Cần Thơ',
    ]);
    expect(values['person.residence']).toBe('Số 195 đường Hoà Bình, Quận Ninh Kiểu, Cần Thơ');
    expect(fields['person.residence']!.confidence).toBeLessThan(0.7);
  });

  it('reads older residence and origin wording (Trú quán, Chỗ ở hiện nay, Nguyên quán)', async () => {
    const b = await birth([
      'Họ và tên: LÊ VĂN AN',
      'Nguyên quán: Xã Hải Thanh, Huyện Tĩnh Gia, Thanh Hoá',
      'Họ và tên mẹ: TRẦN THỊ TƯ',
      'Trú quán: Xã Tân Lập, Huyện Đan Phượng, Hà Tây',
    ]);
    expect(b.values).toMatchObject({
      'person.hometown': 'Xã Hải Thanh, Huyện Tĩnh Gia, Thanh Hoá',
      'mother:person.residence': 'Xã Tân Lập, Huyện Đan Phượng, Hà Tây',
    });
    const m = await marriage(['Họ và tên chồng: LÊ VĂN AN', 'Chỗ ở hiện nay: Phường 3, Quận 5, TP. Hồ Chí Minh']);
    expect(m.values['person.residence']).toBe('Phường 3, Quận 5, TP. Hồ Chí Minh');
  });

  it('matches a label OCR glued and slipped (`Quốctih`) and a closed-list value followed by junk', async () => {
    const { values } = await birth(['Họ và tên: LÊ VĂN AN', 'Dântộc:Kinh Quốctih: Việt Nam MS', 'Dân tộc: Tày ~~ x']);
    expect(values['person.nationality']).toBe('Việt Nam');
    expect(values['person.ethnicity']).toBe('Kinh');
  });
});

describe('value parsers for other layouts', () => {
  it('drops specks and rules read as marks from a place', () => {
    expect(rp.place('Số 163 đường Ngô Gia Tự, Thành phố ¡ Bắc Ninh, Bắc Ninh')).toBe(
      'Số 163 đường Ngô Gia Tự, Thành phố Bắc Ninh, Bắc Ninh',
    );
    expect(rp.place('Thôn 3, Xã Phật Tích, Huyện: Tiên Du, ¡Bắc Ninh |')).toBe(
      'Thôn 3, Xã Phật Tích, Huyện Tiên Du, Bắc Ninh',
    );
    expect(rp.place("Số 11/30 đường 3-2, Huyện Đắk R'Lấp, Đắk Nông")).toBe(
      "Số 11/30 đường 3-2, Huyện Đắk R'Lấp, Đắk Nông",
    );
  });
  it('reads a closed-list value followed by junk, never a word that is not on the list', () => {
    expect(rp.ethnicity('Kinh Quốctih: Việt')).toBe('Kinh');
    expect(rp.ethnicity('Ê Đê')).toBe('Ê Đê');
    expect(rp.nationality('Việt Nam MS')).toBe('Việt Nam');
    expect(rp.ethnicity('Nguyễn Văn')).toBeUndefined();
  });
});

describe('cutReason', () => {
  it('flags dots fused to a word, dangling connectives in places, and nothing in a complete value', () => {
    expect(cutReason('Bệnh viện Quả..')).toBeDefined();
    expect(cutReason('Phường Tân An, Quận')).toBeDefined();
    expect(cutReason('Phường Tân An, Quận Ninh Kiều, Cần Thơ')).toBeUndefined();
    expect(cutReason('Xã An Bình, Huyện Thuận An, Bình Dương')).toBeUndefined();
    expect(cutReason('Số 12, đường')).toBeDefined();
    expect(cutReason('Nguyễn Văn Thành', false)).toBeUndefined();
  });
});

describe('wrapsFlush', () => {
  const spec = (flush: boolean): ReaderSpec => ({
    roles: [],
    fields: [
      {
        key: 'person.hometown',
        labels: ['Nguyên quán'],
        parse: (t) => t,
        wraps: true,
        complete: (t) => /Nam Định$/.test(t),
        ...(flush ? { wrapsFlush: true } : {}),
      },
      { key: 'person.fullName', labels: ['Họ tên'], parse: (t) => t },
    ],
  });
  const rows = ['Nguyên quán: Xã Yên Phong, huyện Ý', 'Yên, tỉnh Nam Định', 'Họ tên: AN'];

  it('continues an incomplete value on a line flush with its label only when asked', async () => {
    expect((await read(rows, spec(true))).values['person.hometown']).toBe('Xã Yên Phong, huyện Ý Yên, tỉnh Nam Định');
    // Without it, a flush line continues the value only when that line completes it (the shared rule).
    expect((await read(rows, spec(false))).values['person.hometown']).toBe('Xã Yên Phong, huyện Ý Yên, tỉnh Nam Định');
    const three = ['Nguyên quán: Xã Yên Phong', 'huyện Ý Yên', 'tỉnh Nam Định', 'Họ tên: AN'];
    expect((await read(three, spec(true))).values['person.hometown']).toBe('Xã Yên Phong huyện Ý Yên tỉnh Nam Định');
    expect((await read(three, spec(false))).values['person.hometown']).toBe('Xã Yên Phong');
  });

  it('stops once the value is complete, and at a line that opens with a label', async () => {
    expect(
      (await read(['Nguyên quán: Ý Yên, Nam Định', 'Ghi chú thêm', 'Họ tên: AN'], spec(true))).values[
        'person.hometown'
      ],
    ).toBe('Ý Yên, Nam Định');
    expect((await read(['Nguyên quán: Ý Yên', 'Họ tên: AN'], spec(true))).values['person.hometown']).toBe('Ý Yên');
  });
});

describe('specks after a label', () => {
  it('a label followed only by low-confidence specks takes the value on the line below', async () => {
    const spec: ReaderSpec = {
      roles: [],
      fields: [{ key: 'person.fullName', labels: ['Họ tên'], parse: (t) => (/^[A-ZĐ ]+$/u.test(t) ? t : undefined) }],
    };
    const ocr = layoutPage(['Họ tên: - S ~', 'NGUYEN HUU QUAN']);
    for (const w of ocr.lines[0]!.words.slice(2)) w.confidence = 0.3;
    const r = await readFields(blank, ocr, spec, context);
    expect(r.fields['person.fullName']?.value).toBe('NGUYEN HUU QUAN');
  });
});

describe('tables and bilingual labels', () => {
  const spec: ReaderSpec = {
    roles: [],
    fields: [
      { key: 'org.taxCode', labels: ['Mã số doanh nghiệp'], parse: (t) => /^\d{10}/.exec(t.trim())?.[0] },
      { key: 'org.name', labels: ['Tên doanh nghiệp'], parse: (t) => (t.trim().length > 3 ? t.trim() : undefined) },
      { key: 'org.phone', labels: ['Điện thoại'], parse: (t) => /^0\d{9,10}$/.exec(t.trim())?.[0] },
      { key: 'org.address', labels: ['Địa chỉ trụ sở chính'], parse: (t) => t.trim(), wraps: true },
    ],
  };

  /** Each segment of a row as its own OCR line, as Tesseract reads the cells of a ruled table. */
  function cells(rows: LayoutRow[]): OcrPage {
    const page = layoutPage(rows);
    const lines = page.lines.flatMap((l) => {
      const groups: (typeof l.words)[] = [];
      for (const w of l.words) {
        const prev = groups.at(-1)?.at(-1);
        if (!prev || w.box.x - (prev.box.x + prev.box.width) > 60) groups.push([w]);
        else groups.at(-1)!.push(w);
      }
      return groups.map((words) => {
        const last = words[words.length - 1]!.box;
        return {
          ...l,
          text: words.map((w) => w.text).join(' '),
          words,
          box: { x: words[0]!.box.x, y: l.box.y, width: last.x + last.width - words[0]!.box.x, height: l.box.height },
        };
      });
    });
    return { ...page, lines };
  }

  it('reads a value cell right of its label cell when OCR splits the row into lines', async () => {
    const ocr = cells([
      [
        [100, 'Nội dung'],
        [600, 'Thông tin đăng ký'],
      ],
      [
        [100, 'Mã số doanh nghiệp'],
        [600, '0100109106'],
      ],
      [
        [100, 'Tên doanh nghiệp'],
        [600, 'CÔNG TY TNHH SAO MAI'],
      ],
      [
        [100, 'Địa chỉ trụ sở chính'],
        [600, 'Số 12 phố Huế, Phường Phạm Đình Hổ,'],
      ],
      [[600, 'Quận Hai Bà Trưng, Hà Nội']],
      [
        [100, 'Điện thoại'],
        [600, '0243826111'],
      ],
    ]);
    expect(ocr.lines.length).toBeGreaterThan(6);
    const { fields } = await readFields(blank, ocr, spec, context);
    expect(Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.value]))).toEqual({
      'org.taxCode': '0100109106',
      'org.name': 'CÔNG TY TNHH SAO MAI',
      'org.address': 'Số 12 phố Huế, Phường Phạm Đình Hổ, Quận Hai Bà Trưng, Hà Nội',
      'org.phone': '0243826111',
    });
  });

  it('keeps the English of a bilingual label out of the value, even when the lexicon does not know it', async () => {
    const { values } = await read(
      [
        'Mã số doanh nghiệp / Enterprise code: 0100109106',
        'Tên doanh nghiệp / Name of the enterprise',
        '   CÔNG TY TNHH SAO MAI',
        'Điện thoại / Tel 0243826111',
      ],
      spec,
    );
    expect(values).toEqual({
      'org.taxCode': '0100109106',
      'org.name': 'CÔNG TY TNHH SAO MAI',
      'org.phone': '0243826111',
    });
  });

  it('reads a label whose words OCR ran together with one slip', async () => {
    const { values } = await read(['Têndoanhnghệp CÔNG TY TNHH SAO MAI', 'Mãsốdoanhnghiệp 0100109106'], spec);
    expect(values).toEqual({ 'org.taxCode': '0100109106', 'org.name': 'CÔNG TY TNHH SAO MAI' });
  });
});

describe('places read by the reader are checked against the administrative units', () => {
  const gazetteer = canThoGazetteer();
  const withUnits: ExtractContext = { options: { ...context.options, gazetteer } };
  const rows: LayoutRow[] = [
    'Họ và tên vợ: ĐỖ THỊ HOA',
    'Nơi cư trú: Phường An Hoà, Quận Ninh Kiểu, Cần Thơ',
    'Họ và tên chồng: LÊ VĂN TÂM',
    'Nơi cư trú: Phường Tân Phong, Quận Ninh Kiều, Cần Thơ',
  ];

  it('snaps a tone slip in a unit name when one unit of its area matches, and caps a place naming none', async () => {
    const { fields, diagnostics } = await read(rows, MARRIAGE_CERTIFICATE_SPEC, withUnits);
    expect(fields['spouse:person.residence']?.value).toBe('Phường An Hoà, Quận Ninh Kiều, Cần Thơ');
    expect(fields['spouse:person.residence']?.confidence).toBeGreaterThanOrEqual(0.7);
    expect(fields['person.residence']?.value).toBe('Phường Tân Phong, Quận Ninh Kiều, Cần Thơ');
    expect(fields['person.residence']?.confidence).toBeLessThan(0.7);
    expect(diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(['EXTRACT_PLACE_CORRECTED', 'EXTRACT_PLACE_UNKNOWN']),
    );
  });

  it('without a gazetteer leaves district and commune names as read', async () => {
    const { values } = await read(rows, MARRIAGE_CERTIFICATE_SPEC);
    expect(values['spouse:person.residence']).toBe('Phường An Hoà, Quận Ninh Kiểu, Cần Thơ');
  });
});

describe('civil certificates of other template generations (issue 11, civil)', () => {
  it('reads party headings side by side on one line (`THÔNG TIN NGƯỜI CHỒNG   THÔNG TIN NGƯỜI VỢ`) and the same label repeated per column', async () => {
    const { values } = await marriage([
      'GIẤY CHỨNG NHẬN KẾT HÔN',
      [
        [100, 'THÔNG TIN NGƯỜI CHỒNG'],
        [700, 'THÔNG TIN NGƯỜI VỢ'],
      ],
      [
        [100, 'Họ, chữ đệm, tên:'],
        [700, 'Họ, chữ đệm, tên:'],
      ],
      [
        [130, 'PHẠM THÀNH LONG'],
        [730, 'NGUYỄN THANH HOÀ'],
      ],
      [
        [100, 'Ngày, tháng, năm sinh:'],
        [700, 'Ngày, tháng, năm sinh:'],
      ],
      [
        [130, 'ngày 18 tháng 11 năm 1997'],
        [730, 'ngày 28 tháng 11 năm 2000'],
      ],
    ]);
    expect(values).toMatchObject({
      'person.fullName': 'Phạm Thành Long',
      'person.birthDate': '1997-11-18',
      'spouse:person.fullName': 'Nguyễn Thanh Hoà',
      'spouse:person.birthDate': '2000-11-28',
    });
  });

  it('reads a date in words that runs onto the next line, and keeps one that may go on below the fill threshold', async () => {
    const wrapped = await marriage([
      'Ngày, tháng, năm đăng ký: ngày hai mươi chín tháng hai năm hai nghìn không trăm hai mươi',
      '  tư',
      'Số: 120 Quyển số: 02/2024',
    ]);
    expect(wrapped.values['document.issueDate']).toBe('2024-02-29');
    expect(wrapped.values['document.number']).toBe('120');
    const alone = await marriage([
      'Ngày, tháng, năm đăng ký: ngày hai mươi chín tháng hai năm hai nghìn không trăm hai mươi',
      'Số: 120 Quyển số: 02/2024',
    ]);
    expect(alone.values['document.issueDate']).toBe('2020-02-29');
    expect(alone.fields['document.issueDate']!.confidence).toBeLessThan(0.7);
    const digits = await marriage(['Ngày, tháng, năm đăng ký: 29/02/2024', '  Nguyễn Văn An']);
    expect(digits.values['document.issueDate']).toBe('2024-02-29');
    expect(digits.fields['document.issueDate']!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('reads the 9-digit CMND of an older marriage certificate under its label, never a passport number', async () => {
    const { values } = await marriage([
      'Họ và tên chồng: TRẦN VĂN BÌNH',
      'Số Giấy CMND: 162 345 678',
      'Họ và tên vợ: LÊ THỊ HOA',
      'Giấy tờ tùy thân: Hộ chiếu số 123456789',
    ]);
    expect(values['person.idNumber']).toBe('162345678');
    expect(values['spouse:person.idNumber']).toBeUndefined();
  });

  it('reads a birth date on the line below a label that stands alone (`Sinh ngày`)', async () => {
    const { values } = await birth([
      'Họ và tên: NGUYỄN VĂN AN',
      'Giới tính: Nam     Dân tộc: Kinh     Quốc tịch: Việt Nam',
      'Sinh ngày:',
      '   ngày 12 tháng 3 năm 2005',
      'Nơi sinh: Trạm Y tế Xã An Bình, Huyện Thuận An, Bình Dương',
    ]);
    expect(values).toMatchObject({
      'person.birthDate': '2005-03-12',
      'person.sex': 'male',
      'person.ethnicity': 'Kinh',
      'person.nationality': 'Việt Nam',
    });
  });
});

describe('dateComplete and personalIdOrCmnd', () => {
  it('takes digit dates as complete and a date in words ending in a number word that goes on as open', () => {
    expect(rp.dateComplete('29/02/2024')).toBe(true);
    expect(rp.dateComplete('ngày 12 tháng 3 năm 2005')).toBe(true);
    expect(rp.dateComplete('ngày mười tháng ba năm một nghìn chín trăm chín mươi lăm')).toBe(true);
    expect(rp.dateComplete('ngày hai mươi chín tháng hai năm hai nghìn không trăm hai mươi')).toBe(false);
    expect(rp.dateComplete('ngày hai mươi chín tháng hai năm hai nghìn không trăm')).toBe(false);
    expect(rp.dateComplete('Nguyễn Văn An')).toBe(false);
  });

  it('reads a 12-digit ID first, a lone 9-digit CMND, and nothing from a passport or two numbers', () => {
    expect(rp.personalIdOrCmnd('CCCD số 079305579791')).toBe('079305579791');
    expect(rp.personalIdOrCmnd('CMND số 162345678')).toBe('162345678');
    expect(rp.personalIdOrCmnd('162.345.678')).toBe('162345678');
    expect(rp.personalIdOrCmnd('Hộ chiếu số 123456789')).toBeUndefined();
    expect(rp.personalIdOrCmnd('162345678 cấp ngày 12/03/2005')).toBeUndefined();
    expect(rp.personalIdOrCmnd('16234567')).toBeUndefined();
  });
});

describe('a label and its role label run together', () => {
  it('reads `Họ, chữ đệm, tên người đi khai sinh:` with the name below as the declarant’s, not as a row of the parents’ table above', async () => {
    const { values } = await birth([
      [
        [470, 'Người mẹ'],
        [800, 'Người cha'],
      ],
      [
        [100, 'Họ, chữ đệm, tên'],
        [350, 'NGUYỄN THỊ NHUNG'],
        [750, 'HOÀNG VĂN PHÚC'],
      ],
      '',
      'Họ, chữ đệm, tên người đi khai sinh:',
      '   HOÀNG VĂN PHÚC',
      'Quan hệ với người được khai sinh: Cha',
    ]);
    expect(values).toMatchObject({
      'mother:person.fullName': 'Nguyễn Thị Nhung',
      'father:person.fullName': 'Hoàng Văn Phúc',
      'declarant:person.fullName': 'Hoàng Văn Phúc',
      'declarant:person.relationship': 'Cha',
    });
    expect(values['person.fullName']).toBeUndefined();
  });
});

describe('a section heading with the rest of its rule read as text', () => {
  it('takes `Cha ñ Ñ` as the father’s heading, and `Cha Nguyễn` as no heading', async () => {
    const { values } = await birth([
      'Họ, chữ đệm và tên: Bùi Thị Thu Thuý',
      'Cha ñ Ñ',
      'Họ, chữ đệm và tên: Bùi Công Cường',
      'Mẹ —',
      'Họ, chữ đệm và tên: Bùi Kim Khuê',
    ]);
    expect(values).toMatchObject({
      'person.fullName': 'Bùi Thị Thu Thuý',
      'father:person.fullName': 'Bùi Công Cường',
      'mother:person.fullName': 'Bùi Kim Khuê',
    });
  });
});
