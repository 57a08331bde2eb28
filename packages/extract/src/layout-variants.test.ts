import { describe, expect, it } from 'vitest';
import type { OcrPage, PageImage } from '@sohoa/core';
import { extractDocument } from './extract';
import { agencyUnit, joinCountryLine, properCaseAddress, settleAddressCase } from './documents/business/registration';
import { holderName } from './documents/land-use-certificate/definition';
import { parsePhoneValue } from './registration-parsers';
import { layoutPage, SOURCE, type LayoutRow } from './test-helpers';
import { cmnd9 } from './documents/cmnd-9/definition';
import type { ExtractContext, FieldSet, PageReading, RegionRecognizer } from './types';

// Layouts of land, household business and CMND documents drawn after other official template versions
// than the tuned families (issue 11, fourth round): synthetic lines only.

const blank: PageImage = {
  source: SOURCE,
  width: 1800,
  height: 1800,
  channels: 1,
  pixels: new Uint8Array(4),
  diagnostics: [],
};
const extract = async (...pages: LayoutRow[][]) => {
  const record = await extractDocument(
    { pages: pages.map(() => blank), ocr: pages.map((rows) => layoutPage(rows)), qr: pages.map(() => undefined) },
    { asOf: '2024-01-01' },
  );
  const values = Object.fromEntries(Object.entries(record.fields).map(([k, f]) => [k, f.value]));
  return { record, values, fields: record.fields };
};

const LAND_HEAD = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT'];
const PARCEL = [
  'Thửa đất số: 12    Tờ bản đồ số: 3',
  'Địa chỉ: Xóm 5, Xã Hoằng Đạo, Huyện Hoằng Hoá, Thanh Hoá',
  'Diện tích: 120,5 m²',
  '(Bằng chữ: Một trăm hai mươi phẩy năm',
  'mét vuông)',
  'Mục đích sử dụng: Đất ở tại nông thôn',
  'Thời hạn sử dụng: Lâu dài',
];
const ADDRESS = 'Địa chỉ thường trú: Xóm 5, Xã Hoằng Đạo, Huyện Hoằng Hoá, Thanh Hoá';

describe('land use certificates in other template versions', () => {
  it('reads the holder named after the section heading and its colon, in one running sentence', async () => {
    const { values } = await extract([
      ...LAND_HEAD,
      '1. Người sử dụng đất: Ông NGUYỄN VĂN AN, sinh năm: 1970, CCCD số: 038070001234',
      ADDRESS,
      '2. Thửa đất',
      ...PARCEL,
    ]);
    expect(values['person.fullName']).toBe('Nguyễn Văn An');
    expect(values['person.birthDate.year']).toBe('1970');
    expect(values['person.idNumber']).toBe('038070001234');
    expect(values['person.permanentAddress']).toBe('Xóm 5, Xã Hoằng Đạo, Huyện Hoằng Hoá, Thanh Hoá');
  });

  it('reads the title of either sex (`Ông/Bà:`) and area words wrapped flush under their label', async () => {
    const { values } = await extract([
      ...LAND_HEAD,
      'I. NGƯỜI SỬ DỤNG ĐẤT',
      'Ông/Bà: NGUYỄN VĂN AN',
      'Năm sinh: 1970     Số CCCD: 038070001234',
      ADDRESS,
      'II. THỬA ĐẤT',
      ...PARCEL,
    ]);
    expect(values['person.fullName']).toBe('Nguyễn Văn An');
    expect(values['person.idNumber']).toBe('038070001234');
    expect(values['land.area']).toBe('120.5');
    expect(values['land.area.words']).toBe('Một trăm hai mươi phẩy năm mét vuông');
  });

  it("keeps a holder's year, ID and address when the holder's name was not read", async () => {
    const { values } = await extract([
      ...LAND_HEAD,
      'I. NGƯỜI SỬ DỤNG ĐẤT',
      'Năm sinh: 1970     Số CCCD: 038070001234',
      ADDRESS,
      'II. THỬA ĐẤT',
      ...PARCEL,
    ]);
    expect(values['person.fullName']).toBeUndefined();
    expect(values['person.birthDate.year']).toBe('1970');
    expect(values['person.idNumber']).toBe('038070001234');
    expect(values['person.permanentAddress']).toBe('Xóm 5, Xã Hoằng Đạo, Huyện Hoằng Hoá, Thanh Hoá');
  });

  it('takes the title printed in the value off the name, not the surname Ông of a one-word rest', () => {
    expect(holderName('Ông Phạm Đức Việt')).toBe('Phạm Đức Việt');
    expect(holderName('Hộ bà: TRẦN THỊ MAI')).toBe('Trần Thị Mai');
    expect(holderName('NGUYỄN VĂN AN')).toBe('Nguyễn Văn An');
  });
});

describe('household business certificates in other template versions', () => {
  it('reads the unit from the official header line (`ỦY BAN NHÂN DÂN QUẬN …` above the office)', async () => {
    const { values, fields } = await extract([
      [
        [100, 'ỦY BAN NHÂN DÂN QUẬN HAI BÀ TRƯNG'],
        [1000, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ],
      [
        [100, 'PHÒNG TÀI CHÍNH - KẾ HOẠCH'],
        [1000, 'Độc lập - Tự do - Hạnh phúc'],
      ],
      '',
      'GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH',
      'Mã số hộ kinh doanh: 8012345678',
      'Đăng ký lần đầu: ngày 05 tháng 03 năm 2019',
      '1. Tên hộ kinh doanh: HỘ KINH DOANH CÀ PHÊ SAO MAI',
      '2. Địa chỉ trụ sở hộ kinh doanh: Số 5 phố Huế, Phường Phố Huế, Quận Hai Bà Trưng, Hà Nội',
      'SĐT: (+84) 912 345 678; Email: saomai@example.vn',
      '5. Thông tin về chủ hộ kinh doanh',
      'Họ, chữ đệm và tên: TRẦN THỊ MAI',
      'Chỗ ở hiện nay: Số 7 phố Huế, Phường Phố Huế, Quận Hai Bà Trưng, Hà Nội',
    ]);
    expect(values['document.issuer']).toBe('Phòng Tài chính - Kế hoạch Quận Hai Bà Trưng');
    expect(fields['document.issuer']!.confidence).toBeLessThan(0.7);
    expect(values['org.phone']).toBe('0912345678');
    expect(values['org.representative']).toBe('Trần Thị Mai');
    expect(values['org.address']).toBe('Số 5 phố Huế, Phường Phố Huế, Quận Hai Bà Trưng, Hà Nội');
  });

  it('parses agency lines, phone numbers with a country code, and restores the case of an address in capitals', () => {
    expect(agencyUnit('UBND HUYỆN ĐAN PHƯỢNG')).toBe('Huyện Đan Phượng');
    expect(agencyUnit('PHÒNG TÀI CHÍNH - KẾ HOẠCH THÀNH PHỐ VINH')).toBe('Thành phố Vinh');
    expect(agencyUnit('PHÒNG TÀI CHÍNH - KẾ HOẠCH')).toBeUndefined();
    expect(parsePhoneValue('+84 912 345 678')).toBe('0912345678');
    expect(parsePhoneValue('0912.345.678; Fax: 024 3826 1234')).toBe('0912345678');
    expect(parsePhoneValue('912 345 678')).toBe('0912345678');
    expect(parsePhoneValue('12345')).toBeUndefined();
    expect(properCaseAddress('SỐ 164 PHỐ LÒ ĐÚC, PHƯỜNG BẠCH ĐẰNG, QUẬN HAI BÀ TRƯNG, HÀ NỘI')).toBe(
      'Số 164 phố Lò Đúc, Phường Bạch Đằng, Quận Hai Bà Trưng, Hà Nội',
    );
    const fields: FieldSet = {
      'org.address': { value: 'SỐ 5 ĐƯỜNG LÊ LỢI, THÀNH PHỐ VINH, NGHỆ AN, VIỆT NAM', confidence: 0.93, evidence: [] },
      'person.permanentAddress': {
        value: 'Số 5 đường Lê Lợi, Thành phố Vinh, Nghệ An',
        confidence: 0.93,
        evidence: [],
      },
    };
    expect(settleAddressCase(fields, 'org.address', true)).toHaveLength(1);
    expect(fields['org.address']!.value).toBe('Số 5 đường Lê Lợi, Thành phố Vinh, Nghệ An, Việt Nam');
    expect(fields['org.address']!.confidence).toBeLessThan(0.7);
    // An enterprise's head office without its country may have lost a line; a person's address is complete without it.
    expect(settleAddressCase({ ...fields }, 'person.permanentAddress', false)).toHaveLength(0);
    const head: FieldSet = { a: { ...fields['person.permanentAddress']! } };
    expect(settleAddressCase(head, 'a', true)).toHaveLength(1);
    expect(head.a!.confidence).toBeLessThan(0.7);
  });

  it("joins the country printed alone under an enterprise's head office", () => {
    const ocr = layoutPage(['Địa chỉ trụ sở chính: Số 5 đường Lê Lợi, Thành phố Vinh, Nghệ An,', 'Việt Nam']);
    const reading: PageReading = { page: blank, ocr, qr: undefined };
    const line = ocr.lines[0]!;
    const fields: FieldSet = {
      'org.address': {
        value: 'Số 5 đường Lê Lợi, Thành phố Vinh, Nghệ An',
        confidence: 0.9,
        evidence: [{ method: 'ocr', sha256: SOURCE.sha256, page: 1, box: line.box }],
      },
    };
    joinCountryLine(fields, 'org.address', reading);
    expect(fields['org.address']!.value).toBe('Số 5 đường Lê Lợi, Thành phố Vinh, Nghệ An, Việt Nam');
    const far: PageReading = {
      page: blank,
      ocr: layoutPage(['Địa chỉ: Số 5 đường Lê Lợi, Nghệ An', '', '', 'Việt Nam']),
      qr: undefined,
    };
    const f2: FieldSet = {
      'org.address': {
        ...fields['org.address']!,
        value: 'Số 5 đường Lê Lợi, Nghệ An',
        evidence: [{ method: 'ocr', sha256: SOURCE.sha256, page: 1, box: far.ocr!.lines[0]!.box }],
      },
    };
    joinCountryLine(f2, 'org.address', far);
    expect(f2['org.address']!.value).toBe('Số 5 đường Lê Lợi, Nghệ An');
  });
});

describe('9-digit CMND in other template versions', () => {
  it('takes a card titled CMND with the 2012 wording (`Họ và tên`, `Giới tính`, `Quê quán`) for a CMND front', async () => {
    const { record, values } = await extract([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'GIẤY CHỨNG MINH NHÂN DÂN',
      'Số: 162345678',
      'Họ và tên: TRẦN THỊ MAI',
      'Ngày, tháng, năm sinh: 12/05/1980',
      'Giới tính: Nữ',
      'Quê quán: Xã Yên Phong, Huyện Ý Yên, Nam Định',
      'Nơi thường trú: Số 5 phố Huế, Quận Hai Bà Trưng, Hà Nội',
    ]);
    expect(record.type).toBe('cmnd-9');
    expect(values['person.oldIdNumber']).toBe('162345678');
    expect(values['person.fullName']).toBe('Trần Thị Mai');
    expect(values['person.birthDate']).toBe('1980-05-12');
    expect(values['person.hometown']).toBe('Xã Yên Phong, Huyện Ý Yên, Nam Định');
  });

  it('reads the issuer abbreviated `GĐ CA TỈNH …` on the back', async () => {
    const { values } = await extract([
      'DÂN TỘC: Kinh',
      'TÔN GIÁO: Không',
      'DẤU VẾT RIÊNG VÀ DỊ HÌNH:',
      'Sẹo chấm cách 1cm trên đầu mày trái',
      'Ngày 03 tháng 07 năm 2006',
      'GĐ CA TỈNH NAM ĐỊNH',
      [
        [100, 'NGÓN TRỎ TRÁI'],
        [700, 'NGÓN TRỎ PHẢI'],
      ],
    ]);
    expect(values['document.issuer']).toBe('Công an tỉnh Nam Định');
    expect(values['document.issueDate']).toBe('2006-07-03');
  });

  it('reads again a line the page OCR gave up on (a value over a dotted line), below the fill threshold', async () => {
    const page = layoutPage([
      'GIẤY CHỨNG MINH NHÂN DÂN',
      'SỐ 113123513',
      'Họ tên ..... DƯƠNG THỊ THU HUYỀN',
      '0',
      'Nguyên quán: Phường 13, Bình Thạnh, Hồ Chí Minh',
    ]);
    page.lines[3]!.confidence = 0;
    const garbledY = page.lines[3]!.box.y;
    const regions: number[] = [];
    const recognizer: RegionRecognizer = {
      async recognize(_page, { regions: [region] }): Promise<OcrPage> {
        regions.push(region!.box.y);
        const box = region!.box;
        // Only the garbled line's region reads as the birth line.
        const text = Math.abs(box.y - garbledY) < 25 ? 'Sinh ngày ...... 19-12-1960..........nnnnnn' : '';
        return { ...layoutPage([]), lines: text ? [{ text, confidence: 0, box, words: [] }] : [] };
      },
    };
    const context: ExtractContext = {
      options: { asOf: '2024-01-01', types: undefined, documentTypes: [] },
      recognizer,
    };
    const record = await cmnd9.extract(
      [{ page: blank, ocr: page, qr: undefined }],
      [{ type: 'cmnd-9', part: 'front', score: 1 }],
      context,
    );
    expect(record.fields['person.birthDate']?.value).toBe('1960-12-19');
    expect(record.fields['person.birthDate']!.confidence).toBeLessThan(0.7);
    expect(record.fields['person.fullName']?.value).toBe('Dương Thị Thu Huyền');
    expect(regions.some((y) => Math.abs(y - garbledY) < 25)).toBe(true);
  });
});
